// Reading a teacher's text files: UTF-8, BOM stripped, CRLF/CR accepted, NFC.
import { readFile } from 'node:fs/promises';
import { error, type Diagnostic } from './diagnostics.js';

/** Normalize text as read from disk: no BOM, `\n` line ends, Unicode NFC. */
export function normalizeSource(text: string): string {
  let t = text;
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  t = t.replace(/\r\n?/g, '\n');
  return t.normalize('NFC');
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: 'missing' | 'directory' | 'unreadable' | 'binary'; detail: string };

/** Read a UTF-8 text file; never throws for the usual user mistakes (missing file, folder, binary). */
export async function readSource(file: string): Promise<ReadResult> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', detail: 'file not found' };
    if (code === 'EISDIR') return { ok: false, reason: 'directory', detail: 'this is a folder, not a file' };
    return { ok: false, reason: 'unreadable', detail: (e as Error).message };
  }
  if (buf.includes(0)) return { ok: false, reason: 'binary', detail: 'this is not a text file' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { ok: false, reason: 'binary', detail: 'this file is not UTF-8 text; save it as UTF-8' };
  }
  return { ok: true, text: normalizeSource(text) };
}

/** A diagnostic for a file that could not be read, at the file itself. */
export function readFailure(file: string, r: Exclude<ReadResult, { ok: true }>): Diagnostic {
  return error(file, 0, 0, `cannot read this file: ${r.detail}`);
}
