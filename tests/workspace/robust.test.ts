// Whatever a teacher types, `check` answers with diagnostics and exit 0/1: never a throw, never a hang.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkFiles } from '../../src/workspace/check.js';
import { FIXTURES, workspace } from './helpers.js';

const lesson = readFileSync(path.join(FIXTURES, 'lesson.yaml'), 'utf8');

describe('robustness', () => {
  test('mutations of a good lesson (lines deleted, duplicated, characters changed) never throw', async () => {
    const dir = workspace();
    const file = path.join(dir, 'l.yaml');
    const lines = lesson.split('\n');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            op: fc.constantFrom('delete', 'duplicate', 'char', 'indent', 'swap'),
            at: fc.nat(lines.length - 1),
            ch: fc.constantFrom(' ', ':', '-', '"', '[', '{', '#', '&', '*', 'x', 'ب', '\t', '\u00a0', '0'),
            pos: fc.nat(60),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (muts) => {
          const ls = [...lines];
          for (const m of muts) {
            const i = m.at % ls.length;
            if (m.op === 'delete') ls.splice(i, 1);
            else if (m.op === 'duplicate') ls.splice(i, 0, ls[i]);
            else if (m.op === 'indent') ls[i] = '  ' + ls[i];
            else if (m.op === 'swap' && i + 1 < ls.length) [ls[i], ls[i + 1]] = [ls[i + 1], ls[i]];
            else {
              const p = Math.min(m.pos, ls[i].length);
              ls[i] = ls[i].slice(0, p) + m.ch + ls[i].slice(p + 1);
            }
          }
          writeFileSync(file, ls.join('\n'));
          const r = await checkFiles([file]);
          for (const d of r.diagnostics) {
            expect(d.message.length).toBeGreaterThan(0);
            expect(d.line).toBeGreaterThanOrEqual(0);
          }
          // an error-free result must really be usable
          if (r.ok) expect(r.files).toContain(file);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });

  test('arbitrary text never throws', async () => {
    const dir = workspace();
    const file = path.join(dir, 'x.yaml');
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (s) => {
        writeFileSync(file, s);
        const r = await checkFiles([file]);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
