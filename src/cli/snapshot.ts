// The entry of hiwar's V8 start-up snapshot (scripts/snapshot.mjs bundles it
// into one CommonJS script and runs `node --build-snapshot` on it). Building
// the snapshot runs every module of the CLI once and opens what every build
// needs: the bundled fonts (parsed by fontkit), the bundled templates
// (compiled by Handlebars), the yaml package. A run started from the snapshot
// (bin/hiwar.js) finds all of it in its heap and starts at `main`. HarfBuzz's
// wasm cannot be kept in a snapshot: it is instantiated on first use, as
// without one (src/text/harfbuzz.ts).
//
// Nothing here may keep state of the machine that builds the snapshot:
// process.env, the working folder and stdio are read when a run asks (cli/io.ts).
import v8 from 'node:v8';
import { main } from './main.js';
import { loadFamily } from '../text/index.js';
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
v8.startupSnapshot.setDeserializeMainFunction(() => {
  // a run from a snapshot has no script in its argv: node, then the arguments
  main(process.argv.slice(1)).then((code) => {
    process.exitCode = code;
  });
});
