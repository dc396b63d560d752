// How a handout names its source: the publication, the date in Arabic form,
// the author, and the URL (§6). One place, used by the title block, the
// passage citations and the course pack's sources page.
import type { ArticleInfo, Digits } from '../workspace/model.js';
import { isoDate } from '../workspace/errata.js';
import { formatNumber } from '../text/digits.js';
import { LABELS, MONTHS } from './labels.js';

/** "2017-10-01" -> «١ أكتوبر ٢٠١٧» (digits as the lesson asks); "2017-10" -> «أكتوبر ٢٠١٧»; other text as written. */
export function arabicDate(date: string, digits: Digits): string {
  const d = isoDate(date);
  if (!d || !d.valid) return date;
  const parts: string[] = [];
  if (d.day !== undefined) parts.push(formatNumber(d.day, digits));
  if (d.month !== undefined) parts.push(MONTHS[d.month - 1]);
  parts.push(formatNumber(d.year, digits));
  return parts.join(' ');
}

/** «صحيفة س، ١ أكتوبر ٢٠١٧، بقلم فلان»: what is known of the source, or undefined. */
export function sourceFacts(article: ArticleInfo, digits: Digits): string | undefined {
  const facts = [article.source, article.date ? arabicDate(article.date, digits) : undefined, article.author ? `${LABELS.by} ${article.author}` : undefined].filter(Boolean);
  return facts.length ? facts.join('، ') : undefined;
}

/** The title block's source line: «المقال: «العنوان»، صحيفة س، ١ أكتوبر ٢٠١٧، بقلم فلان». */
export function sourceLine(article: ArticleInfo, digits: Digits): string {
  const facts = sourceFacts(article, digits);
  return `${LABELS.article}: «${article.title}»${facts ? `، ${facts}` : ''}`;
}
