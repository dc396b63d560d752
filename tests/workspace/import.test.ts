import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importCommand } from '../../src/cli/commands/import.js';
import { parseArticle } from '../../src/workspace/article.js';
import { importRawText, isShortcodeLine, normalizeWhitespace } from '../../src/workspace/import.js';
import { recordingIO, SEED_ARTICLE, SEED_RAW, workspace } from './helpers.js';

const raw = readFileSync(SEED_RAW, 'utf8');
const committed = readFileSync(SEED_ARTICLE, 'utf8');

describe('the imported seed article', () => {
  const parsed = parseArticle(SEED_ARTICLE, committed);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  const article = parsed.article;
  // the raw file, read independently: the first line is the title, then one paragraph per line
  // until the junk at the end (a line of a lone no-break space, then WordPress shortcodes)
  const rawLines = raw.split('\n');
  const junkAt = rawLines.findIndex((l) => l.startsWith('[covid19-ultimate-card'));
  const rawParagraphs = rawLines.slice(1, junkAt).filter((l) => l.replace(/[\s\u00a0]/g, '') !== '');

  test('has the title and 18 paragraphs', () => {
    expect(article.id).toBe('virtual-caliphate');
    expect(article.language).toBe('ar');
    expect(article.title).toBe(rawLines[0]);
    expect(rawParagraphs).toHaveLength(18);
    expect(article.paragraphs).toHaveLength(18);
  });

  test.each(Array.from({ length: 18 }, (_, i) => i + 1))('paragraph %i equals the raw text, whitespace normalized only', (n) => {
    const mine = article.paragraphs[n - 1].text;
    const theirs = rawParagraphs[n - 1];
    // same text once runs of whitespace (incl. no-break spaces) are one space
    expect(mine).toBe(theirs.replace(/[\s\u00a0]+/g, ' ').trim());
    // and not one non-space character added, lost or changed
    expect(mine.replace(/\s/g, '')).toBe(theirs.replace(/[\s\u00a0]/g, ''));
    expect(mine).not.toMatch(/\u00a0|  /);
  });

  test('the shortcode junk is gone', () => {
    expect(committed).not.toContain('covid19-ultimate-card');
    expect(committed).not.toContain('\u00a0');
  });

  test('the committed file is exactly what `hiwar import` makes', async () => {
    const dir = workspace({}, { base: false });
    const io = recordingIO(dir);
    expect(await importCommand(SEED_RAW, { id: 'virtual-caliphate' }, io)).toBe(0);
    // the errata were added by hand after the import (a comment, then the list, closing the front matter)
    const imported = committed.replace(/^# Mistakes in the article[\s\S]*?(?=^---$)/m, '');
    expect(imported).not.toContain('errata:');
    expect(readFileSync(path.join(dir, 'virtual-caliphate.md'), 'utf8')).toBe(imported);
    expect(io.stdout[0]).toBe('wrote virtual-caliphate.md: «بعد هزيمته الميدانية.. خلافة «داعش» الافتراضية تتهاوى», 18 paragraphs; dropped 4 shortcode lines');
  });
});

describe('hiwar import', () => {
  test('drops shortcodes, blank and whitespace-only lines; keeps Arabic in brackets; CRLF and BOM accepted', () => {
    const text = '\ufeff\r\n  العنوان\u00a0 هنا  \r\n\r\n\u00a0\u2009\r\nفقرة [نص (مقتبس)] أولى.\r\n[gallery ids="1,2"]\r\n[caption id="x"][/caption]\r\n\r\n\r\n\tفقرة\u00a0ثانية\u200b.\r\n[sic] في البداية\r\n';
    const r = importRawText(text);
    expect(r.title).toBe('العنوان هنا');
    expect(r.paragraphs).toEqual(['فقرة [نص (مقتبس)] أولى.', 'فقرة ثانية.', '[sic] في البداية']);
    expect(r.dropped.shortcodeLines).toBe(2);
  });

  test('shortcode lines and whitespace', () => {
    expect(isShortcodeLine('[covid19-ultimate-card region=”EG” rtl=”true”]')).toBe(true);
    expect(isShortcodeLine('[/caption]')).toBe(true);
    expect(isShortcodeLine('[نص] عربي')).toBe(false);
    expect(isShortcodeLine('[sic] text')).toBe(false);
    expect(normalizeWhitespace(' a\u00a0\u00a0b\u202fc\u3000 ')).toBe('a b c');
  });

  test('decomposed text is NFC-normalized', () => {
    const r = importRawText('Cafe\u0301\nفقرة');
    expect(r.title).toBe('Café');
  });

  test('writes into articles/ when it exists, refuses to overwrite, checks the id', async () => {
    const dir = workspace({ 'raw.txt': 'عنوان\n\nفقرة أولى.\n', 'articles/.keep': '' }, { base: false });
    const io = recordingIO(dir);
    expect(await importCommand('raw.txt', { id: 'mine' }, io)).toBe(0);
    expect(existsSync(path.join(dir, 'articles/mine.md'))).toBe(true);
    expect(readFileSync(path.join(dir, 'articles/mine.md'), 'utf8')).toBe('---\nid: mine\ntitle: "عنوان"\nlanguage: ar\n---\nفقرة أولى.\n');
    writeFileSync(path.join(dir, 'articles/mine.md'), 'edited by hand');
    expect(await importCommand('raw.txt', { id: 'mine' }, io)).toBe(1);
    expect(io.stderr).toContain('error: articles/mine.md already exists; it is not overwritten');
    expect(readFileSync(path.join(dir, 'articles/mine.md'), 'utf8')).toBe('edited by hand');
    expect(await importCommand('raw.txt', { id: 'mine', force: true }, io)).toBe(0);
    expect(await importCommand('raw.txt', { id: 'Mine Article' }, io)).toBe(2);
    expect(await importCommand('missing.txt', { id: 'x' }, io)).toBe(1);
    expect(io.stderr.at(-1)).toBe('missing.txt:1:1: error: cannot read this file: file not found');
    expect(await importCommand('raw.txt', { id: 'other', out: 'elsewhere' }, io)).toBe(0);
    expect(existsSync(path.join(dir, 'elsewhere/other.md'))).toBe(true);
  });
});
