// Source files are decoded with Node's fast UTF-8 paths; they must read
// exactly as a fatal TextDecoder reads them (the same text, the same refusals).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeText } from '../../src/workspace/source.js';

function reference(buf: Buffer): string | undefined {
  if (buf.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return undefined;
  }
}

describe('decoding a source file', () => {
  test('edge cases: BOMs, surrogates, overlong forms, cut sequences', () => {
    const cases = [
      [], [0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61], [0xef, 0xbb], [0x61, 0xef, 0xbb, 0xbf],
      [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xd8], [0xd8, 0xa8], [0xf0, 0x9f, 0x98], [0xff], [0x61, 0x00],
    ];
    for (const c of cases) expect(decodeText(Buffer.from(c))).toBe(reference(Buffer.from(c)));
  });

  test('random bytes and damaged Arabic text', () => {
    const arabic = Buffer.from('النص «العربي» ١٢٣ — e\u0301 😀\n');
    const damaged = fc.tuple(fc.nat(arabic.length), fc.uint8Array({ maxLength: 4 })).map(([at, bytes]) => Buffer.concat([arabic.subarray(0, at), Buffer.from(bytes), arabic.subarray(at)]));
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 12 }).map((a) => Buffer.from(a)), damaged);
    fc.assert(
      fc.property(bytes, (buf) => {
        expect(decodeText(buf)).toBe(reference(buf));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
