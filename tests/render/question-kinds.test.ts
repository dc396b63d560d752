// Each question kind, built into a real PDF and read back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFile } from '../../src/cli/build.js';
import { bodyText, normalizeText, readPages } from '../helpers/pdf.js';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
let student: string;
let teacher: string;

const LESSON = `
id: kinds
title: "أنواع الأسئلة"
article: ${JSON.stringify(path.join(ROOT, 'lessons/articles/virtual-caliphate.md'))}
objectives: ["يجيب عن كل نوع من الأسئلة"]
passages:
  - ref: p12
questions:
  - text: "لماذا يرى وينتر أن الرقابة لن تجدي نفعا؟"
    kind: open
    level: analyze
    refs: [p12]
    lines: 3
    guidance: "نقاط: الأعضاء يختبئون في أعماق الشبكة."
  - text: "متى كان «العصر الذهبي» لدعاية التنظيم بحسب الفقرة؟"
    kind: choice
    level: remember
    options: ["عامي 2014 و2015", "عام 2017", "عام 2011"]
    guidance: "الإجابة: عامي 2014 و2015."
  - text: "حذف الحسابات وحده يكفي لوقف الدعاية."
    kind: scale
    level: evaluate
  - text: "رتّب من الأهم إلى الأقل أهمية:"
    kind: rank
    level: evaluate
    options: ["السلامة", "حرية التعبير", "الخصوصية (Privacy)"]
`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-kinds-'));
  fs.writeFileSync(path.join(dir, 'kinds.yaml'), LESSON);
  const built = await buildFile('kinds.yaml', { out: 'out', allowOutside: true }, dir); // the article is the repo's own
  expect(built.diagnostics).toEqual([]);
  student = normalizeText((await readPages(fs.readFileSync(path.join(dir, 'out/kinds-student.pdf')))).map((p) => bodyText(p)).join('\n'));
  teacher = normalizeText((await readPages(fs.readFileSync(path.join(dir, 'out/kinds-teacher.pdf')))).map((p) => bodyText(p)).join('\n'));
});

describe('question kinds in the PDF', () => {
  it('numbers questions ١) ٢) … with their Bloom level and refs', () => {
    expect(student).toContain(normalizeText('١) لماذا يرى وينتر أن الرقابة لن تجدي نفعا؟ (تحليل — ف١٢)'));
    expect(student).toContain(normalizeText('٢) متى كان «العصر الذهبي»'));
    expect(student.match(/.{20}[٠-٩]\./u)).toBeNull(); // never "١." — the full stop reads as a zero
  });

  it('letters choice options أ) ب) ج) and keeps numbers inside them', () => {
    expect(student).toContain(normalizeText('أ) عامي 2014 و2015'));
    expect(student).toContain(normalizeText('ب) عام 2017'));
    expect(student).toContain(normalizeText('ج) عام 2011'));
  });

  it('prints the default five-point agreement row for a scale', () => {
    for (const label of ['لا أوافق بشدة', 'لا أوافق', 'محايد', 'أوافق', 'أوافق بشدة']) expect(student).toContain(normalizeText(label));
  });

  it('prints the items of a rank question', () => {
    for (const item of ['السلامة', 'حرية التعبير', 'الخصوصية (Privacy)']) expect(student).toContain(normalizeText(item));
  });

  it('prints guidance only in the teacher edition', () => {
    expect(teacher).toContain(normalizeText('نقاط: الأعضاء يختبئون في أعماق الشبكة.'));
    expect(teacher).toContain(normalizeText('الإجابة: عامي 2014 و2015.'));
    expect(student).not.toContain(normalizeText('الأعضاء يختبئون في أعماق الشبكة.'));
  });
});
