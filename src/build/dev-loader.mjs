// Module hooks that run hiwar straight from its TypeScript sources: for the
// scripts (golden, pagination-stats, make-chart) and for dev-worker.mjs, the
// build's worker threads when hiwar runs from its sources without a bundled
// worker named (the tests name one: tests/helpers/compiled-cli.ts). `./x.js`
// resolves to `./x.ts` when only the source exists; esbuild (vitest brings
// it) strips the types.
//
// Stripping the ~90 modules takes about 0.5 s of CPU, paid again by every
// process and worker thread that loads them, so the JavaScript is kept in
// node_modules/.cache, named by a hash of the source text, its path and the
// esbuild version: a changed source is a new name and is always stripped anew.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync, version } from 'esbuild';

const CACHE = fileURLToPath(new URL('../../node_modules/.cache/hiwar-dev-loader/', import.meta.url));

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    if (specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) return next(`${specifier.slice(0, -3)}.ts`, context);
    throw err;
  }
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  const cached = `${CACHE}${createHash('sha256').update(`${version}\0${file}\0${source}`).digest('hex')}.js`;
  try {
    return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  } catch {
    // not stripped yet
  }
  const { code } = transformSync(source, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: file, sourcemap: 'inline' });
  try {
    // written under a name of its own, then renamed: a process reading the
    // cache meanwhile sees the whole file or none
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, cached);
  } catch {
    // a cache that cannot be written only costs time
  }
  return { format: 'module', source: code, shortCircuit: true };
}
