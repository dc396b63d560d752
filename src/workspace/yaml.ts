// YAML with positions: every node keeps its offset, so any problem maps to FILE:LINE:COL.
import type { Document, LineCounter, Node, Scalar, YAMLError, YAMLMap } from 'yaml';
import { errorAt, warningAt, type Diagnostic } from './diagnostics.js';
import type { MessageRef, Params } from '../i18n/catalogue.js';
import { issueMessage, sanitizeText } from '../safety/text.js';
import { readPlainYaml } from './yaml-plain.js';
import { yamlLib } from './yaml-lib.js';

export type Path = readonly (string | number)[];

/** Guard against "billion laughs": aliases expanded at most this many times per document. */
export const MAX_ALIAS_COUNT = 50;

export interface YamlFile {
  /** absolute path */
  path: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** lines before the YAML text in the file (front matter starts on line 2: offset 1) */
  lineOffset: number;
  /** the plain value, or undefined when the YAML could not be read */
  value: unknown;
  /** syntax problems (empty when `value` is usable) */
  diagnostics: Diagnostic[];
  /** invisible or unbalanced characters taken out of strings (src/safety/text.ts), at their place */
  warnings: Diagnostic[];
  /** the YAML text as parsed (for positions inside strings) */
  source: string;
  /** every string value (as sanitized) -> the source range of the first scalar holding it */
  strings: Map<string, [number, number]>;
}

export interface Pos {
  line: number;
  col: number;
}

// ---------------------------------------------------------------- the parser's errors, for a teacher

interface LineShape {
  /** spaces before the first character */
  indent: number;
  /** column (0-based) where a `- ` list item's dash is, if the line is one */
  dash?: number;
  /** column (0-based) where a `field:` starts (after `- ` on a list item's line), if the line has one */
  field?: number;
  blank: boolean;
}

function shapeOf(line: string): LineShape {
  const indent = /^ */.exec(line)![0].length;
  const rest = line.slice(indent);
  if (rest === '' || rest.startsWith('#')) return { indent, blank: true };
  const shape: LineShape = { indent, blank: false };
  let body = rest;
  let col = indent;
  if (/^-(\s|$)/.test(rest)) {
    shape.dash = indent;
    const after = /^-\s+/.exec(rest)?.[0].length ?? 1;
    body = rest.slice(after);
    col = indent + after;
  }
  if (/^[^\s"'#\-[{][^:#]*:(\s|$)/.test(body) || /^["'][^"']*["']\s*:(\s|$)/.test(body)) shape.field = col;
  return shape;
}

/**
 * For a line that does not line up with the lines it belongs with: the
 * nearest line above of the same kind (list item or field) that starts in
 * another column, as `{line, want}` (1-based line of `lines`).
 */
function misalignedSibling(lines: readonly string[], at: number): { line: number; got: number; want: number } | undefined {
  const here = shapeOf(lines[at] ?? '');
  if (here.blank) return undefined;
  const isItem = here.dash !== undefined;
  const got = isItem ? here.dash! : here.field ?? here.indent;
  for (let i = at - 1; i >= 0 && i >= at - 200; i--) {
    const s = shapeOf(lines[i]);
    if (s.blank) continue;
    const col = isItem ? s.dash : s.field;
    if (col === undefined) continue;
    if (col === got) return undefined; // it lines up with its neighbour: not an indentation slip
    if (Math.abs(col - got) <= 3) return { line: i + 1, got, want: col };
    if (col < got) return undefined; // reached the block this line belongs to
  }
  return undefined;
}

/** A problem the yaml parser found, in words a teacher knows, at the place to fix. */
function yamlDiagnostic(file: string, text: string, lines: readonly string[], e: YAMLError, lineCounter: LineCounter, lineOffset: number): Diagnostic {
  const p = lineCounter.linePos(e.pos[0]);
  const at = (line: number, col: number, code: string, params?: Params, hint?: MessageRef) => errorAt(file, line + lineOffset, col, code, params, hint);
  const here = (code: string, params?: Params, hint?: MessageRef) => at(p.line, p.col, code, params, hint);
  const m = e.message;
  if (/call stack/i.test(m)) return here('yaml.too-deep');
  const indentProblem = (lineIndex: number) => {
    const sib = misalignedSibling(lines, lineIndex);
    return sib ? at(lineIndex + 1, 1, 'yaml.indent-mismatch', { got: sib.got, want: sib.want, other: sib.line + lineOffset }) : undefined;
  };
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return here('yaml.tab-indent');
    case 'MISSING_CHAR': {
      const quote = /Missing closing (["'])/.exec(m)?.[1];
      if (!quote) break;
      // the quote was opened on the nearest line above with an unpaired quote mark
      for (let i = Math.min(p.line - 1, lines.length - 1); i >= 0; i--) {
        const ln = lines[i].replace(quote === '"' ? /\\./g : /''/g, '');
        const count = ln.split(quote).length - 1;
        if (count % 2 === 1) return at(i + 1, ln.lastIndexOf(quote) + 1, quote === '"' ? 'yaml.unclosed-double-quote' : 'yaml.unclosed-single-quote');
      }
      return here(quote === '"' ? 'yaml.unclosed-double-quote' : 'yaml.unclosed-single-quote');
    }
    case 'DUPLICATE_KEY':
      return here('yaml.duplicate-field', { field: text.slice(e.pos[0], e.pos[1]) });
    case 'MULTIPLE_DOCS':
      return here('yaml.two-documents');
    case 'BAD_SCALAR_START': {
      const ch = /reserved character (\S)/.exec(m)?.[1] ?? text.charAt(e.pos[0]);
      return here('yaml.reserved-start', { char: ch });
    }
    default:
      break;
  }
  if (/Flow sequence/i.test(m)) return here('yaml.unclosed-bracket');
  if (/Flow map/i.test(m)) return here('yaml.unclosed-brace');
  if (/followed by map values/i.test(m)) return here('yaml.missing-colon');
  if (/comments must be separated/i.test(m)) return here('yaml.comment-needs-space');
  if (/Nested mappings are not allowed in compact mappings/i.test(m)) {
    // a field indented deeper than the one above it, or a text with `: ` in it
    const next = p.line; // 0-based index of the line after the one reported
    const above = shapeOf(lines[p.line - 1] ?? '');
    const below = shapeOf(lines[next] ?? '');
    if (above.field !== undefined && below.field !== undefined && below.field > above.field && below.dash === undefined) {
      return at(next + 1, 1, 'yaml.indent-mismatch', { got: below.field, want: above.field, other: p.line + lineOffset });
    }
    return here('yaml.colon-in-text');
  }
  if (/same column/i.test(m) || e.code === 'BAD_INDENT' || e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY') {
    const d = indentProblem(p.line - 1);
    if (d) return d;
    const line = lines[p.line - 1] ?? '';
    if (/^\s*-[^\s-]/.test(line)) return here('yaml.dash-needs-space');
    if (/^\s*-(\s|$)/.test(line) && e.code === 'MULTILINE_IMPLICIT_KEY') return here('yaml.item-among-fields');
    if (e.code === 'MULTILINE_IMPLICIT_KEY') return here('yaml.missing-colon');
    return here('yaml.bad-indent');
  }
  if (e.code === 'UNEXPECTED_TOKEN') return here('yaml.unexpected-text');
  return here('yaml.syntax', { detail: cleanYamlMessage(e) });
}

function cleanYamlMessage(e: YAMLError): string {
  // yaml's messages sometimes end with a position or code frame; keep the first sentence-like line.
  let m = e.message.split('\n')[0].trim();
  m = m.replace(/ at line \d+, column \d+:?$/, '');
  // the parser's token names, in words a teacher knows
  const tokens: Record<string, string> = {
    'block-seq-ind': 'list item `- `',
    'map-value-ind': '`:`',
    'flow-seq-start': '`[`',
    'flow-seq-end': '`]`',
    'flow-map-start': '`{`',
    'flow-map-end': '`}`',
    'flow-error-end': 'closing bracket',
    'doc-start': '`---`',
    'comma': '`,`',
  };
  m = m.replace(/\b(block-seq-ind|map-value-ind|flow-seq-start|flow-seq-end|flow-map-start|flow-map-end|flow-error-end|doc-start|comma)\b/g, (t) => tokens[t] ?? t);
  return `${m.charAt(0).toLowerCase()}${m.slice(1)}`;
}

/**
 * Parse a YAML file. Plain files (nearly all) are read by src/workspace/yaml-plain.ts;
 * `yaml` parses them only if a position is asked for (a problem to report), so every
 * message and position is `yaml`'s either way.
 */
export function parseYaml(file: string, text: string, lineOffset = 0): YamlFile {
  const plain = readPlainYaml(text);
  if (!plain) return parseYamlFully(file, text, lineOffset);
  let full: YamlFile | undefined;
  const fully = () => (full ??= parseYamlFully(file, text, lineOffset));
  return {
    path: file,
    lineOffset,
    value: plain.value,
    diagnostics: [],
    warnings: [],
    source: text,
    get doc() {
      return fully().doc;
    },
    get lineCounter() {
      return fully().lineCounter;
    },
    get strings() {
      return fully().strings;
    },
  };
}

/** Parse with `yaml`: the document with positions, its problems, its value. */
export function parseYamlFully(file: string, text: string, lineOffset = 0): YamlFile {
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  // uniqueKeys is checked below in linear time (yaml's own check compares every key with every other)
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, strict: true });
  const diagnostics: Diagnostic[] = [];
  const seenLines = new Set<number>();
  const lines = text.split('\n');
  for (const e of [...doc.errors, ...duplicateKeys(doc)].sort((a, b) => a.pos[0] - b.pos[0])) {
    const p = lineCounter.linePos(e.pos[0]);
    // one mistake often cascades into several parser errors on the same line: keep the first
    if (seenLines.has(p.line)) continue;
    seenLines.add(p.line);
    diagnostics.push(yamlDiagnostic(file, text, lines, e, lineCounter, lineOffset));
  }
  let value: unknown = undefined;
  const warnings: Diagnostic[] = [];
  const strings = new Map<string, [number, number]>();
  if (diagnostics.length === 0) {
    const at = (offset: number) => {
      const p = lineCounter.linePos(offset);
      return { line: p.line + lineOffset, col: p.col };
    };
    // Every string value: hostile and invisible characters handled (each with a
    // warning where it was typed), NFC again (escapes like "\u0301" can undo it).
    walkNodes(doc.contents, {
      scalar(node, isKey) {
        if (isKey || typeof node.value !== 'string' || !node.range) return;
        const written = node.value;
        const s = sanitizeText(written);
        for (const issue of s.issues) {
          const p = at(offsetInSource(text, node.range, written, issue.index));
          warnings.push(warningAt(file, p.line, p.col, ...issueMessage(issue)));
        }
        const clean = s.text.normalize('NFC');
        if (clean !== written) node.value = clean;
        if (!strings.has(clean)) strings.set(clean, [node.range[0], node.range[1]]);
      },
    });
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const msg = (e as Error).message;
      if (/alias/i.test(msg)) {
        diagnostics.push(errorAt(file, 1 + lineOffset, 1, 'yaml.aliases-expand', { max: MAX_ALIAS_COUNT }));
      } else {
        diagnostics.push(errorAt(file, 1 + lineOffset, 1, 'yaml.value', { detail: msg.split('\n')[0] }));
      }
    }
  }
  return { path: file, doc, lineCounter, lineOffset, value, diagnostics, warnings, source: text, strings };
}

/**
 * Where character `index` of a string value was typed: the same occurrence of
 * that character inside the scalar's source range, or the scalar's start when
 * it was written as an escape (`"\u202E"`).
 */
export function offsetInSource(source: string, range: readonly number[], value: string, index: number): number {
  const ch = String.fromCodePoint(value.codePointAt(index)!);
  let k = 0;
  for (let i = value.indexOf(ch); i >= 0 && i < index; i = value.indexOf(ch, i + ch.length)) k++;
  const slice = source.slice(range[0], range[1]);
  let at = -1;
  for (let n = 0; n <= k; n++) {
    at = slice.indexOf(ch, at + 1);
    if (at < 0) return range[0];
  }
  return range[0] + at;
}

/** FILE:LINE:COL of character `index` of a string value of this file, if the file holds that value. */
export function positionInString(f: YamlFile, value: string, index: number): Pos | undefined {
  const range = f.strings.get(value);
  if (!range) return undefined;
  const p = f.lineCounter.linePos(offsetInSource(f.source, range, value, index));
  return { line: p.line + f.lineOffset, col: p.col };
}

/**
 * Every map and every scalar under `node` in document order (a pair's key
 * before its value), as yaml's visit() reaches them, without its bookkeeping
 * (a frozen copy of the path for every collection and pair), which made up
 * about a fifth of parsing. Aliases are not followed.
 */
export function walkNodes(node: unknown, on: { map?(map: YAMLMap): void; scalar?(scalar: Scalar, isKey: boolean): void }, isKey = false): void {
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  const walk = (node: unknown, isKey: boolean): void => {
    if (isScalar(node)) on.scalar?.(node, isKey);
    else if (isMap(node) || isSeq(node)) {
      if (isMap(node)) on.map?.(node);
      for (const item of node.items) {
        if (isPair(item)) {
          walk(item.key, true);
          walk(item.value, false);
        } else walk(item, false);
      }
    }
  };
  walk(node, isKey);
}

/** "Map keys must be unique", as yaml says it, for every repeated scalar key (one Set per map). */
function duplicateKeys(doc: Document.Parsed): YAMLError[] {
  if (doc.errors.length) return [];
  const { isScalar, YAMLParseError } = yamlLib();
  const out: YAMLError[] = [];
  walkNodes(doc.contents, {
    map(map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const k = pair.key.value;
        if (seen.has(k) && pair.key.range) out.push(new YAMLParseError([pair.key.range[0], pair.key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(k);
      }
    },
  });
  return out;
}

function posOfOffset(f: YamlFile, offset: number): Pos {
  const p = f.lineCounter.linePos(offset);
  return { line: p.line + f.lineOffset, col: p.col };
}

function nodeStart(n: unknown): number | undefined {
  const r = (n as { range?: [number, number, number] } | null)?.range;
  return r ? r[0] : undefined;
}

/**
 * Position of the node at `path`: the value (default) or, with `key`, the key of the last segment.
 * When the path does not exist, the deepest existing node is used (e.g. the map a field is missing from).
 */
export function positionOf(f: YamlFile, path: Path, target: 'value' | 'key' = 'value'): Pos {
  const { isAlias, isMap, isPair, isSeq } = yamlLib();
  let node: unknown = f.doc.contents;
  let best = nodeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(f.doc);
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyString(p.key) === String(seg));
      if (!pair) break;
      if (last && target === 'key') {
        const k = nodeStart(pair.key);
        return posOfOffset(f, k ?? best);
      }
      node = pair.value;
      const s = nodeStart(node);
      if (s === undefined) {
        // `field:` with no value: point at the key
        best = nodeStart(pair.key) ?? best;
        break;
      }
      best = s;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      const s = nodeStart(item);
      if (s === undefined) break;
      node = item;
      best = s;
    } else break;
  }
  return posOfOffset(f, best);
}

function keyString(k: unknown): string | undefined {
  if (yamlLib().isScalar(k)) return String(k.value);
  return undefined;
}

/** An error at the node of `path` in this file: message `code` of the catalogue (src/i18n) with its parameters. */
export function diagAt(f: YamlFile, path: Path, code: string, params?: Params, hint?: MessageRef | string, target: 'value' | 'key' = 'value'): Diagnostic {
  const p = positionOf(f, path, target);
  return errorAt(f.path, p.line, p.col, code, params, hint);
}

/** The YAML node at `path`, if any (aliases resolved). */
export function nodeAt(f: YamlFile, path: Path): Node | undefined {
  const { isAlias, isMap, isPair, isSeq } = yamlLib();
  let node: unknown = f.doc.contents;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(f.doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyString(p.key) === String(seg));
      if (!pair) return undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}
