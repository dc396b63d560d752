// The output folder, checked before anything is built: a usage mistake
// (exit 2) when `--out` names something that is not a folder.
import fs from 'node:fs';
import path from 'node:path';
import { msg, type MessageRef } from '../i18n/catalogue.js';

/** A message (of the catalogue) when `--out` cannot be an output folder; undefined when it can (or will be made). */
export function checkOutDir(out: string | undefined, cwd: string): MessageRef | undefined {
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
      return p === dir ? msg('cli.out-is-file', { out: out ?? 'out' }) : msg('cli.out-cannot-be-made', { out: out ?? 'out', file: shown });
    }
    if (path.dirname(p) === p) return undefined;
  }
}
