// Atomic output: a failed build (bad input, full disk, a folder that cannot be
// written, a failed rename) leaves the earlier good PDF byte-equal and no
// temporary or partial file behind.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { sweepStaleTemps, writeFileAtomicSync, OutputError } from '../../src/pdf/output.js';
import { expectClean, expectCompletePdf, expectNoTemps, hiwar, lesson, snapshot, workspace } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A workspace with a lesson already built once: its good PDF, and the folder's state. */
async function built() {
  const dir = workspace({ 'l.yaml': lesson() });
  const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
  expect(r.code).toBe(0);
  const pdf = path.join(dir, 'out/demo-student.pdf');
  expectCompletePdf(pdf);
  return { dir, pdf, good: fs.readFileSync(pdf), before: snapshot(dir) };
}

const errno = (code: string, syscall: string) => Object.assign(new Error(`${code}: simulated, ${syscall}`), { code, syscall });

describe('a failed rebuild keeps the good PDF, byte for byte', () => {
  test('bad input: exit 1, the message, the old PDF untouched, nothing else written', async () => {
    const { dir, pdf, good, before } = await built();
    fs.writeFileSync(path.join(dir, 'l.yaml'), lesson().replace('ref: p1', 'ref: p9'));
    const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('l.yaml:6:10: error: paragraph 9 does not exist: the article has 4 paragraphs\n  hint: the last paragraph is p4: «يقترح آخرون تعليمَ الطلاب التفكيرَ النقدي بدل الاكتفاء …»');
    expectClean(r);
    expect(fs.readFileSync(pdf).equals(good)).toBe(true);
    expect(snapshot(dir)).toEqual({ ...before, 'l.yaml': snapshot(dir)['l.yaml'] });
    expectNoTemps(dir);
  });

  test('a full disk half-way through the PDF: exit 1, the old PDF intact, the partial temp file removed', async () => {
    const { dir, pdf, good, before } = await built();
    fs.writeFileSync(path.join(dir, 'l.yaml'), lesson('سؤال آخر؟'));
    const edited = snapshot(dir);
    const real = fs.writeSync;
    let calls = 0;
    const tempsSeen: string[] = [];
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Uint8Array, off?: number, len?: number) => {
      tempsSeen.push(...fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.tmp')));
      // the first call writes 1000 bytes, the next finds the disk full
      if (++calls === 1) return real(fd, data, off ?? 0, Math.min(1000, len ?? data.byteLength));
      throw errno('ENOSPC', 'write');
    }) as typeof fs.writeSync);
    const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
    expect(calls).toBe(2);
    expect(tempsSeen.length).toBeGreaterThan(0); // there was a partial temp file…
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('out/demo-student.pdf:1:1: error: cannot write output: ENOSPC (the disk is full; the earlier demo-student.pdf is unchanged)\n  hint: check that the --out folder can be written');
    expectClean(r);
    expect(fs.readFileSync(pdf).equals(good)).toBe(true);
    expect(snapshot(dir)).toEqual(edited); // …and it is gone
    expect(Object.keys(before)).toEqual(Object.keys(edited));
  });

  test('a folder that cannot be written (read-only or no permission): exit 1, the old PDF intact, no temp file', async () => {
    const { dir, pdf, good, before } = await built();
    const out = path.join(dir, 'out');
    const root = process.getuid?.() === 0;
    // root may write anywhere, so as root the file system's answer is simulated
    if (root) {
      const real = fs.openSync;
      vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
        if (String(p).startsWith(out) && String(p).endsWith('.tmp')) throw errno('EACCES', 'open');
        return (real as (...a: unknown[]) => number)(p, ...rest);
      }) as typeof fs.openSync);
    } else fs.chmodSync(out, 0o555);
    try {
      const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('out/demo-student.pdf:1:1: error: cannot write output: EACCES (permission denied: the folder cannot be written; the earlier demo-student.pdf is unchanged)\n  hint: check that the --out folder can be written');
      expectClean(r);
    } finally {
      fs.chmodSync(out, 0o755);
    }
    expect(fs.readFileSync(pdf).equals(good)).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });

  test('a read-only disk at the rename: the complete temp file is removed too', async () => {
    const { dir, pdf, good, before } = await built();
    fs.writeFileSync(path.join(dir, 'l.yaml'), lesson('سؤال آخر؟'));
    const edited = snapshot(dir);
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw errno('EROFS', 'rename');
    });
    const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^out\/demo-student\.pdf:1:1: error: cannot write output: EROFS \(the folder is on a read-only disk; the earlier demo-student\.pdf is unchanged\)/);
    expect(fs.readFileSync(pdf).equals(good)).toBe(true);
    expect(snapshot(dir)).toEqual(edited);
    expect(Object.keys(before)).toEqual(Object.keys(edited));
  });

  test('one bad file in a batch: the others are built, the bad one keeps its old PDF', async () => {
    const { dir, pdf, good } = await built();
    fs.writeFileSync(path.join(dir, 'l.yaml'), lesson().replace('kind', 'kind').replace('text:', 'txet:'));
    fs.writeFileSync(path.join(dir, 'm.yaml'), lesson('سؤال؟', 'other'));
    const r = await hiwar(dir, 'build', 'l.yaml', 'm.yaml', '--edition', 'student');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('l.yaml:8:5: error: unknown field `txet`');
    expect(r.stderr).toContain('wrote out/other-student.pdf (1 page)');
    expect(fs.readFileSync(pdf).equals(good)).toBe(true);
    expectCompletePdf(path.join(dir, 'out/other-student.pdf'));
    expectNoTemps(dir);
  });
});

describe('the writer itself', () => {
  test('an error names the PDF, not the temporary file, and keeps Node error fields', () => {
    const dir = workspace({}, { base: false });
    const target = path.join(dir, 'missing-folder', 'x.pdf');
    let caught: unknown;
    try {
      writeFileAtomicSync(target, new Uint8Array([1, 2, 3]));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(OutputError);
    expect(caught).toMatchObject({ code: 'ENOENT', path: target, message: 'the folder does not exist (any more)' });
    expect(snapshot(dir)).toEqual({});
  });

  test('leftovers of a killed run are swept; a live process’s temp file is not touched', () => {
    const dir = workspace({}, { base: false });
    const dead = `.demo-student.pdf.${2 ** 22 + 12345}.1.tmp`; // above any pid Linux hands out
    const live = `.demo-student.pdf.${process.ppid}.1.tmp`;
    fs.writeFileSync(path.join(dir, dead), 'partial');
    fs.writeFileSync(path.join(dir, live), 'being written');
    fs.writeFileSync(path.join(dir, 'notes.tmp'), 'not ours');
    writeFileAtomicSync(path.join(dir, 'demo-student.pdf'), new Uint8Array([37, 80, 68, 70]));
    expect(Object.keys(snapshot(dir)).sort()).toEqual([live, 'demo-student.pdf', 'notes.tmp'].sort());
    expect(sweepStaleTemps(dir)).toEqual([]); // once per folder per process
  });

  test('a PDF appears complete or not at all: at no moment is the target partial', () => {
    const dir = workspace({}, { base: false });
    const target = path.join(dir, 'a.pdf');
    fs.writeFileSync(target, 'OLD');
    const big = new Uint8Array(3 * 1024 * 1024).fill(65);
    const seen: string[] = [];
    const real = fs.writeSync;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Uint8Array, off?: number, len?: number) => {
      seen.push(fs.readFileSync(target, 'latin1').slice(0, 3));
      return real(fd, data, off ?? 0, Math.min(65536, len ?? data.byteLength));
    }) as typeof fs.writeSync);
    writeFileAtomicSync(target, big);
    expect(seen.length).toBeGreaterThan(10);
    expect(new Set(seen)).toEqual(new Set(['OLD']));
    expect(fs.statSync(target).size).toBe(big.byteLength);
    expectNoTemps(dir);
  });
});

describe('the output folder', () => {
  test('--out naming a file is a usage mistake (exit 2); nothing is touched', async () => {
    const dir = workspace({ 'l.yaml': lesson(), 'out': 'I am a file' });
    const before = snapshot(dir);
    const r = await hiwar(dir, 'build', 'l.yaml', '--out', 'out');
    expect(r).toMatchObject({ code: 2, stderr: 'error: --out out is a file, not a folder; PDFs go into a folder (e.g. --out out)' });
    const r2 = await hiwar(dir, 'build', 'l.yaml', '--out', 'out/pdfs');
    expect(r2).toMatchObject({ code: 2, stderr: 'error: --out out/pdfs cannot be made: out is a file, not a folder' });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('the PDFs of one input are committed together: all or none', () => {
  /** A lesson built in both editions, then edited: the two good PDFs and the folder's state. */
  async function builtPair() {
    const dir = workspace({ 'l.yaml': lesson() });
    expect((await hiwar(dir, 'build', 'l.yaml')).code).toBe(0);
    const pdfs = ['out/demo-student.pdf', 'out/demo-teacher.pdf'].map((f) => path.join(dir, f));
    const good = pdfs.map((p) => fs.readFileSync(p));
    fs.writeFileSync(path.join(dir, 'l.yaml'), lesson('سؤال آخر؟'));
    return { dir, pdfs, good, edited: snapshot(dir) };
  }

  test('a full disk while writing the second PDF: the first is not replaced either', async () => {
    const { dir, pdfs, good, edited } = await builtPair();
    const realOpen = fs.openSync;
    const realWrite = fs.writeSync;
    const temps: number[] = [];
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      const fd = (realOpen as (...a: unknown[]) => number)(p, ...rest);
      if (String(p).endsWith('.tmp')) temps.push(fd);
      return fd;
    }) as typeof fs.openSync);
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
      if (temps.length === 2 && fd === temps[1]) throw errno('ENOSPC', 'write');
      return (realWrite as (...a: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync);
    const r = await hiwar(dir, 'build', 'l.yaml');
    expect(temps.length).toBe(2); // the student PDF's temporary file was complete when the teacher's failed
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('out/demo-teacher.pdf:1:1: error: cannot write output: ENOSPC (the disk is full; the earlier demo-teacher.pdf is unchanged)\n  hint: check that the --out folder can be written');
    pdfs.forEach((p, i) => expect(fs.readFileSync(p).equals(good[i])).toBe(true));
    expect(snapshot(dir)).toEqual(edited);
  });

  test('a rename that fails on the second PDF puts the first one back', async () => {
    const { dir, pdfs, good, edited } = await builtPair();
    const realRename = fs.renameSync;
    let renames = 0;
    vi.spyOn(fs, 'renameSync').mockImplementation(((from: fs.PathLike, to: fs.PathLike) => {
      if (String(from).endsWith('.tmp') && String(to).endsWith('.pdf') && ++renames === 2) throw errno('EIO', 'rename');
      return realRename(from, to);
    }) as typeof fs.renameSync);
    const r = await hiwar(dir, 'build', 'l.yaml');
    expect(renames).toBe(3); // student in place, teacher failed, student's earlier file renamed back
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^out\/demo-teacher\.pdf:1:1: error: cannot write output: EIO/);
    pdfs.forEach((p, i) => expect(fs.readFileSync(p).equals(good[i])).toBe(true));
    expect(snapshot(dir)).toEqual(edited);
  });

  test('EMFILE while reading: retried, then a clear message (never "a bug in hiwar")', async () => {
    const dir = workspace({ 'l.yaml': lesson() });
    const realOpen = fs.openSync;
    let refusals = 2;
    const emfile = () => vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p).endsWith('sample.md') && refusals-- > 0) throw errno('EMFILE', 'open');
      return (realOpen as (...a: unknown[]) => number)(p, ...rest);
    }) as typeof fs.openSync);
    emfile();
    expect((await hiwar(dir, 'check', 'l.yaml')).code).toBe(0); // two refusals, then it opens
    refusals = Infinity;
    const r = await hiwar(dir, 'check', 'l.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'l.yaml:3:10: error: cannot read `articles/sample.md`: too many files are open at once (EMFILE)',
      '  hint: close other programs, or raise the limit of open files (ulimit -n), then build again',
    ]);
    // and while writing a PDF: the limit, said as such, not "a bug in hiwar"
    vi.restoreAllMocks();
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p).endsWith('.tmp')) throw errno('EMFILE', 'open');
      return (realOpen as (...a: unknown[]) => number)(p, ...rest);
    }) as typeof fs.openSync);
    const w = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
    expect(w.code).toBe(1);
    expectClean(w);
    expect(w.stderr.split('\n')[0]).toBe('out/demo-student.pdf:1:1: error: cannot write output: EMFILE (too many files are open at once; close other programs or raise the limit (ulimit -n))');
  });
});
