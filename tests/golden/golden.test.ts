// The look of the handouts, page by page: each golden page rendered now must
// match its committed reference within a small tolerance (tests/golden/golden.ts).
// A change to the look that is meant: `npm run golden:update`, look at the
// new PNGs, commit them.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { compare, PAGE_TOLERANCE, reference, REF_DIR, renderGolden, REVIEW_DIR, type GoldenPage } from './golden.js';

let pages: GoldenPage[];
beforeAll(async () => {
  pages = await renderGolden();
});

const HOW = 'if the change is meant, run `npm run golden:update`, look at the new PNGs in tests/golden/ref and commit them';

describe('golden pages of the sample pack', () => {
  test('the references are exactly the pages we render (none missing, none left over)', () => {
    const refs = fs.readdirSync(REF_DIR).filter((f) => f.endsWith('.png')).sort();
    expect(refs, HOW).toEqual(pages.map((p) => `${p.name}.png`).sort());
  });

  test('every page matches its reference', () => {
    const failed: string[] = [];
    for (const p of pages) {
      const ref = reference(p.name);
      if (!ref) {
        failed.push(`${p.name}: no reference`);
        continue;
      }
      const { differing, fraction, diffPng } = compare(p, ref);
      if (fraction <= PAGE_TOLERANCE) continue;
      // leave the page as it is now, and where it differs, for review
      fs.mkdirSync(REVIEW_DIR, { recursive: true });
      fs.writeFileSync(path.join(REVIEW_DIR, `${p.name}.actual.png`), p.png);
      if (diffPng) fs.writeFileSync(path.join(REVIEW_DIR, `${p.name}.diff.png`), diffPng);
      failed.push(`${p.name} (${p.edition} page ${p.page}): ${differing} pixels differ (${(fraction * 100).toFixed(2)}%), see out/golden/${p.name}.{actual,diff}.png`);
    }
    expect(failed, HOW).toEqual([]);
  });
});
