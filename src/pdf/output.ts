// A PDF appears complete or not at all: it is written to a temporary file
// beside the target, flushed to disk, then renamed over the target. A failed
// build never leaves a partial file and never destroys the good PDF that was
// there.
//
// The temporary file lives only inside one synchronous call (open, write,
// fsync, close, rename): JavaScript cannot be interrupted in the middle of
// it, so a Ctrl-C handler (src/safety/interrupt.ts) always runs either before
// the temporary file exists or after it is renamed or removed. Only a hard
// kill (SIGKILL, power loss) can leave one behind; the next write into that
// folder removes the leftovers of processes that no longer run.
import fs from 'node:fs';
import path from 'node:path';

let counter = 0;
const TEMP_RE = /^\.(.+)\.(\d+)\.(\d+)\.tmp$/;

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${++counter}.tmp`);
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
    if (!m || !m[1].endsWith('.pdf')) continue;
    const pid = Number(m[2]);
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

/**
 * Write `data` to `target` atomically. Throws an `OutputError` (with `code`
 * and `path` = target, like a Node file-system error) when it cannot.
 */
export function writeFileAtomicSync(target: string, data: Uint8Array): void {
  sweepStaleTemps(path.dirname(target));
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
    fs.renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing; the temporary file is removed below
      }
    }
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more can be done; a later build sweeps it
    }
    throw new OutputError(target, err as NodeJS.ErrnoException);
  }
  for (const fn of listeners) fn(target);
}

/** The same, for callers that await (kept for the batch builder). */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  writeFileAtomicSync(target, data);
}
