// Every path the studio reads or writes is a path inside the workspace
// folder. A path from the page is relative to it; `..`, absolute paths, NUL
// bytes and symbolic links that lead outside are refused before anything is
// opened.
import fs from 'node:fs';
import path from 'node:path';

export class OutsideError extends Error {
  constructor(readonly written: string) {
    super(`not inside the workspace: ${written}`);
    this.name = 'OutsideError';
  }
}

/** Whether `p` (absolute) is `root` or lies below it. */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of the workspace folder (symbolic links resolved once, at start). */
export function realRoot(dir: string): string {
  return fs.realpathSync(path.resolve(dir));
}

/**
 * The absolute path of `rel` inside `root` (a real path), for reading or
 * writing. The path must stay inside `root` as written and once every
 * symbolic link on the way is resolved; a file that does not exist yet is
 * judged by its folder. Throws OutsideError otherwise.
 */
export function insideRoot(root: string, rel: unknown): string {
  if (typeof rel !== 'string' || rel === '' || rel.includes('\0') || path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) throw new OutsideError(String(rel));
  const abs = path.resolve(root, rel);
  if (!isInside(root, abs)) throw new OutsideError(rel);
  // the nearest part of the path that exists, with its links resolved, must be inside too
  let probe = abs;
  for (;;) {
    try {
      const real = fs.realpathSync(probe);
      if (!isInside(root, real)) throw new OutsideError(rel);
      return probe === abs ? real : path.join(real, path.relative(probe, abs));
    } catch (e) {
      if (e instanceof OutsideError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      // a link that points nowhere is refused too: it could be made to point outside later
      if (code !== 'ENOENT' || isDanglingLink(probe)) throw new OutsideError(rel);
      const up = path.dirname(probe);
      if (up === probe) throw new OutsideError(rel);
      probe = up;
    }
  }
}

function isDanglingLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** `abs` as the page shows it: relative to the workspace, with `/`. */
export function relToRoot(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
