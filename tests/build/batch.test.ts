// Batch builds: many files at once on worker threads, one bad file among good
// ones, the --json summary, and byte-identical output however it was built.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCommand } from '../../src/cli/build.js';
import { buildBatch } from '../../src/build/batch.js';
import { HybridExecutor, InProcessExecutor, WorkerPool, workersFor } from '../../src/build/pool.js';
import { listing, recordingIO, workspace } from './helpers.js';

const GOOD = (id: string, title: string) => `id: ${id}
title: "${title}"
article: articles/sample.md
duration: 20
objectives: ["أن يلخص الطالب الفقرة الأولى."]
passages:
  - ref: p1
  - ref: p2-p3
    teacher_note: "اسأل عن الأمثلة."
questions:
  - text: "ما الفكرة الرئيسة؟"
    refs: [p1]
    guidance: "الحذف وحده لا يكفي."
  - text: "الحذف أفضل من التوعية."
    kind: scale
`;

// two mistakes, so "all problems in a file are reported"
const BAD = `id: broken-lesson
title: "درس فيه أخطاء"
article: articles/sample.md
passages:
  - ref: p99
questions:
  - text: "سؤال"
    kind: essay
`;

let dir: string;
const saved = process.env.HIWAR_WORKERS;

beforeAll(() => {
  dir = workspace({
    'one.yaml': GOOD('lesson-one', 'الدرس الأول'),
    'two.yaml': GOOD('lesson-two', 'الدرس الثاني'),
    'bad.yaml': BAD,
    'three.yaml': GOOD('lesson-three', 'الدرس الثالث'),
    'course.yaml': `id: small-course\ntitle: "وحدة صغيرة"\nlessons: [one.yaml, two.yaml]\n`,
  });
});

afterEach(() => {
  if (saved === undefined) delete process.env.HIWAR_WORKERS;
  else process.env.HIWAR_WORKERS = saved;
});

describe('a parallel batch with one bad file among good ones', () => {
  it('builds the good files on workers, reports every problem of the bad one, writes nothing for it, exits 1', async () => {
    process.env.HIWAR_WORKERS = '2';
    const out = path.join(dir, 'out-batch');
    const io = recordingIO(dir);
    const code = await buildCommand(['one.yaml', 'two.yaml', 'bad.yaml', 'three.yaml', 'course.yaml'], { out, json: true }, io);
    expect(code).toBe(1);
    const errors = io.stderr.filter((l) => / error: /.test(l));
    expect(errors.some((l) => /^bad\.yaml:5:\d+: error: .*paragraph 99/.test(l))).toBe(true);
    expect(errors.some((l) => /^bad\.yaml:8:\d+: error: /.test(l))).toBe(true);
    expect(errors.every((l) => l.startsWith('bad.yaml:'))).toBe(true);
    expect(listing(out)).toEqual(
      ['lesson-one', 'lesson-three', 'lesson-two', 'small-course'].flatMap((id) => [`${id}-student.pdf`, `${id}-teacher.pdf`]).sort(),
    );
    const summary = JSON.parse(io.stdout.join('\n'));
    expect(summary).toMatchObject({ files: 5, editions: 8, errors: errors.length, workers: 2, failed: ['bad.yaml'] });
    expect(summary.pages).toBe(summary.outputs.reduce((s: number, o: { pages: number }) => s + o.pages, 0));
    expect(summary.bytes).toBe(summary.outputs.reduce((s: number, o: { bytes: number }) => s + o.bytes, 0));
    for (const o of summary.outputs) expect(fs.statSync(path.join(dir, o.path)).size).toBe(o.bytes);
    expect(summary.diagnostics.filter((d: { severity: string }) => d.severity === 'error').every((d: { file: string }) => d.file === 'bad.yaml')).toBe(true);
  });

  it('keeps a good PDF from before when its file turns bad', async () => {
    process.env.HIWAR_WORKERS = '0';
    const out = path.join(dir, 'out-keep');
    const io = recordingIO(dir);
    expect(await buildCommand(['one.yaml'], { out, quiet: true }, io)).toBe(0);
    const before = fs.readFileSync(path.join(out, 'lesson-one-student.pdf'));
    const ws2 = workspace({ 'one.yaml': GOOD('lesson-one', 'الدرس الأول').replace('ref: p1\n', 'ref: p77\n') });
    expect(await buildCommand([path.join(ws2, 'one.yaml')], { out, quiet: true }, recordingIO(ws2))).toBe(1);
    expect(fs.readFileSync(path.join(out, 'lesson-one-student.pdf')).equals(before)).toBe(true);
    expect(listing(out)).toEqual(['lesson-one-student.pdf', 'lesson-one-teacher.pdf']);
  });
});

describe('two files naming the same PDF', () => {
  it('builds it once: a lesson given on its own wins over the copy a course writes with --split', async () => {
    process.env.HIWAR_WORKERS = '0';
    fs.writeFileSync(path.join(dir, 'western.yaml'), `id: western-course\ntitle: "وحدة"\nlessons: [one.yaml, two.yaml]\noptions: { digits: western }\n`);
    const io = recordingIO(dir);
    const results = await buildBatch(['western.yaml', 'one.yaml'], { flags: { out: 'out-dup', split: true, edition: 'student' }, cwd: dir, executor: new InProcessExecutor() });
    const [course, lesson] = results;
    expect(course.outputs.map((o) => path.basename(o.path))).toEqual(['western-course-student.pdf', 'lesson-two-student.pdf']);
    expect(lesson.outputs.map((o) => path.basename(o.path))).toEqual(['lesson-one-student.pdf']);
    expect(course.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('lesson-one-student.pdf is also built from') })]);
    expect(io.stderr).toEqual([]);
    // the same lesson with the same options: merged without a word
    const same = await buildBatch(['course.yaml', 'one.yaml'], { flags: { out: 'out-dup2', split: true, edition: 'student' }, cwd: dir, executor: new InProcessExecutor() });
    expect(same.flatMap((r) => r.diagnostics)).toEqual([]);
    expect(listing(path.join(dir, 'out-dup2'))).toEqual(['lesson-one-student.pdf', 'lesson-two-student.pdf', 'small-course-student.pdf']);
  });
});

describe('the --json summary', () => {
  it('has files, editions, pages, bytes, seconds, errors, and every output', async () => {
    process.env.HIWAR_WORKERS = '0';
    const io = recordingIO(dir);
    const code = await buildCommand(['one.yaml'], { out: 'out-json', json: true, edition: 'student' }, io);
    expect(code).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const s = JSON.parse(io.stdout[0]);
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['files', 'editions', 'pages', 'bytes', 'seconds', 'errors', 'outputs']));
    expect(s).toMatchObject({ files: 1, editions: 1, errors: 0, warnings: 0, workers: 0, failed: [], diagnostics: [] });
    expect(typeof s.seconds).toBe('number');
    expect(s.outputs).toEqual([{ path: path.join('out-json', 'lesson-one-student.pdf'), edition: 'student', pages: s.pages, bytes: s.bytes }]);
    expect(io.stderr).toEqual([]); // --json: no "wrote" lines
  });

  it('prints nothing but errors with --quiet, and "wrote" lines otherwise', async () => {
    process.env.HIWAR_WORKERS = '0';
    const quiet = recordingIO(dir);
    expect(await buildCommand(['one.yaml', 'bad.yaml'], { out: 'out-quiet', quiet: true }, quiet)).toBe(1);
    expect(quiet.stdout).toEqual([]);
    expect(quiet.stderr.filter((l) => !l.startsWith('  hint:')).every((l) => / error: /.test(l))).toBe(true);
    const chatty = recordingIO(dir);
    expect(await buildCommand(['one.yaml'], { out: 'out-quiet' }, chatty)).toBe(0);
    expect(chatty.stderr).toHaveLength(2);
    for (const line of chatty.stderr) expect(line).toMatch(/^wrote out-quiet\/lesson-one-(student|teacher)\.pdf \(\d+ pages?\)$/);
    // in CI the same build prints nothing at all
    const ci = { ...recordingIO(dir), ci: true };
    expect(await buildCommand(['one.yaml'], { out: 'out-quiet' }, ci)).toBe(0);
    expect(ci.stderr).toEqual([]);
  });
});

describe('deterministic output', () => {
  const build = async (executor: InProcessExecutor | WorkerPool | HybridExecutor, out: string) => {
    try {
      const results = await buildBatch(['course.yaml', 'three.yaml'], { flags: { out }, cwd: dir, executor });
      expect(results.flatMap((r) => r.diagnostics)).toEqual([]);
    } finally {
      await executor.close();
    }
    return Object.fromEntries(listing(path.join(dir, out)).map((f) => [f, fs.readFileSync(path.join(dir, out, f))]));
  };

  it('gives byte-identical PDFs for the same inputs: twice in-process, on workers, and on both', async () => {
    const a = await build(new InProcessExecutor(), 'det-a');
    const b = await build(new InProcessExecutor(), 'det-b');
    const c = await build(new WorkerPool(2), 'det-c');
    const hybrid = new HybridExecutor(1, 0); // no start-up cost: the jobs split between the two threads
    const d = await build(hybrid, 'det-d');
    expect(hybrid.onWorkers).toBe(2);
    expect(Object.keys(a)).toEqual(['lesson-three-student.pdf', 'lesson-three-teacher.pdf', 'small-course-student.pdf', 'small-course-teacher.pdf']);
    for (const name of Object.keys(a)) {
      expect(b[name].equals(a[name]), `${name}: second in-process build`).toBe(true);
      expect(c[name].equals(a[name]), `${name}: built on workers`).toBe(true);
      expect(d[name].equals(a[name]), `${name}: built here and on a worker`).toBe(true);
    }
    // four builds of a course and a lesson (2.9 s on a quiet machine): the
    // suite's 60 s ran out once on a machine loaded many times over. A worker
    // that never loads now fails its build after 45 s (src/build/pool.ts).
  }, 120_000);
});

describe('when worker threads pay off', () => {
  const lesson = 7_000; // a lesson's weight (the synthetic bench lesson, student edition)
  it('builds one PDF, or a small batch, in this thread', () => {
    expect(workersFor([lesson], 8)).toBe(1);
    expect(workersFor([lesson, lesson * 1.6], 8)).toBe(1);
    expect(workersFor(Array(8).fill(lesson), 2)).toBe(1);
  });
  it('builds everything in this thread on two cores, however big (measured: workers no longer pay there)', () => {
    expect(workersFor([50 * lesson, 80 * lesson], 2)).toBe(1);
    expect(workersFor(Array(100).fill(lesson), 2)).toBe(1);
  });
  it('uses workers for many files, and for a big course, on more cores', () => {
    expect(workersFor(Array(100).fill(lesson), 4)).toBe(4);
    expect(workersFor(Array(100).fill(lesson), 8)).toBe(8);
    expect(workersFor([50 * lesson, 80 * lesson], 4)).toBe(2);
  });
});
