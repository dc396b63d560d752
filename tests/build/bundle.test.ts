// The CLI as `npm install` builds it (scripts/bundle.mjs: the CLI and the
// build worker bundled, and the one-script bundle scripts/snapshot.mjs makes
// the start-up snapshot of; bundled from the current sources once per run, see
// tests/helpers/compiled-cli.ts) must do what the sources do: the same PDFs byte
// for byte, in this thread and on a worker, and the same output from the other
// commands, started from the snapshot and without it; a snapshot that is no
// longer current is not used.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSnapshot } from '../../scripts/snapshot.mjs';
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

// a package folder of its own: the bundles in its dist/, the rest linked to this repository
let pkg: string;
// the PDFs the sources make
let expected: Record<string, Buffer>;

beforeAll(async () => {
  pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bundle-'));
  for (const entry of ['templates', 'schema', 'node_modules', 'package.json', 'lessons']) fs.symlinkSync(path.join(ROOT, entry), path.join(pkg, entry));
  fs.cpSync(path.join(ROOT, 'bin'), path.join(pkg, 'bin'), { recursive: true });
  // this run's bundle (its snapshot is made here: the last test changes this package's templates)
  fs.cpSync(path.join(hiwarPackage(), 'dist'), path.join(pkg, 'dist'), { recursive: true });
  expect(await buildSnapshot(path.join(pkg, 'dist'))).toBe(true);
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

/** Whether the package's launcher would start from its snapshot now. */
async function snapshotIsCurrent(): Promise<boolean> {
  const check = (await import(pathToFileURL(path.join(pkg, 'bin/snapshot-check.js')).href)) as { currentSnapshot(dist: string): string | undefined };
  return check.currentSnapshot(path.join(pkg, 'dist')) !== undefined;
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
    ['check', ['check', LESSON, 'lessons/course.yaml']],
    ['a missing file', ['check', 'tests/fixtures/workspace/nope.yaml']],
    ['a lesson with schema errors', ['check', BROKEN]],
    ['a lesson with YAML errors', ['check', BAD_YAML]],
    ['a course with own templates', ['build', 'lessons/course.yaml', '--templates', OWN_TEMPLATES, '--out', path.join(BAD, 'out-own'), '--quiet']],
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
    const check = (await import(pathToFileURL(path.join(pkg, 'bin/snapshot-check.js')).href)) as { snapshotFor(args: string[], env: object, dist: string): string | undefined };
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

  test('a template replaced or changed after the build makes the snapshot stale', async () => {
    const partial = fs.readdirSync(path.join(ROOT, 'templates/partials'))[0];
    const file = path.join(pkg, 'templates-own');
    // the package's templates/ is a link to the repository's: replace it by a copy to change
    fs.cpSync(path.join(ROOT, 'templates'), file, { recursive: true });
    fs.rmSync(path.join(pkg, 'templates'));
    fs.renameSync(file, path.join(pkg, 'templates'));
    try {
      expect(await snapshotIsCurrent()).toBe(false); // another file under the same name
      fs.appendFileSync(path.join(pkg, 'templates/partials', partial), '\n');
      expect(await snapshotIsCurrent()).toBe(false);
    } finally {
      fs.rmSync(path.join(pkg, 'templates'), { recursive: true });
      fs.symlinkSync(path.join(ROOT, 'templates'), path.join(pkg, 'templates'));
    }
    expect(await snapshotIsCurrent()).toBe(true);
  });
});
