// Helpers for build tests: an IO that records, PDF outlines with page numbers, digits.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPdf } from '../helpers/pdf.js';
export { recordingIO, workspace, listing, FIXTURES, type RecordingIO } from '../workspace/helpers.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const LESSONS = path.join(REPO, 'lessons');

export interface OutlineNode {
  title: string;
  /** 1-based page the entry opens */
  page: number;
  children: OutlineNode[];
}

/** The PDF's outline (bookmarks) with the page each entry points at. */
export async function outlineOf(bytes: Uint8Array): Promise<OutlineNode[]> {
  const doc = await openPdf(bytes);
  const walk = async (items: Awaited<ReturnType<typeof doc.getOutline>>): Promise<OutlineNode[]> => {
    const out: OutlineNode[] = [];
    for (const it of items ?? []) {
      const dest = typeof it.dest === 'string' ? await doc.getDestination(it.dest) : it.dest;
      const page = dest ? (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1 : 0;
      out.push({ title: it.title, page, children: await walk(it.items) });
    }
    return out;
  };
  const tree = await walk(await doc.getOutline());
  await doc.destroy();
  return tree;
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** Parse a number written in Arabic-Indic or Western digits. */
export function parseDigits(s: string): number {
  return Number(s.replace(/[٠-٩]/g, (d) => String(ARABIC_INDIC.indexOf(d))));
}

export function arabicDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => ARABIC_INDIC[Number(d)]);
}
