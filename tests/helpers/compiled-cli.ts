// vitest globalSetup: the package the tests start hiwar from as a process of
// its own (signals, locks, EPIPE, the soak, the bundle's own tests), as
// `npm install` makes it: the CLI bundled from the current sources, and its
// start-up snapshot, so a child starts as an installed hiwar does.
//
// - When dist/ was built from exactly these sources (its stamp, written by
//   scripts/bundle.mjs, is their hash: scripts/sources-hash.mjs) and its
//   snapshot is current, that is the package: on a fresh clone `npm ci` has
//   just built it (the prepare script), and `npm run build` makes it so again.
// - Otherwise (a source changed since the last build) the same is built once
//   into node_modules/.cache/hiwar-test-cli/, a package folder of its own
//   beside links to templates/, schema/, src/ and node_modules/, and reused
//   by later runs while the sources stay as they are.
//
// Started from the TypeScript sources through a module loader, each such
// process spent ~1.7 s of CPU before its first line of work; from the bundle
// ~0.8 s, from the snapshot ~0.3 s (one lesson built: 1.67 -> 0.83 -> 0.45 s CPU).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleAll } from '../../scripts/bundle.mjs';
import { buildSnapshot } from '../../scripts/snapshot.mjs';
import { STAMP, sourcesHash } from '../../scripts/sources-hash.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the package folder: bin/hiwar.js, dist/ (tests/helpers/hiwar-process.ts) */
    hiwarPackage: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'node_modules/.cache/hiwar-test-cli');
/** linked into a cached package folder: what the bundle finds through its modules' own locations */
const LINKED = ['templates', 'schema', 'src', 'lessons', 'node_modules', 'package.json'];

type SnapshotCheck = { currentSnapshot(dist: string): string | undefined };
const require = createRequire(import.meta.url);

/** Whether the package at `dir` was built from sources with this hash, its snapshot included. */
function builtFrom(dir: string, hash: string): boolean {
  try {
    if (fs.readFileSync(path.join(dir, 'dist', STAMP), 'utf8').trim() !== hash) return false;
  } catch {
    return false;
  }
  // the package's own launcher check (it knows its own templates)
  const check = require(path.join(dir, 'bin/snapshot-check.js')) as SnapshotCheck;
  return check.currentSnapshot(path.join(dir, 'dist')) !== undefined;
}

/**
 * A package folder in the cache, built from these sources. Each run that finds
 * none builds its own under a name of its own (a snapshot records where it was
 * made, so it cannot be built elsewhere and moved), then points
 * `<hash>.json` at it: a run starting meanwhile sees a whole package or none.
 */
async function cachedPackage(hash: string): Promise<string> {
  // named also by how this file makes a package
  const name = createHash('sha256').update(hash).update(fs.readFileSync(path.join(ROOT, 'tests/helpers/compiled-cli.ts'))).digest('hex').slice(0, 16);
  const pointer = path.join(CACHE, `${name}.json`);
  try {
    const dir = (JSON.parse(fs.readFileSync(pointer, 'utf8')) as { dir: string }).dir;
    if (builtFrom(dir, hash)) return dir;
  } catch {
    // none yet
  }
  const dir = path.join(CACHE, `${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of LINKED) fs.symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  // a copy: the launcher finds dist/ beside its own real location
  fs.cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
  await bundleAll(path.join(dir, 'dist'));
  await buildSnapshot(path.join(dir, 'dist'));
  fs.writeFileSync(`${pointer}.${process.pid}`, JSON.stringify({ dir }));
  fs.renameSync(`${pointer}.${process.pid}`, pointer);
  // packages of older sources (~30 MB each; an hour old: a run still using one has long ended)
  for (const old of fs.readdirSync(CACHE)) {
    const p = path.join(CACHE, old);
    if (p !== dir && p !== pointer && Date.now() - fs.lstatSync(p).mtimeMs > 3_600_000) fs.rmSync(p, { recursive: true, force: true });
  }
  return dir;
}

export default async function setup(project: TestProject): Promise<void> {
  const hash = sourcesHash(ROOT);
  const pkg = builtFrom(ROOT, hash) ? ROOT : await cachedPackage(hash);
  project.provide('hiwarPackage', pkg);
  // the build's worker threads, started by the sources under test (src/build/dev-worker.mjs)
  process.env.HIWAR_DEV_WORKER = path.join(pkg, 'dist/build/worker.js');
  // The test processes and every hiwar they start (set before any starts) open
  // no network connection, yet Node reads the whole NODE_EXTRA_CA_CERTS file
  // as it starts: 70-80 ms of CPU for each of the suite's ~30 Node processes
  // on a machine that sets it (a 220 KB system bundle here). The launcher
  // drops it for the process it starts from the snapshot, too.
  delete process.env.NODE_EXTRA_CA_CERTS;
}
