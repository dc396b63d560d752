// Running header and footer of every page, read back from real PDFs with
// pdf.js: the lesson title at the right margin and the edition at the left,
// "صفحة N من M" centred at the foot; a title too long for the header keeps as
// many of its first words as fit, marked with an ellipsis, clear of the edition.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildFile } from '../../src/cli/build.js';
import { writePdf } from '../../src/pdf/writer.js';
import { withRunningHeads } from '../../src/layout/running.js';
import { EDITION_LABELS } from '../../src/render/labels.js';
import { PAGE, PAPER, TYPE } from '../../src/layout/style.js';
import { layoutLine, loadFamily } from '../../src/text/index.js';
import { arabicDigits } from '../build/helpers.js';
import { footerText, headerText, normalizeText, readPages, type PageText } from '../helpers/pdf.js';

const ROOT = path.resolve(__dirname, '../..');
const A4 = PAPER.A4;
const BAND = 45; // header and footer lie within this distance of the page's edge

const inHeader = (p: PageText) => p.items.filter((i) => i.y <= BAND && i.str.trim());
const inFooter = (p: PageText) => p.items.filter((i) => i.y >= p.height - BAND && i.str.trim());
const left = (items: PageText['items']) => Math.min(...items.map((i) => i.x));
const right = (items: PageText['items']) => Math.max(...items.map((i) => i.x + i.width));

/** Build one edition of a lesson file (read where it is) into a fresh folder; its pages read back. */
async function build(file: string, edition: 'student' | 'teacher'): Promise<PageText[]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-running-'));
  const built = await buildFile(file, { out, edition }, path.dirname(file));
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const [pdf] = fs.readdirSync(out);
  return readPages(fs.readFileSync(path.join(out, pdf)));
}

describe.each(['student', 'teacher'] as const)('every page of the %s edition of a sample lesson', (edition) => {
  const file = path.join(ROOT, 'lessons/virtual-caliphate-intro.yaml');
  const title = /^title:\s*"(.*)"$/m.exec(fs.readFileSync(file, 'utf8'))![1];
  let pages: PageText[];
  beforeAll(async () => {
    pages = await build(file, edition);
  });

  test('is headed by the lesson title at the right margin and the edition at the left', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(normalizeText(headerText(page, BAND))).toBe(normalizeText(`${title} ${EDITION_LABELS[edition]}`));
      const head = inHeader(page);
      expect(right(head)).toBeCloseTo(A4.width - PAGE.marginSide, 0);
      expect(left(head)).toBeCloseTo(PAGE.marginSide, 0);
      expect(head.every((i) => Math.abs(i.fontSize - TYPE.running) < 0.05)).toBe(true);
    }
  });

  test('is numbered "صفحة N من M" in Arabic-Indic digits, centred at the foot', () => {
    pages.forEach((page, i) => {
      expect(normalizeText(footerText(page, BAND))).toBe(normalizeText(`صفحة ${arabicDigits(i + 1)} من ${arabicDigits(pages.length)}`));
      const foot = inFooter(page);
      expect((left(foot) + right(foot)) / 2).toBeCloseTo(A4.width / 2, 0);
    });
  });
});

describe('a title too long for the header', () => {
  const family = loadFamily('amiri');
  const widthOf = (text: string) => layoutLine(text, { size: TYPE.running, color: '#000000', weight: 'regular' }, family, 'rtl').naturalWidth;
  const words = 'الخلافة الافتراضية وما بقي منها بعد الهزيمة الميدانية في العراق وسوريا وكيف واجهتها المنصات الكبرى وشركات الإنترنت والحكومات والمدارس والأسر والمعلمون والطلاب في العالم العربي اليوم وفي السنوات المقبلة'.split(' ');
  // titles of 32 down to 29 words: whatever the count, the header must keep the same first words
  const titles = [0, 1, 2, 3].map((n) => words.slice(0, words.length - n).join(' '));
  let pages: PageText[];
  beforeAll(async () => {
    const label = EDITION_LABELS.student;
    const pages_ = titles.map((t, i) => ({ ops: [], bookmarks: [], decorated: true, head: { start: t, end: label }, foot: `صفحة ${i + 1}` }));
    const bytes = await writePdf(withRunningHeads(pages_, 'A4', family), { title: 'عنوان', paper: 'A4' });
    pages = await readPages(bytes);
  });

  test('keeps as many first words as fit, with an ellipsis, clear of the edition label', () => {
    expect(pages).toHaveLength(titles.length);
    const kept = pages.map((page) => {
      const head = inHeader(page);
      const label = head.filter((i) => normalizeText(EDITION_LABELS.student).includes(normalizeText(i.str)));
      const shown = head.filter((i) => !label.includes(i));
      expect(label.length).toBeGreaterThan(0);
      // the shortened title: the first k words and "…" (NFKC spells it "...")
      const text = normalizeText(headerText({ ...page, items: shown }, BAND));
      expect(text.endsWith('...'), text).toBe(true);
      const k = words.findIndex((_, n) => normalizeText(`${words.slice(0, n + 1).join(' ')}…`) === text) + 1;
      expect(k, text).toBeGreaterThan(2);
      // it ends at the right margin and stays clear of the label at the left
      expect(right(shown)).toBeCloseTo(A4.width - PAGE.marginSide, 0);
      const gap = left(shown) - right(label);
      expect(gap).toBeGreaterThanOrEqual(24 - 0.5);
      // one more word would not have fitted: no word was dropped needlessly
      expect(widthOf(`${words.slice(0, k + 1).join(' ')}…`) - widthOf(`${words.slice(0, k).join(' ')}…`)).toBeGreaterThan(gap - 24);
      return k;
    });
    expect(new Set(kept).size).toBe(1);
    expect(kept[0]).toBeLessThan(words.length - 3);
  });
});
