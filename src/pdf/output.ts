// Outputs appear complete or not at all, and the outputs of one input (a
// lesson's student and teacher PDFs) appear together or not at all.
//
// A group is committed in three steps: every file is written to a temporary
// file in the output folder and flushed to disk (fsync); the event loop turns
// once, so a Ctrl-C that came meanwhile is handled before anything is
// replaced; then, holding the folder's lock (src/pdf/lock.ts) so that another
// build cannot interleave its own pair, every temporary file is renamed over
// its target in one synchronous step. A failure before the renames removes
// the temporary files and leaves every old file as it was; a failing rename
// puts back the files already replaced (kept as hard links until the group is
// in place). JavaScript cannot be interrupted inside a synchronous step, so a
// Ctrl-C handler (src/safety/interrupt.ts) runs before or after the renames,
// never between them. Only a hard kill (SIGKILL, power loss) can leave a
// temporary file behind; the next write into that folder removes the
// leftovers of processes that no longer run.
import fs from 'node:fs';
import path from 'node:path';
import { acquireLock, LockError } from './lock.js';

let counter = 0;
// `.hiwar-PID-N.tmp`: short whatever the target's name (a long id once made
// the temporary name too long for the disk: ENAMETOOLONG); older versions
// named them `.TARGET.PID.N.tmp`.
const TEMP_RE = /^\.(?:hiwar-(\d+)-\d+|.+\.pdf\.(\d+)\.\d+)\.tmp$/;

export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.hiwar-${process.pid}-${++counter}.tmp`);
}

const listeners = new Set<(target: string) => void>();

/** Be told of each output as it lands (returns a function that stops it). */
export function onWritten(fn: (target: string) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const swept = new Set<string>();

/** Remove temporary files a killed hiwar left in `dir` (once per folder per process). */
export function sweepStaleTemps(dir: string, all = false): string[] {
  if (!all && swept.has(dir)) return [];
  swept.add(dir);
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m) continue;
    const pid = Number(m[1] ?? m[2]);
    if (all ? pid === process.pid || !alive(pid) : !alive(pid)) {
      try {
        fs.rmSync(path.join(dir, name), { force: true });
        removed.push(name);
      } catch {
        // not ours to remove after all (permissions): leave it
      }
    }
  }
  return removed;
}

/** Words for the errors a write can meet; the earlier PDF is always left as it was. */
function explain(code: string | undefined): string {
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the folder cannot be written';
    case 'EROFS':
      return 'the folder is on a read-only disk';
    case 'ENOENT':
      return 'the folder does not exist (any more)';
    case 'ENOTDIR':
      return 'a file stands where the output folder should be';
    case 'EISDIR':
      return 'a folder has the name of the PDF';
    case 'EIO':
      return 'the disk reported an input/output error';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open at once; close other programs or raise the limit (ulimit -n)';
    case 'ENAMETOOLONG':
      return 'the file name is too long for this disk; use a shorter id';
    case 'ELOCKED':
      return 'another hiwar is writing into this folder';
    default:
      return code ?? 'unknown error';
  }
}

/** An output error that names the PDF (not the temporary file) and says the old PDF is intact. */
export class OutputError extends Error {
  readonly code: string;
  readonly path: string;
  readonly errno?: number;
  constructor(target: string, cause: NodeJS.ErrnoException) {
    const kept = fs.existsSync(target) ? `; the earlier ${path.basename(target)} is unchanged` : '';
    super(`${explain(cause.code)}${kept}`);
    this.name = 'OutputError';
    this.code = cause.code ?? 'EIO';
    this.path = target;
    this.errno = cause.errno;
  }
}

/** Write `data` to a new temporary file beside `target`, flushed to disk; returns its path. */
function writeTemp(target: string, data: Uint8Array): string {
  const tmp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', 0o644);
    let off = 0;
    while (off < data.byteLength) off += fs.writeSync(fd, data, off, data.byteLength - off);
    try {
      fs.fsyncSync(fd);
    } catch (e) {
      // some file systems cannot flush a file; the rename is still atomic there
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
    }
    fs.closeSync(fd);
    fd = undefined;
    return tmp;
  } catch (err) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing; the temporary file is removed below
      }
    }
    remove(tmp);
    throw new OutputError(target, err as NodeJS.ErrnoException);
  }
}

function remove(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // nothing more can be done; a later build sweeps it
  }
}

/**
 * Rename each temporary file over its target, all or none: a target that is
 * replaced is first kept as a hard link, so that a failing rename can put the
 * earlier ones back. Synchronous: nothing can run between the renames.
 */
function renameAll(staged: { tmp: string; target: string }[]): void {
  const done: { target: string; backup?: string }[] = [];
  try {
    for (const { tmp, target } of staged) {
      let backup: string | undefined;
      if (staged.length > 1) {
        backup = tempPathFor(target);
        try {
          fs.linkSync(target, backup);
        } catch {
          backup = undefined; // no earlier file (or no hard links on this disk)
        }
      }
      try {
        fs.renameSync(tmp, target);
      } catch (err) {
        if (backup) remove(backup);
        throw new OutputError(target, err as NodeJS.ErrnoException);
      }
      done.push({ target, backup });
    }
  } catch (err) {
    for (const { target, backup } of done.reverse()) {
      try {
        if (backup) fs.renameSync(backup, target);
        else fs.rmSync(target, { force: true });
      } catch {
        // the disk refuses even this; the error below still names the file
      }
    }
    for (const { tmp } of staged) remove(tmp);
    throw err;
  }
  for (const { backup } of done) if (backup) remove(backup);
}

export interface Output {
  target: string;
  data: Uint8Array;
}

export interface CommitOptions {
  /** aborted (Ctrl-C in watch mode): nothing is replaced */
  signal?: AbortSignal;
  /** how long to wait for another build's lock on the folder */
  lockWaitMs?: number;
}

/** Let the event loop turn (twice: the signal pipe is read in the poll phase, which one turn from some phases skips). */
async function yieldToSignals(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Write every output of one input as a group: all of them replace their
 * targets, or none does. Returns false when `signal` was aborted before the
 * commit (nothing replaced). Throws an `OutputError` (with `code` and `path`
 * = the target, like a Node file-system error) when it cannot write.
 */
export async function commitGroup(outputs: Output[], opts: CommitOptions = {}): Promise<boolean> {
  if (outputs.length === 0) return true;
  for (const dir of new Set(outputs.map((o) => path.dirname(o.target)))) sweepStaleTemps(dir);
  const staged: { tmp: string; target: string }[] = [];
  try {
    for (const o of outputs) staged.push({ tmp: writeTemp(o.target, o.data), target: o.target });
    // the one place a Ctrl-C that came during the render or the writes is seen before anything is replaced
    await yieldToSignals();
    if (opts.signal?.aborted) {
      for (const { tmp } of staged) remove(tmp);
      return false;
    }
    const release = await acquireLock(path.dirname(outputs[0].target), { waitMs: opts.lockWaitMs, signal: opts.signal });
    try {
      if (opts.signal?.aborted) {
        for (const { tmp } of staged) remove(tmp);
        return false;
      }
      renameAll(staged);
    } finally {
      release();
    }
  } catch (err) {
    for (const { tmp } of staged) remove(tmp);
    if (err instanceof OutputError || err instanceof LockError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new OutputError(e.path && !staged.some((s) => s.tmp === e.path) ? e.path : outputs[0].target, e);
  }
  for (const o of outputs) for (const fn of listeners) fn(o.target);
  return true;
}

/**
 * Write one file atomically, synchronously (a lesson scaffold, an imported
 * article). Throws an `OutputError` when it cannot.
 */
export function writeFileAtomicSync(target: string, data: Uint8Array): void {
  sweepStaleTemps(path.dirname(target));
  const tmp = writeTemp(target, data);
  renameAll([{ tmp, target }]);
  for (const fn of listeners) fn(target);
}
