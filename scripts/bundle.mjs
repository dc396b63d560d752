// Bundles the CLI and the build worker (run by `npm install` and `npm run
// build`, after tsc): an entry file each and a few dozen shared chunks instead
// of ~300 modules, since Node resolves, reads and compiles every ES module on
// its own, which was most of a cold start. The entries replace tsc's
// dist/cli/main.js and dist/build/worker.js (chunks go to dist/chunks/); the
// rest of dist/ stays a working unbundled copy.
//
// Modules reached only through `await import()` (each command, the
// typesetting stack) still run only when first needed. Paths stay right:
// - our modules keep their own `import.meta.url` (where tsc put them), so
//   templates/, schema/ and the worker entry are found as before;
// - pdfkit finds its data files (AFM, ICC) through its real location;
// - harfbuzzjs (a top-level await and a .wasm beside it) stays outside.
// The bundled Handlebars templates are precompiled into the bundle.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateLinebreak } from './inflated-trie.mjs';
import { precompiledModule } from './precompile-templates.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
// the bundled templates, compiled now rather than at every start (src/render/precompiled.ts)
const PRECOMPILED = path.join(SRC, 'render', 'precompiled.ts');
const LAZY_TRIE = path.join(ROOT, 'scripts', 'lazy-unicode-trie.mjs');
const ENTITIES_DECODE = path.join(ROOT, 'scripts', 'entities-decode.mjs');
// loads `yaml` on first use (src/workspace/yaml-lib.ts); in the bundle, YAML_CJS (every output file is one folder deep)
const YAML_LIB = path.join(SRC, 'workspace', 'yaml-lib.ts');
const YAML_CJS = 'chunks/yaml.cjs';

const EXTERNAL = ['harfbuzzjs'];

export const YAML_ESM = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');

// Code hiwar never runs but whose modules do real work when loaded: pdfkit's
// AES (password-protected PDFs; builds its tables at load) and fontkit's
// Brotli (WOFF2 fonts; decodes a 120 kB dictionary at load). Each is loaded
// on first call instead.
const DEFERRED = {
  '@noble/ciphers/aes': ['cbc', 'ecb'],
  'brotli/decompress.js': ['default'],
};
// commander's child_process (with net, dgram and the like: ≈ 2 ms at every
// start) serves only executable subcommands, which hiwar has none of
const DEFERRED_FOR = { 'node:child_process': { importer: /[\\/]node_modules[\\/]commander[\\/]/, names: ['spawn'] } };

const posix = (p) => p.split(path.sep).join('/');

function plugin(dist) {
  // every output file (entries and chunks) sits one folder deep in dist/
  const outDir = path.join(dist, 'cli');
  return {
    name: 'hiwar-bundle',
    setup(b) {
      // yaml's ES module build: the same code as its Node build without the
      // process.env look-ups (LOG_TOKENS, LOG_STREAM) that build makes on every
      // token; parsing is ≈ 20 % faster (tests/workspace/yaml-builds.test.ts: same results)
      b.onResolve({ filter: /^yaml$/ }, () => ({ path: YAML_ESM }));
      // zod's `locales` namespace: hiwar uses only English (zod's default), the
      // other 60 locales were a seventh of the bundle to parse at every start
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-locales', pluginData: args.resolveDir } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: `export { default as en } from './en.js';`, loader: 'js', resolveDir: path.join(args.pluginData, '..', 'locales') }));
      // Unicode tries are inflated when first read, not when their module loads:
      // fontkit builds three at load for shapers hiwar never runs (HarfBuzz shapes)
      b.onResolve({ filter: /^unicode-trie$/ }, (args) => (args.importer === LAZY_TRIE ? undefined : { path: LAZY_TRIE }));
      b.onResolve({ filter: /^(@noble\/ciphers\/aes|brotli\/decompress\.js)$/ }, (args) => ({ path: args.path, namespace: 'deferred' }));
      b.onResolve({ filter: /^node:child_process$/ }, (args) => (DEFERRED_FOR[args.path].importer.test(args.importer) ? { path: args.path, namespace: 'deferred' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'deferred' }, (args) => ({
        contents: [
          `import { createRequire } from 'node:module';`,
          `let real;`,
          `const load = () => (real ??= createRequire(import.meta.url)(${JSON.stringify(args.path)}));`,
          ...(DEFERRED[args.path] ?? DEFERRED_FOR[args.path].names).map((name) =>
            name === 'default' ? `export default (...a) => load()(...a);` : `export const ${name} = (...a) => load().${name}(...a);`,
          ),
        ].join('\n'),
        loader: 'js',
        resolveDir: ROOT,
      }));
      // our sources: import.meta.url is where tsc put the module
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path === YAML_LIB) {
          return {
            contents: [
              `import { createRequire } from 'node:module';`,
              `let lib;`,
              `export const yamlLib = () => (lib ??= createRequire(import.meta.url)(${JSON.stringify(`../${YAML_CJS}`)}));`,
            ].join('\n'),
            loader: 'js',
          };
        }
        if (args.path === PRECOMPILED) return { contents: precompiledModule(path.join(ROOT, 'templates')), loader: 'js' };
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url') || !args.path.startsWith(SRC + path.sep)) return { contents: text, loader: 'ts' };
        const compiled = path.join(dist, path.relative(SRC, args.path)).replace(/\.ts$/, '.js');
        const rel = posix(path.relative(outDir, compiled));
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts' };
      });
      // htmlparser2's parseDocument without its index module, whose re-exports
      // kept for backward compatibility (DomUtils, getFeed) bring in
      // dom-serializer and an older entities that builds its tables at load
      b.onResolve({ filter: /^htmlparser2$/ }, (args) => (args.importer.startsWith(SRC + path.sep) ? { path: 'htmlparser2', namespace: 'htmlparser2-parse' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'htmlparser2-parse' }, () => ({
        contents: [
          `import { Parser } from ${JSON.stringify(path.join(path.dirname(createRequire(import.meta.url).resolve('htmlparser2')), '..', 'esm', 'Parser.js'))};`,
          `import { DomHandler } from 'domhandler';`,
          `export function parseDocument(data, options) {`,
          `  const handler = new DomHandler(undefined, options);`,
          `  new Parser(handler, options).end(data);`,
          `  return handler.root;`,
          `}`,
        ].join('\n'),
        loader: 'js',
        resolveDir: ROOT,
      }));
      // entities' base64 tables decoded with Buffer instead of atob (scripts/entities-decode.mjs)
      b.onResolve({ filter: /[\\/]internal[\\/]decode-shared\.js$/ }, (args) =>
        /[\\/]node_modules[\\/]entities[\\/]dist[\\/]esm[\\/]/.test(args.importer) ? { path: ENTITIES_DECODE } : undefined,
      );
      // linebreak's trie, inflated now rather than at the first line break of every run
      b.onLoad({ filter: /[\\/]node_modules[\\/]linebreak[\\/]dist[\\/]module\.mjs$/ }, async (args) => ({ contents: inflateLinebreak(await readFile(args.path, 'utf8')), loader: 'js' }));
      // pdfkit: import.meta.url is its installed file (data/ and '#standard-fonts' are resolved from there)
      b.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const url = `new URL('./pdfkit.node.mjs', __hiwarUrl.pathToFileURL(__hiwarModule.createRequire(import.meta.url).resolve('pdfkit'))).href`;
        return {
          contents: `import * as __hiwarModule from 'node:module';\nimport * as __hiwarUrl from 'node:url';\n${text.replaceAll('import.meta.url', url)}`,
          loader: 'js',
        };
      });
    },
  };
}

/**
 * Write dist/cli/main.js and dist/build/worker.js, and the chunks they share or
 * load on demand in dist/chunks/ (`dist` must sit beside templates/ and
 * schema/, as dist/ does). Every output file is one folder deep in `dist`.
 */
export async function bundleAll(dist = DIST) {
  fs.rmSync(path.join(dist, 'chunks'), { recursive: true, force: true });
  await build({
    entryPoints: { 'cli/main': path.join(SRC, 'cli/main.ts'), 'build/worker': path.join(SRC, 'build/worker.ts') },
    outdir: dist,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    plugins: [plugin(dist)],
    // CommonJS packages inside an ES module bundle still require() Node's own modules
    banner: { js: "import { createRequire as __hiwarRequire } from 'node:module';\nconst require = __hiwarRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  // yaml's ES module build as one CommonJS file, for src/workspace/yaml-lib.ts to
  // require() when first needed (an ES module cannot be loaded synchronously in Node 20)
  await build({
    entryPoints: [YAML_ESM],
    outfile: path.join(dist, YAML_CJS),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleAll();
