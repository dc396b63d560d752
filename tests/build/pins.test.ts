// Dependencies whose internals hiwar reaches into are pinned to the exact
// version it was written and tested against, so an upgrade is a deliberate
// change that runs this suite, never a side effect of `npm install`:
// - pdfkit: the writer hands it pre-shaped glyphs and writes page content
//   itself (src/pdf/writer.ts: doc.page, _font, _fontFamilies, _root, …);
// - fontkit: pdfkit's embedded fonts are fontkit subsets the writer fills
//   (subset.includeGlyph, subset.mapping), and src/pdf/subset.ts replaces a
//   subset's _addGlyph and encode with its own;
// - harfbuzzjs: we instantiate its harfbuzz.wasm and call its C exports
//   ourselves (src/text/harfbuzz.ts).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

test.each(['pdfkit', 'fontkit', 'harfbuzzjs'])('%s is pinned to one exact version, the one installed', (name) => {
  const wanted = pkg.dependencies[name];
  expect(wanted).toMatch(/^\d+\.\d+\.\d+$/);
  const installed = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  expect(installed.version).toBe(wanted);
});
