// A large question bank loads in linear time: each id is checked against the
// ones before it through an index, not by scanning a list (100,000 questions
// took 30 s). The work is counted, not timed: every element that
// Array#includes / Array#indexOf scans while the bank loads.
import { afterEach, expect, test, vi } from 'vitest';
import { hiwar, workspace } from '../faults/helpers.js';

afterEach(() => vi.restoreAllMocks());

function bank(n: number): string {
  const lines = ['id: big', 'title: "بنك كبير"', 'questions:'];
  for (let i = 0; i < n; i++) lines.push(`  - id: q${i}`, `    text: "سؤال رقم ${i}؟"`);
  lines.push('  - id: q7', '    text: "سؤال مكرر"');
  return lines.join('\n') + '\n';
}

test('2,000 questions: ids checked through an index; a repeated id still reported at its line', async () => {
  const n = 2000;
  const dir = workspace({ 'big.yaml': bank(n) }, { base: false });
  let scanned = 0;
  for (const method of ['includes', 'indexOf'] as const) {
    const original = Array.prototype[method] as (...a: unknown[]) => unknown;
    vi.spyOn(Array.prototype, method).mockImplementation(function (this: unknown[], ...args: unknown[]) {
      if (this.length > 100) scanned += this.length;
      return original.apply(this, args) as never;
    });
  }
  const r = await hiwar(dir, 'questions', 'big.yaml');
  vi.restoreAllMocks();
  expect(r.stderr).toBe(`big.yaml:${4 + 2 * n}:9: error: two questions in this bank have the id \`q7\`\n  hint: ids must be unique in a bank: lessons refer to questions by them`);
  expect(r.stdout).toContain('q1999');
  // a scan of the ids seen so far, for each question, would be n²/2 = 2 million
  expect(scanned).toBeLessThan(10 * n);
});
