// The studio's import screen shows every line of the pasted page in its order,
// with the importer's leftovers unticked: what stays ticked is exactly what
// `hiwar import` keeps, so the studio and the command line make the same article.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { findLines } from '../../src/studio/import-adapter.js';
import { analyzeRaw } from '../../src/workspace/import.js';

const RAW_DIR = fileURLToPath(new URL('../fixtures/raw/', import.meta.url));

describe('findLines', () => {
  test.each(fs.readdirSync(RAW_DIR).filter((f) => f.endsWith('.raw.txt')))('%s: ticked lines are what import keeps, in the page order', (name) => {
    const raw = fs.readFileSync(path.join(RAW_DIR, name), 'utf8');
    const a = analyzeRaw(raw);
    const found = findLines(raw);
    expect(found.lines[found.title].text).toBe(a.title);
    expect(found.lines.filter((l, i) => l.keep && i !== found.title).map((l) => l.text)).toEqual(a.paragraphs);
    expect(found.lines.filter((l) => !l.keep).map((l) => [l.text, l.reason])).toEqual(a.dropped.map((d) => [d.text, d.reason]));
    expect(found.meta).toEqual(a.meta);
  });

  test('a page with leftovers: some lines come unticked, and the page told its source or address', () => {
    const raw = fs.readFileSync(path.join(RAW_DIR, 'gulf-daily.raw.txt'), 'utf8');
    const found = findLines(raw);
    expect(found.lines.some((l) => !l.keep)).toBe(true);
    expect(Object.keys(found.meta).length).toBeGreaterThan(0);
  });
});
