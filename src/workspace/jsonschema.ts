// JSON Schemas for editors (VS Code + YAML extension): autocompletion and red squiggles while typing.
// Generated from the same zod schemas `hiwar check` uses; the committed files in schema/ must equal
// what this makes (a test checks; `HIWAR_UPDATE_SCHEMAS=1 npx vitest run tests/workspace/jsonschema.test.ts` rewrites them).
import { z } from 'zod';
import { articleSchema, bankSchema, courseSchema, LESSON_REQUIRED, lessonSchema } from './schema.js';

type Json = Record<string, unknown>;

function generate(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { target: 'draft-07', unrepresentable: 'any' }) as Json;
}

/** file name -> JSON Schema, in a stable order. */
export function jsonSchemas(): Record<string, Json> {
  const lesson = generate(lessonSchema);
  // a complete lesson has these fields, unless it `extends` another lesson that has them
  lesson.anyOf = [{ required: ['extends'] }, { required: [...LESSON_REQUIRED] }];
  return {
    'lesson.schema.json': lesson,
    'bank.schema.json': generate(bankSchema),
    'course.schema.json': generate(courseSchema),
    // an article's front matter (the YAML between its `---` lines)
    'article.schema.json': generate(articleSchema),
  };
}

export function jsonSchemaText(schema: Json): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
