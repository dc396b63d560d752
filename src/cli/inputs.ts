// The files `hiwar build` and `hiwar check` are given, as a teacher gives them:
//   - a folder: `build` takes every lesson and course directly in it (question banks are left out:
//     they are built through the lessons that use them); `check` takes every lesson, course, bank and
//     article in it and its subfolders; `questions` every YAML file directly in it;
//   - a pattern the shell did not expand (`"lessons/*.yaml"` quoted, or any Windows shell): expanded here;
//   - a file that does not exist: reported with the nearest existing name ("did you mean …?").
// Each file is given once, in the order given (a folder's and a pattern's files sorted by name).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../workspace/diagnostics.js';
import { nearestName } from '../workspace/load.js';
import { detectKind } from '../workspace/load.js';
import { readSource } from '../workspace/source.js';
import { parseYaml } from '../workspace/yaml.js';

export interface Inputs {
  /** absolute paths, each once */
  files: string[];
  /** arguments that name nothing */
  problems: Diagnostic[];
}

const isYaml = (n: string) => /\.ya?ml$/i.test(n);
const posix = (p: string) => p.split(path.sep).join('/');

function statOf(p: string): 'file' | 'dir' | undefined {
  try {
    const s = statSync(p);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

/** Whether a YAML file is a question bank (a folder build leaves banks out); unreadable files are kept, to be reported. */
async function isBank(abs: string): Promise<boolean> {
  const r = await readSource(abs);
  if (!r.ok) return false;
  const y = parseYaml(abs, r.text);
  return y.diagnostics.length === 0 && detectKind(y.value) === 'bank';
}

async function folderFiles(dir: string, command: Command): Promise<string[]> {
  if (command === 'check') {
    return globSync(['**/*.yaml', '**/*.yml', '**/*.md'], { cwd: dir, absolute: true, ignore: ['**/node_modules/**', '**/.*/**'] }).sort();
  }
  const out: string[] = [];
  for (const name of readdirSync(dir).filter(isYaml).sort()) {
    const abs = path.join(dir, name);
    if (statOf(abs) === 'file' && (command === 'banks' || !(await isBank(abs)))) out.push(abs);
  }
  return out;
}

/** Which command the files are for: `build`, `check`, or `questions` (banks). */
export type Command = 'build' | 'check' | 'banks';

/** Expand the file arguments of `build`, `check` or `questions`. */
export async function expandInputs(args: string[], cwd: string, command: Command): Promise<Inputs> {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  const add = (f: string) => {
    if (!files.includes(f)) files.push(f);
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const kind = statOf(abs);
    if (kind === 'file') {
      add(abs);
      continue;
    }
    if (kind === 'dir') {
      const found = await folderFiles(abs, command);
      if (found.length === 0) problems.push(diagnostic('error', abs, 0, 0, 'authoring.input-empty-folder', { arg }));
      found.forEach(add);
      continue;
    }
    // a pattern the shell left alone (quoted, or a Windows shell); backslashes as a Windows user types them
    const pattern = posix(arg);
    if (isDynamicPattern(pattern)) {
      const found = globSync(pattern, { cwd, absolute: true, onlyFiles: true, expandDirectories: false }).sort();
      if (found.length === 0) problems.push(diagnostic('error', abs, 0, 0, 'authoring.input-no-match', { arg }));
      found.forEach(add);
      continue;
    }
    const near = nearestName(abs);
    const hint = near ? `did you mean \`${posix(path.relative(cwd, near.path))}\`?` : undefined;
    problems.push(diagnostic('error', abs, 0, 0, 'authoring.input-missing', { arg }, hint));
  }
  return { files, problems };
}
