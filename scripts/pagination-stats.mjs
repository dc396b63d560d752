// Pagination figures for the sample packs, student and teacher editions:
// paragraphs ending in one word, pages more than 70% empty, lessons starting
// on an even (left-hand) page, blank pages.
//   node scripts/pagination-stats.mjs [--lines] [--pdf DIR]
//   (--lines: print the one-word last lines and the near-empty pages; --pdf: write the PDFs there)
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'node:module';
register('../src/build/dev-loader.mjs', import.meta.url);

const { paginationStatsOf } = await import('../tests/layout/sample-stats.ts');
const showLines = process.argv.includes('--lines');
const rows = await paginationStatsOf();
const pdfDir = process.argv.includes('--pdf') ? process.argv[process.argv.indexOf('--pdf') + 1] : undefined;
if (pdfDir) {
  fs.mkdirSync(pdfDir, { recursive: true });
  for (const r of rows) fs.writeFileSync(path.join(pdfDir, `${r.name}.pdf`), r.bytes);
}
let total = { oneWordLastLines: 0, emptyPages: 0, emptyPagesInside: 0, lessonsOnEvenPages: 0, blankPages: 0, pages: 0 };
for (const r of rows) {
  const s = r.stats;
  console.log(`${r.name.padEnd(40)} pages ${String(s.pages).padStart(3)}  one-word last lines ${String(s.oneWordLastLines).padStart(3)}  >70% empty ${String(s.emptyPages).padStart(2)} (inside a lesson ${s.emptyPagesInside})  lessons on even pages ${s.lessonsOnEvenPages}  blank ${s.blankPages}`);
  if (showLines) console.log(`    near-empty pages: ${s.emptyPageNumbers.join(' ')}`);
  if (showLines) for (const l of s.oneWordLines) console.log(`    «${l}»`);
  for (const k of Object.keys(total)) total[k] += s[k];
}
console.log(`${'total'.padEnd(40)} pages ${String(total.pages).padStart(3)}  one-word last lines ${String(total.oneWordLastLines).padStart(3)}  >70% empty ${String(total.emptyPages).padStart(2)} (inside a lesson ${total.emptyPagesInside})  lessons on even pages ${total.lessonsOnEvenPages}  blank ${total.blankPages}`);
