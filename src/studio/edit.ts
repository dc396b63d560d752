// Editing a teacher's YAML file the way a careful person would: through the
// yaml package's Document API, so comments, key order and the style of what
// was not touched stay as they were. The page sends small operations (set a
// field, delete one, move a list item); the server replays them on the file
// as it was loaded. No operation, no change: the text is returned untouched.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Composer, CST, Document, isMap, Scalar, isScalar, isSeq, LineCounter, Parser, parseDocument, type Node } from 'yaml';
import type { MessageCode } from '../i18n/catalogue.js';

export type PathKey = string | number;
export type YamlPath = PathKey[];

export type EditOp =
  | { op: 'set'; path: YamlPath; value: unknown }
  | { op: 'delete'; path: YamlPath }
  | { op: 'move'; path: YamlPath; from: number; to: number };

/** A problem with the operations themselves (not with the lesson they make). */
export class EditError extends Error {
  constructor(readonly code: MessageCode) {
    super(code);
    this.name = 'EditError';
  }
}

/** A file's version as the page saw it: modification time and content hash. */
export function versionOf(bytes: Uint8Array, mtimeMs: number): string {
  return `${Math.floor(mtimeMs)}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
}

export function readVersioned(abs: string): { text: string; version: string } {
  const bytes = fs.readFileSync(abs);
  const st = fs.statSync(abs);
  return { text: bytes.toString('utf8'), version: versionOf(bytes, st.mtimeMs) };
}

const isScalarValue = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function checkOps(ops: unknown): EditOp[] {
  if (!Array.isArray(ops)) throw new EditError('studio.bad-request');
  for (const o of ops) {
    const ok =
      o && typeof o === 'object' && Array.isArray(o.path) && o.path.length > 0 && o.path.every((k: unknown) => typeof k === 'string' || (Number.isInteger(k) && (k as number) >= 0)) &&
      (o.op === 'set' || o.op === 'delete' || (o.op === 'move' && Number.isInteger(o.from) && Number.isInteger(o.to)));
    if (!ok) throw new EditError('studio.bad-request');
  }
  return ops as EditOp[];
}

/** A plain string that reads back as the same string (no quotes needed). */
const PLAIN_SAFE = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} _.،؛()«»\-–]*$/u;
function needsQuotes(s: string): boolean {
  if (!PLAIN_SAFE.test(s) || /\s$/.test(s)) return true;
  // would be read as a number, a boolean or null
  return /^(?:[-+]?[\d.]+(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|true|false|yes|no|on|off|null|~|\.inf|\.nan)$/i.test(s);
}

/**
 * Fast path, exact to the byte elsewhere: every operation sets a field that
 * already holds a single value to another single value. The value is written
 * into the concrete syntax tree in place; nothing else of the file moves.
 */
function setScalarsInPlace(text: string, ops: EditOp[]): string | undefined {
  if (!ops.every((o) => o.op === 'set' && isScalarValue(o.value))) return undefined;
  const tokens = [...new Parser().parse(text)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  if (docs.length !== 1 || docs[0].errors.length) return undefined;
  const doc = docs[0];
  const sets = ops as Extract<EditOp, { op: 'set' }>[];
  const blocks: { token: CST.FlowScalar | CST.BlockScalar; path: YamlPath; value: string }[] = [];
  for (const o of sets) {
    const node = doc.getIn(o.path, true);
    if (!isScalar(node) || !node.srcToken || !CST.isScalar(node.srcToken) || typeof node.value === 'object') return undefined;
    const v = o.value as string | number | boolean;
    if (node.value === v) continue; // the same value: nothing to write
    const was = node.srcToken.type;
    const type =
      typeof v !== 'string'
        ? 'PLAIN'
        : was === 'block-scalar'
          ? node.type === Scalar.BLOCK_LITERAL
            ? 'BLOCK_LITERAL'
            : 'BLOCK_FOLDED'
          : was === 'scalar' && !needsQuotes(v)
            ? 'PLAIN'
            : 'QUOTE_DOUBLE';
    CST.setScalarValue(node.srcToken, String(v), { type });
    if (type.startsWith('BLOCK')) blocks.push({ token: node.srcToken, path: o.path, value: v as string });
  }
  const stringify = () => tokens.map((t) => CST.stringify(t)).join('');
  let out = stringify();
  let check = parseDocument(out);
  // a block scalar rewritten in its own style must read back as the same text (chomping,
  // indentation); one that does not is written on one line in double quotes (a JSON string is one)
  const wrong = blocks.filter((b) => check.getIn(b.path) !== b.value);
  if (wrong.length) {
    for (const b of wrong) {
      CST.setScalarValue(b.token, '', { type: 'QUOTE_DOUBLE' });
      b.token.source = JSON.stringify(b.value);
    }
    out = stringify();
    check = parseDocument(out);
  }
  // what the fast path wrote must read back as asked; otherwise take the general path
  if (check.errors.length) return undefined;
  for (const o of sets) if (check.getIn(o.path) !== o.value) return undefined;
  return out;
}

/** Apply one operation to a Document through its own API. */
function applyToDocument(doc: Document, o: EditOp): void {
  if (o.op === 'set') {
    const existing = doc.getIn(o.path, true);
    // a single value replaces a single value in its node (keeping its quotes and comment)
    if (isScalar(existing) && isScalarValue(o.value)) existing.value = o.value;
    else doc.setIn(o.path, isScalarValue(o.value) || o.value === null ? o.value : doc.createNode(o.value));
  } else if (o.op === 'delete') {
    if (doc.hasIn(o.path)) doc.deleteIn(o.path);
  } else {
    const seq = doc.getIn(o.path, true);
    if (!isSeq(seq)) throw new EditError('studio.bad-request');
    const { from, to } = o;
    if (from >= seq.items.length || to >= seq.items.length) throw new EditError('studio.bad-request');
    const [item] = seq.items.splice(from, 1);
    seq.items.splice(to, 0, item);
  }
}

/** Text written with `[ a, b ]` rather than `[a, b]`: keep that habit in what is written anew. */
const paddedFlow = (text: string) => /[[{] \S/.test(text);

/**
 * The file's text after the operations. Comments, key order and the quoting
 * of untouched values are kept; long lines are never folded.
 */
export function applyOps(text: string, opsIn: unknown): string {
  const ops = checkOps(opsIn);
  if (ops.length === 0) return text;
  const inPlace = setScalarsInPlace(text, ops);
  if (inPlace !== undefined) return inPlace;
  const doc = parseDocument(text);
  if (doc.errors.length) throw new EditError('studio.yaml-broken');
  for (const o of ops) applyToDocument(doc, o);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: paddedFlow(text) });
}

/** A new file's text from a plain value (a new lesson, overlay or course: there is nothing to keep). */
export function newYamlText(value: Record<string, unknown>, comment?: string): string {
  const doc = new Document(value);
  if (comment) doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * The path of the field at LINE:COL of a YAML text (1-based), as deep as the
 * position allows: `['questions', 2, 'level']`. Empty for the whole file.
 */
export function pathAt(text: string, line: number, col: number, lineOffset = 0): YamlPath {
  if (line <= 0) return [];
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const start = lc.lineStarts[line - 1 - lineOffset];
  if (start === undefined) return [];
  const offset = start + Math.max(0, col - 1);
  const within = (n: Node | null | undefined) => !!n?.range && n.range[0] <= offset && offset <= n.range[2];
  const path: YamlPath = [];
  let node = doc.contents as Node | null;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => within(p.key as Node) || within(p.value as Node));
      if (!pair || !isScalar(pair.key)) return path;
      path.push(pair.key.value as string);
      if (!within(pair.value as Node)) return path;
      node = pair.value as Node;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => within(it as Node));
      if (i < 0) return path;
      path.push(i);
      node = node.items[i] as Node;
    } else return path;
  }
}
