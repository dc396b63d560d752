// Text as three PDF engines give it back to a reader who copies, searches or
// has it read aloud: pdf.js (Firefox), PDFium (Chrome, Edge) and MuPDF.
// Each returns one string per page, lines separated by newlines.
import { PDFiumLibrary } from '@hyzyla/pdfium';
import * as mupdf from 'mupdf';
import { openPdf } from '../helpers/pdf.js';

export type Extractor = 'pdf.js' | 'PDFium' | 'MuPDF';
export const EXTRACTORS: Extractor[] = ['pdf.js', 'PDFium', 'MuPDF'];

/** pdf.js getTextContent: items in content order, a newline where pdf.js ends a line. */
async function pdfjsPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await openPdf(bytes);
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const tc = await (await doc.getPage(i)).getTextContent();
    let s = '';
    for (const it of tc.items) if ('str' in it) s += it.str + (it.hasEOL ? '\n' : '');
    pages.push(s);
  }
  await doc.destroy();
  return pages;
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
