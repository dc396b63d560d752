// The Unicode conformance files in tests/fixtures/unicode/ (gzip; see its README).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The lines of a fixture file, uncompressed. */
export function unicodeTestLines(name: string): string[] {
  const file = fileURLToPath(new URL(`../fixtures/unicode/${name}.gz`, import.meta.url));
  return gunzipSync(readFileSync(file)).toString('utf8').split('\n');
}
