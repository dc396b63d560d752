// Fuzzing `check` and `build` with a fixed set of random and mutated
// lessons, articles and raw bytes: every run ends with exit 0 or 1, one line
// per problem (never a stack trace or an internal error), no hang, and an
// output folder holding only complete PDFs.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIXTURES, recordingIO, workspace } from '../workspace/helpers.js';

// build in this thread; restored after this file (workers share their module cache and env)
beforeAll(() => void vi.stubEnv('HIWAR_WORKERS', '0'));
afterAll(() => void vi.unstubAllEnvs());

const LESSON = readFileSync(path.join(FIXTURES, 'lesson.yaml'), 'utf8');
const ARTICLE = readFileSync(path.join(FIXTURES, 'articles/sample.md'), 'utf8');

// characters that have broken parsers, layout engines and PDFs before
const HOSTILE = [
  '\u202e', '\u202d', '\u202c', '\u2067', '\u2069', '\u200f', '\u200b', '\u200c', '\u200d', '\ufeff', '\u2028', '\u00ad', '\u0000', '\u0007', '\r', '\t',
  '😀', '中', '\u0301', '\u0654', 'ـــــــ', '﷽', ':', '- ', '"', "'", '[', ']', '{', '}', '#', '&a ', '*a', '!!str ', '|', '>', '%', '@', '`', '\\', '<b>', '{{title}}', '\n', '\n\n', '---\n',
  'x'.repeat(400), 'كلمة '.repeat(300), '9'.repeat(40), '-1', '1e309', 'null', '~', 'p999', 'p1.s99', '../', '/etc/passwd', 'questions/bank.yaml#', 'ب'.repeat(200),
];

type Mutation = { op: 'delete' | 'duplicate' | 'insert' | 'indent' | 'swap' | 'truncate'; at: number; pos: number; piece: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'duplicate', 'insert', 'insert', 'insert', 'indent', 'swap', 'truncate'),
  at: fc.nat(200),
  pos: fc.nat(80),
  piece: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8, unit: 'binary' })),
});

function mutate(text: string, muts: Mutation[]): string {
  const ls = text.split('\n');
  for (const m of muts) {
    const i = m.at % ls.length;
    if (m.op === 'delete' && ls.length > 1) ls.splice(i, 1);
    else if (m.op === 'duplicate') ls.splice(i, 0, ls[i]);
    else if (m.op === 'indent') ls[i] = '  ' + ls[i];
    else if (m.op === 'swap' && i + 1 < ls.length) [ls[i], ls[i + 1]] = [ls[i + 1], ls[i]];
    else if (m.op === 'truncate') ls[i] = ls[i].slice(0, m.pos % (ls[i].length + 1));
    else {
      const p = Math.min(m.pos, ls[i].length);
      ls[i] = ls[i].slice(0, p) + m.piece + ls[i].slice(p);
    }
  }
  return ls.join('\n');
}

// pieces that keep a double-quoted YAML string valid but make its text hostile
const TEXT_PIECES = ['\u202e', '\u202d', '\u202b', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u200c', '\u200d', '\u00ad', '\u2028', '\u0301', '\u0654', '\\t', 'Twitter', '2014', '(١٢)', '«»', '<b>x</b>', '<pagebreak/>', '{{title}}', '&amp;', 'x'.repeat(120), 'كلمةطويلةجدا'.repeat(12), ' ', 'ـ', '؟', '!', 'https://example.com/a?b=1'];

/** Insert hostile pieces inside the quoted strings of a file: it stays valid YAML, so it reaches the renderer. */
const textMutation = fc.array(fc.record({ which: fc.nat(500), pos: fc.nat(40), piece: fc.constantFrom(...TEXT_PIECES) }), { minLength: 1, maxLength: 6 });
function mutateText(text: string, muts: { which: number; pos: number; piece: string }[]): string {
  let out = text;
  for (const m of muts) {
    const quoted = [...out.matchAll(/"([^"\\\n]*)"/g)];
    if (!quoted.length) break;
    const q = quoted[m.which % quoted.length];
    const at = q.index! + 1 + Math.min(m.pos, q[1].length);
    out = out.slice(0, at) + m.piece + out.slice(at);
  }
  return out;
}

/** One input: the lesson file (text or bytes) and maybe a replaced article. */
const input = fc.oneof(
  { weight: 4, arbitrary: fc.record({ lesson: textMutation.map((m) => mutateText(LESSON, m) as string | Uint8Array), article: fc.constant(undefined as string | undefined) }) },
  { weight: 5, arbitrary: fc.record({ lesson: fc.array(mutation, { minLength: 1, maxLength: 5 }).map((m) => mutate(LESSON, m) as string | Uint8Array), article: fc.constant(undefined as string | undefined) }) },
  { weight: 2, arbitrary: fc.record({ lesson: fc.constant(LESSON as string | Uint8Array), article: fc.array(mutation, { minLength: 1, maxLength: 5 }).map((m) => mutate(ARTICLE, m) as string | undefined) }) },
  { weight: 1, arbitrary: fc.record({ lesson: fc.uint8Array({ maxLength: 300 }) as fc.Arbitrary<string | Uint8Array>, article: fc.constant(undefined as string | undefined) }) },
  { weight: 1, arbitrary: fc.record({ lesson: fc.anything({ maxDepth: 3 }).map((v) => (stringify(v) ?? '') as string | Uint8Array), article: fc.constant(undefined as string | undefined) }) },
);

const DIAG = /^(?:[^\n]+:\d+:\d+: (?:error|warning): .+|  hint: .+|wrote .+ \(\d+ pages?\)|\d+ errors? in \d+ files?|ok: \d+ files?)$/;

async function withinTime<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms (a hang?)`)), ms)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function fuzz(command: 'check' | 'build') {
  const dir = workspace();
  const file = path.join(dir, 'l.yaml');
  const articleFile = path.join(dir, 'articles/sample.md');
  const out = path.join(dir, 'out');
  let runs = 0;
  let failures = 0;
  const property = fc.asyncProperty(input, async ({ lesson, article }) => {
    writeFileSync(file, lesson);
    writeFileSync(articleFile, article ?? ARTICLE);
    rmSync(out, { recursive: true, force: true });
    const io = recordingIO(dir);
    const argv = command === 'check' ? ['check', 'l.yaml'] : ['build', 'l.yaml', '--edition', 'student'];
    const code = await withinTime(main(argv, io), 10_000, `hiwar ${command}`);
    runs++;
    if (code !== 0) failures++;
    expect([0, 1]).toContain(code);
    const stderr = io.stderr.join('\n');
    // terminal-safe: no control codes, no invisible or reordering characters quoted from the input
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/);
    const lines = stderr.split('\n').filter(Boolean);
    for (const l of lines) expect(l).toMatch(DIAG);
    expect(lines.some((l) => / error: /.test(l))).toBe(code === 1);
    if (command === 'build') {
      const written = (() => {
        try {
          return readdirSync(out);
        } catch {
          return [];
        }
      })();
      // a PDF for a good lesson, nothing at all for a bad one, never a temp file
      expect(written).toEqual(code === 0 ? ['sample-lesson-student.pdf'] : []);
    }
  });
  return { property, stats: () => ({ runs, failures }) };
}

// A fixed seed and a fixed number of cases: every run checks the same inputs,
// however busy the machine (a time limit made the count, and so the test,
// depend on the machine's load).
describe('fuzz (fixed cases)', () => {
  for (const [command, cases] of [
    ['check', 100],
    ['build', 80],
  ] as const) {
    test(`${command}: ${cases} random and mutated lessons, articles and bytes`, async () => {
      const { property, stats } = fuzz(command);
      const details = await fc.check(property, { numRuns: cases, seed: 20261127 });
      const { runs, failures } = stats();
      console.log(`fuzz ${command}: ${runs} cases (${failures} rejected with exit 1, ${runs - failures} accepted)`);
      if (details.failed) {
        const shown = JSON.stringify(details.counterexample, (_k, v) => (v instanceof Uint8Array ? `bytes:${Buffer.from(v).toString('hex')}` : v));
        throw new Error(`counterexample: ${shown}\n${details.errorInstance}`);
      }
      expect(runs).toBe(cases);
      // both kinds of input were reached: the property saw good lessons and bad ones
      expect(failures).toBeGreaterThan(0);
      expect(runs - failures).toBeGreaterThan(0);
    }, 60_000);
  }
});
