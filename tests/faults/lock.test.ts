// Two builds into one output folder: each commits its PDFs under the folder's
// lock (.hiwar.lock, holding the pid), so a student/teacher pair always comes
// from one build. A build waits while another holds the lock, takes over a
// lock whose owner is dead, and gives up with a clear error after a while.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { acquireLock, LOCK_NAME, LockError } from '../../src/pdf/lock.js';
import { hiwarArgs } from '../helpers/hiwar-process.js';
import { bodyText, normalizeText, readPages } from '../helpers/pdf.js';
import { expectCompletePdf, expectNoTemps, hiwar, lesson, workspace } from './helpers.js';

const DEAD_PID = 2 ** 22 + 12345; // above any pid Linux hands out

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** A process that stays alive while a test needs a live pid that is not this one. */
function liveOther(): number {
  const c = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(c);
  return c.pid!;
}

describe('the lock itself', () => {
  test('held by a live process: waits, then a LockError naming it; the lock is left alone', async () => {
    const dir = workspace({}, { base: false });
    const pid = liveOther();
    fs.writeFileSync(path.join(dir, LOCK_NAME), `${pid}\n`);
    const err = await acquireLock(dir, { waitMs: 150 }).catch((e) => e);
    expect(err).toBeInstanceOf(LockError);
    expect(err).toMatchObject({ pid, lock: path.join(dir, LOCK_NAME) });
    expect(err.waitedMs).toBeGreaterThanOrEqual(150);
    expect(fs.readFileSync(path.join(dir, LOCK_NAME), 'utf8')).toBe(`${pid}\n`);
  });

  test('left by a dead process: taken over; released when done', async () => {
    const dir = workspace({}, { base: false });
    fs.writeFileSync(path.join(dir, LOCK_NAME), `${DEAD_PID}\n`);
    const release = await acquireLock(dir, { waitMs: 0 });
    expect(fs.readFileSync(path.join(dir, LOCK_NAME), 'utf8')).toBe(`${process.pid}\n`);
    release();
    expect(fs.existsSync(path.join(dir, LOCK_NAME))).toBe(false);
  });
});

test('a build waits for another build’s lock on out/ before it replaces anything, then commits', async () => {
  const dir = workspace({ 'l.yaml': lesson() });
  expect((await hiwar(dir, 'build', 'l.yaml')).code).toBe(0);
  const out = path.join(dir, 'out');
  const pdfs = ['demo-student.pdf', 'demo-teacher.pdf'].map((f) => path.join(out, f));
  const old = pdfs.map((p) => fs.readFileSync(p));
  fs.writeFileSync(path.join(dir, 'l.yaml'), lesson('سؤال آخر؟'));
  fs.writeFileSync(path.join(out, LOCK_NAME), `${liveOther()}\n`);
  const build = hiwar(dir, 'build', 'l.yaml');
  // the build renders, writes its temporary files, and waits at the lock
  let waiting = false;
  for (let i = 0; i < 400 && !waiting; i++) {
    await new Promise((r) => setTimeout(r, 25));
    waiting = fs.readdirSync(out).filter((f) => f.endsWith('.tmp')).length === 2;
  }
  expect(waiting).toBe(true);
  await new Promise((r) => setTimeout(r, 100));
  pdfs.forEach((p, i) => expect(fs.readFileSync(p).equals(old[i])).toBe(true));
  fs.rmSync(path.join(out, LOCK_NAME)); // the other build is done
  const r = await build;
  expect(r.code).toBe(0);
  pdfs.forEach((p, i) => expect(fs.readFileSync(p).equals(old[i])).toBe(false));
  expect(fs.existsSync(path.join(out, LOCK_NAME))).toBe(false);
  expectNoTemps(dir);
});

test('two builds at once into one out/: both succeed, and each pair comes from one build', async () => {
  const a = workspace({ 'l.yaml': lesson('سؤال من البناء الأول؟') });
  const b = workspace({ 'l.yaml': lesson('سؤال من البناء الثاني؟') });
  const out = path.join(a, 'shared');
  const run = (dir: string) =>
    new Promise<number | null>((resolve) => {
      const c = spawn(process.execPath, hiwarArgs('build', 'l.yaml', '--out', out), {
        cwd: dir,
        env: { ...process.env, HIWAR_WORKERS: '0', CI: '1' },
        stdio: 'ignore',
      });
      children.push(c);
      c.on('exit', (code) => resolve(code));
    });
  expect(await Promise.all([run(a), run(b)])).toEqual([0, 0]);
  const texts = await Promise.all(
    ['demo-student.pdf', 'demo-teacher.pdf'].map(async (f) => {
      expectCompletePdf(path.join(out, f));
      return normalizeText((await readPages(fs.readFileSync(path.join(out, f)))).map((p) => bodyText(p)).join('\n'));
    }),
  );
  const which = texts.map((t) => (t.includes(normalizeText('البناء الأول')) ? 'a' : t.includes(normalizeText('البناء الثاني')) ? 'b' : '?'));
  expect(which[0]).not.toBe('?');
  expect(which[1]).toBe(which[0]);
  expect(fs.existsSync(path.join(out, LOCK_NAME))).toBe(false);
  expectNoTemps(out);
});
