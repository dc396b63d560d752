// Numbers as a teacher chose to print them: Arabic-Indic (٠١٢) or Western (012).
/** arabic: ٠١٢ (Arabic-Indic); western: 012 */
export type Digits = 'arabic' | 'western';

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

export function formatNumber(n: number | string, digits: Digits): string {
  const s = String(n);
  return digits === 'arabic' ? s.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]) : s;
}

/**
 * A teacher's own meta text («المرحلة الثانوية (16–18 سنة)») with every digit,
 * Western or Arabic-Indic, in the document's digits, so the title block never
 * mixes «16–18» with «٤٥». Only for hiwar's own fields: passages quote the
 * article's digits as written.
 */
export function withDigits(text: string, digits: Digits): string {
  return digits === 'arabic'
    ? text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)])
    : text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** Letters for choice options, in the Arabic abjad-style order teachers use: أ ب ج د … */
export const OPTION_LETTERS = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي'];
