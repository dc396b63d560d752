// Where a build's time goes, phase by phase, in this process (a developer aid):
//   node bench/phases.mjs FILE.yaml [student|teacher|both] [repeat]
import { performance } from 'node:perf_hooks';
const f = (x) => x.toFixed(0).padStart(6) + ' ms';
let t = performance.now();
const lap = (label) => {
  const now = performance.now();
  console.log(`${label.padEnd(28)} ${f(now - t)}`);
  t = now;
};
const { resolveFile } = await import('../dist/workspace/index.js');
lap('import workspace');
const { courseDocument, lessonDocument } = await import('../dist/render/render.js');
const { renderPdf } = await import('../dist/formats/pdf/render.js');
const { loadTemplates } = await import('../dist/render/templates.js');
const { loadFamily } = await import('../dist/text/index.js');
lap('import render/text/pdf');
const family = loadFamily('amiri');
lap('fonts');
const [file, which = 'both', repeat = '1'] = process.argv.slice(2);
const editions = which === 'both' ? ['student', 'teacher'] : [which];
for (let i = 0; i < Number(repeat); i++) {
  const r = await resolveFile(file, {});
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics[0]));
  lap(`resolve #${i + 1}`);
  const templates = loadTemplates();
  for (const edition of editions) {
    const doc = r.kind === 'course' ? courseDocument(r.course, edition, templates) : lessonDocument(r.lesson, edition, templates);
    const out = await renderPdf(doc, { family });
    lap(`render ${edition} #${i + 1} (${out.pages} p)`);
  }
}
console.log(`peak rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
