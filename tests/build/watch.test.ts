// Watch mode: build, then rebuild only what a changed file affects; stop on abort.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchBuild } from '../../src/build/watch.js';
import type { BuiltFile, Summary } from '../../src/build/batch.js';
import { Progress } from '../../src/build/progress.js';
import { errorAt } from '../../src/workspace/diagnostics.js';
import { recordingIO, workspace } from './helpers.js';

const LESSON = (id: string, ref: string) => `id: ${id}
title: "درس ${id}"
article: articles/sample.md
objectives: ["أن يقرأ الطالب الفقرة."]
passages:
  - ref: ${ref}
questions:
  - use: questions/bank.yaml#why-delete
`;

/** Resolves with the next build's results (or rejects after `ms`, so a missed rebuild fails the test instead of hanging). */
function nextBuild(queue: { summary: Summary; results: BuiltFile[] }[], ms = 15_000) {
  const start = queue.length;
  return new Promise<{ summary: Summary; results: BuiltFile[] }>((resolve, reject) => {
    const t0 = Date.now();
    const poll = () => {
      if (queue.length > start) resolve(queue[start]);
      else if (Date.now() - t0 > ms) reject(new Error('no rebuild'));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

describe('hiwar build --watch', () => {
  afterEach(() => void vi.unstubAllEnvs());

  it('rebuilds what a changed article, bank or lesson affects, and nothing else; stops on abort', async () => {
    vi.stubEnv('HIWAR_WORKERS', '0');
    const dir = workspace({ 'a.yaml': LESSON('lesson-a', 'p1'), 'b.yaml': LESSON('lesson-b', 'p2'), 'notes.txt': 'x' });
    fs.writeFileSync(path.join(dir, 'articles/other.md'), fs.readFileSync(path.join(dir, 'articles/sample.md')));
    fs.writeFileSync(path.join(dir, 'c.yaml'), LESSON('lesson-c', 'p1').replace('articles/sample.md', 'articles/other.md').replace(/questions:\n.*\n/, 'questions:\n  - text: "سؤال؟"\n'));
    const io = recordingIO(dir);
    const ctl = new AbortController();
    const builds: { summary: Summary; results: BuiltFile[] }[] = [];
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    const done = watchBuild(['a.yaml', 'b.yaml', 'c.yaml'], { out: 'out', quiet: true }, io, ctl.signal, {
      debounceMs: 20,
      onReady: ready,
      onBuild: (summary, results) => builds.push({ summary, results }),
    });
    await isReady;
    expect(builds).toHaveLength(1);
    expect(builds[0].summary).toMatchObject({ files: 3, editions: 6, errors: 0 });
    const names = (b: { results: BuiltFile[] }) => b.results.map((r) => path.basename(r.file)).sort();

    // the article a and b quote: both rebuild, c (another article) does not
    let next = nextBuild(builds);
    const article = path.join(dir, 'articles/sample.md');
    fs.writeFileSync(article, fs.readFileSync(article, 'utf8').replace('تحذف المنصات', 'تزيل المنصات'));
    expect(names(await next)).toEqual(['a.yaml', 'b.yaml']);

    // the bank only a and b use, saved the way editors do (new file, renamed over the old one)
    next = nextBuild(builds);
    const bank = path.join(dir, 'questions/bank.yaml');
    fs.writeFileSync(bank + '.tmp', fs.readFileSync(bank, 'utf8') + '\n');
    fs.renameSync(bank + '.tmp', bank);
    expect(names(await next)).toEqual(['a.yaml', 'b.yaml']);

    // one lesson: only that lesson; a mistake is reported and the old PDFs stay
    const before = fs.readFileSync(path.join(dir, 'out/lesson-c-student.pdf'));
    next = nextBuild(builds);
    fs.writeFileSync(path.join(dir, 'c.yaml'), fs.readFileSync(path.join(dir, 'c.yaml'), 'utf8').replace('ref: p1', 'ref: p42'));
    const broken = await next;
    expect(names(broken)).toEqual(['c.yaml']);
    expect(broken.summary.errors).toBeGreaterThan(0);
    expect(io.stderr.some((l) => /^c\.yaml:6:\d+: error: /.test(l))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'out/lesson-c-student.pdf')).equals(before)).toBe(true);

    // fixed again: rebuilt and written
    next = nextBuild(builds);
    fs.writeFileSync(path.join(dir, 'c.yaml'), fs.readFileSync(path.join(dir, 'c.yaml'), 'utf8').replace('ref: p42', 'ref: p3'));
    const fixed = await next;
    expect(fixed.summary.errors).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out/lesson-c-student.pdf')).equals(before)).toBe(false);

    // a file nobody reads: no rebuild
    const count = builds.length;
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'y');
    await new Promise((r) => setTimeout(r, 300));
    expect(builds.length).toBe(count);

    ctl.abort();
    expect(await done).toBe(0);
  });

  it('rebuilds everything when a template changes', async () => {
    vi.stubEnv('HIWAR_WORKERS', '0');
    const tpl = workspace({ 'a.yaml': LESSON('lesson-a', 'p1') });
    const tdir = path.join(tpl, 'my-templates');
    fs.mkdirSync(tdir);
    fs.writeFileSync(path.join(tdir, 'lesson.hbs'), '<title>{{title}}</title>\n<p>نسخة أولى</p>\n');
    const io = recordingIO(tpl);
    const ctl = new AbortController();
    const builds: { summary: Summary; results: BuiltFile[] }[] = [];
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    const done = watchBuild(['a.yaml'], { out: 'out', templates: 'my-templates', quiet: true }, io, ctl.signal, {
      debounceMs: 20,
      onReady: ready,
      onBuild: (summary, results) => builds.push({ summary, results }),
    });
    await isReady;
    const first = fs.readFileSync(path.join(tpl, 'out/lesson-a-student.pdf'));
    const next = nextBuild(builds);
    fs.writeFileSync(path.join(tdir, 'lesson.hbs'), '<title>{{title}}</title>\n<p>نسخة ثانية أطول من الأولى</p>\n');
    expect((await next).summary.errors).toBe(0);
    expect(fs.readFileSync(path.join(tpl, 'out/lesson-a-student.pdf')).equals(first)).toBe(false);
    ctl.abort();
    expect(await done).toBe(0);
  });
});

describe('progress on a terminal', () => {
  it('redraws one line with files and pages, and prints problems above it', () => {
    const raw: string[] = [];
    const io = { ...recordingIO('/tmp'), isTTY: true, ci: false, errRaw: (t: string) => raw.push(t) };
    const p = new Progress(io, {});
    p.start(2);
    p.addJobs(4);
    p.jobDone(5);
    p.problems([errorAt('/tmp/x.yaml', 3, 4, 'schema.unknown-field', { field: 'bad' })], false);
    p.fileDone();
    p.finish();
    expect(io.stderr).toEqual(['x.yaml:3:4: error: unknown field `bad`']);
    expect(raw.some((t) => /1\/2 files · 1\/4 PDFs · 5 pages/.test(t))).toBe(true);
    expect(raw[raw.length - 1]).toBe('\r\x1b[2K');
  });
});
