// The web edition in real Chromium (the studio's @sparticuz/chromium +
// puppeteer-core): the text in logical order, right to left, semantic,
// accessible (axe-core: no serious or critical violation), no script, answer
// lines in print, and a first screen that matches the committed picture.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { renderHtml } from '../../src/formats/html/render.js';
import { forgetWoff2Subsets, woff2Subset } from '../../src/formats/html/subset.js';
import { loadFamily } from '../../src/text/index.js';
import { LABELS } from '../../src/render/labels.js';
import type { ResolvedLesson } from '../../src/workspace/model.js';
import { launchBrowser } from '../studio/helpers.js';
import { footerText, headerText, normalizeText, readPages } from '../helpers/pdf.js';
import * as fontkit from 'fontkit';
import { courseDoc, lessonDoc, sampleCourse, sampleLesson, squash } from './helpers.js';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const REFERENCE = path.join(import.meta.dirname, 'reference/lesson-student-first-screen.png');
const VIEWPORT = { width: 900, height: 1200 };

let browser: Browser;
let lesson: ResolvedLesson;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-html-'));
const files: Record<string, string> = {};

async function open(name: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.goto(`file://${files[name]}`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

beforeAll(async () => {
  lesson = await sampleLesson();
  const family = loadFamily('amiri');
  const write = async (name: string, doc: Parameters<typeof renderHtml>[0]) => {
    files[name] = path.join(dir, `${name}.html`);
    fs.writeFileSync(files[name], (await renderHtml(doc, { family })).bytes);
  };
  await write('student', lessonDoc(lesson, 'student'));
  await write('teacher', lessonDoc(lesson, 'teacher'));
  await write('pack', courseDoc(await sampleCourse(), 'student'));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** innerText without the article's marked mistakes («[كذا]»), white space collapsed */
const readable = (t: string) => squash(t.replaceAll(`[${LABELS.sic}]`, ''));

describe('a lesson as a web page', () => {
  test('innerText gives every passage, then every question, in logical order; teacher guidance only in the teacher page', async () => {
    const texts: Record<string, string> = {};
    for (const name of ['student', 'teacher']) {
      const page = await open(name);
      texts[name] = readable(await page.evaluate(() => document.body.innerText));
      await page.close();
    }
    for (const text of Object.values(texts)) {
      let from = 0;
      for (const t of [...lesson.passages.flatMap((p) => p.paragraphs.map((x) => x.text)), ...lesson.questions.map((q) => q.text)]) {
        const at = text.indexOf(squash(t), from);
        expect(at, `missing or out of order: ${t.slice(0, 50)}`).toBeGreaterThanOrEqual(0);
        from = at + 1;
      }
    }
    const guided = lesson.questions.filter((q) => q.guidance);
    expect(guided.length).toBeGreaterThan(0);
    for (const q of guided) {
      const first = squash(q.guidance!.split('\n')[0]).slice(0, 40);
      expect(texts.teacher).toContain(first);
      expect(texts.student).not.toContain(first);
    }
  });

  test('right to left and semantic: lang/dir, headings, passages quoted with their source, questions in a list, choices in fieldsets, no script', async () => {
    const page = await open('student');
    const facts = await page.evaluate(() => {
      return {
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        direction: getComputedStyle(document.body).direction,
        // a right-to-left heading starts at the right edge of the text column
        titleRight: (() => {
          const range = document.createRange();
          range.selectNodeContents(document.querySelector('h1')!);
          return range.getBoundingClientRect().right;
        })(),
        // the text column (main fills the body's content box)
        columnRight: document.querySelector('main')!.getBoundingClientRect().right,
        h1: document.querySelectorAll('h1').length,
        h2: document.querySelectorAll('h2').length,
        passages: document.querySelectorAll('figure.passage blockquote p').length,
        citations: [...document.querySelectorAll('figure.passage')].map((f) => f.querySelector('figcaption cite')?.textContent ?? ''),
        questions: document.querySelectorAll('ol.questions > li').length,
        fieldsets: document.querySelectorAll('ol.questions fieldset').length,
        scripts: document.querySelectorAll('script').length,
        textareas: document.querySelectorAll('textarea').length,
        marker: getComputedStyle(document.querySelector('ol.questions')!).listStyleType,
      };
    });
    expect(facts).toMatchObject({ lang: 'ar', dir: 'rtl', direction: 'rtl', h1: 1, scripts: 0 });
    expect(Math.abs(facts.titleRight - facts.columnRight)).toBeLessThan(2);
    expect(facts.h2).toBeGreaterThan(1);
    expect(facts.passages).toBe(lesson.passages.flatMap((p) => p.paragraphs).length);
    // each run of passages is a figure whose caption cites the article
    expect(facts.citations.length).toBe(lesson.passages.length);
    for (const c of facts.citations) expect(c).toContain(lesson.article.title.slice(0, 20));
    expect(facts.questions).toBe(lesson.questions.length);
    expect(facts.fieldsets).toBe(lesson.questions.filter((q) => q.kind === 'choice' || q.kind === 'scale').length);
    expect(facts.textareas).toBeGreaterThan(0);
    // ١) ٢) ٣): the questions number in Arabic-Indic digits
    expect(facts.marker).toBe('hiwar-q');
    await page.close();
  });

  test("a question's parts keep their order: a scale's instructions come before its row of buttons", async () => {
    const page = await open('pack');
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('fieldset.scale')].map((f) => ({ before: f.previousElementSibling?.className ?? '', label: f.getAttribute('aria-labelledby') ?? '', named: !!document.getElementById(f.getAttribute('aria-labelledby') ?? '') })),
    );
    expect(order.length).toBeGreaterThan(0);
    for (const o of order) {
      expect(o.before.split(' ')).toContain('small');
      expect(o.named).toBe(true);
    }
    await page.close();
  });

  test('answer space: textareas on screen, ruled lines in print', async () => {
    const page = await open('student');
    const screen = await page.evaluate(() => ({ textarea: getComputedStyle(document.querySelector('textarea')!).display, lines: getComputedStyle(document.querySelector('.lines')!).display }));
    expect(screen).toEqual({ textarea: 'block', lines: 'none' });
    await page.emulateMediaType('print');
    const print = await page.evaluate(() => {
      const lines = document.querySelector('.lines') as HTMLElement;
      return { textarea: getComputedStyle(document.querySelector('textarea')!).display, lines: getComputedStyle(lines).display, height: lines.getBoundingClientRect().height, image: getComputedStyle(lines).backgroundImage };
    });
    expect(print.textarea).toBe('none');
    expect(print.lines).toBe('block');
    expect(print.height).toBeGreaterThan(40);
    expect(print.image).toMatch(/repeating-linear-gradient/);
    await page.close();
  });

  test('axe-core finds no serious or critical violation (student, teacher and a pack)', async () => {
    for (const name of ['student', 'teacher', 'pack']) {
      const page = await open(name);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
        const r = await axe.run();
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), name).toEqual([]);
      await page.close();
    }
  });

  test('the fonts are WOFF2 cut to the page: every character shown or typed has its glyph, and Arabic shapes as with the whole font', async () => {
    const html = fs.readFileSync(files.student, 'utf8');
    const faces = [...html.matchAll(/src:url\(data:font\/woff2;base64,([^)]+)\) format\("woff2"\)/g)].map((m) => Buffer.from(m[1], 'base64'));
    expect(faces.length).toBe(2);
    const page = await open('student');
    const shown = await page.evaluate(() => ({ text: document.body.innerText, fonts: [...document.fonts].map((f) => `${f.weight} ${f.status}`) }));
    // both faces load in Chromium (a broken WOFF2 would be «error»)
    expect(shown.fonts.sort()).toEqual(['400 loaded', '700 loaded']);
    await page.close();
    const family = loadFamily('amiri');
    const [regular, bold] = faces.map((b) => fontkit.create(b) as fontkit.Font);
    for (const [face, full] of [[regular, family.faces.regular.path], [bold, family.faces.bold.path]] as const) {
      expect(face.type).toBe('WOFF2');
      // a cut: well under the whole face (Amiri is ~430 KB as TrueType)
      expect(faces[face === regular ? 0 : 1].length).toBeLessThan(80_000);
      const missing = [...new Set(shown.text.replace(/\s/g, ''))].filter((c) => !face.hasGlyphForCodePoint(c.codePointAt(0)!));
      expect(missing).toEqual([]);
      // what a student may type: every Arabic letter, and Basic Latin
      for (let c = 0x621; c <= 0x64a; c++) if (c < 0x63b || c > 0x640) expect(face.hasGlyphForCodePoint(c), c.toString(16)).toBe(true);
      for (let c = 0x21; c <= 0x7e; c++) expect(face.hasGlyphForCodePoint(c), c.toString(16)).toBe(true);
      // the joining forms, ligatures and marks survive the cut: the same advances and offsets as the whole font
      const whole = fontkit.openSync(full) as fontkit.Font;
      const sample = lesson.passages[0].paragraphs[0].text + ' ' + lesson.questions[0].text;
      const layout = (f: fontkit.Font) => f.layout(sample).positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]);
      expect(layout(face)).toEqual(layout(whole));
    }
  });

  test('equal input, equal bytes', async () => {
    // (the page made again; that a font cut made anew has equal bytes is the next test)
    const again = (await renderHtml(lessonDoc(lesson, 'student'), { family: loadFamily('amiri') })).bytes;
    expect(Buffer.from(again).equals(fs.readFileSync(files.student))).toBe(true);
  });

  test('a face cut once for the same characters, however often a page asks: the same bytes, packed once', async () => {
    const file = loadFamily('amiri').faces.regular.path;
    forgetWoff2Subsets();
    const first = woff2Subset(file, [0x627, 0x644, 0x20, 0x627]);
    const firstBytes = Buffer.from(await first);
    // the same characters in another order, and repeated: the same cut, not a second packing
    const same = woff2Subset(file, [0x20, 0x644, 0x627]);
    expect(same).toBe(first);
    const other = woff2Subset(file, [0x627, 0x644]);
    expect(other).not.toBe(first);
    expect(Buffer.from(await other).equals(firstBytes)).toBe(false);
    // a kept cut stays as it was made while others are made (wawoff2 reuses its memory)
    expect(Buffer.from(await first).equals(firstBytes)).toBe(true);
    expect((fontkit.create(Buffer.from(await first)) as fontkit.Font).type).toBe('WOFF2');
    // once forgotten, cut anew: equal bytes from a new packing
    forgetWoff2Subsets();
    const anew = woff2Subset(file, [0x627, 0x644, 0x20]);
    expect(anew).not.toBe(first);
    expect(Buffer.from(await anew).equals(Buffer.from(await first))).toBe(true);
  });

  test('a running head: on screen a header above the page, in print the title, the edition and «صفحة X من Y» on every page', async () => {
    const head = lessonDoc(lesson, 'student').parts.find((p) => p.head)!.head!;
    const page = await open('student');
    const screen = await page.evaluate(() => {
      const h = document.querySelector('header.running') as HTMLElement;
      return { text: h.innerText, first: document.body.firstElementChild === h, display: getComputedStyle(h).display };
    });
    expect(screen.first).toBe(true);
    expect(screen.display).not.toBe('none');
    expect(squash(screen.text)).toBe(squash(`${head.start}\n${head.end}`));
    await page.emulateMediaType('print');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('header.running')!).display)).toBe('none');
    const pdf = await readPages(await page.pdf({ preferCSSPageSize: true }));
    await page.close();
    expect(pdf.length).toBeGreaterThan(2);
    const digits = (n: number) => String(n).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]);
    pdf.forEach((p, i) => {
      const top = normalizeText(headerText(p, 60));
      expect(top, `page ${i + 1}`).toContain(normalizeText(head.start));
      expect(top, `page ${i + 1}`).toContain(normalizeText(head.end));
      expect(normalizeText(footerText(p, 60)), `page ${i + 1}`).toBe(normalizeText(`صفحة ${digits(i + 1)} من ${digits(pdf.length)}`));
    });
  });

  test('in a pack each lesson asks print for a right-hand (odd) page, where the PDF and Word editions start it', async () => {
    const page = await open('pack');
    await page.emulateMediaType('print');
    const breaks = await page.evaluate(() => [...document.querySelectorAll('section.part')].map((s) => `${s.classList[1]} ${getComputedStyle(s).breakBefore}`));
    await page.close();
    const lessons = (await sampleCourse()).lessons;
    expect(breaks).toEqual(['part-cover page', 'part-contents page', ...lessons.map(() => 'part-lesson recto'), 'part-sources page']);
  });

  test('the first screen looks like the committed reference (within 0.5% of its pixels)', async () => {
    const page = await open('student');
    const shot = Buffer.from(await page.screenshot({ type: 'png' }));
    if (process.env.HIWAR_UPDATE_SCREENSHOTS === '1' || !fs.existsSync(REFERENCE)) fs.writeFileSync(REFERENCE, shot);
    const reference = fs.readFileSync(REFERENCE);
    // both pictures decoded by the browser, compared pixel by pixel
    const differing = await page.evaluate(async (a: string, b: string) => {
      const load = async (src: string) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, img.width, img.height);
      };
      const [x, y] = [await load(a), await load(b)];
      if (x.width !== y.width || x.height !== y.height) return 1;
      let n = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        if (Math.max(Math.abs(x.data[i] - y.data[i]), Math.abs(x.data[i + 1] - y.data[i + 1]), Math.abs(x.data[i + 2] - y.data[i + 2])) > 40) n++;
      }
      return n / (x.width * x.height);
    }, `data:image/png;base64,${shot.toString('base64')}`, `data:image/png;base64,${reference.toString('base64')}`);
    expect(differing).toBeLessThan(0.005);
    await page.close();
  });
});
