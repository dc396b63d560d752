// hiwar speaks Arabic: the bad-input corpora of the checker and the build, run
// again with `--lang ar`, print every problem with an Arabic text from the
// catalogue, at the same FILE:LINE:COL as in English; a few common mistakes
// read exactly as a teacher should see them; `--lang en` is the English of
// before; the locale decides when no --lang is given.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CATALOGUE } from '../../src/i18n/catalogue.js';
import { cases } from '../workspace/error-cases.js';
import { refused } from '../faults/bad-file-cases.js';
import { recordingIO, REPO, workspace } from '../workspace/helpers.js';

process.env.HIWAR_WORKERS = '0';

const ARABIC = /[\u0600-\u06ff]/;
const PLACE = /^\S+:\d+:\d+: /;

async function run(cwd: string, argv: string[]) {
  const io = recordingIO(cwd);
  const code = await main(argv, io);
  // one entry may hold a problem and its hint: look at every printed line
  const lines = io.stderr.flatMap((t) => t.split('\n')).filter((l) => l.trim() !== '');
  return { code, lines, stdout: io.stdout };
}

/** The words of a message, without what it quotes from the teacher's files («…», "…", `…`, paths). */
const ownWords = (text: string) => text.replace(/«[^»]*»|"[^"]*"|`[^`]*`|'[^']*'|\S*[/.]\S*/g, ' ');

/**
 * Every line is Arabic in its own words (not only in what it quotes): a
 * problem `FILE:LINE:COL: خطأ|تنبيه: …`, its hint `  تلميح: …`, or a summary.
 */
function expectArabic(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const problem = /^\S+:\d+:\d+: (خطأ|تنبيه|ملاحظة): (.*)$/.exec(line);
    const hint = /^  تلميح: (.*)$/.exec(line);
    if (PLACE.test(line)) expect(problem, line).not.toBeNull();
    const words = problem ? problem[2] : hint ? hint[1] : line;
    expect(ownWords(words), line).toMatch(ARABIC);
    expect(line, line).not.toMatch(/(^|: )(error|warning|hint): /);
  }
}

const places = (lines: string[]) => lines.filter((l) => PLACE.test(l)).map((l) => /^\S+:\d+:\d+/.exec(l)![0]);

describe('the checker in Arabic: every case of the English corpus (tests/workspace/error-cases.ts)', () => {
  test.each(cases)('$name', async (c) => {
    const dir = workspace(c.files);
    const file = c.check ?? Object.keys(c.files)[0];
    const en = await run(dir, ['check', file]);
    const ar = await run(dir, ['check', file, '--lang', 'ar']);
    expect(ar.code).toBe(en.code);
    expectArabic(ar.lines);
    // the same problems at the same places, one Arabic line for each English one
    expect(places(ar.lines)).toEqual(places(en.lines));
    expect(ar.lines.length).toBe(en.lines.length);
    // --lang en is what hiwar printed before there was a --lang
    expect((await run(dir, ['check', file, '--lang', 'en'])).lines).toEqual(en.lines);
  });
});

const head = 'id: demo\ntitle: "درس"\narticle: articles/sample.md\nobjectives: ["هدف"]\n';
const tail = 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n';

// more mistakes, each reaching a message the corpus above does not
const more: Array<[string, Record<string, string>]> = [
  ['a field hiwar does not know, nothing close to it', { 'lesson.yaml': head + tail + 'colour: red\n' }],
  ['a tab before a field', { 'lesson.yaml': head + tail + 'teacher:\n\tfacilitation: "x"\n' }],
  ['a field written twice', { 'lesson.yaml': head + tail + 'title: "مرة ثانية"\n' }],
  ['a list item among fields', { 'lesson.yaml': head + '- ref: p1\n' + tail }],
  ['a dash without a space', { 'lesson.yaml': head + 'passages:\n  - ref: p1\n  -ref: p2\n' + 'questions:\n  - text: "سؤال؟"\n' }],
  ['a text with a colon', { 'lesson.yaml': head.replace('title: "درس"', 'title: درس: أول') + tail }],
  ['an @ at the start of a text', { 'lesson.yaml': head.replace('title: "درس"', 'title: @درس') + tail }],
  ['a second document', { 'lesson.yaml': head + tail + '---\nid: two\n' }],
  ['a bracket not closed', { 'lesson.yaml': head + 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n    refs: [p1, p2\n' }],
  ['invisible characters in a text', { 'lesson.yaml': head.replace('"درس"', '"در\u200bس \u202eمقلوب"') + tail }],
  ['a number where a text goes', { 'lesson.yaml': head.replace('title: "درس"', 'title: 12') + tail }],
  ['an empty list of objectives', { 'lesson.yaml': head.replace('objectives: ["هدف"]', 'objectives:') + tail }],
  ['a choice question without options', { 'lesson.yaml': head + 'passages:\n  - ref: p1\nquestions:\n  - text: "اختر"\n    kind: choice\n' }],
  ['options on an open question', { 'lesson.yaml': head + 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال"\n    options: ["أ", "ب"]\n    lines: 3\n' }],
  ['a pick asking for too many', { 'lesson.yaml': head + 'passages:\n  - ref: p1\nquestions:\n  - pick: { from: questions/bank.yaml, count: 99 }\n' }],
  ['a use without #', { 'lesson.yaml': head + 'passages:\n  - ref: p1\nquestions:\n  - use: questions/bank.yaml\n' }],
  ['drop without extends', { 'lesson.yaml': head + 'passages:\n  - ref: p1\nquestions:\n  drop: [q1]\n' }],
  ['an anchor the article does not have', { 'lesson.yaml': head + 'passages:\n  - ref: { from: "لا يوجد هذا", to: "ولا هذا" }\nquestions:\n  - text: "سؤال؟"\n' }],
  ['a bad lesson id', { 'lesson.yaml': head.replace('id: demo', 'id: Demo Lesson') + tail }],
  ['an article given to check', { 'a.md': '---\nid: a\ntitle: "مقال"\n---\n' }],
  ['an article without front matter', { 'a.md': 'فقرة بلا مقدمة.\n' }],
  ['a course with a lesson twice', { 'course.yaml': 'id: c\ntitle: "مقرر"\nlessons: [lesson.yaml, lesson.yaml]\n', 'lesson.yaml': head + tail }],
  ['a lesson that extends itself', { 'lesson.yaml': 'extends: lesson.yaml\n' + head + tail }],
];

describe('more mistakes in Arabic', () => {
  test.each(more)('%s', async (_name, files) => {
    const dir = workspace(files);
    const file = Object.keys(files)[0];
    const en = await run(dir, ['check', file]);
    const ar = await run(dir, ['check', file, '--lang', 'ar']);
    expect(ar.code).toBe(en.code);
    expectArabic(ar.lines);
    expect(places(ar.lines)).toEqual(places(en.lines));
    expect(ar.lines.length).toBe(en.lines.length);
  });
});

describe('the build in Arabic: files hiwar cannot use (tests/faults/bad-file-cases.ts)', () => {
  test.each(refused)('%s', async (_name, content) => {
    const dir = workspace({ 'l.yaml': content as string });
    const en = await run(dir, ['build', 'l.yaml', '--edition', 'student']);
    const ar = await run(dir, ['build', 'l.yaml', '--edition', 'student', '--lang', 'ar', '--json']);
    expect(ar.code).toBe(en.code);
    expectArabic(ar.lines);
    expect(places(ar.lines)).toEqual(places(en.lines));
    // --json stays language-neutral (codes, English) and carries the Arabic twin; every code is in the catalogue
    const summary = JSON.parse(ar.stdout.join('\n'));
    expect(summary.diagnostics.length).toBeGreaterThan(0);
    for (const d of summary.diagnostics) {
      expect(CATALOGUE[d.code], d.code).toBeDefined();
      expect(d.message_ar).toMatch(ARABIC);
    }
  });
});

describe('common mistakes, exactly as a teacher reads them in Arabic', () => {
  test.each([
    [
      'a field name misspelt',
      head + 'passages:\n  - ref: p1\nqestions:\n  - text: "سؤال؟"\n',
      ['lesson.yaml:7:1: خطأ: حقل غير معروف `qestions`', '  تلميح: هل تقصد `questions`؟'],
    ],
    [
      'a paragraph the article does not have',
      head + 'passages:\n  - ref: p3-p9\nquestions:\n  - text: "سؤال؟"\n',
      ['lesson.yaml:6:10: خطأ: لا توجد فقرة رقمها 9: عدد فقرات المقالة 4', '  تلميح: الفقرة الأخيرة هي p4: «يقترح آخرون تعليمَ الطلاب التفكيرَ النقدي بدل الاكتفاء …»'],
    ],
    [
      'a sentence written without its s',
      head + 'passages:\n  - ref: p2.1\nquestions:\n  - text: "سؤال؟"\n',
      ['lesson.yaml:6:10: خطأ: `p2.1` ليست إحالة إلى مقطع', '  تلميح: هل تقصد `p2.s1`؟ تُكتب الجمل بحرف `s`'],
    ],
    [
      'the article file missing',
      'id: demo\ntitle: "درس"\narticle: articles/smaple.md\nobjectives: ["هدف"]\npassages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n',
      ['lesson.yaml:3:10: خطأ: تعذّر العثور على المقالة `articles/smaple.md`: الملف غير موجود', '  تلميح: بحث hiwar عن <DIR>/articles/smaple.md؛ هل تقصد `articles/sample.md`؟'],
    ],
    [
      'an item indented by three spaces instead of four',
      head + 'passages:\n    - ref: p1\n      heading: "أولًا"\n   - ref: p2\nquestions:\n  - text: "سؤال؟"\n',
      [
        'lesson.yaml:8:1: خطأ: عدد المسافات في بداية هذا السطر 3، بدلًا من 4 كما في السطر 6 فوقه',
        '  تلميح: الأسطر التي تنتمي إلى مجموعة واحدة (حقول الكتلة الواحدة، وعناصر القائمة الواحدة التي تبدأ بـ `- `) تبدأ من العمود نفسه: اجعل عدد المسافات في بداية هذا السطر 4',
      ],
    ],
    [
      'a field indented deeper than the one above it',
      head + 'passages:\n  - ref: p1\nteacher:\n  facilitation: "نقاش"\n    ground_rules: ["الاحترام"]\nquestions:\n  - text: "سؤال؟"\n',
      [
        'lesson.yaml:9:1: خطأ: عدد المسافات في بداية هذا السطر 4، بدلًا من 2 كما في السطر 8 فوقه',
        '  تلميح: الأسطر التي تنتمي إلى مجموعة واحدة (حقول الكتلة الواحدة، وعناصر القائمة الواحدة التي تبدأ بـ `- `) تبدأ من العمود نفسه: اجعل عدد المسافات في بداية هذا السطر 2',
      ],
    ],
    [
      'a quote left open',
      'id: demo\ntitle: "درس\narticle: articles/sample.md\n',
      ['lesson.yaml:2:8: خطأ: خطأ في كتابة YAML: علامة التنصيص `"` التي فُتحت هنا لم تُغلق', '  تلميح: أنهِ النص بعلامة `"` (وعلامة `"` داخل النص تُكتب `\\"`)'],
    ],
    [
      'a wrong kind of question',
      head + 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n    kind: choise\n',
      ['lesson.yaml:9:11: خطأ: يجب أن تكون قيمة `kind` واحدةً من `open`، `choice`، `scale`، `rank`، لا `choise`', '  تلميح: هل تقصد `choice`؟'],
    ],
  ])('%s', async (_name, lesson, expected) => {
    const dir = workspace({ 'lesson.yaml': lesson });
    const r = await run(dir, ['check', 'lesson.yaml', '--lang', 'ar']);
    expect(r.code).toBe(1);
    expect(r.lines.slice(0, 2)).toEqual(expected.map((l) => l.replace('<DIR>', dir)));
    expect(r.lines.at(-1)).toBe('خطأ واحد في ملف واحد');
  });

  test('the English of the indentation message names the same lines and counts', async () => {
    const en = async (lesson: string) => (await run(workspace({ 'lesson.yaml': lesson }), ['check', 'lesson.yaml'])).lines.slice(0, 2);
    expect(await en(head + 'passages:\n    - ref: p1\n      heading: "أولًا"\n   - ref: p2\n')).toEqual([
      'lesson.yaml:8:1: error: this line is indented by 3 spaces instead of 4, like line 6 above it',
      '  hint: lines that belong together (the fields of one block, the `- ` items of one list) start in the same column: indent this one by 4 spaces',
    ]);
    // a field of a question one space short of the fields above it
    expect(await en(head + 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n   kind: open\n')).toEqual([
      'lesson.yaml:9:1: error: this line is indented by 3 spaces instead of 4, like line 8 above it',
      '  hint: lines that belong together (the fields of one block, the `- ` items of one list) start in the same column: indent this one by 4 spaces',
    ]);
    expect(await en('id: demo\n title: "درس"\n')).toEqual([
      'lesson.yaml:2:1: error: this line is indented by 1 space instead of 0, like line 1 above it',
      '  hint: lines that belong together (the fields of one block, the `- ` items of one list) start in the same column: start this one at the beginning of the line, with no spaces',
    ]);
  });
});

describe('the command line in Arabic', () => {
  test.each([
    ['an unknown option', ['check', 'x.yaml', '--qiet'], 2],
    ['a missing argument', ['check'], 2],
    ['an option without its value', ['build', 'l.yaml', '--out'], 2],
    ['a value not among the choices', ['build', 'l.yaml', '--edition', 'pupil'], 2],
    ['a seed that is not a number', ['build', 'l.yaml', '--seed', 'abc'], 2],
    ['an unknown command', ['biuld', 'l.yaml'], 2],
    ['too many arguments', ['passages', 'a.md', 'b.md'], 2],
    ['a required option missing', ['import', 'raw.txt'], 2],
    ['--paper of check', ['check', 'l.yaml', '--paper', 'A5'], 2],
    ['--out that is a file', ['build', 'l.yaml', '--out', 'articles/sample.md'], 2],
    ['a bad id for import', ['import', 'raw.txt', '--id', 'Bad Id'], 2],
    ['a bad id for new', ['new', 'Bad', '--article', 'articles/sample.md'], 2],
    ['a ref that does not parse', ['passages', 'articles/sample.md', '--ref', 'p0'], 2],
    ['a ref beyond the article', ['passages', 'articles/sample.md', '--ref', 'p9'], 1],
    ['a level that does not exist', ['questions', 'questions/bank.yaml', '--level', 'analyse'], 2],
    ['a file that does not exist', ['check', 'nothing.yaml'], 1],
  ])('%s', async (_name, argv, code) => {
    const dir = workspace({ 'l.yaml': head });
    const en = await run(dir, argv);
    const ar = await run(dir, [...argv, '--lang', 'ar']);
    expect(en.code).toBe(code);
    expect(ar.code).toBe(code);
    expectArabic(ar.lines);
    expect(ar.lines.length).toBe(en.lines.length);
  });

  test("commander's own messages keep their English words", async () => {
    const dir = workspace();
    expect((await run(dir, ['build', 'x.yaml', '--qiet'])).lines).toEqual(["error: unknown option '--qiet'", '(Did you mean --quiet?)', '(run "hiwar --help" for usage)']);
    expect((await run(dir, ['build', 'x.yaml', '--qiet', '--lang', 'ar'])).lines).toEqual(["خطأ: خيار غير معروف '--qiet'", '(هل تقصد --quiet؟)', '(شغّل "hiwar --help" لمعرفة طريقة الاستعمال)']);
    const missing = await run(dir, ['check']);
    expect(missing.lines).toEqual(["error: missing required argument 'files'", '(run "hiwar --help" for usage)']);
    const arMissing = await run(dir, ['check', '--lang', 'ar']);
    expect(arMissing.lines).toEqual(["خطأ: ينقص معطًى مطلوب 'files'", '(شغّل "hiwar --help" لمعرفة طريقة الاستعمال)']);
  });

  test("markup a teacher's template gets wrong is a mistake in that template, not a bug of hiwar", async () => {
    const dir = workspace({ 'l.yaml': head + tail, 't/lesson.hbs': '<p>{{title}}</p>\nloose text\n' });
    const en = await run(dir, ['build', 'l.yaml', '--edition', 'student', '--templates', 't']);
    expect(en.code).toBe(1);
    expect(en.lines.slice(0, 2)).toEqual([
      't/lesson.hbs:2:1: error: template error: loose text "loose text" outside a block',
      '  hint: wrap it in <p>…</p>',
    ]);
    const ar = await run(dir, ['build', 'l.yaml', '--edition', 'student', '--templates', 't', '--lang', 'ar']);
    expect(ar.code).toBe(1);
    expect(ar.lines.slice(0, 2)).toEqual(['t/lesson.hbs:2:1: خطأ: خطأ في القالب: نص طليق «loose text» خارج أي كتلة', '  تلميح: ضعه بين <p> و</p>']);
    expectArabic(ar.lines);
  });

  test('--help: descriptions and headings from the catalogue, in English as before and in Arabic', async () => {
    const dir = workspace();
    const help = async (argv: string[]) => {
      const io = recordingIO(dir);
      const code = await main(argv, io);
      return { code, text: io.stdout.join('') };
    };
    const e = await help(['build', '--help']);
    expect(e.code).toBe(0);
    expect(e.text).toMatch(/^Usage: hiwar build \[options\] <files\.\.\.>\n\nbuild lessons and courses into PDFs \(student and teacher editions\)\n/);
    expect(e.text).toMatch(/\n  --out <dir> +output folder \(default: "out"\)\n/);
    const a = await help(['build', '--help', '--lang', 'ar']);
    expect(a.code).toBe(0);
    expect(a.text).toMatch(/^طريقة الاستعمال: hiwar build \[options\] <files\.\.\.>\n\nبناء الدروس والمقررات ملفاتِ PDF \(نسخة الطالب ونسخة المعلم\)\n/);
    expect(a.text).toContain('الخيارات:');
    expect(a.text).toMatch(/\n  --out <dir> +مجلد الناتج \(default: "out"\)\n/);
  });

  test('what a command did, and what to run next, in Arabic', async () => {
    const dir = workspace();
    const out = async (argv: string[]) => (await run(dir, [...argv, '--lang', 'ar'])).stdout;
    expect((await out(['passages', 'articles/sample.md'])).slice(0, 2)).toEqual([
      expect.stringMatching(/^«.+» — عدد الفقرات 4، عدد الجمل \d+$/),
      'الإحالات: p3 (فقرة) · p3-p5 (فقرات) · p5.s2 (جملة) · p5.s1-s2 (جمل) · {from: "…", to: "…"} (اقتباس)',
    ]);
    expect((await out(['passages', 'articles/sample.md', '--ref', 'p2']))[0]).toBe('p2 → الفقرة 2');
    expect(await out(['new', 'my-lesson', '--article', 'articles/sample.md'])).toEqual([
      expect.stringMatching(/^كُتب الملف my-lesson\.yaml: درس عن «.+» \(وفيه قائمة فقرات المقالة، وعددها 4\)$/),
      'الخطوة التالية: عدّله، ثم   hiwar check my-lesson.yaml   ثم   hiwar build my-lesson.yaml',
    ]);
    expect(await out(['check', 'my-lesson.yaml'])).toEqual(['سليم: عدد الملفات 2']); // the lesson and its article
  });

  test('--lang takes ar or en; anything else is a usage mistake', async () => {
    const dir = workspace();
    const r = await run(dir, ['check', 'x.yaml', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['error: --lang must be ar or en, not "fr"']);
    expect((await run(dir, ['--lang=ar', 'check', 'nothing.yaml'])).lines[0]).toMatch(/^nothing\.yaml:1:1: خطأ: لم يُعثر على `nothing\.yaml`$/);
  });
});

describe('the language of a run without --lang', () => {
  test.each([
    [{ LANG: 'ar_EG.UTF-8' }, 'ar'],
    [{ LANG: 'ar_EG.UTF-8', LC_ALL: 'C' }, 'en'],
    [{ LANG: 'en_GB.UTF-8', HIWAR_LANG: 'ar' }, 'ar'],
    [{ LANG: 'fr_FR.UTF-8' }, 'en'],
  ])('%o -> %s', async (env, lang) => {
    vi.resetModules();
    for (const k of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'HIWAR_LANG']) vi.stubEnv(k, (env as Record<string, string>)[k] ?? '');
    try {
      const { processIO } = await import('../../src/cli/io.js');
      expect(processIO.lang).toBe(lang);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('no diagnostic without a catalogue code', () => {
  // Diagnostic.code is required (tsc); these are the ways around it a change could take.
  const RAW = [
    [/\{[^}]*\bseverity: '(error|warning)'[^}]*\bmessage: /, 'a diagnostic written as an object literal'],
    [/export function (error|warning)\(/, 'a constructor of diagnostics from raw text'],
    [/io\.err\(\s*[`'"](error|warning|hint)\b/, 'an error line printed from raw English'],
    [/io\.(err|out)\(\s*`[a-z]+ [a-z]/, 'a sentence printed from raw English'],
  ] as const;

  function sources(dir: string): string[] {
    return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  }

  test('src/ creates no diagnostic and prints no message outside the catalogue', () => {
    const found: string[] = [];
    const src = path.join(REPO, 'src');
    for (const file of sources(src)) {
      if (path.relative(src, file).startsWith(`i18n${path.sep}`)) continue; // the catalogue itself
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [re, what] of RAW) if (re.test(line)) found.push(`${path.relative(REPO, file)}:${i + 1}: ${what}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
