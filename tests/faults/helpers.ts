// Fault-suite helpers: a throwaway workspace, `hiwar` run in-process with a
// recording IO, and snapshots of a folder (every file's bytes) to prove a
// failed build changed nothing and left nothing behind.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { recordingIO, workspace } from '../workspace/helpers.js';

export { workspace };

export interface Run {
  code: number;
  stderr: string;
  stdout: string;
}

/**
 * Runs `hiwar` in this thread (HIWAR_WORKERS=0: quicker for one small lesson,
 * and module mocks reach it), restoring the variable afterwards so files that
 * share this worker still get hiwar's default.
 */
export async function hiwar(cwd: string, ...argv: string[]): Promise<Run> {
  const io = recordingIO(cwd);
  const saved = process.env.HIWAR_WORKERS;
  process.env.HIWAR_WORKERS = '0';
  try {
    const code = await main(argv, io);
    return { code, stderr: io.stderr.join('\n'), stdout: io.stdout.join('\n') };
  } finally {
    if (saved === undefined) delete process.env.HIWAR_WORKERS;
    else process.env.HIWAR_WORKERS = saved;
  }
}

/** Every file under `dir` (relative path -> sha256 of its bytes). */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p).split(path.sep).join('/')] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** The run printed one line per problem, never a stack trace or an internal error. */
export function expectClean(r: Run): void {
  expect(r.stderr).not.toMatch(/^\s+at .+[:(]\d+:\d+\)?$/m);
  expect(r.stderr).not.toMatch(/internal error|TypeError|ReferenceError|RangeError|SyntaxError:/);
}

/** No temporary or partial file anywhere under `dir`. */
export function expectNoTemps(dir: string): void {
  expect(Object.keys(snapshot(dir)).filter((f) => /\.tmp$|(^|\/)\.[^/]+\.pdf\./.test(f))).toEqual([]);
}

/** A PDF is complete: header, and the end-of-file marker at its end. */
export function expectCompletePdf(file: string): void {
  const b = readFileSync(file);
  expect(b.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(b.subarray(-8).toString('latin1')).toMatch(/%%EOF\s*$/);
}

export const head = (id = 'demo', article = 'articles/sample.md') => `id: ${id}\ntitle: "درس"\narticle: ${article}\nobjectives: ["هدف"]\n`;

/** A small lesson that builds (one passage, one question); `q` is the question text (YAML-quoted here). */
export const lesson = (q = 'سؤال؟', id = 'demo', article = 'articles/sample.md') => `${head(id, article)}passages:\n  - ref: p1\nquestions:\n  - text: ${JSON.stringify(q)}\n`;
