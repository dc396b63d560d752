// A very long lesson title: the running header keeps the first words that fit
// and "…", found with a few layouts of the title (a binary search), once per
// document — not one layout per dropped word on every page, which made build
// time grow as the square of the title (4000 words: 134 s).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { shortenToWidth, shortenedTitle } from '../../src/layout/shorten.js';
import { runningLine } from '../../src/layout/running.js';
import { PAGE, PAPER } from '../../src/layout/style.js';
import { loadFamily } from '../../src/text/index.js';
import { headerText, normalizeText, readPages } from '../helpers/pdf.js';
import { hiwar, workspace } from '../faults/helpers.js';

const WORDS = ['الخلافة', 'الافتراضية', 'بعد', 'الهزيمة', 'الميدانية', 'والمنصات', 'الكبرى'];
const title = (n: number) => Array.from({ length: n }, (_, i) => WORDS[i % WORDS.length]).join(' ');

test('a 4000-word title is measured O(log words) times, and the cut is the longest that fits', () => {
  const family = loadFamily('amiri');
  const text = title(4000);
  const room = 300;
  let layouts = 0;
  const width = (t: string) => {
    layouts++;
    return runningLine(t, family).naturalWidth;
  };
  const cut = shortenToWidth(text, room, width);
  expect(layouts).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(4000)));
  expect(cut.endsWith('…')).toBe(true);
  expect(runningLine(cut, family).naturalWidth).toBeLessThanOrEqual(room);
  // one word more would not fit
  const kept = cut.slice(0, -1).split(' ').length;
  const longer = `${text.split(' ').slice(0, kept + 1).join(' ')}…`;
  expect(runningLine(longer, family).naturalWidth).toBeGreaterThan(room);
  expect(text.startsWith(cut.slice(0, -1))).toBe(true);
  // a short title is left alone, measured once
  layouts = 0;
  expect(shortenToWidth('عنوان قصير', room, width)).toBe('عنوان قصير');
  expect(layouts).toBe(1);
});

test('the cut is made once per title, room and typeface: every further page reuses it', () => {
  const text = title(3000);
  let layouts = 0;
  const width = (t: string) => (layouts++, t.length * 4);
  const first = shortenedTitle(text, 250, 'amiri', width);
  const once = layouts;
  expect(once).toBeGreaterThan(0);
  for (let page = 0; page < 50; page++) expect(shortenedTitle(text, 250, 'amiri', width)).toBe(first);
  expect(layouts).toBe(once);
  shortenedTitle(text, 250, 'noto-naskh', width);
  expect(layouts).toBeGreaterThan(once);
});

test('a lesson with a 4000-word title builds; its header fits the page and ends with an ellipsis', async () => {
  const dir = workspace({ 'l.yaml': `id: long\ntitle: "${title(4000)}"\narticle: articles/sample.md\nobjectives: ["يقرأ"]\npassages: [{ref: p1}]\nquestions: [{text: "س"}]\n` });
  const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
  expect(r.stderr).toBe('wrote out/long-student.pdf (21 pages)');
  expect(r.code).toBe(0);
  const pages = await readPages(fs.readFileSync(path.join(dir, 'out/long-student.pdf')));
  const decorated = pages.filter((p) => normalizeText(headerText(p)).includes(normalizeText('نسخة الطالب')));
  expect(decorated).toHaveLength(pages.length);
  for (const page of decorated) {
    const header = normalizeText(headerText(page));
    expect(header).toContain('...'); // the ellipsis, as NFKC spells it
    expect(header).toContain(normalizeText('الخلافة الافتراضية بعد'));
    const items = page.items.filter((i) => i.y <= 45 && i.str.trim());
    // the title (right) stays clear of the edition label (left), inside the margins
    const edition = items.find((i) => i.str.includes('الطالب'))!;
    const titleItems = items.filter((i) => i !== edition && i.x > edition.x);
    expect(Math.min(...titleItems.map((i) => i.x))).toBeGreaterThan(edition.x + 40);
    expect(Math.max(...titleItems.map((i) => i.x))).toBeLessThan(PAPER.A4.width - PAGE.marginSide);
  }
}, 60_000);
