// `hiwar import` on web copy: the leftovers of a news page are dropped and listed, line by line, with
// why; the source, address, date and author go to the front matter; the article text is never changed.
// The raw texts in tests/fixtures/raw/ are written for these tests in the layouts of different kinds of
// Arabic news sites (a portal, a Gulf daily, a Levantine weekly, and a text with nothing to drop).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importCommand } from '../../src/cli/commands/import.js';
import { parseArticle } from '../../src/workspace/article.js';
import { analyzeRaw, readDate } from '../../src/workspace/import.js';
import { recordingIO, REPO, workspace } from './helpers.js';

const RAW = path.join(REPO, 'tests/fixtures/raw');
const raw = (name: string) => readFileSync(path.join(RAW, name), 'utf8');
const dropped = (text: string, opts = {}) => analyzeRaw(text, opts).dropped.map((d) => `${d.line} ${d.reason}`);

describe('analyzeRaw on pages of different news sites', () => {
  test('a portal: breadcrumb, byline, date, share buttons one per line, a one-line «اقرأ أيضا», an ad, tags', () => {
    const a = analyzeRaw(raw('eg-portal.raw.txt'));
    expect(a.title).toBe('مدارس تطلق برنامجًا لتعليم الطلاب التحقق من الأخبار على الإنترنت');
    expect(a.titleLine).toBe(8);
    expect(dropped(raw('eg-portal.raw.txt'))).toEqual(['1 breadcrumb', '2 byline', '3 date', '4 share', '5 share', '6 share', '7 share', '11 related', '13 ad', '15 tags']);
    expect(a.meta).toEqual({ author: 'أحمد عبد الرحمن', date: '2024-05-05' });
    expect(a.paragraphs).toHaveLength(4);
    // a paragraph that names Facebook and Twitter in a sentence stays
    expect(a.paragraphs[2]).toContain('على فيسبوك وتويتر');
  });

  test('a daily: breadcrumb with ›, an update line, font-size buttons, a caption, a related block, sponsored content', () => {
    const a = analyzeRaw(raw('gulf-daily.raw.txt'));
    expect(a.title).toBe('دراسة: نصف الشباب يصادفون محتوى عنيفًا على الإنترنت كل شهر');
    expect(dropped(raw('gulf-daily.raw.txt'))).toEqual(['1 breadcrumb', '3 date', '4 share', '5 share', '6 photo-credit', '11 related', '12 related', '13 related', '15 ad']);
    expect(a.meta).toEqual({ date: '2024-05-07' });
    // the related block ends at the first line that is a paragraph
    expect(a.paragraphs.at(-1)).toMatch(/^ويوصي الباحثون/);
    expect(a.paragraphs).toHaveLength(4);
  });

  test('a weekly: url and source lines, byline, a date in Levantine months and Arabic-Indic digits, credit, follow line', () => {
    const a = analyzeRaw(raw('levant-weekly.raw.txt'));
    expect(a.title).toBe('«مراجعو المحتوى»: العمل الخفي خلف شاشاتنا');
    expect(dropped(raw('levant-weekly.raw.txt'))).toEqual(['1 url', '2 byline', '3 date', '5 photo-credit', '8 related', '9 related', '10 related', '13 share', '14 source']);
    expect(a.meta).toEqual({ url: 'https://levant-weekly.example/2023/10/moderators', author: 'رنا خوري', date: '2023-10-12', source: 'الأسبوعية' });
    expect(a.paragraphs).toHaveLength(4);
  });

  test('nothing is dropped from a text that only looks like leftovers at a glance', () => {
    const text = raw('clean.raw.txt');
    const a = analyzeRaw(text);
    expect(a.dropped).toEqual([]);
    const lines = text.trim().split('\n');
    expect(a.title).toBe(lines[0]);
    expect(a.paragraphs).toEqual(lines.slice(1));
  });

  test('the sample raw article: 17 leftovers, 17 paragraphs, and every paragraph exactly as in the page', () => {
    const text = readFileSync(path.join(REPO, 'lessons/raw/platform-moderation.raw.txt'), 'utf8');
    const a = analyzeRaw(text);
    expect(a.dropped.map((d) => d.reason)).toEqual(['breadcrumb', 'byline', 'date', 'share', 'share', 'share', 'photo-credit', 'ad', 'related', 'related', 'related', 'related', 'tags', 'source', 'url', 'share', 'share']);
    expect(a.paragraphs).toHaveLength(17);
    const lines = text.split('\n');
    for (const p of a.paragraphs) expect(lines).toContain(p);
    for (const d of a.dropped) expect(lines[d.line - 1]).toBe(d.text);
  });

  test('--keep-all keeps every line but empty ones; --title replaces the page title and drops it', () => {
    const text = raw('eg-portal.raw.txt');
    const all = analyzeRaw(text, { keepAll: true });
    expect(all.dropped).toEqual([]);
    expect(all.meta).toEqual({});
    expect(all.title).toBe('الرئيسية / أخبار / تكنولوجيا');
    expect(all.paragraphs).toHaveLength(text.trim().split('\n').length - 1);
    const titled = analyzeRaw(text, { title: 'برنامج للتحقق من الأخبار' });
    expect(titled.title).toBe('برنامج للتحقق من الأخبار');
    expect(titled.dropped.find((d) => d.line === 8)?.reason).toBe('page-title');
    expect(titled.paragraphs).toHaveLength(4);
    // a first line that is a paragraph, not a title, stays a paragraph under --title
    const body = analyzeRaw('هذه فقرة أولى طويلة تنتهي بنقطة كما تنتهي الفقرات.\nفقرة ثانية.\n', { title: 'عنوان' });
    expect(body.paragraphs).toHaveLength(2);
  });

  test('dates as news sites write them', () => {
    expect(readDate('الثلاثاء 12 مارس 2024 - 10:45 ص')).toBe('2024-03-12');
    expect(readDate('١٢ تشرين الأول ٢٠٢٣')).toBe('2023-10-12');
    expect(readDate('نُشر في 3 كانون الثاني 2022')).toBe('2022-01-03');
    expect(readDate('2021-6-9')).toBe('2021-06-09');
    expect(readDate('09/06/2021')).toBe('2021-06-09');
    expect(readDate('۱۲ آب ۲۰۲۰')).toBe('2020-08-12');
    expect(readDate('في عام 2014 أعلن التنظيم')).toBeUndefined();
  });

  test('white space is tidied, nothing else: two spaces inside a line become one, letters and marks stay', () => {
    const a = analyzeRaw('العنوان\n  فقرةٌ  فيها\u00a0\u00a0مسافتان، و«علي» خطأ.\u200b\n');
    expect(a.paragraphs).toEqual(['فقرةٌ فيها مسافتان، و«علي» خطأ.']);
  });
});

describe('hiwar import says what it left out', () => {
  test('each dropped line with its number and reason, then what it read into the front matter', async () => {
    const dir = workspace({ 'page.txt': raw('levant-weekly.raw.txt') }, { base: false });
    const io = recordingIO(dir);
    expect(await importCommand('page.txt', { id: 'moderators' }, io)).toBe(0);
    expect(io.stdout.slice(0, 3)).toEqual([
      'wrote moderators.md: ««مراجعو المحتوى»: العمل الخفي خلف شاشاتنا», 4 paragraphs',
      'dropped 9 lines of the web page (not article text):',
      '  line 1: address (read into the front matter): «url: https://levant-weekly.example/2023/10/moderators»',
    ]);
    expect(io.stdout).toContain('  line 8: «اقرأ أيضاً» or a related link: «الأكثر قراءة»');
    expect(io.stdout).toContain('read from the page: source: الأسبوعية; url: https://levant-weekly.example/2023/10/moderators; date: 2023-10-12; author: رنا خوري');
    const written = readFileSync(path.join(dir, 'moderators.md'), 'utf8');
    expect(written.split('\n').slice(0, 9)).toEqual([
      '---',
      'id: moderators',
      'title: "«مراجعو المحتوى»: العمل الخفي خلف شاشاتنا"',
      'language: ar',
      'source: "الأسبوعية"',
      'url: "https://levant-weekly.example/2023/10/moderators"',
      'date: "2023-10-12"',
      'author: "رنا خوري"',
      '---',
    ]);
    const parsed = parseArticle(path.join(dir, 'moderators.md'), written);
    expect(parsed.ok && parsed.article.author).toBe('رنا خوري');
  });

  test('--keep-all and --title', async () => {
    const dir = workspace({ 'page.txt': raw('eg-portal.raw.txt') }, { base: false });
    const io = recordingIO(dir);
    expect(await importCommand('page.txt', { id: 'all', keepAll: true }, io)).toBe(0);
    expect(io.stdout[0]).toBe('wrote all.md: «الرئيسية / أخبار / تكنولوجيا», 14 paragraphs');
    expect(io.stdout.join('\n')).not.toMatch(/dropped/);
    expect(await importCommand('page.txt', { id: 'titled', title: 'عنوان من المعلم' }, io)).toBe(0);
    expect(readFileSync(path.join(dir, 'titled.md'), 'utf8')).toContain('title: "عنوان من المعلم"');
    expect(await importCommand('page.txt', { id: 'empty-title', title: '  ' }, io)).toBe(2);
  });
});
