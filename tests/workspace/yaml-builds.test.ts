// The CLI bundle parses YAML with the `yaml` package's ES module build
// (scripts/bundle.mjs), the tests and the sources with its Node build. Both
// must read every file alike: the same values, errors (code, message,
// position) and node positions, on real files and on broken variants of them.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as nodeBuild from 'yaml';
import { YAML_ESM } from '../../scripts/bundle.mjs';

const esmBuild = (await import(pathToFileURL(YAML_ESM).href)) as typeof nodeBuild;

const ROOT = path.resolve(__dirname, '../..');

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ya?ml|md)$/.test(f)).map((f) => path.join(dir, f));
}

const corpus = [...yamlFiles(path.join(ROOT, 'lessons')), ...yamlFiles(path.join(ROOT, 'tests/fixtures/workspace'))].map((f) => fs.readFileSync(f, 'utf8'));

/** Everything src/workspace/yaml.ts reads from a parse, as plain data. */
function reading(Y: typeof nodeBuild, text: string) {
  const lineCounter = new Y.LineCounter();
  const doc = Y.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, strict: true });
  const nodes: unknown[] = [];
  Y.visit(doc, {
    Node(key, node) {
      nodes.push([key, node.constructor.name, node.range, Y.isScalar(node) ? node.value : undefined]);
    },
  });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    value = `threw: ${(e as Error).message}`;
  }
  return {
    errors: doc.errors.map((e) => [e.code, e.message, e.pos, lineCounter.linePos(e.pos[0])]),
    warnings: doc.warnings.map((e) => [e.code, e.message, e.pos]),
    nodes,
    value,
  };
}

describe("yaml's ES module build reads like its Node build", () => {
  test('on every sample and fixture file', () => {
    expect(corpus.length).toBeGreaterThan(5);
    for (const text of corpus) expect(reading(esmBuild, text)).toEqual(reading(nodeBuild, text));
  });

  test('on broken variants of them', () => {
    const edit = fc.record({
      file: fc.nat(corpus.length - 1),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      cut: fc.nat(6),
      insert: fc.array(fc.constantFrom(':', '-', ' ', '\n', '\t', '"', "'", '[', ']', '{', '}', '#', '&a', '*a', '!', '|', '>', '? ', ',', '\\', 'ب'), { maxLength: 4 }).map((a) => a.join('')),
    });
    fc.assert(
      fc.property(edit, ({ file, at, cut, insert }) => {
        const text = corpus[file];
        const i = Math.floor(at * text.length);
        const broken = text.slice(0, i) + insert + text.slice(i + cut);
        expect(reading(esmBuild, broken)).toEqual(reading(nodeBuild, broken));
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});
