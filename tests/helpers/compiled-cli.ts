// vitest globalSetup: the CLI bundled from the current sources, once per run,
// for the tests that start hiwar as a process of its own (signals, locks,
// EPIPE, the soak). Started from the TypeScript sources through a module
// loader, each such process spent ~1.7 s of CPU before its first line of
// work; from the bundle ~0.8 s (one lesson built: 1.67 -> 0.83 s CPU).
//
// The bundle is what `npm run build` makes (scripts/bundle.mjs: the CLI, its
// build worker, and the one-script form the start-up snapshot is made of),
// written into a package folder of its own beside links to templates/,
// schema/, src/ and node_modules/; tests/build/bundle.test.ts copies it to
// make its snapshot. It is kept in node_modules/.cache under a hash of
// everything it is made from (the sources, the bundler, the launcher, the
// locked dependencies, this file), so a changed source is always a new
// bundle; an unchanged one is reused by the next run.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { version as esbuildVersion } from 'esbuild';
import { bundleAll } from '../../scripts/bundle.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the package folder: bin/hiwar.js, dist/ (tests/helpers/hiwar-process.ts) */
    hiwarPackage: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'node_modules/.cache/hiwar-test-cli');
/** linked into the package folder: what the bundle finds through its modules' own locations */
const LINKED = ['templates', 'schema', 'src', 'lessons', 'node_modules', 'package.json'];

function files(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** A hash of everything the bundle is made from. */
function inputsHash(): string {
  const hash = createHash('sha256').update(`${esbuildVersion}\0${process.version}\0`);
  for (const f of [...files('src'), ...files('bin'), 'scripts/bundle.mjs', 'package-lock.json', 'tsconfig.json', 'tests/helpers/compiled-cli.ts']) {
    hash.update(`${f}\0`).update(fs.readFileSync(path.join(ROOT, f))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function makePackage(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of LINKED) fs.symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  // a copy: the launcher finds dist/ beside its own real location
  fs.cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
  await bundleAll(path.join(dir, 'dist'));
}

export default async function setup(project: TestProject): Promise<void> {
  const pkg = path.join(CACHE, inputsHash());
  if (!fs.existsSync(path.join(pkg, 'dist/cli/main.js'))) {
    // made under a name of its own, then renamed: a run starting meanwhile
    // sees the whole package or none
    const tmp = `${pkg}.${process.pid}.tmp`;
    fs.rmSync(tmp, { recursive: true, force: true });
    await makePackage(tmp);
    try {
      fs.renameSync(tmp, pkg);
    } catch {
      fs.rmSync(tmp, { recursive: true, force: true }); // another run made it first
    }
    // bundles of older sources (~10 MB each; an hour old: a run still using one has long ended)
    for (const old of fs.readdirSync(CACHE)) {
      const p = path.join(CACHE, old);
      if (p !== pkg && Date.now() - fs.lstatSync(p).mtimeMs > 3_600_000) fs.rmSync(p, { recursive: true, force: true });
    }
  }
  project.provide('hiwarPackage', pkg);
}
