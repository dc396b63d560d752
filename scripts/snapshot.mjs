// Builds hiwar's V8 start-up snapshot (run by `npm run build`, after
// scripts/bundle.mjs): `node --build-snapshot` runs dist/snapshot/hiwar.cjs
// (src/cli/snapshot.ts: every module loaded, fonts opened, templates
// compiled, the sample lesson built once) and saves the heap to
// dist/snapshot/hiwar.blob. The sample lesson's shapes come from a plain run
// of the same script first (HarfBuzz cannot run inside the snapshot builder). bin/hiwar.js
// starts from it when dist/snapshot/manifest.json says it is current: the
// same Node binary and version, and every file it was made from unchanged
// (the bundle, the fonts, the templates). Anything else starts as usual, so
// a missing, stale or failed snapshot costs time, never a wrong result.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Build the snapshot of the bundle in `dist`; false (with a warning) when Node cannot. */
export async function buildSnapshot(dist = path.join(ROOT, 'dist')) {
  const dir = path.join(dist, 'snapshot');
  const blob = path.join(dir, 'hiwar.blob');
  const manifest = path.join(dir, 'manifest.json');
  const script = path.join(dir, 'hiwar.cjs');
  fs.rmSync(manifest, { force: true });
  fs.rmSync(blob, { force: true });
  const fail = (r) => {
    fs.rmSync(blob, { force: true });
    process.stderr.write(`hiwar: no start-up snapshot (hiwar starts normally, a little slower): ${(r.stderr || r.error?.message || '').trim().split('\n').slice(-3).join(' ')}\n`);
    return false;
  };
  // the launcher's own check, and the V8 flags a run from the snapshot starts with
  const check = await import(pathToFileURL(path.join(dist, '..', 'bin', 'snapshot-check.js')).href);
  // the warm-up: the sample lesson, built into a folder of its own
  const lesson = path.join(dist, '..', 'lessons', 'virtual-caliphate-intro.yaml');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-snapshot-'));
  const warmUp = { lesson, out: path.join(tmp, 'out'), shapes: path.join(tmp, 'shapes.json') };
  // Node warns that some of its modules are not verified in snapshots; the
  // bundle uses them only at run time (child_process, worker_threads)
  const env = { ...process.env, NODE_NO_WARNINGS: '1', HIWAR_SNAPSHOT_WARMUP: JSON.stringify(warmUp) };
  if (!fs.existsSync(lesson)) delete env.HIWAR_SNAPSHOT_WARMUP;
  try {
    if (env.HIWAR_SNAPSHOT_WARMUP) {
      const shapes = spawnSync(process.execPath, [script], { cwd: dir, encoding: 'utf8', env });
      if (shapes.status !== 0) return fail(shapes);
    }
    const r = spawnSync(process.execPath, [...check.SNAPSHOT_FLAGS, '--snapshot-blob', blob, '--build-snapshot', script], { cwd: dir, encoding: 'utf8', env });
    if (r.status !== 0 || !fs.existsSync(blob)) return fail(r);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  // what the package's own launcher will compare (bin/ beside dist/)
  fs.writeFileSync(manifest, JSON.stringify(check.snapshotInputs(dist)) + '\n');
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildSnapshot();
