// Helpers for build tests: an IO that records, PDF outlines with page numbers, digits.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
export { outlineOf, type OutlineNode } from '../helpers/pdf.js';
export { recordingIO, workspace, listing, FIXTURES, type RecordingIO } from '../workspace/helpers.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const LESSONS = path.join(REPO, 'lessons');

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** Parse a number written in Arabic-Indic or Western digits. */
export function parseDigits(s: string): number {
  return Number(s.replace(/[٠-٩]/g, (d) => String(ARABIC_INDIC.indexOf(d))));
}

export function arabicDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => ARABIC_INDIC[Number(d)]);
}
