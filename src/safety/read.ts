// Reading a file named in a teacher's files, safely: only a regular file is
// read (a FIFO, a device such as /dev/zero, a socket or a folder is refused
// before a byte is read), and never more than a hard limit of bytes, whatever
// the file's size says (stat() of /proc files and devices lies).
//
// The file is opened with O_NONBLOCK, so opening a FIFO that nobody writes
// returns at once instead of hanging the process (and its Ctrl-C handler);
// fstat on the open descriptor then tells what it is, with no race between a
// check and the open.
import fs from 'node:fs';

export type ReadRefusal =
  | { reason: 'missing' | 'directory' | 'unreadable' | 'busy'; code?: string }
  | { reason: 'not-regular'; kind: SpecialKind }
  | { reason: 'too-big'; limit: number };

export type SpecialKind = 'fifo' | 'device' | 'socket' | 'special';

export type CappedRead = { ok: true; bytes: Buffer } | ({ ok: false } & ReadRefusal);

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

function kindOf(st: fs.Stats): SpecialKind {
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  return 'special';
}

/** Words for a special file, for messages: "a named pipe (FIFO)". */
export function describeKind(kind: SpecialKind): string {
  switch (kind) {
    case 'fifo':
      return 'a named pipe (FIFO)';
    case 'device':
      return 'a device';
    case 'socket':
      return 'a socket';
    default:
      return 'a special file';
  }
}

function refusalOf(e: unknown): ReadRefusal {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return { reason: 'missing', code };
  if (code === 'EISDIR') return { reason: 'directory', code };
  if (code === 'EMFILE' || code === 'ENFILE') return { reason: 'busy', code };
  return { reason: 'unreadable', code };
}

/**
 * The bytes of the regular file `file` (symlinks followed), at most `limit`
 * of them: reads at most limit+1 bytes and refuses the file when there are
 * more. Never throws for a file-system error; they come back as refusals.
 */
export function readRegularFileSync(file: string, limit: number): CappedRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | O_NONBLOCK);
  } catch (e) {
    return { ok: false, ...refusalOf(e) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return { ok: false, reason: 'directory' };
    if (!st.isFile()) return { ok: false, reason: 'not-regular', kind: kindOf(st) };
    // the size is only a first guess for the buffer: the file may grow while it is read
    const chunks: Buffer[] = [];
    let total = 0;
    let chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size + 1, 64 * 1024), limit + 1));
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunk.byteLength, limit + 1 - total), null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) return { ok: false, reason: 'too-big', limit };
      if (n === chunk.byteLength) chunk = Buffer.allocUnsafe(Math.min(chunk.byteLength * 2, limit + 1 - total));
      else chunk = chunk.subarray(n);
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (e) {
    const r = refusalOf(e);
    // EAGAIN: something that is not a regular file slipped through (cannot happen after fstat, but never wait)
    return { ok: false, ...r };
  } finally {
    fs.closeSync(fd);
  }
}

/** The same, waiting a little and trying again when the process has too many files open (EMFILE). */
export async function readRegularFile(file: string, limit: number): Promise<CappedRead> {
  let r = readRegularFileSync(file, limit);
  for (let wait = 10; !r.ok && r.reason === 'busy' && wait <= 160; wait *= 2) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    r = readRegularFileSync(file, limit);
  }
  return r;
}
