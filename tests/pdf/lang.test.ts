// Issue 14 §1: a Latin word in Arabic text is marked as English (/Lang en on
// a Span), and a run whose glyphs do not stand one-to-one for its letters
// (Amiri's fi/ffi/fl ligatures) says what it reads as (/ActualText). Read
// back from the content streams (tests/pdf/marked.ts), the structure tree
// (pdf.js) and the text two extractors give.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { renderPdf } from '../../src/formats/pdf/render.js';
import { resolveFile } from '../../src/workspace/resolve.js';
import { lessonDoc } from '../formats/helpers.js';
import { SEED_ARTICLE, workspace } from '../workspace/helpers.js';
import { extract } from './extract.js';
import { markedRuns, runLang, type MarkedRun } from './marked.js';
import { elements, fullText, structureOf } from './structure.js';

const LESSON = `id: latin-words
title: "مصطلحات بلغتها: «الخلافة الافتراضية»"
article: articles/virtual-caliphate.md
audience: "المرحلة الثانوية"
duration: 45
objectives:
  - "يقارن الطالب بين الحسابات الرسمية (official profiles) والحسابات المجهولة في تقرير مركز Quilliam."
  - "يشرح معنى مصطلح virtual caliphate بكلماته."
passages:
  - ref: p1
questions:
  - text: "ما الفرق بين حساب رسمي (official account) وحساب مجهول؟"
`;

const LATIN = /\p{Script=Latin}/u;
let bytes: Uint8Array;
let runs: MarkedRun[];

beforeAll(async () => {
  const dir = workspace({ 'latin.yaml': LESSON, 'articles/virtual-caliphate.md': fs.readFileSync(SEED_ARTICLE, 'utf8') }, { base: false });
  const r = await resolveFile(path.join(dir, 'latin.yaml'));
  if (!r.ok || r.kind !== 'lesson') throw new Error(`the lesson did not resolve: ${JSON.stringify(r).slice(0, 600)}`);
  bytes = (await renderPdf(lessonDoc(r.lesson, 'student'))).bytes;
  runs = markedRuns(bytes);
}, 60_000);

const inArtifact = (r: MarkedRun) => r.marks.some((m) => m.tag === 'Artifact');

test('every run of Latin letters in the handout is in English (/Lang en), every Arabic run is not', () => {
  const latin = runs.filter((r) => LATIN.test(r.text) && !inArtifact(r));
  expect(latin.map((r) => r.text).join(' ')).toMatch(/Quilliam/);
  for (const r of latin) expect(runLang(r), r.text).toBe('en');
  const arabic = runs.filter((r) => /\p{Script=Arabic}/u.test(r.text) && !LATIN.test(r.text) && !inArtifact(r));
  expect(arabic.length).toBeGreaterThan(20);
  for (const r of arabic) expect(runLang(r), r.text).not.toBe('en');
});

test('a Latin run drawn with ligatures says what it reads as (/ActualText), and extractors give the word', async () => {
  const ligated = runs.filter((r) => r.marks.some((m) => m.actualText));
  const actual = ligated.map((r) => r.marks.find((m) => m.actualText)!.actualText);
  expect(actual.join(' ')).toMatch(/official/);
  // fewer glyphs than letters: a glyph copies as "ffi" (hence the ActualText)
  expect(ligated.some((r) => r.glyphs < r.text.length)).toBe(true);
  for (const r of runs.filter((x) => LATIN.test(x.text) && !x.marks.some((m) => m.actualText))) expect(r.text).not.toMatch(/ffi|fi|fl/);
  for (const engine of ['pdf.js', 'MuPDF'] as const) expect((await extract(bytes, engine)).join('\n'), engine).toMatch(/official profiles/);
});

test('the structure tree keeps the Latin words in their paragraph, in reading order', async () => {
  const { pages } = await structureOf(bytes);
  const texts = pages.flatMap((p) => elements(p).map(fullText));
  expect(texts.some((t) => t.includes('Quilliam') && t.includes('تقرير'))).toBe(true);
});
