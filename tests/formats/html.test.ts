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
import { loadFamily } from '../../src/text/index.js';
import { LABELS } from '../../src/render/labels.js';
import type { ResolvedLesson } from '../../src/workspace/model.js';
import { launchBrowser } from '../studio/helpers.js';
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
