// Bad files: each either works or fails with one clear message and exit 1,
// never a stack trace, and nothing is written for a file that fails.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { geometry } from '../../src/layout/paginate.js';
import { bodyText, normalizeText, readPages, readPdf } from '../helpers/pdf.js';
import { expectClean, expectNoTemps, hiwar, lesson, snapshot, workspace } from './helpers.js';
import { encode1256, refused, SAVE_AS } from './bad-file-cases.js';

/** Build `file` in a fresh workspace; the run, and what the folder held before and after. */
async function tryBuild(files: Record<string, string | Buffer>, file = 'l.yaml') {
  const dir = workspace(files as Record<string, string>);
  const before = snapshot(dir);
  const r = await hiwar(dir, 'build', file, '--edition', 'student');
  expectClean(r);
  expectNoTemps(dir);
  return { dir, r, before, after: snapshot(dir) };
}

describe('files hiwar cannot use: one message, exit 1, nothing written', () => {
  // the suite's time limit (60 s, vitest.config.ts) catches a hang (a file that once took minutes); nothing here measures speed
  test.each(refused)('%s', async (_name, content, message) => {
    const { r, before, after } = await tryBuild({ 'l.yaml': content as string });
    expect(r.code).toBe(1);
    if (message.includes('\n')) expect(r.stderr).toBe(message);
    else expect(r.stderr.split('\n')[0]).toBe(message);
    expect(after).toEqual(before);
  });

  test('an article in Windows-1256 is reported at the article, and the lesson that names it builds nothing', async () => {
    const article = Buffer.concat([Buffer.from('---\nid: a\ntitle: "'), encode1256('مقال'), Buffer.from('"\n---\n'), encode1256('فقرة أولى من المقال.'), Buffer.from('\n')]);
    const { r, before, after } = await tryBuild({ 'articles/a.md': article as unknown as string, 'l.yaml': lesson('سؤال؟', 'demo', 'articles/a.md') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`articles/a.md:1:1: error: cannot read this file: this file is not UTF-8: it looks like Arabic text saved as Windows-1256 (Arabic Windows)\n${SAVE_AS}`);
    expect(after).toEqual(before);
  });

  test('a folder, a missing file, a file too big to be a lesson', async () => {
    const dir = workspace({ 'l.yaml': lesson() });
    fs.mkdirSync(path.join(dir, 'folder.yaml'));
    const huge = path.join(dir, 'huge.yaml');
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, 5 * 1024 * 1024); // over the 4 MB limit; sparse: costs no disk
    const before = snapshot(dir);
    const r = await hiwar(dir, 'build', 'folder.yaml', 'nope.yaml', 'huge.yaml');
    expect(r.code).toBe(1);
    expectClean(r);
    // (a folder is read as the lessons in it, and a missing name is answered before the build starts)
    expect(r.stderr.split('\n')).toEqual([
      'folder.yaml:1:1: error: the folder `folder.yaml` has no lessons or courses',
      '  hint: lessons and courses are the .yaml files directly in the folder',
      'nope.yaml:1:1: error: cannot find `nope.yaml`',
      'huge.yaml:1:1: error: `huge.yaml` is larger than 4 MB, the most hiwar reads for this kind of file',
      '  hint: is it the right file? the limits are listed in the README under "Limits"; split a very long lesson or bank into several files',
    ]);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('files that are not lessons at all, quickly', () => {
  test('a data file given by mistake (20,000 fields): the first 100 problems, then how many more', async () => {
    const { r, before, after } = await tryBuild({ 'l.yaml': Array.from({ length: 20000 }, (_, i) => `k${i}: v`).join('\n') });
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => !l.startsWith('  hint'));
    expect(lines.length).toBeLessThanOrEqual(110);
    expect(lines[0]).toBe('l.yaml:1:1: error: missing required field `id`');
    expect(lines).toContain('l.yaml:2:1: error: unknown field `k1`');
    expect(lines[lines.length - 1]).toMatch(/^l\.yaml:\d+:1: error: … and about 199\d\d more problems from here on$/);
    expect(after).toEqual(before);
  });

  test('brackets nested 30,000 deep: a YAML message, not a crash', async () => {
    const { r } = await tryBuild({ 'l.yaml': `id: x\ntitle: ${'['.repeat(30000)}${']'.repeat(30000)}\n` });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^l\.yaml:2:\d+: error: YAML syntax: `\[` or `\{` nested inside each other too deeply$/);
  });
});

describe('odd but good files work', () => {
  test('a UTF-8 BOM and CRLF line ends: the same PDF, byte for byte, as the plain file', async () => {
    const plain = lesson();
    const a = await tryBuild({ 'l.yaml': plain });
    const b = await tryBuild({ 'l.yaml': '\ufeff' + plain.replace(/\n/g, '\r\n'), 'articles/sample.md': '\ufeff' + fs.readFileSync(path.join(a.dir, 'articles/sample.md'), 'utf8').replace(/\n/g, '\r\n') });
    expect(a.r.code).toBe(0);
    expect(b.r.code).toBe(0);
    expect(fs.readFileSync(path.join(b.dir, 'out/demo-student.pdf')).equals(fs.readFileSync(path.join(a.dir, 'out/demo-student.pdf')))).toBe(true);
  });

  test('a 10 MB article: read, checked and quoted', async () => {
    const para = 'انتقل بعض المستخدمين من Twitter إلى Telegram… وهناك يصعب الرصد. أما الحل فليس واضحًا بعد، ويقترح آخرون تعليم الطلاب التفكير النقدي.';
    const body = Array.from({ length: Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(para + '\n\n')) }, (_, i) => `${i + 1}: ${para}`).join('\n\n');
    const article = `---\nid: big\ntitle: "مقال طويل جدًا"\n---\n${body}\n`;
    expect(Buffer.byteLength(article)).toBeGreaterThan(10 * 1024 * 1024);
    const { r } = await tryBuild({ 'articles/big.md': article, 'l.yaml': lesson('سؤال؟', 'demo', 'articles/big.md').replace('ref: p1', 'ref: p40000-p40002') });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('wrote out/demo-student.pdf (1 page)');
  });

  test('a question of 5,000 characters is set in full over as many lines as it needs', async () => {
    const q = Array.from({ length: 1000 }, (_, i) => ['كلمة', 'نص', 'سؤال', 'فكرة'][i % 4]).join(' ');
    const long = (q + ' ' + q).slice(0, 5000);
    const { dir, r } = await tryBuild({ 'l.yaml': lesson(long) });
    expect(r.code).toBe(0);
    const pages = await readPages(fs.readFileSync(path.join(dir, 'out/demo-student.pdf')));
    expect(pages.length).toBeGreaterThan(1);
    const text = normalizeText(pages.map((p) => bodyText(p)).join(''));
    expect(text).toContain(normalizeText(long));
  });

  test('a passage longer than a page breaks across pages: every line on a page, in order, nothing lost', async () => {
    const sentence = 'هذه جملة طويلة في فقرة واحدة تمتد على صفحات عدة ولا تنتهي سريعًا.';
    const passage = Array.from({ length: 150 }, (_, i) => `${sentence.slice(0, -1)} ${i + 1}.`).join(' ');
    const { dir, r } = await tryBuild({ 'articles/long.md': `---\nid: long\ntitle: "طويل"\n---\n${passage}\n`, 'l.yaml': lesson('سؤال؟', 'demo', 'articles/long.md') });
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(path.join(dir, 'out/demo-student.pdf'));
    const pages = await readPages(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const g = geometry('A4');
    for (const p of pages) {
      const body = p.items.filter((i) => i.y > 45 && i.y < p.height - 45);
      expect(body.length).toBeGreaterThan(0);
      // each baseline inside the page's text area: no line cut at a page edge
      for (const i of body) expect(i.y).toBeGreaterThan(g.top);
      for (const i of body) expect(i.y).toBeLessThan(g.bottom + 1);
    }
    const all = normalizeText(pages.map((p) => bodyText(p)).join(''));
    expect(all).toContain(normalizeText(passage));
  });

  test('a word longer than the line is broken, never clipped: every piece inside the text area, every letter printed', async () => {
    const word = 'x'.repeat(300);
    const arabic = 'ب'.repeat(400);
    const { dir, r } = await tryBuild({ 'l.yaml': lesson(`${arabic} ${word}`) });
    expect(r.code).toBe(0);
    const doc = await readPdf(fs.readFileSync(path.join(dir, 'out/demo-student.pdf')));
    const g = geometry('A4');
    let xs = 0;
    let bs = 0;
    for (const page of doc.pages) {
      for (const it of page.items!) {
        if (typeof it.str !== 'string') continue;
        const str = it.str.normalize('NFKC').trim(); // presentation forms of ب fold to ب; a space after the list number starts the first piece
        if (!/^[xب]+$/.test(str)) continue;
        xs += (str.match(/x/g) ?? []).length;
        bs += (str.match(/ب/g) ?? []).length;
        const x = it.transform![4];
        expect(x).toBeGreaterThanOrEqual(g.left - 0.5);
        expect(x + it.width!).toBeLessThanOrEqual(g.left + g.contentWidth + 0.5);
      }
    }
    expect(xs).toBe(300);
    expect(bs).toBe(400);
  });
});
