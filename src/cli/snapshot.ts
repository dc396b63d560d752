// The entry of hiwar's V8 start-up snapshot (scripts/snapshot.mjs bundles it
// into one CommonJS script and runs `node --build-snapshot` on it). Building
// the snapshot runs every module of the CLI once and opens what every build
// needs: the bundled fonts (parsed by fontkit), the bundled templates
// (compiled by Handlebars), the yaml package. Then it builds a sample lesson
// once, so the snapshot also holds the compiled code of everything a build
// runs (V8 keeps the bytecode of functions that ran). A run started from the
// snapshot (bin/hiwar.js) finds all of it in its heap and starts at `main`.
//
// HarfBuzz cannot run while a snapshot is built (Node turns WebAssembly off
// there), so the warm-up build takes its shapes from a file: scripts/snapshot.mjs
// first runs this same script as a plain Node process, which builds the sample
// lesson with HarfBuzz and saves the shapes (HIWAR_SNAPSHOT_WARMUP names the
// lesson, a folder for the PDFs and the shapes file). After the warm-up, the
// shapes and the layouts made from them are forgotten: a run starts with the
// caches a run without a snapshot starts with.
//
// Nothing here may keep state of the machine that builds the snapshot:
// process.env, the working folder and stdio are read when a run asks (cli/io.ts).
import fs from 'node:fs';
import v8 from 'node:v8';
import { main } from './main.js';
import type { IO } from './io.js';
import { loadFamily } from '../text/index.js';
import { cachedShapes, clearShapeCache, primeShapes } from '../text/shape.js';
import { releaseHarfBuzz } from '../text/harfbuzz.js';
import { TEMPLATE_NAMES, loadTemplates } from '../render/templates.js';
import { yamlLib } from '../workspace/yaml-lib.js';
// every module a command loads on first use (cli/main.ts), loaded now
import './build.js';
import '../build/watch.js';
import '../build/run-job.js';
import '../safety/paths.js';
import '../safety/interrupt.js';
import './commands/check.js';
import './commands/passages.js';
import './commands/questions.js';
import './commands/import.js';
import './commands/new.js';

interface WarmUp {
  lesson: string;
  out: string;
  shapes: string;
}

const warmUp = process.env.HIWAR_SNAPSHOT_WARMUP ? (JSON.parse(process.env.HIWAR_SNAPSHOT_WARMUP) as WarmUp) : undefined;
const quiet: IO = { out: () => undefined, err: (t) => void process.stderr.write(t.endsWith('\n') ? t : `${t}\n`), isTTY: false, cwd: process.cwd(), ci: true };

/**
 * End the run once stdout and stderr have taken all that was written. `main`
 * returns when the command is done (its files written and renamed, watch and
 * studio stopped); a natural exit would then also tear the heap down page by
 * page, a heap this snapshot makes large: 10-40 ms of every run.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

async function build(w: WarmUp): Promise<void> {
  const code = await main(['build', w.lesson, '--out', w.out, '--quiet', '--edition', 'both'], quiet);
  if (code !== 0) throw new Error(`the warm-up build of ${w.lesson} failed (exit ${code})`);
}

if (!v8.startupSnapshot.isBuildingSnapshot()) {
  // step 1 (a plain process): the warm-up lesson's shapes, by HarfBuzz
  if (!warmUp) throw new Error('src/cli/snapshot.ts runs only from scripts/snapshot.mjs');
  void build(warmUp).then(() => fs.writeFileSync(warmUp.shapes, JSON.stringify(cachedShapes())));
} else {
  loadFamily('amiri');
  loadFamily('noto-naskh');
  const templates = loadTemplates();
  // Handlebars compiles a template when it first runs: run each once
  for (const name of TEMPLATE_NAMES) {
    try {
      templates.render(name, {});
    } catch {
      // a template that needs its data compiles on its first real run
    }
  }
  yamlLib().parse('a: 1');
  if (warmUp) {
    primeShapes(JSON.parse(fs.readFileSync(warmUp.shapes, 'utf8')) as ReturnType<typeof cachedShapes>);
    // the snapshot is taken once the event loop is empty, after this build
    void build(warmUp).then(() => {
      clearShapeCache();
      releaseHarfBuzz();
    });
  }
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    // a run from a snapshot has no script in its argv: node, then the arguments
    void main(process.argv.slice(1)).then(exitWhenFlushed);
  });
}
