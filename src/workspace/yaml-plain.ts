// A quick reader for the plain YAML hiwar's files are nearly always written in:
// block maps with plain keys, block lists (`- `, `- key: value`), one-line
// quoted or plain texts, whole numbers, block texts (`|`, `>-`, …) whose lines
// share one column, and one-line `[…]` / `{…}`. For such a file it returns the
// value `yaml` would (parseDocument + toJS) at a small part of the cost: `yaml`
// builds tokens, a syntax tree and a document of node objects first, which was
// ~70 % of resolving a course.
//
// Anything else — other scalars (null, 3.5, dates), anchors, aliases,
// tags, escapes other than \" \\ \/, texts continued over lines, odd block
// texts, tabs, duplicate keys, invisible or hostile characters, text that is
// not NFC — makes it give up (undefined), and `yaml` reads the file. It never
// reports a problem itself: every message and position still comes from
// `yaml` (src/workspace/yaml.ts parses with it when a position is asked for).
// tests/workspace/yaml-plain.test.ts checks it against `yaml`.
import { SUSPECT_RE } from '../safety/text.js';

/** Thrown inside the reader when the text leaves the subset. */
const GIVE_UP = Symbol('give up');

// keys hiwar's files use: plain, ASCII, one word (`teacher_note`, `$schema`)
const KEY_RE = /^[A-Za-z_$][\w$-]*:(?: |$)/;
// plain keys yaml's core schema reads as null or a boolean, and one that is not an ordinary property
const ODD_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);
// a plain scalar may not start with an indicator (some may, followed by a non-space: not here)
const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
// the start of anything yaml's core schema reads as a number, null or a boolean (other than a whole number)
const NOT_TEXT_START = new Set(['+', '-', '.', '~', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
const NOT_TEXT = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
// after a quoted scalar or a `[…]` list: spaces, and a comment only after a space
const TAIL_RE = /^(?: *| +#.*)$/;

const giveUp = (): never => {
  throw GIVE_UP;
};

/**
 * The value of `text` as `yaml` reads it (core schema), or undefined when the
 * text is not in the plain subset (then `yaml` must read it).
 */
export function readPlainYaml(text: string): { value: unknown } | undefined {
  if (text.includes('\t') || SUSPECT_RE.test(text) || text.normalize('NFC') !== text) return undefined;
  try {
    return { value: new Reader(text).document() };
  } catch (e) {
    // nesting too deep for the stack: yaml says what it says about it
    if (e === GIVE_UP || e instanceof RangeError) return undefined;
    throw e;
  }
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 0x20) n++;
  return n;
}

const isSeqItem = (content: string) => content === '-' || content.startsWith('- ');
const isKeyLine = (content: string) => KEY_RE.test(content);

const BOOLEANS: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };

/** One plain scalar, resolved as the core schema does: a whole number, a boolean or a text. */
function plainValue(s: string): string | number | boolean {
  if (s in BOOLEANS) return BOOLEANS[s];
  // a relative path (`../articles/x.md`) is a text, though it starts like `.5` or `.inf`
  if (s.startsWith('./') || s.startsWith('../')) return s;
  if (/^[0-9]+$/.test(s)) {
    // leading zeros and big numbers: leave them to yaml
    if ((s.length > 1 && s[0] === '0') || s.length > 15) giveUp();
    return Number(s);
  }
  if (NOT_TEXT_START.has(s[0]) || NOT_TEXT.has(s)) giveUp();
  return s;
}

function trimSpacesEnd(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === 0x20) e--;
  return s.slice(0, e);
}

class Reader {
  private readonly lines: string[];
  /** the next line to read */
  private at = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  document(): unknown {
    this.skip();
    if (this.at >= this.lines.length) giveUp(); // empty: yaml says null, or nothing
    const line = this.lines[this.at];
    if (indentOf(line) !== 0 || !isKeyLine(line)) giveUp();
    const value = this.map(0, 0);
    this.skip();
    if (this.at < this.lines.length) giveUp();
    return value;
  }

  /** Past blank and comment lines. */
  private skip(): void {
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      const n = indentOf(line);
      if (n < line.length && line[n] !== '#') return;
      this.at++;
    }
  }

  /** The indentation of the next content line, -1 at the end. */
  private nextIndent(): number {
    this.skip();
    return this.at < this.lines.length ? indentOf(this.lines[this.at]) : -1;
  }

  /**
   * A block map whose keys start in column `n`; its first key starts at
   * column `first` of the current line (after `- ` when it is a list item's).
   */
  private map(n: number, first: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let content = this.lines[this.at].slice(first);
    for (;;) {
      const colon = content.indexOf(':');
      const key = content.slice(0, colon);
      // yaml refuses implicit keys over 1024 characters
      if (colon > 1000 || ODD_KEYS.has(key) || Object.prototype.hasOwnProperty.call(out, key)) giveUp();
      let k = colon + 1;
      while (content.charCodeAt(k) === 0x20) k++;
      const rest = content.slice(k);
      if (rest === '' || rest[0] === '#') {
        this.at++;
        out[key] = this.nested(n, true);
      } else out[key] = this.inline(rest, n);
      const m = this.nextIndent();
      if (m < n) return out;
      if (m > n) giveUp();
      content = this.lines[this.at].slice(n);
      if (!isKeyLine(content)) giveUp();
    }
  }

  /** A block list whose `-` are in column `d`. */
  private seq(d: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const content = this.lines[this.at].slice(d);
      let j = 1;
      while (content.charCodeAt(j) === 0x20) j++;
      const rest = content.slice(j);
      if (rest === '' || rest[0] === '#') {
        this.at++;
        out.push(this.nested(d, false));
      } else if (isSeqItem(rest)) {
        giveUp(); // `- - x`
      } else if (isKeyLine(rest)) {
        out.push(this.map(d + j, d + j));
      } else out.push(this.inline(rest, d));
      const m = this.nextIndent();
      if (m < d) return out;
      if (m > d) giveUp();
      if (!isSeqItem(this.lines[this.at].slice(d))) return out; // the parent map's next key
    }
  }

  /** The value written on the lines below `key:` or `-` (in column `n`): a map, a list, or nothing. */
  private nested(n: number, listMayAlign: boolean): unknown {
    const m = this.nextIndent();
    if (m < 0) return null;
    const content = this.lines[this.at].slice(m);
    if (m > n) {
      if (isSeqItem(content)) return this.seq(m);
      if (isKeyLine(content)) return this.map(m, m);
      giveUp();
    }
    // a map's list may start in the column of its key
    if (m === n && listMayAlign && isSeqItem(content)) return this.seq(m);
    return null;
  }

  /** The value written after `key: ` or `- ` (in column `n`); leaves the reader on the line after it. */
  private inline(rest: string, n: number): unknown {
    if (rest[0] === '|' || rest[0] === '>') return this.block(rest, n);
    const value = this.scalar(rest);
    this.at++;
    if (this.nextIndent() > n) giveUp(); // a text continued on the next line, or worse
    return value;
  }

  /** A value on the rest of a line (`rest` starts with no space and is no comment). */
  private scalar(rest: string): unknown {
    const c = rest[0];
    let closed: [unknown, number] | undefined;
    if (c === '"') closed = doubleQuoted(rest, 0);
    else if (c === "'") closed = singleQuoted(rest, 0);
    else if (c === '[' || c === '{') closed = flow(rest, 0);
    if (closed) {
      if (!TAIL_RE.test(rest.slice(closed[1]))) giveUp();
      return closed[0];
    }
    if (INDICATORS.has(c)) giveUp();
    const hash = rest.indexOf(' #');
    const s = trimSpacesEnd(hash >= 0 ? rest.slice(0, hash) : rest);
    if (s.includes(': ') || s.endsWith(':')) giveUp();
    return plainValue(s);
  }

  /**
   * A block text (`|`, `|-`, `>`, `>-`) under a key or `-` in column `n`: its
   * lines all in one column, none ending in a space; blank lines between them
   * are line breaks (folded: a line break is a space, a blank line a break).
   */
  private block(header: string, n: number): string {
    const h = trimSpacesEnd(header);
    if (h !== '|' && h !== '|-' && h !== '>' && h !== '>-') giveUp();
    const literal = h[0] === '|';
    const lines = this.lines;
    let at = this.at + 1;
    if (at >= lines.length) giveUp();
    const ci = indentOf(lines[at]);
    if (ci <= n || ci === lines[at].length) giveUp();
    let text = '';
    let blanks = -1; // blank lines since the last text line (-1: none yet)
    let end = at; // after the last text line
    for (; at < lines.length; at++) {
      const line = lines[at];
      const k = indentOf(line);
      if (k === line.length) {
        // a blank line: part of the text only if more text follows
        if (k > ci) giveUp();
        blanks++;
        continue;
      }
      if (k < ci) break;
      if (k > ci || line.charCodeAt(line.length - 1) === 0x20) giveUp();
      if (blanks >= 0) text += literal ? '\n'.repeat(blanks + 1) : blanks ? '\n'.repeat(blanks) : ' ';
      text += line.slice(ci);
      blanks = 0;
      end = at + 1;
    }
    const clip = h.length === 1;
    if (clip && end >= lines.length) giveUp(); // the file ends without a line break
    this.at = end;
    if (this.nextIndent() > n) giveUp();
    return clip ? text + '\n' : text;
  }
}

const FLOW_KEY_RE = /[A-Za-z_$][\w$-]*: /y;

function spaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 0x20) i++;
  return i;
}

/** `[…]` or `{…}` on one line, starting at `s[i]`: [value, index after it]. */
function flow(s: string, i: number): [unknown, number] {
  const close = s[i] === '[' ? ']' : '}';
  const list: unknown[] = [];
  const map: Record<string, unknown> = {};
  const out = close === ']' ? list : map;
  i = spaces(s, i + 1);
  if (s[i] === close) return [out, i + 1];
  for (;;) {
    let value: unknown;
    if (close === '}') {
      FLOW_KEY_RE.lastIndex = i;
      const m = FLOW_KEY_RE.exec(s);
      if (!m) giveUp();
      const key = m![0].slice(0, -2);
      if (ODD_KEYS.has(key) || Object.prototype.hasOwnProperty.call(map, key)) giveUp();
      [value, i] = flowItem(s, spaces(s, i + m![0].length));
      map[key] = value;
    } else {
      [value, i] = flowItem(s, i);
      list.push(value);
    }
    i = spaces(s, i);
    if (s[i] === close) return [out, i + 1];
    if (s[i] !== ',') giveUp();
    i = spaces(s, i + 1);
    if (s[i] === close) giveUp(); // a trailing comma
  }
}

/** One entry of a flow collection: quoted, nested, or plain up to `,` `]` `}`. */
function flowItem(s: string, i: number): [unknown, number] {
  const c = s[i];
  if (c === '"') return doubleQuoted(s, i);
  if (c === "'") return singleQuoted(s, i);
  if (c === '[' || c === '{') return flow(s, i);
  if (c === undefined || INDICATORS.has(c)) giveUp();
  let e = i;
  while (e < s.length && !FLOW_STOP.has(s[e])) e++;
  if (s[e] !== ',' && s[e] !== ']' && s[e] !== '}') giveUp();
  return [plainValue(trimSpacesEnd(s.slice(i, e))), e];
}

const FLOW_STOP = new Set([',', '[', ']', '{', '}', '#', ':', '"', "'"]);

/** `"…"` on one line from `s[start]`, with the escapes \" \\ \/ only (others: yaml): [value, index after it]. */
function doubleQuoted(s: string, start: number): [string, number] {
  let out = '';
  let from = start + 1;
  let escaped = false;
  for (;;) {
    const quote = s.indexOf('"', from);
    if (quote < 0) giveUp(); // continues on the next line
    const slash = s.indexOf('\\', from);
    if (slash < 0 || slash > quote) {
      out += s.slice(from, quote);
      // an escape could join a letter and a mark that NFC composes
      if (escaped && out.normalize('NFC') !== out) giveUp();
      return [out, quote + 1];
    }
    const e = s[slash + 1];
    if (e !== '"' && e !== '\\' && e !== '/') giveUp();
    out += s.slice(from, slash) + e;
    escaped = true;
    from = slash + 2;
  }
}

/** `'…'` on one line from `s[start]` (`''` is a quote). */
function singleQuoted(s: string, start: number): [string, number] {
  let out = '';
  let from = start + 1;
  for (;;) {
    const quote = s.indexOf("'", from);
    if (quote < 0) giveUp();
    if (s[quote + 1] !== "'") return [out + s.slice(from, quote), quote + 1];
    out += s.slice(from, quote + 1);
    from = quote + 2;
  }
}
