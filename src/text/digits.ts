// Numbers as a teacher chose to print them: Arabic-Indic (٠١٢) or Western (012).
/** arabic: ٠١٢ (Arabic-Indic); western: 012 */
export type Digits = 'arabic' | 'western';

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

export function formatNumber(n: number | string, digits: Digits): string {
  const s = String(n);
  return digits === 'arabic' ? s.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]) : s;
}

/** Letters for choice options, in the Arabic abjad-style order teachers use: أ ب ج د … */
export const OPTION_LETTERS = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي'];
