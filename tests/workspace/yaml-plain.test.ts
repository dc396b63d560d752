// The quick reader of plain YAML (src/workspace/yaml-plain.ts) must read like
// `yaml`: whenever it gives a value, `yaml` reads the text without a problem
// or warning and gives the same value. It may give up on anything.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readPlainYaml } from '../../src/workspace/yaml-plain.js';
import { parseYaml, parseYamlFully, positionOf } from '../../src/workspace/yaml.js';

const ROOT = path.resolve(__dirname, '../..');

function frontMatter(text: string): string {
  const lines = text.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  return lines.slice(1, close).join('\n');
}

function yamlTexts(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ya?ml|md)$/.test(f))
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return f.endsWith('.md') ? frontMatter(text) : text;
    });
}

const corpus = [...yamlTexts(path.join(ROOT, 'lessons')), ...yamlTexts(path.join(ROOT, 'tests/fixtures/workspace'))];

/** The property: no value, or yaml's value of a text yaml reads cleanly. */
function agrees(text: string): boolean {
  const plain = readPlainYaml(text);
  if (!plain) return false;
  const full = parseYamlFully('/x.yaml', text);
  expect(full.diagnostics, text).toEqual([]);
  expect(full.warnings, text).toEqual([]);
  expect(plain.value, text).toStrictEqual(full.value);
  return true;
}

describe('the plain YAML reader', () => {
  test('reads every sample lesson, bank, course and front matter, as yaml does', () => {
    expect(corpus.length).toBeGreaterThan(10);
    for (const text of corpus) expect(agrees(text)).toBe(true);
  });

  test('agrees with yaml on forms near the edge of what it reads', () => {
    const cases = [
      'a: 1\nb: 012\nc: 1.5\nd: -1\ne: +1\nf: 0x1f\ng: 1e3\nh: 12345678901234567890',
      'a: true\n', 'a: null\n', 'a: ~\n', 'a: True\n', 'a: yes\n', 'a: .inf\n', 'a: 2017-10-01\n',
      'true: 1\n', 'null: 1\n', '__proto__: 1\n', 'a: 1\na: 2\n', 'a:\n  b: 1\n  b: 2\n',
      'a: b: c\n', 'a: b:\n', 'a: x #c\n', 'a: x#c\n', 'a: "x" #c\n', 'a: "x"#c\n', 'a: "x" y\n',
      'a: "q\\"q\\\\q\\/q"\n', 'a: "t\\tt"\n', 'a: "\\u0628"\n', "a: 'it''s'\n", "a: 'x\n  y'\n", 'a: "x\n  y"\n',
      'a: x\n  y\n', 'a:\n  x\n', 'a:\n  - x\n  y\n', 'a:\n- x\n- y\nb: z\n', '- x\n', 'x\n', '', '# only\n', '---\na: 1\n', 'a: 1\n...\n',
      'a:\n  - b: 1\n    c: 2\n  - d\n', 'a:\n  -   b: 1\n      c: 2\n', 'a:\n  - b: 1\n   c: 2\n', 'a:\n  - - x\n', 'a:\n  -\n    b: 1\n  -\n  - c\n',
      'a: [x, y]\n', 'a: []\n', 'a: [ ]\n', 'a: [x, ]\n', 'a: [x,,y]\n', 'a: [x, [y, z], {b: c}]\n', 'a: {b: "c, d", e: [f]}\n', 'a: {}\n', 'a: {b: c\n',
      'a: {b: c, b: d}\n', 'a: {b:c}\n', 'a: [a b, c d]\n', 'a: [x]y\n', 'a: [x] #c\n', 'a: [1, 02, x]\n',
      'a: >-\n  x\n  y\n', 'a: >\n  x\n  y\n', 'a: |\n  x\n  y\n', 'a: |-\n  x\n\n  y\n', 'a: >-\n  x\n\n\n  y\n\nb: 1\n', 'a: >\n  x\n\n', 'a: >\n  x',
      'a: >-\n  x\n    y\n', 'a: >-\n  x \n  y\n', 'a: >+\n  x\n', 'a: >2\n  x\n', 'a: >-\n\n  x\n', 'a: >-\n  # not a comment\n  x\n', 'a: >-\n  x\n # c\nb: 1\n',
      'a: >-\n  x\n     \n  y\n', 'a: >-\nb: 1\n', 'a:\n  b: >-\n    x\n   c: 1\n', '- >-\n  x\n',
      'a: «x» “y” (z)\n', 'a: x: y\n', 'a: x :y\n', 'a: -x\n', 'a: ? x\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: %x\n', 'a: @x\n',
      'a: x\u00a0\n', 'a: \u00a0x\n', 'a: x\u200b\n', 'a: e\u0301\n', 'a: "e\\u0301"\n', 'a: 😀\n', 'a:\tx\n', 'a: x\r\n',
      'a:   \nb: 1\n', 'a: "x"   \n', 'a : 1\n', '1: x\n', 'a: 1_000\n', 'a: 0o17\n', 'a: 123456789012345\n', 'a: { }\n', '- [a, b]\n', 'a: b\n---\n',
      'a: >- # note\n  x\n', 'a: he said "x #y"\n', 'a: \\x\n', '<<: {b: 1}\n', '\u00a0a: 1\n', 'b: 1\na: 2\n1a: 3\n',
      `${'k'.repeat(1100)}: 1\n`, 'a: 1\n  # c\nb: 2\n', 'a: 1\n\n\n# c\n\nb: 2', 'a:\n  b: 1\n c: 2\n',
    ];
    let read = 0;
    for (const text of cases) if (agrees(text)) read++;
    expect(read).toBeGreaterThan(20);
    // too deep for the stack: left to yaml, which says so
    expect(readPlainYaml(`a: ${'['.repeat(30000)}${']'.repeat(30000)}\n`)).toBeUndefined();
  });

  test('agrees with yaml on broken variants of the samples', () => {
    const edit = fc.record({
      file: fc.nat(corpus.length - 1),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      cut: fc.nat(6),
      insert: fc
        .array(fc.constantFrom(':', '-', ' ', '  ', '\n', '\n  ', '"', "'", '[', ']', '{', '}', ',', '#', ' #', '&a', '*a', '!', '|', '>', '>-', '? ', '\\', '1', 'true', 'ب', 'x: ', '- x'), {
          maxLength: 4,
        })
        .map((a) => a.join('')),
    });
    let read = 0;
    fc.assert(
      fc.property(edit, ({ file, at, cut, insert }) => {
        const text = corpus[file];
        const i = Math.floor(at * text.length);
        if (agrees(text.slice(0, i) + insert + text.slice(i + cut))) read++;
      }),
      { numRuns: 1500, seed: 11 },
    );
    expect(read).toBeGreaterThan(100);
  });

  test('agrees with yaml on generated documents', () => {
    // a tree of maps, lists and texts, written out with random layout choices
    const word = fc.constantFrom('x', 'p5', 'نص', 'نص عربي', '«اقتباس»', 'a b', 'a: b', 'a #b', 'a#b', 'a, b', '[a]', '{a}', "it's", 'say "hi"', '\\', '12', '007', 'true', 'null', '-x', '- x', '', ' x', 'x ');
    const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const key = fc.constantFrom('id', 'text', 'ref', 'teacher_note', '$schema', 'a-b', 'k2', 'true', 'x y');
    const scalar = fc.record({ t: fc.constant('s' as const), v: fc.oneof(text, fc.nat(2000)), style: fc.constantFrom('plain', 'dq', 'sq', '>', '>-', '|', '|-'), lines: fc.array(text, { minLength: 1, maxLength: 3 }) });
    type Node = { t: 's'; v: string | number; style: string; lines: string[] } | { t: 'm'; items: [string, Node][]; flow: boolean; step: number } | { t: 'l'; items: Node[]; flow: boolean; step: number; align: boolean };
    const { node } = fc.letrec<{ node: Node; map: Node; list: Node }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('list')),
      map: fc.record({ t: fc.constant('m' as const), items: fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }), flow: fc.boolean(), step: fc.integer({ min: 1, max: 4 }) }),
      list: fc.record({ t: fc.constant('l' as const), items: fc.array(tie('node'), { maxLength: 4 }), flow: fc.boolean(), step: fc.integer({ min: 1, max: 4 }), align: fc.boolean() }),
    }));
    const inline = (n: Node): string => {
      if (n.t === 's') {
        const v = String(n.v);
        return n.style === 'dq' ? JSON.stringify(v) : n.style === 'sq' ? `'${v.replace(/'/g, "''")}'` : v;
      }
      if (n.t === 'm') return `{ ${n.items.map(([k, v]) => `${k}: ${inline(v)}`).join(', ')} }`;
      return `[${n.items.map(inline).join(', ')}]`;
    };
    // `head` is what precedes the value on its line (`key:` or `-`), at column `col`
    const write = (n: Node, col: number, out: string[], head: string, inSeq: boolean): void => {
      if (n.t === 's' && /^[|>]/.test(n.style)) {
        out.push(`${head} ${n.style}`);
        for (const l of n.lines) out.push(l === '' ? '' : ' '.repeat(col + 2) + l);
      } else if (n.t === 's' || n.flow || n.items.length === 0) out.push(`${head} ${inline(n)}`);
      else if (n.t === 'm') {
        out.push(head);
        for (const [k, v] of n.items) write(v, col + n.step, out, `${' '.repeat(col + n.step)}${k}:`, false);
      } else {
        out.push(head);
        const at = n.align && !inSeq ? col : col + n.step;
        for (const v of n.items) write(v, at, out, `${' '.repeat(at)}-`, true);
      }
    };
    const doc = fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 4 }).map((items) => {
      const out: string[] = [];
      for (const [k, v] of items) write(v, 0, out, `${k}:`, false);
      return out.join('\n') + '\n';
    });
    let read = 0;
    fc.assert(
      fc.property(doc, (t) => {
        if (agrees(t)) read++;
      }),
      { numRuns: 3000, seed: 3 },
    );
    expect(read).toBeGreaterThan(300);
  });

  test('a file read quickly still gives yaml positions for its problems', () => {
    const text = 'id: l\nquestions:\n  - text: "سؤال؟"\n    kind: essay\n';
    const quick = parseYaml('/x.yaml', text);
    const full = parseYamlFully('/x.yaml', text);
    expect(quick.value).toStrictEqual(full.value);
    expect(positionOf(quick, ['questions', 0, 'kind'])).toEqual({ line: 4, col: 11 });
    expect(positionOf(quick, ['questions', 0, 'kind'])).toEqual(positionOf(full, ['questions', 0, 'kind']));
    expect([...quick.strings]).toEqual([...full.strings]);
  });
});
