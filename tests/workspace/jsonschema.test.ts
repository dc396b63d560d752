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

  test('the fixture files satisfy the schemas (a small structural check: required keys and known keys)', () => {
    const lesson = parse(readFileSync(path.join(FIXTURES, 'lesson.yaml'), 'utf8'));
    const props = (schemas['lesson.schema.json'] as { properties: object }).properties;
    for (const k of Object.keys(lesson)) expect(props).toHaveProperty(k);
  });
});
