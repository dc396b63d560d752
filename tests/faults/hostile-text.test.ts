// Hostile text: bidi controls cannot reorder anything outside their field;
// unbalanced ones are closed or dropped with a warning at FILE:LINE:COL;
// invisible characters are kept (ZWJ, ZWNJ, marks) or left out with a
// warning; characters the font cannot draw are errors where they were typed;
// everything read is NFC.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lineLevels, resolveLevels, visualOrder } from '../../src/text/bidi.js';
import { isolate, sanitizeText } from '../../src/safety/text.js';
import { unprintable } from '../../src/safety/coverage.js';
import { resolveFile } from '../../src/workspace/resolve.js';
import { readPages } from '../helpers/pdf.js';
import { expectClean, expectNoTemps, head, hiwar, lesson, snapshot, workspace } from './helpers.js';

const RLO = '\u202e';
const PDF = '\u202c';

/** The visual order (left to right) of the characters outside [a, b) of `text`, as offsets from the nearer end. */
function outsideOrder(text: string, a: number, b: number): string[] {
  const { levels, baseLevel } = resolveLevels(text, 'rtl');
  const order = visualOrder(lineLevels(text, levels, 0, text.length, baseLevel));
  return [...order].filter((i) => i < a || i >= b).map((i) => (i < a ? `L${i}` : `R${text.length - i}`));
}

describe('a field cannot reorder the text around it', () => {
  // what a template puts around a field: Arabic, a number, Latin, brackets
  const before = 'السؤال ٣) Page 12 (';
  const after = ') تحليل · ف٥ end.';

  test('any mix of bidi controls in a field leaves the outside order as an empty field would', () => {
    const reference = outsideOrder(before + '\u2067\u2069' + after, before.length, before.length + 2);
    const pieces = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', 'abc', 'نص', '12', ' ', '(', ')', '«', '.'];
    const controls = pieces.slice(0, 12);
    fc.assert(
      fc.property(fc.constantFrom(...controls), fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.nat(12), (control, rest, at) => {
        const field = [...rest.slice(0, at), control, ...rest.slice(at)].join('');
        const isolated = isolate(field);
        const text = before + isolated + after;
        expect(outsideOrder(text, before.length, before.length + isolated.length)).toEqual(reference);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  test('without isolation the same override would reorder the template text (the check above is not vacuous)', () => {
    const field = `${RLO}abc`;
    const raw = before + field + after;
    const reference = outsideOrder(before + '\u2067\u2069' + after, before.length, before.length + 2);
    expect(outsideOrder(raw, before.length, before.length + field.length)).not.toEqual(reference);
  });

  test('text without bidi controls is left exactly as it is', () => {
    for (const s of ['نص عادي', 'Twitter و Telegram', 'مي\u200cخواهم', '']) expect(isolate(s)).toBe(s);
    expect(isolate(`أ${RLO}ب`)).toBe(`\u2067أ${RLO}ب${PDF}\u2069`);
    expect(isolate('سطر\u200f\nسطر')).toBe('\u2067سطر\u200f\u2069\nسطر');
  });
});

describe('sanitizing one field', () => {
  test('openers are closed at the end of the line, closers that close nothing are dropped', () => {
    const s = sanitizeText(`أ${PDF}ب${RLO}ج\nد\u2067ه${PDF}\u2069و\u2069`);
    expect(s.text).toBe(`أب${RLO}ج${PDF}\nد\u2067ه\u2069و`);
    expect(s.issues.map((i) => [i.kind, i.index, i.codePoint.toString(16)])).toEqual([
      ['unmatched', 1, '202c'],
      ['unclosed', 3, '202e'],
      ['unmatched', 9, '202c'],
      ['unmatched', 12, '2069'],
    ]);
  });

  test('an embedding left open inside an isolate is closed before the isolate ends', () => {
    const s = sanitizeText('\u2066a\u202bb\u2069c');
    expect(s.text).toBe('\u2066a\u202bb\u202c\u2069c');
    expect(s.issues).toEqual([{ kind: 'unclosed', index: 2, codePoint: 0x202b, more: 0 }]);
  });

  test('the invisible-character policy: ZWJ, ZWNJ, marks and tabs kept; separators become spaces; the rest left out', () => {
    const kept = 'مي\u200cخواهم \u200d \u200e\u200f\u061c\tx';
    expect(sanitizeText(kept)).toEqual({ text: kept, issues: [] });
    const s = sanitizeText('a\u200bb\u200bc\u00ad\u2028d\ufeff\u0007\u2060e\u{e0041}');
    expect(s.text).toBe('abc de');
    expect(s.issues.map((i) => [i.kind, i.index, i.codePoint.toString(16), i.more])).toEqual([
      ['dropped', 1, '200b', 1],
      ['dropped', 5, 'ad', 0],
      ['space', 6, '2028', 0],
      ['dropped', 8, 'feff', 0],
      ['dropped', 9, '7', 0],
      ['dropped', 10, '2060', 0],
      ['dropped', 12, 'e0041', 0],
    ]);
  });
});

describe('in a build', () => {
  test('every unbalanced or invisible character is a warning at its FILE:LINE:COL; the build succeeds; the PDF copies as clean text', async () => {
    const yaml =
      head() +
      'passages:\n  - ref: p1\n' +
      'questions:\n' +
      `  - text: "سؤال ${RLO}مقلوب؟"\n` + // line 8
      `  - text: "سؤال${PDF} آخر؟"\n` + // line 9
      '  - text: "كلمة\u200bكلمة\u200bكلمة"\n' + // line 10
      '  - text: "مي\u200cخواهم أن أسأل"\n'; // line 11: ZWNJ is kept silently
    const dir = workspace({ 'l.yaml': yaml });
    const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
    expect(r.code).toBe(0);
    expectClean(r);
    expect(r.stderr.split('\n')).toEqual([
      'l.yaml:8:17: warning: the invisible bidi control U+202E (RIGHT-TO-LEFT OVERRIDE) is not closed; hiwar closes it at the end of the line',
      '  hint: it reorders the text after it: remove it, or close it with U+202C (POP DIRECTIONAL FORMATTING)',
      'l.yaml:9:16: warning: the invisible bidi control U+202C (POP DIRECTIONAL FORMATTING) closes nothing; it is left out',
      '  hint: remove it from the text',
      'l.yaml:10:16: warning: the invisible character U+200B (ZERO WIDTH SPACE) (and 1 more on this line) is left out',
      '  hint: it prints nothing; delete it (it is often pasted in from web pages)',
      'wrote out/demo-student.pdf (2 pages)',
    ]);
    const pages = await readPages(fs.readFileSync(path.join(dir, 'out/demo-student.pdf')));
    const text = pages.flatMap((p) => p.items.map((i) => i.str)).join('');
    // no control character reaches the PDF's text layer; the visible text does
    expect(text).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c]/);
    expect(text.normalize('NFKC')).toContain('كلمةكلمةكلمة');
  });

  test('a character the font cannot draw is an error at FILE:LINE:COL with its code point; nothing is written, the old PDF is kept', async () => {
    const dir = workspace({ 'l.yaml': lesson() });
    expect((await hiwar(dir, 'build', 'l.yaml', '--edition', 'student')).code).toBe(0);
    const before = snapshot(path.join(dir, 'out'));
    fs.writeFileSync(path.join(dir, 'l.yaml'), lesson().replace('objectives: ["هدف"]', 'objectives: ["هدف 😀"]') + '  - text: "سؤال ✡︎ 中"\n');
    const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
    expect(r.code).toBe(1);
    expectClean(r);
    expect(r.stderr.split('\n')).toEqual([
      'l.yaml:4:19: error: the font Amiri cannot draw the character "😀" (U+1F600)',
      '  hint: replace it or remove it: hiwar does not print a blank box in its place',
      'l.yaml:9:17: error: the font Amiri cannot draw the character "✡" (U+2721)',
      '  hint: replace it or remove it: hiwar does not print a blank box in its place',
      'l.yaml:9:20: error: the font Amiri cannot draw the character "中" (U+4E2D)',
      '  hint: replace it or remove it: hiwar does not print a blank box in its place',
    ]);
    expect(snapshot(path.join(dir, 'out'))).toEqual(before);
    expectNoTemps(dir);
    // `check` says the same, and writes nothing
    const c = await hiwar(dir, 'check', 'l.yaml');
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('l.yaml:4:19: error: the font Amiri cannot draw the character "😀" (U+1F600)');
  });

  test('the font a lesson chooses is the one checked, and the message names the other font when it has the character', async () => {
    expect(unprintable('ﷺ', 'amiri')).toEqual([]);
    const missingInNoto = '½'; // Amiri has it, Noto Naskh Arabic does not
    expect(unprintable(missingInNoto, 'noto-naskh')).toHaveLength(1);
    expect(unprintable(missingInNoto, 'amiri')).toEqual([]);
    const dir = workspace({ 'l.yaml': lesson(`سؤال ${missingInNoto}`) + 'options: { font: noto-naskh }\n' });
    const r = await hiwar(dir, 'check', 'l.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the font Noto Naskh Arabic cannot draw the character "${missingInNoto}"`);
    expect(r.stderr).toContain('(the amiri font has it: `options: { font: amiri }`)');
  });

  test('in the article, a character the font lacks is an error at the article’s line and column, only where a lesson quotes it', async () => {
    const article = '---\nid: a\ntitle: "مقال"\n---\nفقرة أولى.\n\nفقرة ثانية\nفيها رمز 😀 هنا.\n';
    const quotesP2 = workspace({ 'articles/a.md': article, 'l.yaml': lesson('سؤال؟', 'demo', 'articles/a.md').replace('ref: p1', 'ref: p2') });
    const r = await hiwar(quotesP2, 'build', 'l.yaml', '--edition', 'student');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('articles/a.md:8:10: error: the font Amiri cannot draw the character "😀" (U+1F600)\n  hint: replace it or remove it: hiwar does not print a blank box in its place');
    expect(fs.existsSync(path.join(quotesP2, 'out'))).toBe(false);
    const quotesP1 = workspace({ 'articles/a.md': article, 'l.yaml': lesson('سؤال؟', 'demo', 'articles/a.md') });
    expect((await hiwar(quotesP1, 'build', 'l.yaml', '--edition', 'student')).code).toBe(0);
  });

  test('article lines: bidi controls and invisible characters are warned about at their line and column', async () => {
    const article = `---\nid: a\ntitle: "مقال"\n---\nفقرة ${RLO}أولى.\n\nفقرة\u200b ثانية.\n`;
    const dir = workspace({ 'articles/a.md': article, 'l.yaml': lesson('سؤال؟', 'demo', 'articles/a.md') });
    const r = await hiwar(dir, 'check', 'l.yaml');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('  hint'))).toEqual([
      'articles/a.md:5:6: warning: the invisible bidi control U+202E (RIGHT-TO-LEFT OVERRIDE) is not closed; hiwar closes it at the end of the line',
      'articles/a.md:7:5: warning: the invisible character U+200B (ZERO WIDTH SPACE) is left out',
    ]);
  });

  test('everything read is NFC: decomposed text in YAML (raw or as escapes) and in the article', async () => {
    const decomposed = '\u0627\u0654'; // alef + hamza above = أ
    const article = `---\nid: a\ntitle: "مقال ${decomposed}"\n---\nفقرة ${decomposed}ولى.\n`;
    const yaml = `id: demo\ntitle: "${decomposed}"\narticle: articles/a.md\nobjectives: ["\\u0627\\u0654"]\npassages:\n  - ref: p1\nquestions:\n  - text: "e\\u0301 ${decomposed}"\n`;
    const dir = workspace({ 'articles/a.md': article, 'l.yaml': yaml });
    const r = await resolveFile(path.join(dir, 'l.yaml'));
    expect(r.ok).toBe(true);
    if (!r.ok || r.kind !== 'lesson') return;
    const l = r.lesson;
    for (const s of [l.title, l.objectives[0], l.questions[0].text, l.article.title, l.passages[0].paragraphs[0].text]) {
      expect(s).toBe(s.normalize('NFC'));
    }
    expect(l.title).toBe('أ');
    expect(l.questions[0].text).toBe('é أ');
    expect(l.passages[0].paragraphs[0].text).toBe('فقرة أولى.');
  });
});
