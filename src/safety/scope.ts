// Is a path inside a folder, once symlinks are followed? Used to keep every
// read of a build inside its workspace (src/workspace/load.ts) and every
// template inside its templates folder (src/render/templates.ts).
import fs from 'node:fs';
import path from 'node:path';

/**
 * The real path of `p`: symlinks followed. A path that does not exist (yet)
 * is the real path of its nearest existing folder with the rest appended, so
 * `root/link-to-etc/missing` is still seen as outside.
 */
export function realPathOf(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    const parent = path.dirname(abs);
    if (parent === abs) return abs;
    return path.join(realPathOf(parent), path.basename(abs));
  }
}

/** `inner` is `outer` or lies below it (both real, absolute paths). */
export function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
