import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { checkCommand } from '../../src/cli/commands/check.js';
import { newCommand } from '../../src/cli/commands/new.js';
import { passagesCommand } from '../../src/cli/commands/passages.js';
import { questionsCommand } from '../../src/cli/commands/questions.js';
import { FIXTURES, recordingIO, SEED_ARTICLE, workspace } from './helpers.js';

describe('hiwar check', () => {
  test('a good course: ok and the number of files read', async () => {
    const io = recordingIO(FIXTURES);
    expect(await checkCommand(['course.yaml'], {}, io)).toBe(0);
    expect(io.stdout).toEqual(['ok: 6 files']);
    expect(io.stderr).toEqual([]);
  });
  test('banks and articles can be checked on their own', async () => {
    const io = recordingIO(FIXTURES);
    expect(await checkCommand(['questions/bank.yaml', 'articles/sample.md'], {}, io)).toBe(0);
    expect(io.stdout).toEqual(['ok: 2 files']);
  });
  test('a missing file', async () => {
    const io = recordingIO(FIXTURES);
    expect(await checkCommand(['nope.yaml'], {}, io)).toBe(1);
    expect(io.stderr).toEqual(['nope.yaml:1:1: error: cannot read this file: file not found', '1 error in 1 file']);
  });
});

describe('hiwar passages', () => {
  test('lists every paragraph and sentence ref with its text', async () => {
    const io = recordingIO(FIXTURES);
    expect(await passagesCommand('articles/sample.md', {}, io)).toBe(0);
    expect(io.stdout[0]).toBe('«المنصات والمحتوى المتطرف: أسئلة مفتوحة» — 4 paragraphs, 9 sentences');
    expect(io.stdout).toContain('p2  (2 sentences)');
    expect(io.stdout).toContain('  p2.s1  قال د. أحمد سالم إن نسبة المحتوى المحذوف ارتفعت إلى 3.5 في المئة.');
    expect(io.stdout).toContain('  p4.s1  يقترح آخرون تعليمَ الطلاب التفكيرَ النقدي بدل الاكتفاء بالحذف.');
  });

  test('the seed article: 18 paragraphs', async () => {
    const io = recordingIO(path.dirname(SEED_ARTICLE));
    expect(await passagesCommand(SEED_ARTICLE, {}, io)).toBe(0);
    expect(io.stdout[0]).toBe('«بعد هزيمته الميدانية.. خلافة «داعش» الافتراضية تتهاوى» — 18 paragraphs, 18 sentences');
    expect(io.stdout.filter((l) => /^p\d+ /.test(l))).toHaveLength(18);
  });

  test('--ref shows exactly what a ref resolves to', async () => {
    const io = recordingIO(FIXTURES);
    expect(await passagesCommand('articles/sample.md', { ref: 'p1.s2-s3' }, io)).toBe(0);
    expect(io.stdout).toEqual(['p1.s2-s3 → paragraph 1', '[p1, part] لكن هل يكفي الحذف وحده؟ يرى باحثون أن المشكلة أعمق من ذلك!']);
  });

  test('--ref with a quote "FROM … TO"', async () => {
    const io = recordingIO(FIXTURES);
    expect(await passagesCommand('articles/sample.md', { ref: 'يرى باحثون … نسبة المحتوى' }, io)).toBe(0);
    expect(io.stdout).toEqual(['«يرى باحثون» … «نسبة المحتوى» → paragraphs 1–2', '[p1, part] يرى باحثون أن المشكلة أعمق من ذلك!', '[p2, part] قال د. أحمد سالم إن نسبة المحتوى']);
  });

  test('--ref errors', async () => {
    const io = recordingIO(FIXTURES);
    expect(await passagesCommand('articles/sample.md', { ref: 'p7' }, io)).toBe(1);
    expect(io.stderr.at(-1)).toBe('error: p7: paragraph 7 does not exist: the article has 4 paragraphs\n  hint: the last paragraph is p4: «يقترح آخرون تعليمَ الطلاب التفكيرَ النقدي بدل الاكتفاء …»');
    expect(await passagesCommand('articles/sample.md', { ref: 'p1.x' }, io)).toBe(2);
    expect(await passagesCommand('articles/nope.md', {}, io)).toBe(1);
    expect(io.stderr.at(-1)).toBe('articles/nope.md:1:1: error: cannot read this file: file not found');
  });
});

describe('hiwar questions', () => {
  test('lists a bank with the `use:` line to copy', async () => {
    const io = recordingIO(FIXTURES);
    expect(await questionsCommand(['questions/bank.yaml'], {}, io)).toBe(0);
    expect(io.stdout[0]).toBe('questions/bank.yaml — «بنك أسئلة للاختبارات»: 6 questions');
    expect(io.stdout[1]).toBe('  use: questions/bank.yaml#why-delete   [open · understand · moderation]');
    expect(io.stdout[2]).toBe('    لماذا تحذف المنصات المحتوى المتطرف؟');
  });
  test('--tag and --level filter', async () => {
    const io = recordingIO(FIXTURES);
    expect(await questionsCommand(['questions/bank.yaml'], { tag: ['encryption'], level: 'analyze' }, io)).toBe(0);
    expect(io.stdout).toEqual(['questions/bank.yaml — «بنك أسئلة للاختبارات»: 6 questions, 1 shown', '  use: questions/bank.yaml#displacement   [open · analyze · encryption, moderation]', '    إلى أين ينتقل المحتوى بعد حذفه؟']);
  });
  test('unknown tag and bad level', async () => {
    const io = recordingIO(FIXTURES);
    expect(await questionsCommand(['questions/bank.yaml'], { tag: ['polcy'] }, io)).toBe(0);
    expect(io.stderr.at(-1)).toBe('no question has the tag `polcy` (did you mean `policy`?); the tags are `encryption`, `moderation`, `policy`');
    expect(await questionsCommand(['questions/bank.yaml'], { level: 'analyse' }, io)).toBe(2);
    expect(io.stderr.at(-1)).toBe('error: --level must be one of remember, understand, apply, analyze, evaluate, create, not "analyse" (did you mean `analyze`?)');
  });
});

describe('hiwar new', () => {
  test('scaffolds a commented lesson listing the passages, which passes check as it is', async () => {
    const dir = workspace({ 'lessons/.keep': '' });
    const io = recordingIO(dir);
    expect(await newCommand('my-lesson', { article: 'articles/sample.md', dir: 'lessons' }, io)).toBe(0);
    const text = readFileSync(path.join(dir, 'lessons/my-lesson.yaml'), 'utf8');
    expect(text).toContain('article: ../articles/sample.md');
    expect(text).toContain('#   p1  تحذف المنصات الكبرى ملايين المنشورات كل عام. لكن هل …  [p1.s1-s3]');
    expect(text).toContain('#   p4  يقترح آخرون تعليمَ الطلاب التفكيرَ النقدي بدل الاكتفاء بالحذف.');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schema\/lesson\.schema\.json$/m);
    const y = parse(text);
    expect(y).toMatchObject({ id: 'my-lesson', title: 'المنصات والمحتوى المتطرف: أسئلة مفتوحة', passages: [{ ref: 'p1-p2' }] });
    const check = recordingIO(dir);
    // the article is outside lessons/ but inside the folder hiwar runs in: no --root needed
    expect(io.stdout.at(-1)).toBe('next: edit it, then   hiwar check lessons/my-lesson.yaml   and   hiwar build lessons/my-lesson.yaml');
    expect(await checkCommand(['lessons/my-lesson.yaml'], {}, check)).toBe(0);
    expect(check.stderr).toEqual([]);
  });

  test('refuses to overwrite; checks the id and the article', async () => {
    const dir = workspace({ 'mine.yaml': 'keep me' });
    const io = recordingIO(dir);
    expect(await newCommand('mine', { article: 'articles/sample.md' }, io)).toBe(1);
    expect(readFileSync(path.join(dir, 'mine.yaml'), 'utf8')).toBe('keep me');
    expect(io.stderr[0]).toBe('error: mine.yaml already exists; it is not overwritten');
    expect(await newCommand('My Lesson', { article: 'articles/sample.md' }, io)).toBe(2);
    expect(await newCommand('other', { article: 'articles/nope.md' }, io)).toBe(1);
    expect(io.stderr.at(-1)).toBe('articles/nope.md:1:1: error: cannot read this file: file not found');
  });

  test('a scaffold for the seed article', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'articles/virtual-caliphate.md'), readFileSync(SEED_ARTICLE));
    const io = recordingIO(dir);
    expect(await newCommand('seed-lesson', { article: 'articles/virtual-caliphate.md' }, io)).toBe(0);
    const text = readFileSync(path.join(dir, 'seed-lesson.yaml'), 'utf8');
    expect(text.match(/^# {3}p\d+ /gm)).toHaveLength(18);
    expect(await checkCommand(['seed-lesson.yaml'], {}, recordingIO(dir))).toBe(0);
  });
});
