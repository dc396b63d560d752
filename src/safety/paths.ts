// The output folder, checked before anything is built: a usage mistake
// (exit 2) when `--out` names something that is not a folder.
import fs from 'node:fs';
import path from 'node:path';
import { message, messageHint } from '../i18n/catalogue.js';

/** A message when `--out` cannot be an output folder; undefined when it can (or will be made). */
export function checkOutDir(out: string | undefined, cwd: string): string | undefined {
  // an empty --out (an unset shell variable) would resolve to the current folder
  if (out !== undefined && out.trim() === '') return `${message('build.out-empty', 'en')}\n  hint: ${hintOf('build.out-empty')}`;
  const dir = path.resolve(cwd, out ?? 'out');
  // the nearest part of the path that exists must be a folder
  for (let p = dir; ; p = path.dirname(p)) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(p);
    } catch {
      st = undefined;
    }
    if (st) {
      if (st.isDirectory()) return undefined;
      const shown = path.relative(cwd, p) || p;
      return p === dir
        ? `--out ${out} is a file, not a folder; PDFs go into a folder (e.g. --out out)`
        : `--out ${out} cannot be made: ${shown} is a file, not a folder`;
    }
    if (path.dirname(p) === p) return undefined;
  }
}

function hintOf(code: string): string {
  return messageHint(code, 'en') ?? '';
}

/** A message when `--root` is not a folder; undefined when it is (or was not given). */
export function checkRoot(root: string | undefined, cwd: string): string | undefined {
  if (root === undefined) return undefined;
  const dir = path.resolve(cwd, root);
  let ok = false;
  try {
    ok = root.trim() !== '' && fs.statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  return ok ? undefined : `${message('build.root-missing', 'en', { root: JSON.stringify(root) })}\n  hint: ${hintOf('build.root-missing')}`;
}
