// The JSON Schemas an editor uses must accept every sample file hiwar accepts,
// and flag the mistakes hiwar flags, or teachers get red squiggles on good files.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const ajv = new Ajv({ allErrors: true, strict: false });
const schema = (name: string) => ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', `${name}.schema.json`), 'utf8')));
const lesson = schema('lesson');
const bank = schema('bank');
const course = schema('course');
const read = (rel: string) => parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));

describe('JSON Schemas against the sample workspace', () => {
  // courses are told apart by content (a `lessons:` list), as hiwar does
  const yamls = fs.readdirSync(path.join(ROOT, 'lessons')).filter((f) => f.endsWith('.yaml'));
  const isCourse = (f: string) => 'lessons' in read(`lessons/${f}`);
  const lessons = yamls.filter((f) => !isCourse(f));
  const courses = yamls.filter(isCourse);
  it.each(lessons)('lesson %s is valid', (f) => {
    expect(lesson(read(`lessons/${f}`)), JSON.stringify(lesson.errors)).toBe(true);
  });
  const banks = fs.readdirSync(path.join(ROOT, 'lessons/questions')).filter((f) => f.endsWith('.yaml'));
  it.each(banks)('bank %s is valid', (f) => {
    expect(bank(read(`lessons/questions/${f}`)), JSON.stringify(bank.errors)).toBe(true);
  });
  it.each(courses)('course %s is valid', (f) => {
    expect(course(read(`lessons/${f}`)), JSON.stringify(course.errors)).toBe(true);
  });
  it('flags a misspelt field and a wrong kind', () => {
    const good = read('lessons/virtual-caliphate-intro.yaml');
    expect(lesson({ ...good, qestions: [] })).toBe(false);
    expect(lesson({ ...good, questions: [{ text: 'x', kind: 'essay' }] })).toBe(false);
  });
});
