// A hash of everything hiwar's bundles and start-up snapshot are made from:
// the sources, the launcher, the scripts that bundle and snapshot, the locked
// dependencies, and the Node and esbuild versions. `npm run build` stamps
// dist/ with it (scripts/bundle.mjs), so the tests can tell whether dist/ was
// built from the sources they test (tests/helpers/compiled-cli.ts).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { version as esbuildVersion } from 'esbuild';

/** The stamp's file name, in dist/. */
export const STAMP = 'sources.sha256';

function files(root, dir) {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(root, path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** The hash of what a build of the package at `root` is made from (hex, 16 digits). */
export function sourcesHash(root) {
  const hash = createHash('sha256').update(`${esbuildVersion}\0${process.version}\0`);
  for (const f of [...files(root, 'src'), ...files(root, 'bin'), 'scripts/bundle.mjs', 'scripts/snapshot.mjs', 'scripts/sources-hash.mjs', 'package-lock.json', 'tsconfig.json']) {
    hash.update(`${f}\0`).update(fs.readFileSync(path.join(root, f))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
