// The CLI as `npm install` builds it (scripts/bundle.mjs: the CLI and the
// build worker bundled, and the one-script bundle scripts/snapshot.mjs makes
// the start-up snapshot of; the package the tests start hiwar from, built from
// the current sources, see tests/helpers/compiled-cli.ts) must do what the
// sources do: the same PDFs byte for byte, in this thread and on a worker, and
// the same output from the other commands, started from the snapshot and
// without it; a snapshot that is no longer current is not used.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildFile } from '../../src/cli/build.js';
import { main } from '../../src/cli/main.js';
import { recordingIO } from '../workspace/helpers.js';
import { hiwarPackage } from '../helpers/hiwar-process.js';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const LESSON = 'lessons/virtual-caliphate-intro.yaml';
// zod's messages and yaml's positions, through the bundle
const BAD = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bundle-bad-'));
const BROKEN = path.join(BAD, 'schema.yaml');
fs.writeFileSync(BROKEN, 'id: x\ntitle: 5\narticle: [a]\nduration: abc\n');
const BAD_YAML = path.join(BAD, 'syntax.yaml');
fs.writeFileSync(BAD_YAML, 'id: x\nnotes: {a: 1, a: 2}\ntitle: "open\n');
// a teacher's own templates: compiled by the Handlebars compiler the bundle loads only for them
const OWN_TEMPLATES = path.join(BAD, 'templates');
fs.mkdirSync(OWN_TEMPLATES);
fs.writeFileSync(path.join(OWN_TEMPLATES, 'cover.hbs'), '<h1>{{title}}</h1>\n');
const BROKEN_TEMPLATES = path.join(BAD, 'broken-templates');
fs.mkdirSync(BROKEN_TEMPLATES);
fs.writeFileSync(path.join(BROKEN_TEMPLATES, 'lesson.hbs'), '<p>\n{{#if title}}\n{{title}}\n');

// the package built from the current sources (shared with the other tests that start hiwar: only read here)
let pkg: string;
// the PDFs the sources make
let expected: Record<string, Buffer>;

beforeAll(async () => {
  pkg = hiwarPackage();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bundle-src-'));
  for (const f of [LESSON, 'lessons/course.yaml']) await buildFile(path.join(ROOT, f), { out }, ROOT);
  expected = pdfs(out);
}, 120_000);

async function bundled(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await run(process.execPath, [path.join(pkg, 'bin/hiwar.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env, CI: '1' } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function fromSources(args: string[]) {
  const io = recordingIO(ROOT);
  const code = await main(args, io);
  return { code, stdout: io.stdout.map((l) => (l.endsWith('\n') ? l : `${l}\n`)).join(''), stderr: io.stderr.map((l) => (l.endsWith('\n') ? l : `${l}\n`)).join('') };
}

function pdfs(dir: string): Record<string, Buffer> {
  return Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

type SnapshotCheck = {
  currentSnapshot(dist: string): string | undefined;
  snapshotInputs(dist: string): object;
  snapshotFor(args: string[], env: object, dist: string): string | undefined;
};

/** The launcher's snapshot check of the package at `dir` (its own copy: it knows its own templates/). */
const snapshotCheck = async (dir: string) => (await import(pathToFileURL(path.join(dir, 'bin/snapshot-check.js')).href)) as SnapshotCheck;

/** Whether the launcher of the package at `dir` would start from its snapshot now. */
async function snapshotIsCurrent(dir = pkg): Promise<boolean> {
  return (await snapshotCheck(dir)).currentSnapshot(path.join(dir, 'dist')) !== undefined;
}

describe('the bundled CLI', () => {
  test('the snapshot is current right after the build', async () => {
    expect(await snapshotIsCurrent()).toBe(true);
  });

  test.each([
    ['a lesson and a course in this thread, from the snapshot', '0', [LESSON, 'lessons/course.yaml'], '1'],
    ['a lesson in this thread, without the snapshot', '0', [LESSON], '0'],
    ['a lesson on a worker', '1', [LESSON], '1'],
  ])('builds %s, byte for byte as the sources do', async (_what, workers, files, snapshot) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bundle-out-'));
    const r = await bundled(['build', ...files, '--out', out, '--quiet'], { HIWAR_WORKERS: workers, HIWAR_SNAPSHOT: snapshot });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const got = pdfs(out);
    expect(Object.keys(got).length).toBe(files.length * 2);
    for (const [name, bytes] of Object.entries(got)) expect(bytes.equals(expected[name]), name).toBe(true);
  });

  test.each([
    // one run checks them all, each file reported on its own (a process each cost 0.3-0.5 s of CPU)
    ['check: good files, a missing file, schema errors, YAML errors', ['check', LESSON, 'lessons/course.yaml', 'tests/fixtures/workspace/nope.yaml', BROKEN, BAD_YAML]],
    ['a course with own templates', ['build', 'lessons/course.yaml', '--edition', 'student', '--templates', OWN_TEMPLATES, '--out', path.join(BAD, 'out-own'), '--quiet']],
    ['a lesson with a broken own template', ['build', LESSON, '--templates', BROKEN_TEMPLATES, '--out', path.join(BAD, 'out-broken'), '--quiet']],
    ['passages', ['passages', 'lessons/articles/virtual-caliphate.md', '--ref', 'p2.s1-s2']],
    ['questions', ['questions', ...fs.readdirSync(path.join(ROOT, 'lessons/questions')).map((f) => `lessons/questions/${f}`)]],
    ['help', ['--help']],
  ])('%s: the same output as the sources', async (_name, args) => {
    expect(await bundled(args)).toEqual(await fromSources(args));
  });

  test('without the snapshot, the same messages as the sources', async () => {
    const args = ['check', LESSON, BROKEN, BAD_YAML];
    expect(await bundled(args, { HIWAR_SNAPSHOT: '0' })).toEqual(await fromSources(args));
  });

  test('a short build starts from the snapshot; a watch, the studio, HIWAR_SNAPSHOT=0 and NODE_OPTIONS do not', async () => {
    const check = await snapshotCheck(pkg);
    const dist = path.join(pkg, 'dist');
    expect(check.snapshotFor(['build', LESSON], {}, dist)).toBe(path.join(dist, 'snapshot', 'hiwar.blob'));
    expect(check.snapshotFor(['check', LESSON], { HIWAR_SNAPSHOT: '1' }, dist)).toBeDefined();
    expect(check.snapshotFor(['build', '--watch', LESSON], {}, dist)).toBeUndefined();
    expect(check.snapshotFor(['--lang', 'ar', 'studio', 'lessons'], {}, dist)).toBeUndefined();
    expect(check.snapshotFor(['build', LESSON], { HIWAR_SNAPSHOT: '0' }, dist)).toBeUndefined();
    expect(check.snapshotFor(['build', LESSON], { NODE_OPTIONS: '--max-old-space-size=900' }, dist)).toBeUndefined();
  });

  test('Ctrl-C sent to the launcher stops a watching build: it ends at once, exit 0, nothing left running', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bundle-int-'));
    const child = spawn(process.execPath, [path.join(pkg, 'bin/hiwar.js'), 'build', '--watch', '--json', LESSON, '--out', out], { cwd: ROOT, env: { ...process.env, CI: '1' } });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // after the first build's summary, only the signal can end the watch
    child.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes('"pages"')) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(fs.readdirSync(out).sort()).toEqual(['virtual-caliphate-intro-student.pdf', 'virtual-caliphate-intro-teacher.pdf']);
  });

  test('a build started from the snapshot and killed there ends the launcher by the same signal, as a build without the launcher would end', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bundle-kill-'));
    const launcher = spawn(process.execPath, [path.join(pkg, 'bin/hiwar.js'), 'build', LESSON, 'lessons/course.yaml', '--out', out], { cwd: ROOT, env: { ...process.env, CI: '1', HIWAR_WORKERS: '0' } });
    // the process the launcher started from the snapshot (Linux lists a process's
    // children in /proc; a child just forked still shows the launcher's command line)
    const fromSnapshot = (): number => {
      try {
        const pid = Number(fs.readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, 'utf8').trim().split(' ')[0]);
        return pid && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--snapshot-blob') ? pid : 0;
      } catch {
        return 0; // the launcher or its child is gone
      }
    };
    let child = 0;
    while (!(child = fromSnapshot()) && launcher.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    expect(child).toBeGreaterThan(0);
    process.kill(child, 'SIGKILL');
    const ended = await new Promise<{ code: number | null; signal: string | null }>((resolve) => launcher.on('exit', (code, signal) => resolve({ code, signal })));
    expect(ended).toEqual({ code: null, signal: 'SIGKILL' });
  });

  test('a template replaced or changed after the build makes the snapshot stale', async () => {
    // A package of its own whose templates/ can change (the shared one is
    // only read): the launcher, and a snapshot recorded as scripts/snapshot.mjs
    // records it once built (the check reads the record and the files it
    // names, never the blob's contents).
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bundle-stale-'));
    fs.cpSync(path.join(ROOT, 'bin'), path.join(own, 'bin'), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(own, 'node_modules')); // the fonts
    fs.cpSync(path.join(ROOT, 'templates'), path.join(own, 'templates'), { recursive: true });
    const snapshot = path.join(own, 'dist/snapshot');
    fs.mkdirSync(snapshot, { recursive: true });
    fs.copyFileSync(path.join(pkg, 'dist/snapshot/hiwar.cjs'), path.join(snapshot, 'hiwar.cjs'));
    fs.symlinkSync(path.join(pkg, 'dist/snapshot/hiwar.blob'), path.join(snapshot, 'hiwar.blob'));
    const record = async () => fs.writeFileSync(path.join(snapshot, 'manifest.json'), JSON.stringify((await snapshotCheck(own)).snapshotInputs(path.join(own, 'dist'))) + '\n');
    await record();
    expect(await snapshotIsCurrent(own)).toBe(true);
    const partial = fs.readdirSync(path.join(own, 'templates/partials'))[0];
    // another file under the same name
    const copy = path.join(own, 'templates-copy');
    fs.cpSync(path.join(own, 'templates'), copy, { recursive: true });
    fs.rmSync(path.join(own, 'templates'), { recursive: true });
    fs.renameSync(copy, path.join(own, 'templates'));
    expect(await snapshotIsCurrent(own)).toBe(false);
    await record();
    expect(await snapshotIsCurrent(own)).toBe(true);
    // a changed file
    fs.appendFileSync(path.join(own, 'templates/partials', partial), '\n');
    expect(await snapshotIsCurrent(own)).toBe(false);
    await record();
    // a template more
    fs.writeFileSync(path.join(own, 'templates/partials/extra.hbs'), '<p>{{title}}</p>\n');
    expect(await snapshotIsCurrent(own)).toBe(false);
  });
});
