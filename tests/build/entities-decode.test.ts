// The CLI bundle decodes entities' base64 tables with Buffer
// (scripts/entities-decode.mjs): the same words as the package's own decoder.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { decodeBase64 } from '../../scripts/entities-decode.mjs';
import { decodeBase64 as original } from '../../node_modules/entities/dist/esm/internal/decode-shared.js';

const GENERATED = path.resolve(__dirname, '../../node_modules/entities/dist/esm/generated');

test("entities' tables decode to the same words", () => {
  const tables = fs
    .readdirSync(GENERATED)
    .filter((f) => f.endsWith('.js'))
    .flatMap((f) => [...fs.readFileSync(path.join(GENERATED, f), 'utf8').matchAll(/decodeBase64\("([^"]+)"\)/g)].map((m) => m[1]));
  expect(tables.length).toBeGreaterThanOrEqual(2);
  for (const t of tables) expect(decodeBase64(t)).toEqual(original(t));
});

test('any bytes decode to the same words', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
    const b64 = Buffer.from(bytes).toString('base64');
    expect(decodeBase64(b64)).toEqual(original(b64));
  }));
});
