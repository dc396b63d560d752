// Text as three PDF engines give it back to a reader who copies, searches or
// has it read aloud: pdf.js (Firefox), PDFium (Chrome, Edge) and MuPDF.
// Each returns one string per page, lines separated by newlines.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFiumLibrary } from '@hyzyla/pdfium';
import * as mupdf from 'mupdf';
import { readPdf } from '../helpers/pdf.js';

export type Extractor = 'pdf.js' | 'PDFium' | 'MuPDF';
export const EXTRACTORS: Extractor[] = ['pdf.js', 'PDFium', 'MuPDF'];

/** pdf.js getTextContent: items in content order, a newline where pdf.js ends a line. */
async function pdfjsPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await readPdf(bytes);
  return doc.pages.map(({ items }) => items!.map((it) => (typeof it.str === 'string' ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
}

let pdfium: Promise<PDFiumLibrary> | undefined;
async function pdfiumPages(bytes: Uint8Array): Promise<string[]> {
  const lib = await (pdfium ??= PDFiumLibrary.init());
  const doc = await lib.loadDocument(new Uint8Array(bytes));
  const pages: string[] = [];
  for (const page of doc.pages()) pages.push(page.getText());
  doc.destroy();
  return pages;
}

function mupdfPages(bytes: Uint8Array): string[] {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  const pages: string[] = [];
  for (let i = 0; i < doc.countPages(); i++) {
    const page = doc.loadPage(i);
    pages.push(page.toStructuredText('preserve-whitespace').asText());
    page.destroy();
  }
  doc.destroy();
  return pages;
}

export async function extract(bytes: Uint8Array, engine: Extractor): Promise<string[]> {
  switch (engine) {
    case 'pdf.js':
      return pdfjsPages(bytes);
    case 'PDFium':
      return pdfiumPages(bytes);
    case 'MuPDF':
      return mupdfPages(bytes);
  }
}

/**
 * poppler's `pdftotext` (Evince, Okular, many command-line tools), when it is
 * installed (CI has npm only): pages split at its form feeds.
 */
export const POPPLER = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Run a poppler tool on the PDF bytes (written to a temporary file); its standard output. */
export function poppler(tool: 'pdftotext' | 'pdfinfo', bytes: Uint8Array, args: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-poppler-'));
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, bytes);
    return execFileSync(tool, tool === 'pdftotext' ? [...args, file, '-'] : [...args, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function popplerPages(bytes: Uint8Array): string[] {
  return poppler('pdftotext', bytes, ['-enc', 'UTF-8']).split('\f');
}
