// Sources, answer keys, shuffled versions, errata, figures, the name line and
// the scale stem, built for real and read back from the PDFs: pdf.js for text
// and link annotations, MuPDF for pixels (the QR code is decoded by jsQR) and
// for the content stream (the figure's /Alt).
import fs from 'node:fs';
import path from 'node:path';
import jsQRModule from 'jsqr';

import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildFile } from '../../src/cli/build.js';
import { bodyText, normalizeText, readPages, readPdf } from '../helpers/pdf.js';
import { workspace } from '../workspace/helpers.js';
import { picture } from '../render/pictures.js';

// jsqr is a CommonJS module whose types say `export default`: under NodeNext the callable is either
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null;

const URL_TEXT = 'https://news.example/2017/10/01/moderation';
const ARTICLE = `---
id: moderation-note
title: "كيف تحذف المنصات المحتوى؟"
source: "صحيفة الاختبار"
url: "${URL_TEXT}"
date: "2017-10-01"
author: "سلمى الحداد"
errata:
  - text: "لاكن الآلة"
    correct: "لكن الآلة"
    note: "خطأ إملائي."
---
تحذف المنصات ملايين المنشورات كل عام.

لاكن الآلة لا تعمل وحدها، فالمراجعون البشر يراجعون الحالات الصعبة.

ويقول باحثون إن الحذف وحده لا يكفي.
`;

const LESSON = (options: string) => `id: note
title: "درس المصادر"
article: articles/moderation-note.md
objectives: ["أن يفهم الطالب"]
passages:
  - ref: p1-p2
  - ref: p3
figures:
  - { image: figures/chart.png, caption: "أعمدة الحذف", alt: "رسم بالأعمدة لأعداد المنشورات المحذوفة", after: p2 }
questions:
  - text: "أي الجهات تراجع الحالات الصعبة؟"
    kind: choice
    options: ["الآلة وحدها", "المراجعون البشر", "المستخدمون", "لا أحد"]
    answer: ب
  - text: "رتب من الأقدم إلى الأحدث"
    kind: rank
    options: ["الثاني", "الأول", "الثالث"]
    answer: ["الأول", "الثاني", "الثالث"]
  - text: "الحذف وحده لا يكفي."
    kind: scale
options: ${options}
`;

const text = async (file: string) => normalizeText((await readPages(fs.readFileSync(file))).map((p) => bodyText(p)).join('\n'));

function build(options: string, flags: Parameters<typeof buildFile>[1] = {}) {
  const dir = workspace({ 'articles/moderation-note.md': ARTICLE, 'l.yaml': LESSON(options) }, { base: false });
  fs.mkdirSync(path.join(dir, 'figures'));
  fs.writeFileSync(path.join(dir, 'figures/chart.png'), picture('png', 300, 150));
  return buildFile(path.join(dir, 'l.yaml'), { out: path.join(dir, 'out'), ...flags }, dir).then((built) => {
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return { dir, out: path.join(dir, 'out'), built };
  });
}

let plain: { out: string };
beforeAll(async () => {
  plain = await build('{ qr: true, editions: [student, teacher, key] }');
}, 60_000);

describe('sources that show', () => {
  test('the title block and every citation name the publication, the Arabic date and the author', async () => {
    const s = await text(path.join(plain.out, 'note-student.pdf'));
    expect(s).toContain(normalizeText('المقال: «كيف تحذف المنصات المحتوى؟»، صحيفة الاختبار، ١ أكتوبر ٢٠١٧، بقلم سلمى الحداد'));
    expect(s).toContain(normalizeText('المصدر: «كيف تحذف المنصات المحتوى؟»، صحيفة الاختبار، ١ أكتوبر ٢٠١٧، بقلم سلمى الحداد، الفقرات ١–٢'));
    expect(s).toContain(normalizeText('بقلم سلمى الحداد، الفقرة ٣'));
  });

  test('the URL is printed, and a link annotation over its text opens it', async () => {
    const [page] = (await readPdf(fs.readFileSync(path.join(plain.out, 'note-student.pdf')), { annotations: true })).pages;
    const links = page.annotations!.filter((a) => a.subtype === 'Link');
    expect(links.map((l) => l.url)).toEqual([URL_TEXT]);
    const [x1, y1, x2, y2] = links[0].rect as number[];
    const item = page.items!.find((i) => i.str?.includes('news.example')) as { transform: number[]; width: number } | undefined;
    expect(item).toBeDefined();
    // the text's baseline start and end lie inside the clickable rectangle
    const [, , , , tx, ty] = item!.transform;
    expect(tx).toBeGreaterThanOrEqual(x1 - 1);
    expect(tx + item!.width).toBeLessThanOrEqual(x2 + 1);
    expect(ty).toBeGreaterThanOrEqual(y1);
    expect(ty).toBeLessThanOrEqual(y2);
  });

  test('`qr: true` prints a QR code that a reader decodes to the URL', () => {
    const doc = mupdf.Document.openDocument(fs.readFileSync(path.join(plain.out, 'note-student.pdf')), 'application/pdf');
    const pix = doc.loadPage(0).toPixmap(mupdf.Matrix.scale(2.5, 2.5), mupdf.ColorSpace.DeviceRGB, false, true);
    const w = pix.getWidth();
    const h = Math.round(pix.getHeight() * 0.3); // the title block: the top of the page
    const rgb = pix.getPixels();
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) {
      rgba[i * 4] = rgb[i * 3];
      rgba[i * 4 + 1] = rgb[i * 3 + 1];
      rgba[i * 4 + 2] = rgb[i * 3 + 2];
      rgba[i * 4 + 3] = 255;
    }
    expect(jsQR(rgba, w, h)?.data).toBe(URL_TEXT);
  });

  test('western digits print the date in western digits', async () => {
    const { out } = await build('{ digits: western, editions: [student] }');
    expect(await text(path.join(out, 'note-student.pdf'))).toContain(normalizeText('صحيفة الاختبار، 1 أكتوبر 2017، بقلم سلمى الحداد'));
  });
});

describe('errata', () => {
  test('the student edition prints the text as written followed by «[كذا]»; the teacher edition adds the correction', async () => {
    const s = await text(path.join(plain.out, 'note-student.pdf'));
    const t = await text(path.join(plain.out, 'note-teacher.pdf'));
    expect(s).toContain(normalizeText('لاكن الآلة [كذا] لا تعمل وحدها'));
    expect(s).not.toContain(normalizeText('لكن الآلة'));
    expect(t).toContain(normalizeText('لاكن الآلة [كذا] لا تعمل وحدها'));
    expect(t).toContain(normalizeText('«لاكن الآلة»: الصواب «لكن الآلة». خطأ إملائي.'));
  });
});

describe('answers', () => {
  test('the teacher edition marks the right option and states the answer in the guidance', async () => {
    const t = await text(path.join(plain.out, 'note-teacher.pdf'));
    expect(t).toContain(normalizeText('المراجعون البشر (صحيح)'));
    expect(t).toContain(normalizeText('الإجابة الصحيحة: ب) المراجعون البشر'));
    expect(t).toContain(normalizeText('الترتيب المتوقع: ١) الأول، ٢) الثاني، ٣) الثالث'));
    const s = await text(path.join(plain.out, 'note-student.pdf'));
    expect(s).not.toContain(normalizeText('(صحيح)'));
    expect(s).not.toContain(normalizeText('الإجابة الصحيحة'));
  });

  test('`key` in editions makes a one-page answer key', async () => {
    const bytes = fs.readFileSync(path.join(plain.out, 'note-key.pdf'));
    expect((await readPages(bytes)).length).toBe(1);
    const k = await text(path.join(plain.out, 'note-key.pdf'));
    expect(k).toContain(normalizeText('الإجابة الصحيحة: ب) المراجعون البشر'));
    expect(k).toContain(normalizeText('سؤال رأي'));
  });

  test('--edition key builds the key alone', async () => {
    const { out } = await build('{ editions: [student] }', { edition: 'key' });
    expect(fs.readdirSync(out).sort()).toEqual(['note-key.pdf']);
  });

  test('shuffle: versions A and B with options reordered by the seed, keys to match, the teacher edition as written', async () => {
    const { out } = await build('{ shuffle: true, seed: 3, editions: [student, teacher, key] }');
    expect(fs.readdirSync(out).sort()).toEqual(['note-key-A.pdf', 'note-key-B.pdf', 'note-student-A.pdf', 'note-student-B.pdf', 'note-teacher.pdf']);
    const orders: string[] = [];
    for (const v of ['A', 'B']) {
      const s = await text(path.join(out, `note-student-${v}.pdf`));
      const k = await text(path.join(out, `note-key-${v}.pdf`));
      expect(s).toContain(normalizeText(`النموذج ${v === 'A' ? 'أ' : 'ب'}`));
      // the key's letter is the letter the student's version prints before the right option
      const letter = /الإجابةالصحيحة:(\p{L}+)\)المراجعونالبشر/u.exec(k)?.[1];
      expect(letter, v).toBeDefined();
      expect(s).toContain(normalizeText(`${letter}) المراجعون البشر`));
      orders.push(['الآلة وحدها', 'المراجعون البشر', 'المستخدمون', 'لا أحد'].map((o) => s.indexOf(normalizeText(o))).join(','));
    }
    expect(orders[0]).not.toBe(orders[1]);
    // the same seed gives the same versions
    const again = await build('{ shuffle: true, seed: 3, editions: [student] }');
    expect(fs.readFileSync(path.join(again.out, 'note-student-A.pdf'))).toEqual(fs.readFileSync(path.join(out, 'note-student-A.pdf')));
  });
});

describe('a course pack', () => {
  test('--edition key writes one key for the pack, each lesson under its number', async () => {
    const dir = workspace({ 'articles/moderation-note.md': ARTICLE, 'l.yaml': LESSON('{}'), 'l2.yaml': LESSON('{}').replace('id: note', 'id: note-two').replace('درس المصادر', 'درس ثان') }, { base: false });
    fs.mkdirSync(path.join(dir, 'figures'));
    fs.writeFileSync(path.join(dir, 'figures/chart.png'), picture('png', 300, 150));
    fs.writeFileSync(path.join(dir, 'course.yaml'), 'id: pack\ntitle: "حقيبة"\nlessons: [l.yaml, l2.yaml]\n');
    const built = await buildFile(path.join(dir, 'course.yaml'), { out: path.join(dir, 'out'), edition: 'key' }, dir);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['pack-key.pdf']);
    const k = await text(path.join(dir, 'out/pack-key.pdf'));
    const first = k.indexOf(normalizeText('الدرس ١: درس المصادر'));
    const second = k.indexOf(normalizeText('الدرس ٢: درس ثان'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    expect(k.split(normalizeText('الإجابة الصحيحة: ب) المراجعون البشر')).length - 1).toBe(2);
  });
});

describe('figures', () => {
  test('the picture is drawn after its passage, its caption under it, as a Figure element with its alt text', async () => {
    const s = await text(path.join(plain.out, 'note-student.pdf'));
    const caption = s.indexOf(normalizeText('شكل ١: أعمدة الحذف'));
    expect(caption).toBeGreaterThan(s.indexOf(normalizeText('يراجعون الحالات الصعبة')));
    expect(caption).toBeLessThan(s.indexOf(normalizeText('ويقول باحثون')));
    const doc = mupdf.Document.openDocument(fs.readFileSync(path.join(plain.out, 'note-student.pdf')), 'application/pdf') as mupdf.PDFDocument;
    const page = doc.loadPage(0) as mupdf.PDFPage;
    const resources = page.getObject().get('Resources').get('XObject');
    const images: string[] = [];
    resources.forEach((v: mupdf.PDFObject) => {
      if (v.get('Subtype').asName() === 'Image') images.push(`${v.get('Width').asNumber()}x${v.get('Height').asNumber()}`);
    });
    expect(images).toContain('300x150');
    // the picture is the marked content of a Figure structure element whose /Alt is the figure's alt text
    const content = Buffer.from(page.getObject().get('Contents').readStream().asUint8Array()).toString('latin1');
    expect(content).toMatch(/\/Figure <<\s*\/MCID \d+\s*>>\s*BDC\s+q[\s\S]*?\/\w+ Do\s+Q\s+EMC/);
    const tree = (await readPdf(fs.readFileSync(path.join(plain.out, 'note-student.pdf')), { text: false, structTree: true })).pages[0].structTree;
    const figures: { role: string; alt?: string }[] = [];
    const walk = (n: { role?: string; alt?: string; children?: unknown[] }) => {
      if (n.role === 'Figure') figures.push({ role: n.role, alt: n.alt });
      for (const c of n.children ?? []) walk(c as typeof n);
    };
    walk(tree as never);
    expect(figures).toEqual([{ role: 'Figure', alt: 'رسم بالأعمدة لأعداد المنشورات المحذوفة' }]);
  });
});

describe('the student handout', () => {
  test('a name / class / date line on top of the student edition only; `name_line: false` hides it', async () => {
    const first = bodyText((await readPages(fs.readFileSync(path.join(plain.out, 'note-student.pdf'))))[0]).split('\n')[0];
    expect(normalizeText(first)).toBe(normalizeText('الاسم: الصف: التاريخ:'));
    expect(await text(path.join(plain.out, 'note-teacher.pdf'))).not.toContain(normalizeText('الاسم:'));
    const { out } = await build('{ name_line: false, editions: [student] }');
    expect(await text(path.join(out, 'note-student.pdf'))).not.toContain(normalizeText('الاسم:'));
  });

  test('a scale question has its stem with both ends named, and «علّل إجابتك»', async () => {
    const s = await text(path.join(plain.out, 'note-student.pdf'));
    expect(s).toContain(normalizeText('الإجابة: ضع دائرة حول ما يعبّر عن رأيك، من «لا أوافق بشدة» إلى «أوافق بشدة»'));
    expect(s).toContain(normalizeText('علّل إجابتك:'));
  });
});
