// Files that are not UTF-8 text: say what they look like, and how to fix it.
// Teachers' Arabic files come from Windows (windows-1256), old Macs, Word, or
// are not text at all (a PDF, a .docx given by mistake).

import { msg, type MessageRef } from '../i18n/catalogue.js';

/** Well-known file signatures a teacher may hand us by mistake. */
const SIGNATURES: Array<{ magic: number[]; what: string }> = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'encoding.kind-pdf' },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'encoding.kind-zip' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'encoding.kind-doc' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'encoding.kind-rtf' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'encoding.kind-png' },
  { magic: [0xff, 0xd8, 0xff], what: 'encoding.kind-jpeg' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'encoding.kind-gif' },
  { magic: [0x1f, 0x8b], what: 'encoding.kind-gzip' },
];

export interface NotUtf8 {
  /** one sentence, to follow "cannot read this file: " (a catalogue message) */
  detail: MessageRef;
  hint: MessageRef;
  /** where the first byte that is not UTF-8 is, when the file is mostly UTF-8 */
  line?: number;
  col?: number;
}

const SAVE_AS = msg('encoding.save-as-utf8');

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** The first byte offset where `buf` stops being valid UTF-8, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) (len = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (len = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (len = 3), (min = 0x10000);
    else return i;
    if (i + len >= n) return i;
    let cp = b & (len === 1 ? 0x1f : len === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= len; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len + 1;
  }
  return -1;
}

/** The share of `re` among the letters outside ASCII (a lesson's field names are ASCII in any encoding). */
function share(text: string, re: RegExp): number {
  const letters = text.match(/[^\x00-\x7f]/gu)?.filter((c) => /\p{L}/u.test(c)).length ?? 0;
  if (!letters) return 0;
  return (text.match(re)?.length ?? 0) / letters;
}

function decodeAs(buf: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: false }).decode(buf);
  } catch {
    return undefined; // this Node has no such decoder (small-icu builds)
  }
}

/** Why `buf` is not UTF-8 text, in words a teacher can act on. */
export function diagnoseNotUtf8(buf: Uint8Array): NotUtf8 {
  for (const s of SIGNATURES) {
    if (startsWith(buf, s.magic)) return { detail: msg('encoding.looks-like', { what: msg(s.what) }), hint: msg('encoding.give-text-file') };
  }
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    const which = buf[0] === 0xff ? 'UTF-16 LE' : 'UTF-16 BE';
    return { detail: msg('encoding.utf16', { which }), hint: SAVE_AS };
  }
  // UTF-16 without a byte order mark: every other byte zero in an ASCII-heavy file
  const sample = buf.subarray(0, 4096);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? oddZero++ : evenZero++;
  const half = sample.length / 2;
  if (half > 4 && (oddZero > half * 0.3 || evenZero > half * 0.3) && Math.min(oddZero, evenZero) < Math.max(oddZero, evenZero) * 0.1) {
    return { detail: msg('encoding.utf16-no-bom'), hint: SAVE_AS };
  }
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) controls++;
  }
  if (controls > Math.max(2, sample.length * 0.02)) return { detail: msg('encoding.binary'), hint: msg('encoding.give-hiwar-files') };

  // mostly UTF-8 with a few damaged bytes: point at the first
  const bad = firstInvalidUtf8(buf);
  const highBytes = buf.reduce((s, b) => s + (b >= 0x80 ? 1 : 0), 0);
  const validPrefix = bad < 0 ? buf : buf.subarray(0, bad);
  const utf8Multibyte = validPrefix.reduce((s, b) => s + (b >= 0xc2 && b <= 0xf4 ? 1 : 0), 0);
  if (bad >= 0 && utf8Multibyte >= 4) {
    const before = new TextDecoder('utf-8').decode(validPrefix);
    const lines = before.split('\n');
    return {
      detail: msg('encoding.bad-byte', { byte: `0x${buf[bad].toString(16).toUpperCase()}`, line: lines.length }),
      hint: msg('encoding.bad-byte-hint', { line: lines.length, col: lines[lines.length - 1].length + 1 }),
      line: lines.length,
      col: lines[lines.length - 1].length + 1,
    };
  }
  // a legacy single-byte encoding: which one reads as sensible text? Arabic
  // ones first (every Arabic byte also decodes as some accented Latin letter)
  const arabic = /[\u0621-\u064a]/g;
  let guess: string | undefined;
  for (const c of [
    { enc: 'windows-1256', name: 'encoding.guess-1256' },
    { enc: 'iso-8859-6', name: 'encoding.guess-8859-6' },
  ]) {
    const text = decodeAs(buf, c.enc);
    if (text === undefined || text.includes('\ufffd')) continue;
    if (share(text, arabic) > 0.5) {
      guess = c.name;
      break;
    }
  }
  if (!guess && decodeAs(buf, 'windows-1252') !== undefined && highBytes > 0) guess = 'encoding.guess-1252';
  return {
    detail: guess ? msg('encoding.not-utf8', { guess: msg(guess) }) : msg('encoding.unknown'),
    hint: SAVE_AS,
  };
}
