// Reads our PDFs back the way a viewer would: pdf.js (pdfjs-dist) text, outline and metadata.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PageText {
  /** items in content-stream order, with their baseline y measured from the top of the page */
  items: { str: string; x: number; y: number; fontSize: number; width: number }[];
  height: number;
}

export async function openPdf(bytes: Uint8Array) {
  return getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0, isEvalSupported: false }).promise;
}

export async function readPages(bytes: Uint8Array): Promise<PageText[]> {
  const doc = await openPdf(bytes);
  const pages: PageText[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , , height] = page.view;
    const tc = await page.getTextContent();
    const items = tc.items
      .filter((it): it is Extract<typeof it, { str: string }> => 'str' in it)
      .map((it) => ({ str: it.str, x: it.transform[4], y: height - it.transform[5], fontSize: Math.hypot(it.transform[2], it.transform[3]), width: it.width }));
    pages.push({ items, height });
  }
  await doc.destroy();
  return pages;
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
