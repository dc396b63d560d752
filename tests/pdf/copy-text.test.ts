// Issue 14 §2: copy, search and read-aloud give the text as it was typed.
// The sample course (student edition) and a lesson quoting every paragraph of
// the seed article are rendered, read back by pdf.js, PDFium and MuPDF, and
// scored word by word and passage by passage (tests/pdf/copytext.ts). The
// figures are printed; the targets are asserted.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderPdf } from '../../src/formats/pdf/render.js';
import { resolveFile } from '../../src/workspace/resolve.js';
import type { Document } from '../../src/document/model.js';
import { courseDoc, lessonDoc, sampleCourse } from '../formats/helpers.js';
import { SEED_ARTICLE, workspace } from '../workspace/helpers.js';
import { documentTexts, pdfiumMisses, score, words, type CopyScore } from './copytext.js';
import { EXTRACTORS, extract, POPPLER, poppler, popplerPages, type Extractor } from './extract.js';
import { elements, fullText, structureOf } from './structure.js';

const FIXTURE = fileURLToPathSafe(new URL('../fixtures/copytext/all-paragraphs.yaml', import.meta.url));
function fileURLToPathSafe(u: URL): string {
  return decodeURIComponent(u.pathname);
}

async function allParagraphsDoc(): Promise<Document> {
  const dir = workspace({ 'all-paragraphs.yaml': fs.readFileSync(FIXTURE, 'utf8'), 'articles/virtual-caliphate.md': fs.readFileSync(SEED_ARTICLE, 'utf8') }, { base: false });
  const r = await resolveFile(path.join(dir, 'all-paragraphs.yaml'));
  if (!r.ok || r.kind !== 'lesson') throw new Error('the all-paragraphs fixture did not resolve');
  return lessonDoc(r.lesson, 'student');
}

/** Running header and footer lines, which interrupt a passage that runs over a page. */
function runningLines(doc: Document): (line: string) => boolean {
  const bare = (s: string) => s.replace(/\s+/g, '').normalize('NFKC');
  const heads = new Set<string>();
  for (const p of doc.parts) {
    if (!p.head) continue;
    const { start, end } = p.head;
    for (const s of [start, end, start + end, end + start]) heads.add(bare(s));
  }
  const foot = new RegExp(`^${doc.pageLabels.page}\\s*\\S+\\s*${doc.pageLabels.of}\\s*\\S+$`);
  return (line) => heads.has(bare(line)) || foot.test(line.trim());
}

const squashed = (t: string) => t.normalize('NFKC').replace(/\s+/g, ' ').trim();

interface Sample {
  name: string;
  doc: Document;
  bytes: Uint8Array;
}

const samples: Sample[] = [];
const scores = new Map<string, CopyScore>();
/** per sample and extractor: the pages' text */
const extracted = new Map<string, string[]>();
/** per sample: passages found whole, in logical order, in the text of the structure tree's BlockQuote elements */
const structureScores = new Map<string, { passages: number; exact: number; firstInexact?: string }>();

beforeAll(async () => {
  for (const [name, doc] of [
    ['sample course (student)', courseDoc(await sampleCourse(), 'student')],
    ['all paragraphs of the seed article', await allParagraphsDoc()],
  ] as const) {
    samples.push({ name, doc, bytes: (await renderPdf(doc)).bytes });
  }
  const rows: string[] = [];
  for (const s of samples) {
    const typed = documentTexts(s.doc);
    for (const e of EXTRACTORS) {
      const pages = await extract(s.bytes, e);
      extracted.set(`${s.name}|${e}`, pages);
      const sc = score(typed, pages, runningLines(s.doc));
      scores.set(`${s.name}|${e}`, sc);
      const pct = (a: number, b: number) => ((100 * a) / b).toFixed(2);
      rows.push(
        `${s.name.padEnd(36)} ${e.padEnd(7)} words intact ${pct(sc.intact, sc.words).padStart(6)}% (${sc.intact}/${sc.words})  passages exact ${pct(sc.exact, sc.passages).padStart(6)}% (${sc.exact}/${sc.passages})` +
          (sc.torn.length ? `  e.g. not whole: ${sc.torn.slice(0, 6).join(' | ')}` : '') +
          (e === 'PDFium' && sc.inexact.length ? `  missed for: ${[...pdfiumMisses(sc).causes].map(([k, v]) => `${k} ${v}`).join(', ')}` : ''),
      );
    }
  }
  // poppler (installed here, not on CI): pdftotext, and the structure tree's text as `pdfinfo -struct-text` gives it
  if (POPPLER) {
    for (const s of samples) {
      const typed = documentTexts(s.doc);
      const sc = score(typed, popplerPages(s.bytes), runningLines(s.doc));
      scores.set(`${s.name}|poppler`, sc);
      const tree = squashed(poppler('pdfinfo', s.bytes, ['-struct-text']).replace(/^\s*(?:[A-Za-z]+\d?(?: \([a-z]+\))?)?\s*"?|"$/gm, ''));
      const logical = typed.passages.filter((p) => tree.includes(squashed(p))).length;
      const pct = (a: number, b: number) => ((100 * a) / b).toFixed(2);
      rows.push(
        `${s.name.padEnd(36)} poppler words intact ${pct(sc.intact, sc.words).padStart(6)}% (${sc.intact}/${sc.words})  passages exact ${pct(sc.exact, sc.passages).padStart(6)}% (${sc.exact}/${sc.passages})  pdfinfo -struct-text: passages in logical order ${logical}/${typed.passages.length}` +
          (sc.torn.length ? `  e.g. not whole: ${sc.torn.slice(0, 6).join(' | ')}` : ''),
      );
    }
  }
  for (const s of samples) {
    const { passages } = documentTexts(s.doc);
    const quotes = (await structureOf(s.bytes)).pages.flatMap((p) => elements(p).filter((e) => e.role === 'BlockQuote').map(fullText));
    // a passage split over two pages is two BlockQuote pieces (pdf.js gives the tree page by page)
    const all = squashed(quotes.join(' '));
    let exact = 0;
    let firstInexact: string | undefined;
    for (const p of passages) {
      if (all.includes(squashed(p))) exact++;
      else firstInexact ??= p;
    }
    structureScores.set(s.name, { passages: passages.length, exact, firstInexact });
    rows.push(`${s.name.padEnd(36)} structure tree (pdf.js): passages in BlockQuote elements, logical order ${exact}/${passages.length}`);
  }
  // the figures, for the README and for anyone changing the writer
  console.log(`copy text (issue 14):\n${rows.join('\n')}`);
}, 120_000);

/**
 * Issue 14 asks for 99.9% of the words whole in every extractor and 95% of
 * the passages exact in pdf.js and PDFium. Not all are reached yet (the
 * README says which and why); the floors below are today's figures, rounded
 * down, so that nothing slides back. Raise them as the writer gets better;
 * where a floor reaches the target, the target is asserted.
 * [sample course, all paragraphs]
 */
const TARGET = { words: 0.999, passages: 0.95 };
const FLOOR: Record<Extractor, { words: [number, number]; passages?: [number, number] }> = {
  'pdf.js': { words: [1, 1], passages: [1, 1] },
  PDFium: { words: [0.997, 0.999], passages: [0.56, 0.61] },
  MuPDF: { words: [0.987, 0.973] },
};

describe.each(EXTRACTORS)('copy text through %s', (engine: Extractor) => {
  test('the words typed come back whole (target 99.9%; not below today\'s figures)', () => {
    samples.forEach((s, i) => {
      const sc = scores.get(`${s.name}|${engine}`)!;
      expect(sc.intact / sc.words, `${s.name}: ${sc.torn.join(' | ')}`).toBeGreaterThanOrEqual(Math.min(TARGET.words, FLOOR[engine].words[i]));
    });
  });

  test.skipIf(!FLOOR[engine].passages)('the passages come back exactly, white space aside (target 95%; not below today\'s figures)', () => {
    samples.forEach((s, i) => {
      const sc = scores.get(`${s.name}|${engine}`)!;
      expect(sc.passages).toBeGreaterThan(0);
      expect(sc.exact / sc.passages, `${s.name}: first inexact: ${sc.firstInexact}`).toBeGreaterThanOrEqual(Math.min(TARGET.passages, FLOOR[engine].passages![i]));
    });
  });
});

test('PDFium gives back a word whose haraka is stacked on a shadda (the raised mark is no text object of its own)', () => {
  const stacked = /\u0651[\u064b-\u0650]|[\u064b-\u0650]\u0651/;
  const typed = documentTexts(samples[0].doc).texts.flatMap(words).filter((w) => stacked.test(w));
  expect(typed.length).toBeGreaterThan(2);
  const back = new Set(words(extracted.get(`${samples[0].name}|PDFium`)!.join('\n')));
  expect(typed.filter((w) => !back.has(w))).toEqual([]);
});

test('PDFium misses a passage only for its own known faults: brackets and quotes mirrored, a comma moved before a number (README)', () => {
  // the passage floors count; this says what may differ in the passages missed, so that nothing else slips in unseen
  for (const s of samples) {
    const sc = scores.get(`${s.name}|PDFium`)!;
    // a passage quoting Latin in brackets would need a closer model of PDFium than PDFIUM_FAULTS (copytext.ts)
    expect(pdfiumMisses(sc).unexplained, s.name).toEqual([]);
  }
});

test('pdf.js gives back every word and every passage whole (beyond the target: its figures are 100%)', () => {
  // what it takes: a word-final haraka's width, a space on the first letter of a right-to-left piece, a piece per size (writer.ts)
  for (const s of samples) {
    const sc = scores.get(`${s.name}|pdf.js`)!;
    expect(sc.torn, s.name).toEqual([]);
    expect(sc.exact, `${s.name}: first inexact: ${sc.firstInexact}`).toBe(sc.passages);
  }
});

// poppler is not on CI: measured where it is installed, skipped elsewhere
test.skipIf(!POPPLER)('the words typed come back whole through poppler\'s pdftotext (not below today\'s figures)', () => {
  const floor = [0.964, 0.977];
  samples.forEach((s, i) => {
    const sc = scores.get(`${s.name}|poppler`)!;
    expect(sc.intact / sc.words, `${s.name}: ${sc.torn.join(' | ')}`).toBeGreaterThanOrEqual(Math.min(TARGET.words, floor[i]));
  });
});

test('the structure tree gives each passage in logical order (pdf.js: BlockQuote elements and their marked content)', () => {
  const floor = [1, 1];
  samples.forEach((s, i) => {
    const sc = structureScores.get(s.name)!;
    expect(sc.passages).toBeGreaterThan(0);
    expect(sc.exact / sc.passages, `${s.name}: first inexact: ${sc.firstInexact}`).toBeGreaterThanOrEqual(Math.min(TARGET.passages, floor[i]));
  });
});
