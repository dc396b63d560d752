// Bundles the CLI (run by `npm run build`, after tsc), in two forms:
// - dist/cli/main.js and dist/build/worker.js: an ES module entry each and
//   shared chunks instead of ~300 modules (Node resolves, reads and compiles
//   every ES module on its own); commands and the typesetting stack load on
//   first use. This is the normal start, when there is no start-up snapshot.
// - dist/snapshot/hiwar.cjs: the whole CLI as one CommonJS script, which
//   scripts/snapshot.mjs turns into a V8 start-up snapshot (a snapshot's entry
//   must be one script that requires only Node's own modules).
// Both run the sources and the dependencies as they are; the one change is
// where code looks for its files:
// - our modules keep their own `import.meta.url` (where tsc put them), so
//   templates/, schema/, the worker entry and HarfBuzz's wasm are found as before;
// - pdfkit finds its data files (AFM, ICC) through its real location.
// Three choices make the snapshot smaller, and every run starts by reading it
// (27 -> 16.7 MB; `node --snapshot-blob … -- --version`, CPU ≈ 129 -> 105 ms
// for the first two):
// - brotli (fontkit's WOFF2 decoder; hiwar opens only its own TTF fonts) comes
//   in the form its package.json declares for browsers: its 122 kB dictionary
//   as a compressed string, unpacked on first use, instead of a 1.3 MB array
//   literal built when the module loads (both forms are brotli's own files);
// - the one-script bundle is plain ASCII: V8 keeps a script's source in the
//   snapshot, and one Arabic letter (in a regular expression or a comment)
//   makes all 6 MB of it two bytes a character. esbuild escapes strings but
//   not regular expressions; `\uXXXX` means the same there, with or without
//   the u flag (a surrogate pair of escapes is one code point under u);
// - the one-script bundle is minified (see bundleAll).
import { build } from 'esbuild';
import { createRequire, isBuiltin } from 'node:module';
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP, sourcesHash } from './sources-hash.mjs';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
const SNAPSHOT_BUNDLE = path.join('snapshot', 'hiwar.cjs');

const posix = (p) => p.split(path.sep).join('/');

/** Where code finds its files, for output files in `outDir` (see the top of this file). */
function relocate(dist, outDir, format) {
  return {
    name: 'hiwar-relocate',
    setup(b) {
      // brotli's browser form of its dictionary (its package.json "browser" field)
      b.onResolve({ filter: /^\.\/dictionary-data(\.js)?$/ }, (args) =>
        /[\\/]node_modules[\\/]brotli[\\/]dec$/.test(args.resolveDir) ? { path: path.join(args.resolveDir, 'dictionary-browser.js') } : undefined,
      );
      // our sources: import.meta.url is where tsc put the module
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url') || !args.path.startsWith(SRC + path.sep)) return { contents: text, loader: 'ts' };
        const compiled = path.join(dist, path.relative(SRC, args.path)).replace(/\.ts$/, '.js');
        const rel = posix(path.relative(outDir, compiled));
        const here = format === 'esm' ? 'import.meta.url' : '__hiwarBundleUrl';
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, ${here}).href`), loader: 'ts' };
      });
      if (format === 'esm') {
        // pdfkit's ES module build: import.meta.url is its installed file
        b.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
          const text = await readFile(args.path, 'utf8');
          const url = `new URL('./pdfkit.node.mjs', __hiwarUrl.pathToFileURL(__hiwarModule.createRequire(import.meta.url).resolve('pdfkit'))).href`;
          return {
            contents: `import * as __hiwarModule from 'node:module';\nimport * as __hiwarUrl from 'node:url';\n${text.replaceAll('import.meta.url', url)}`,
            loader: 'js',
          };
        });
      } else {
        // one CommonJS script: every package as require() finds it, so a package
        // imported by us and required by another is bundled once (fontkit, linebreak)
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path.startsWith('node:') || isBuiltin(args.path) || args.kind === 'entry-point') return undefined;
          return { path: createRequire(args.importer).resolve(args.path) };
        });
        // pdfkit's CommonJS build: __filename is its installed file
        b.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, async (args) => ({
          contents: (await readFile(args.path, 'utf8')).replaceAll('__filename', `require('node:path').join(require('node:path').dirname(__hiwarBundleFile), ${JSON.stringify(posix(path.relative(path.join(dist, 'snapshot'), args.path)))})`),
          loader: 'js',
        }));
      }
    },
  };
}

/**
 * Write dist/cli/main.js and dist/build/worker.js with the chunks they share
 * or load on demand in dist/chunks/, and dist/snapshot/hiwar.cjs (`dist` must
 * sit beside templates/ and schema/, as dist/ does).
 */
export async function bundleAll(dist = DIST) {
  // taken before bundling: a source changed meanwhile makes the stamp stale, never wrong
  const stamp = sourcesHash(ROOT);
  fs.rmSync(path.join(dist, STAMP), { force: true });
  fs.rmSync(path.join(dist, 'chunks'), { recursive: true, force: true });
  const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };
  await build({
    ...common,
    entryPoints: { 'cli/main': path.join(SRC, 'cli/main.ts'), 'build/worker': path.join(SRC, 'build/worker.ts') },
    outdir: dist,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    // every output file (entries and chunks) sits one folder deep in dist/
    plugins: [relocate(dist, path.join(dist, 'cli'), 'esm')],
    // CommonJS packages inside an ES module bundle still require() Node's own modules
    banner: { js: "import { createRequire as __hiwarRequire } from 'node:module';\nconst require = __hiwarRequire(import.meta.url);" },
  });
  const snapshot = path.join(dist, SNAPSHOT_BUNDLE);
  const { outputFiles } = await build({
    ...common,
    entryPoints: [path.join(SRC, 'cli/snapshot.ts')],
    outfile: snapshot,
    write: false,
    format: 'cjs',
    // V8 keeps a script's source in the snapshot, and every run reads it back
    // (see the top of this file): minified, 4.7 -> 2.4 MB of source, a 19.0 ->
    // 16.7 MB snapshot. The ES module bundles stay readable (a run without
    // the snapshot, HIWAR_SNAPSHOT=0, is the one to debug or profile).
    minify: true,
    plugins: [relocate(dist, path.dirname(snapshot), 'cjs')],
    banner: { js: "const __hiwarBundleFile = __filename;\nconst __hiwarBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  fs.mkdirSync(path.dirname(snapshot), { recursive: true });
  fs.writeFileSync(snapshot, asciiOnly(outputFiles[0].text));
  fs.writeFileSync(path.join(dist, STAMP), `${stamp}\n`);
}

/** `text` with every character past ASCII written as a `\uXXXX` escape (see the top of this file). */
export function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleAll();
