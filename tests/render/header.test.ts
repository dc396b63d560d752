// A running header never runs a long title into the edition label.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildFile } from '../../src/cli/build.js';
import { headerText, normalizeText, readPages } from '../helpers/pdf.js';

const ROOT = path.resolve(__dirname, '../..');

it('a title too long for the header gives up its last words, marked with an ellipsis', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-header-'));
  const title = 'عنوان طويل جدا لدرس عن الخلافة الافتراضية وما بقي منها بعد الهزيمة الميدانية في العراق وسوريا وكيف واجهتها المنصات الكبرى وشركات الإنترنت والحكومات';
  fs.writeFileSync(
    path.join(dir, 'l.yaml'),
    `id: long\ntitle: "${title}"\narticle: ${JSON.stringify(path.join(ROOT, 'lessons/articles/virtual-caliphate.md'))}\nobjectives: ["يقرأ"]\npassages: [{ref: p1}]\nquestions: [{text: "س"}]\n`,
  );
  const built = await buildFile('l.yaml', { out: 'out', edition: 'student', allowOutside: true }, dir); // the article is the repo's own
  expect(built.diagnostics).toEqual([]);
  const [page] = await readPages(fs.readFileSync(path.join(dir, 'out/long-student.pdf')));
  const header = normalizeText(headerText(page));
  expect(header).toContain('...'); // the ellipsis, as NFKC spells it
  expect(header).toContain(normalizeText('نسخة الطالب'));
  expect(header).toContain(normalizeText('عنوان طويل جدا لدرس'));
  expect(header).not.toContain(normalizeText('والحكومات'));
  // the title (right) and the edition (left) do not meet
  const items = page.items.filter((i) => i.y <= 45 && i.str.trim());
  const edition = items.find((i) => i.str.includes('الطالب'))!;
  const titleLeft = Math.min(...items.filter((i) => i !== edition && i.x > edition.x).map((i) => i.x));
  expect(titleLeft).toBeGreaterThan(edition.x + 40);
});
