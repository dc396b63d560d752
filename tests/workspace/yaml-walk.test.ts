// src/workspace/yaml.ts walks documents with its own walkNodes() instead of
// yaml's visit(): it must reach the same maps and scalars, in the same order,
// with the same key/value role, on real files and on broken variants of them.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isScalar, parseDocument, visit } from 'yaml';
import { walkNodes } from '../../src/workspace/yaml.js';

const ROOT = path.resolve(__dirname, '../..');
const files = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ya?ml|md)$/.test(f)).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const corpus = [
  ...files(path.join(ROOT, 'lessons')),
  ...files(path.join(ROOT, 'tests/fixtures/workspace')),
  // flow collections, pairs inside a sequence, complex keys, aliases
  'a: [x, {b: c}, d: e]\n? [k1, k2]\n: v\n? {m: n}\n: w\nr: &x {s: t}\nu: *x\n',
];

function viaVisit(text: string) {
  const seen: unknown[] = [];
  visit(parseDocument(text, { uniqueKeys: false }), {
    Map(_key, map) {
      seen.push(['map', map.range]);
    },
    Scalar(key, node) {
      seen.push(['scalar', key === 'key', node.range, node.value]);
    },
  });
  return seen;
}

function viaWalk(text: string) {
  const seen: unknown[] = [];
  walkNodes(parseDocument(text, { uniqueKeys: false }).contents, {
    map(map) {
      seen.push(['map', map.range]);
    },
    scalar(node, isKey) {
      expect(isScalar(node)).toBe(true);
      seen.push(['scalar', isKey, node.range, node.value]);
    },
  });
  return seen;
}

describe('walkNodes reaches what yaml.visit reaches', () => {
  test('on every sample and fixture file', () => {
    for (const text of corpus) expect(viaWalk(text)).toEqual(viaVisit(text));
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
        const broken = text.slice(0, i) + insert + text.slice(i + cut);
        expect(viaWalk(broken)).toEqual(viaVisit(broken));
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
