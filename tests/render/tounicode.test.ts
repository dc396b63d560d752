// One glyph, two texts: a bracket mirrored in right-to-left text is drawn with
// the other bracket's glyph. The PDF must still copy each as what was typed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFile } from '../../src/cli/build.js';
import { bodyText, readPages } from '../helpers/pdf.js';

const ROOT = path.resolve(__dirname, '../..');

async function build(font: 'amiri' | 'noto-naskh'): Promise<{ text: string; raw: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-tounicode-'));
  fs.writeFileSync(
    path.join(dir, 'l.yaml'),
    `id: brackets
title: "أقواس"
article: ${JSON.stringify(path.join(ROOT, 'lessons/articles/virtual-caliphate.md'))}
objectives: ["يقرأ"]
passages: [{ref: p1}]
options: {font: ${font}}
questions:
  - text: "قال (المرصد) كلامًا [نص (مقتبس)] ثم (X)"
`,
  );
  const built = await buildFile('l.yaml', { out: 'out', edition: 'student', allowOutside: true }, dir); // the article is the repo's own
  expect(built.diagnostics).toEqual([]);
  const bytes = fs.readFileSync(path.join(dir, 'out/brackets-student.pdf'));
  const pages = await readPages(bytes);
  return { text: pages.map((p) => bodyText(p)).join('\n'), raw: bytes.toString('latin1') };
}

describe('brackets copy as typed', () => {
  it.each(['amiri', 'noto-naskh'] as const)('%s: mirrored brackets in Arabic come back unmirrored', async (font) => {
    const { text } = await build(font);
    const line = text.split('\n').find((l) => l.includes('المرصد'))!;
    expect(line).toContain('(المرصد)');
    if (font === 'amiri') expect(line).toContain('[نص (مقتبس)]');
  });

  it('noto-naskh draws one bracket glyph for two texts: one font carries both, as two codes for the same glyph', async () => {
    const { raw } = await build('noto-naskh');
    // one font per face (pdf.js starts a new piece of text at every font change, and pieces inside a line come back out of order)
    const regular = new Set(raw.match(/\/BaseFont \/[A-Z]{6}\+NotoNaskhArabic-Regular/g));
    expect(regular.size).toBe(1);
    expect(raw).toMatch(/\/CIDToGIDMap \d+ 0 R/);
  });
});
