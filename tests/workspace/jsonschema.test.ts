// The committed JSON Schemas (schema/*.json, for editors) must equal what the zod schemas generate.
// To regenerate after changing src/workspace/schema.ts:
//   HIWAR_UPDATE_SCHEMAS=1 npx vitest run tests/workspace/jsonschema.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { jsonSchemas, jsonSchemaText } from '../../src/workspace/jsonschema.js';
import { FIXTURES, REPO } from './helpers.js';

const schemas = jsonSchemas();

describe('JSON Schemas for editors', () => {
  test.each(Object.keys(schemas))('schema/%s is up to date', (name) => {
    const file = path.join(REPO, 'schema', name);
    const want = jsonSchemaText(schemas[name]);
    if (process.env.HIWAR_UPDATE_SCHEMAS) writeFileSync(file, want);
    expect(readFileSync(file, 'utf8')).toBe(want);
  });

  test('they describe the fields and forbid unknown ones', () => {
    const lesson = schemas['lesson.schema.json'] as { properties: Record<string, { description?: string }>; additionalProperties: boolean; anyOf: unknown[] };
    expect(Object.keys(lesson.properties)).toEqual(expect.arrayContaining(['id', 'title', 'article', 'passages', 'questions', 'extends', 'options']));
    expect(lesson.additionalProperties).toBe(false);
    expect(lesson.anyOf).toEqual([{ required: ['extends'] }, { required: ['title', 'article', 'objectives', 'passages', 'questions'] }]);
    expect(lesson.properties.article.description).toMatch(/relative to this file/);
  });

  test('issue 15 fields: a bank names its article and general questions; pick takes general and refs; passages may be an edit', async () => {
    const { Ajv } = await import('ajv');
    const ajv = new Ajv({ allErrors: true, strict: false });
    const bank = ajv.compile(schemas['bank.schema.json']);
    const lesson = ajv.compile(schemas['lesson.schema.json']);
    expect(bank({ id: 'b', article: '../articles/a.md', general: false, questions: [{ id: 'x', text: 'س', general: true }] })).toBe(true);
    expect(bank({ id: 'b', questions: [{ id: 'x', text: 'س', general: 'yes' }] })).toBe(false);
    const base = { id: 'l', title: 't', article: 'a.md', objectives: ['o'] };
    expect(lesson({ ...base, passages: [{ ref: 'ف٣-ف٥' }, { ref: 'p5.s2' }], questions: [{ pick: { from: 'q.yaml', general: true } }, { pick: { from: 'q.yaml' }, refs: ['p6، p5'] }, { use: 'q.yaml#x', refs: ['ف٥.ج٢'] }] })).toBe(true);
    expect(lesson({ ...base, passages: [{ ref: 'paragraph 3' }], questions: [] })).toBe(false);
    expect(lesson({ extends: 'p.yaml', id: 'c', passages: { drop: ['p12-p13'], add: [{ ref: 'p1' }], order: ['p1'] } })).toBe(true);
    expect(lesson({ extends: 'p.yaml', id: 'c', passages: { dropp: ['p12-p13'] } })).toBe(false);
  });

  test('the fixture files satisfy the schemas (a small structural check: required keys and known keys)', () => {
    const lesson = parse(readFileSync(path.join(FIXTURES, 'lesson.yaml'), 'utf8'));
    const props = (schemas['lesson.schema.json'] as { properties: object }).properties;
    for (const k of Object.keys(lesson)) expect(props).toHaveProperty(k);
  });
});
