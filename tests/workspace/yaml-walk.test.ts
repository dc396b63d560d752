// src/workspace/yaml.ts walks documents with its own walkNodes() instead of
// yaml's visit(): it must reach the same maps and scalars, in the same order,
// with the same key/value role, on real files and on broken variants of them.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isScalar, parseDocument, visit, type Document } from 'yaml';
import { walkNodes } from '../../src/workspace/yaml.js';

const ROOT = path.resolve(__dirname, '../..');
const files = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ya?ml|md)$/.test(f)).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const corpus = [
  ...files(path.join(ROOT, 'lessons')),
  ...files(path.join(ROOT, 'tests/fixtures/workspace')),
  // flow collections, pairs inside a sequence, complex keys, aliases
  'a: [x, {b: c}, d: e]\n? [k1, k2]\n: v\n? {m: n}\n: w\nr: &x {s: t}\nu: *x\n',
];

// one parse for both walks (neither changes the document)
function viaVisit(doc: Document) {
  const seen: unknown[] = [];
  visit(doc, {
    Map(_key, map) {
      seen.push(['map', map.range]);
    },
    Scalar(key, node) {
      seen.push(['scalar', key === 'key', node.range, node.value]);
    },
  });
  return seen;
}

function viaWalk(doc: Document) {
  const seen: unknown[] = [];
  walkNodes(doc.contents, {
    map(map) {
      seen.push(['map', map.range]);
    },
    scalar(node, isKey) {
      // (visit() reaches scalars only: anything else makes the lists differ)
      seen.push(isScalar(node) ? ['scalar', isKey, node.range, node.value] : ['not a scalar', node]);
    },
  });
  return seen;
}

const parse = (text: string) => parseDocument(text, { uniqueKeys: false });

describe('walkNodes reaches what yaml.visit reaches', () => {
  test('on every sample and fixture file', () => {
    for (const text of corpus) {
      const doc = parse(text);
      expect(viaWalk(doc)).toEqual(viaVisit(doc));
    }
  });

  test('on broken variants of them', () => {
    const edit = fc.record({
      file: fc.nat(corpus.length - 1),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      cut: fc.nat(6),
      insert: fc.array(fc.constantFrom(':', '- ', ' ', '\n', '"', '[', ']', '{', '}', '? ', ',', '&a ', '*a', 'ب'), { maxLength: 4 }).map((a) => a.join('')),
    });
    fc.assert(
      fc.property(edit, ({ file, at, cut, insert }) => {
        const text = corpus[file];
        const i = Math.floor(at * text.length);
        const doc = parse(text.slice(0, i) + insert + text.slice(i + cut));
        expect(viaWalk(doc)).toEqual(viaVisit(doc));
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
