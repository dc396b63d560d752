// A teacher's journey through the studio in a real browser (headless
// Chromium): bring in the seed article, write a lesson on it (a passage
// selected with the mouse, a question of one's own, one from a bank), watch
// the preview grow, save and reopen, make a version for another class, bind
// a course and build it, and see a mistake explained beside its field with
// nothing saved. Assertions are on what the page shows and on the files written.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Studio } from '../../src/studio/server.js';
import { importRawText, renderArticle } from '../../src/workspace/import.js';
import { resolveFile } from '../../src/workspace/resolve.js';
import { launchBrowser, pagesShown, REPO, scratchWorkspace, shot, studioOn, waitText } from './helpers.js';

const RAW = fs.readFileSync(path.join(REPO, 'tests/fixtures/seed/virtual-caliphate.raw.txt'), 'utf8');

// Time limits catch a hang only: on a busy machine (load 13) the course
// build behind one click took over 15 s. A wait names what it waited for, so
// it ends before its step does.
const WAIT = 90_000;
const STEP = 180_000;

let browser: Browser;
let studio: Studio;
let page: Page;
let root: string;

beforeAll(async () => {
  root = scratchWorkspace();
  [browser, studio] = await Promise.all([launchBrowser(), studioOn(root)]);
  page = await browser.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(studio.url);
  await page.waitForSelector('body[data-ready="true"]');
}, STEP);

afterAll(async () => {
  await browser?.close();
  await studio?.close();
  if (root) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

const go = async (hash: string, selector: string) => {
  await page.evaluate((h: string) => (location.hash = h), hash);
  await page.waitForSelector(selector);
};

const fieldSel = (p: (string | number)[]) => `[data-path='${JSON.stringify(p)}']`;

/**
 * Type `text` over a field's value, as a teacher who selected it all. The
 * selection is made in the page, not by a triple click: the server's answer
 * to the last change can move the form between the click's aim and the
 * click (a shuffled run, seed 777, typed the title after the old one).
 */
const replaceText = async (selector: string, text: string) => {
  await page.$eval(selector, (el) => {
    (el as HTMLInputElement).focus();
    (el as HTMLInputElement).select();
  });
  await page.keyboard.type(text);
};

// One teacher's journey: each step starts where the one before left off (the
// article brought in is the one the lesson quotes), so the steps keep their
// order under --sequence.shuffle.
describe('hiwar studio in a browser', { shuffle: false, timeout: STEP }, () => {
  it('is an Arabic, right-to-left page that lists the workspace', async () => {
    expect(await page.$eval('html', (el) => [el.lang, el.dir])).toEqual(['ar', 'rtl']);
    expect(await page.$eval('h1', (el) => el.textContent)).toBe('استوديو حوار');
    // the token left the address bar for a cookie
    expect(page.url()).not.toContain('token=');
    const lessons = await page.$$eval('#h-lessons ~ ul li a', (as) => as.map((a) => a.textContent));
    expect(lessons).toContain('الخلافة الافتراضية: ماذا بقي بعد الهزيمة الميدانية؟');
    await shot(page, '1-workspace');
  });

  it('brings in the seed article: paragraphs shown, title picked, junk dropped, file saved', async () => {
    await go('#/import', 'textarea');
    await page.$eval('textarea', (el, raw) => ((el as HTMLTextAreaElement).value = raw as string), RAW);
    await page.click('#find-paragraphs');
    const expected = importRawText(RAW);
    await waitText(page, '#found-count', `${expected.paragraphs.length}`);
    // the teacher drops the last line the importer kept, as if it were a "read also" link
    const boxes = await page.$$('table.lines input[type=checkbox]');
    await boxes[boxes.length - 1].click();
    await waitText(page, '#found-count', `${expected.paragraphs.length - 1}`);
    await page.type('#article-id', 'seed-article');
    await page.type('#article-source', 'موقع إخباري');
    await page.type('#article-date', '2017-10-01');
    await shot(page, '2-import');
    await page.click('#save-article');
    await waitText(page, '#import-saved', 'articles/seed-article.md');
    const written = fs.readFileSync(path.join(root, 'articles/seed-article.md'), 'utf8');
    expect(written).toBe(renderArticle({ id: 'seed-article', source: 'موقع إخباري', date: '2017-10-01' }, { ...expected, paragraphs: expected.paragraphs.slice(0, -1) }));
  });

  it('writes a lesson: p3–p5 selected with the mouse, two questions (one from a bank), the preview grows, save and reopen', async () => {
    await go('#/workspace', '#h-articles');
    const li = await page.waitForSelector('xpath///li[.//span[@class="path" and text()="articles/seed-article.md"]]');
    await (await li!.$('button'))!.click();
    await li!.waitForSelector('input');
    await (await li!.$('input'))!.type('seed-lesson');
    await (await li!.$('button[type=submit]'))!.click();
    await page.waitForSelector('#page-count[data-pages]:not([data-pages="0"])');
    const before = await pagesShown(page);
    await shot(page, '3-lesson-editor');

    // the article tab: select paragraphs 3 to 5 with the mouse
    await page.click('button[data-tab=article]');
    await page.waitForSelector('#para-5 .sent');

    await page.evaluate(() => {
      const first = document.querySelector('#para-3 .sent')!;
      const lastSents = document.querySelectorAll('#para-5 .sent');
      const last = lastSents[lastSents.length - 1];
      const r = document.createRange();
      r.setStart(first.firstChild!, 0);
      r.setEnd(last.firstChild!, (last.firstChild as Text).length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      document.querySelector('.article')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    expect(await page.$eval('#selected-ref', (el) => el.textContent)).toBe('p3-p5');

    await page.click('#add-passage');
    await shot(page, '4-article-selection');

    // a question of the teacher's own, drawing on the selection
    await page.click('#add-question');
    const q = ['questions', 1];
    await page.type(`${fieldSel([...q, 'text'])} textarea`, 'ما الذي يعنيه المقال بعبارة «الخلافة الافتراضية»؟');
    await page.select(`${fieldSel([...q, 'level'])} select`, 'analyze');
    await page.click('button[data-tab=article]');
    await page.click('#add-to-question');
    await page.waitForFunction((sel: string) => (document.querySelector(sel) as HTMLInputElement)?.value === 'p3-p5', {}, `${fieldSel([...q, 'refs'])} input`);

    // one from a bank
    await go('#/banks', '#bank-count');
    await page.type('input[type=search]', 'الخلافة');
    const card = await page.waitForSelector('article.qcard');
    const bankId = await card!.evaluate((el) => (el as HTMLElement).dataset.bankId);
    await shot(page, '5-banks');
    await (await card!.$('button.add-use'))!.click();
    // the bank was written for the same article: its refs fit, it is added at once
    await card!.waitForSelector('.notice');
    await go('#/edit/seed-lesson.yaml', 'button[data-tab=preview]');
    await page.click('button[data-tab=preview]');
    await page.waitForFunction((n: number) => Number((document.querySelector('#page-count') as HTMLElement).dataset.pages) !== n, {}, before);
    const after = await pagesShown(page);
    expect(after).toBeGreaterThan(before);
    await shot(page, '6-preview-grown');

    await page.click('#save');
    await waitText(page, '.status', 'حُفظ');
    const saved = parse(fs.readFileSync(path.join(root, 'seed-lesson.yaml'), 'utf8'));
    expect(saved.passages.map((p: { ref: unknown }) => p.ref)).toContain('p3-p5');
    expect(saved.questions[1]).toMatchObject({ text: 'ما الذي يعنيه المقال بعبارة «الخلافة الافتراضية»؟', level: 'analyze', refs: ['p3-p5'] });
    expect(saved.questions[2].use).toMatch(new RegExp(`^questions/[a-z-]+\\.yaml#${bankId}$`));
    const built = await resolveFile(path.join(root, 'seed-lesson.yaml'));
    expect(built.ok).toBe(true);

    // reopen: a new page load shows the same lesson
    await page.goto(studio.url.replace(/\?token=.*/, '') + '#/edit/seed-lesson.yaml');
    await page.waitForSelector(`${fieldSel(['questions', 1, 'text'])} textarea`);
    expect(await page.$eval(`${fieldSel(['questions', 1, 'text'])} textarea`, (el) => (el as HTMLTextAreaElement).value)).toBe('ما الذي يعنيه المقال بعبارة «الخلافة الافتراضية»؟');
    expect(await page.$eval(`${fieldSel(['passages', 1, 'ref'])} input`, (el) => (el as HTMLInputElement).value)).toBe('p3-p5');
  });

  it('makes a version for another class and binds a course that builds both editions', async () => {
    await go('#/workspace', '#h-lessons');
    const li = await page.waitForSelector('xpath///li[.//span[@class="path" and text()="seed-lesson.yaml"]]');
    await (await li!.$('button'))!.click();
    await (await li!.waitForSelector('input'))!.type('seed-lesson-short');
    await (await li!.$('button[type=submit]'))!.click();
    await page.waitForSelector('ul.inherited input[type=checkbox]');
    const firstDrop = await page.$('ul.inherited input[type=checkbox]');
    await firstDrop!.click();
    await page.type(`${fieldSel(['title'])} input`, 'نسخة قصيرة');
    await page.waitForSelector('#page-count[data-pages]:not([data-pages="0"])');
    await shot(page, '7-overlay');
    await page.click('#save');
    await waitText(page, '.status', 'حُفظ');
    const overlay = parse(fs.readFileSync(path.join(root, 'seed-lesson-short.yaml'), 'utf8'));
    expect(overlay).toMatchObject({ extends: 'seed-lesson.yaml', id: 'seed-lesson-short', title: 'نسخة قصيرة', questions: { drop: ['q1'] } });

    await go('#/workspace', '#h-courses');
    const courses = await page.$('#h-courses ~ button');
    await courses!.click();
    await page.type('#h-courses ~ div input', 'seed-course');
    await page.click('#h-courses ~ div button[type=submit]');
    await page.waitForSelector('#build');
    // The server's first check of the new course puts a count of problems
    // above the form, moving the form under the mouse: on a busy machine the
    // clicks that add the lessons were aimed before it came and landed beside
    // their button, and the course was built without lessons. So that answer
    // (no lessons yet) is awaited first, and each lesson is seen in the list.
    await waitText(page, `${fieldSel(['lessons'])} > .field-errors`, 'lessons');
    // Each lesson is chosen and added in one task of the page: a re-render
    // (the server's answer to the last change) that came between a choice and
    // a click made with the mouse replaced the button under it, the click
    // added nothing, and the wait below ran out (a shuffled run, seed 4242).
    for (const [i, lesson] of ['seed-lesson.yaml', 'seed-lesson-short.yaml'].entries()) {
      await page.$eval(
        fieldSel(['lessons']),
        (el, file) => {
          el.querySelector('select')!.value = file;
          (el.querySelector('.row button') as HTMLButtonElement).click();
        },
        lesson,
      );
      await page.waitForFunction((sel: string, n: number) => document.querySelectorAll(sel).length === n, {}, `${fieldSel(['lessons'])} .item`, i + 1);
    }
    await replaceText(`${fieldSel(['title'])} input`, 'وحدة تجريبية');
    await page.click('#build');
    await waitText(page, '#built', 'seed-course-teacher.pdf');
    await shot(page, '8-course');
    for (const e of ['student', 'teacher']) expect(fs.readFileSync(path.join(root, `out/seed-course-${e}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(parse(fs.readFileSync(path.join(root, 'seed-course.yaml'), 'utf8'))).toMatchObject({ title: 'وحدة تجريبية', lessons: ['seed-lesson.yaml', 'seed-lesson-short.yaml'] });
  });

  it('shows a wrong value’s error beside its field, and saves nothing', async () => {
    const file = path.join(root, 'virtual-caliphate-intro.yaml');
    const bytes = fs.readFileSync(file);
    await go('#/edit/virtual-caliphate-intro.yaml', `${fieldSel(['duration'])} input`);
    await page.waitForSelector('#page-count[data-pages]:not([data-pages="0"])');
    // the preview draws the pages in view (two at most in this window), not
    // the whole lesson after each change; the last one once it is scrolled to
    const pages = await pagesShown(page);
    const drawn = () => page.$$eval('.pages figure[data-drawn]', (figures) => figures.length);
    expect(pages).toBe(6);
    expect(await drawn()).toBeGreaterThan(0);
    expect(await drawn()).toBeLessThan(pages);
    await page.$eval('.pages figure:last-child', (el) => el.scrollIntoView());
    await page.waitForSelector('.pages figure:last-child[data-drawn]');
    const input = `${fieldSel(['duration'])} input`;
    await replaceText(input, 'خمسون');
    const shown = await waitText(page, `${fieldSel(['duration'])} .field-errors`, 'خطأ');
    // the checker's own message, in Arabic: the field's name and what it must be
    expect(shown).toMatch(/duration/);
    expect(shown).toMatch(/عدد/);
    expect(shown).not.toMatch(/must|number/);
    await page.click('#save');
    await page.waitForSelector('.notice.error');
    expect(await page.$eval('.notice.error', (el) => el.textContent)).toContain('لم يُحفظ الملف');
    await shot(page, '9-error');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
