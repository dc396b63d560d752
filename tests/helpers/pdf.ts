// Reads our PDFs back the way a viewer would: pdf.js (pdfjs-dist) text, outline and metadata.
//
// pdf.js runs in a worker thread of its own (pdfjs-thread.mjs), never in the
// test process. Its Node build installs core-js polyfills when it loads: it
// replaces Array.prototype.push with a JavaScript function (4.7 s of one
// profiled suite run, about half of it in files that ran after a PDF had been
// read in the same process) and adds what Node 20 lacks
// (Promise.withResolvers, the new Set methods, Iterator helpers). hiwar's
// code under test would have run on those, and a use of one of them would
// have passed here and failed on Node 20. In its own thread pdf.js keeps its
// polyfills to itself; reader.test.ts checks the test process stays as Node made it.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export interface PageText {
  /** items in content-stream order, with their baseline y measured from the top of the page */
  items: { str: string; x: number; y: number; fontSize: number; width: number }[];
  height: number;
}

/** A text item as pdf.js's getTextContent gives it, or (with markedContent) a marked-content item. */
export interface RawTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  hasEOL?: boolean;
  type?: string;
  id?: string;
  tag?: string;
}

export interface OutlineNode {
  title: string;
  /** 1-based page the entry opens */
  page: number;
  children: OutlineNode[];
}

/** What to read besides the pages' text (on by default; `text: false` skips it). */
export interface PdfWant {
  text?: boolean;
  /** the text with its marked-content items (pdf.js then also splits text at each of them) */
  markedContent?: boolean;
  structTree?: boolean;
  annotations?: boolean;
  outline?: boolean;
  /** document info, XMP metadata, mark info and viewer preferences */
  metadata?: boolean;
}

export interface PdfRead {
  numPages: number;
  pages: { view: number[]; items?: RawTextItem[]; structTree?: unknown; annotations?: Record<string, unknown>[] }[];
  outline?: OutlineNode[];
  info?: Record<string, unknown>;
  metadata?: Record<string, string> | null;
  markInfo?: Record<string, boolean> | null;
  viewerPreferences?: Record<string, unknown> | null;
}

let thread: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (r: PdfRead) => void; reject: (e: Error) => void }>();

function pdfjsThread(): Worker {
  if (thread) return thread;
  const t = new Worker(new URL('./pdfjs-thread.mjs', import.meta.url));
  t.on('message', ({ id, result, error }: { id: number; result?: PdfRead; error?: string }) => {
    const call = pending.get(id);
    pending.delete(id);
    if (!pending.size) t.unref(); // idle: the test process may end
    if (error !== undefined) call?.reject(new Error(`pdf.js: ${error}`));
    else call?.resolve(result!);
  });
  t.on('error', (e) => {
    for (const call of pending.values()) call.reject(e);
    pending.clear();
    thread = undefined;
  });
  t.unref();
  return (thread = t);
}

// The same PDF is often read again by the next test of a file (18 of the
// suite's 83 reads): a read is a function of the bytes and of `want`, so the
// last few are kept, and each caller gets its own copy to change.
const kept = new Map<string, Promise<PdfRead>>();
const KEEP = 24;

/** Read a PDF with pdf.js: the pages' text, and whatever else `want` asks for. */
export async function readPdf(bytes: Uint8Array, want: PdfWant = {}): Promise<PdfRead> {
  const key = `${createHash('sha256').update(bytes).digest('hex')} ${JSON.stringify(want)}`;
  let read = kept.get(key);
  if (!read) {
    read = readInThread(bytes, want);
    read.catch(() => kept.delete(key));
    kept.set(key, read);
    if (kept.size > KEEP) kept.delete(kept.keys().next().value!);
  }
  return structuredClone(await read);
}

function readInThread(bytes: Uint8Array, want: PdfWant): Promise<PdfRead> {
  const t = pdfjsThread();
  const id = nextId++;
  return new Promise<PdfRead>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    t.ref();
    const copy = new Uint8Array(bytes); // moved to the thread, not cloned
    t.postMessage({ id, bytes: copy, want }, [copy.buffer]);
  });
}

export async function readPages(bytes: Uint8Array): Promise<PageText[]> {
  const doc = await readPdf(bytes);
  return doc.pages.map(({ view, items }) => {
    const height = view[3];
    return {
      height,
      items: items!
        .filter((it): it is RawTextItem & { str: string; transform: number[]; width: number } => typeof it.str === 'string')
        .map((it) => ({ str: it.str, x: it.transform[4], y: height - it.transform[5], fontSize: Math.hypot(it.transform[2], it.transform[3]), width: it.width })),
    };
  });
}

/** The PDF's outline (bookmarks) with the page each entry points at. */
export async function outlineOf(bytes: Uint8Array): Promise<OutlineNode[]> {
  return (await readPdf(bytes, { text: false, outline: true })).outline!;
}

/**
 * Text of a region in reading order, as a reader's layout analysis gives it:
 * items grouped into lines by baseline, lines top to bottom, and the items of a
 * line right to left (our pages are right-to-left; pdf.js has already put the
 * characters inside each item in logical order).
 */
export function readingOrder(items: PageText['items']): string {
  const lines: { y: number; items: PageText['items'] }[] = [];
  for (const it of items) {
    if (!it.str) continue;
    const line = lines.find((l) => Math.abs(l.y - it.y) < 3);
    if (line) line.items.push(it);
    else lines.push({ y: it.y, items: [it] });
  }
  lines.sort((a, b) => a.y - b.y);
  return lines.map((l) => l.items.sort((a, b) => b.x - a.x).map((i) => i.str).join('')).join('\n');
}

/** Body text of a page: everything between the running header and footer. */
export function bodyText(page: PageText, top = 45, bottom = 45): string {
  return readingOrder(page.items.filter((i) => i.y > top && i.y < page.height - bottom));
}

export function headerText(page: PageText, top = 45): string {
  return readingOrder(page.items.filter((i) => i.y <= top));
}

export function footerText(page: PageText, bottom = 45): string {
  return readingOrder(page.items.filter((i) => i.y >= page.height - bottom));
}

/** Compare text as a reader sees it: presentation forms folded (NFKC), whitespace ignored. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}
