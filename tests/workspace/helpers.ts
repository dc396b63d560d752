// Shared test helpers: throwaway workspaces in a tmp dir, and an IO that records output.
import { cpSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IO } from '../../src/cli/io.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/workspace/', import.meta.url));
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_ARTICLE = path.join(REPO, 'lessons/articles/virtual-caliphate.md');
// a copy of shared/seed/virtual-caliphate.raw.txt, so the suite runs on any clone
export const SEED_RAW = path.join(REPO, 'tests/fixtures/seed/virtual-caliphate.raw.txt');

/** A fresh folder holding the fixture article and bank, plus `files` (name -> text). */
export function workspace(files: Record<string, string> = {}, { base = true } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hiwar-ws-'));
  if (base) {
    cpSync(path.join(FIXTURES, 'articles'), path.join(dir, 'articles'), { recursive: true });
    cpSync(path.join(FIXTURES, 'questions'), path.join(dir, 'questions'), { recursive: true });
  }
  for (const [name, text] of Object.entries(files)) {
    const p = path.join(dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

/** Every file under `dir`, relative, sorted (to show a command wrote nothing). */
export function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split(path.sep).join('/')).sort();
}

export interface RecordingIO extends IO {
  stdout: string[];
  stderr: string[];
}

export function recordingIO(cwd: string): RecordingIO {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t.replace(/\n$/, '')),
    err: (t) => stderr.push(t.replace(/\n$/, '')),
    isTTY: false,
    cwd,
  };
}
