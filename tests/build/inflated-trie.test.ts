// The CLI bundle carries linebreak's Unicode trie already inflated
// (scripts/inflated-trie.mjs): it must classify every code point as the
// package's own compressed trie does.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { inflateLinebreak, inflatedTrieExpression } from '../../scripts/inflated-trie.mjs';

const require = createRequire(import.meta.url);
const UnicodeTrie = require('unicode-trie');
const LINEBREAK = fs.readFileSync(require.resolve('linebreak').replace(/main\.cjs$/, 'module.mjs'), 'utf8');

describe("linebreak's trie, inflated for the bundle", () => {
  test('gives the same class for every code point', () => {
    const compressed = /toByteArray\("([A-Za-z0-9+/=]+)"\)/.exec(LINEBREAK)![1];
    const original = new UnicodeTrie(Buffer.from(compressed, 'base64'));
    const inflated = new UnicodeTrie(new Function(`return ${inflatedTrieExpression(compressed)}`)());
    let differ = 0;
    for (let cp = -1; cp <= 0x110000; cp++) if (inflated.get(cp) !== original.get(cp)) differ++;
    expect(differ).toBe(0);
  });

  test('replaces exactly the one compressed trie of the module', () => {
    const text = inflateLinebreak(LINEBREAK);
    expect(text).not.toMatch(/toByteArray\(/);
    expect(text.match(/get data\(\)/g)).toHaveLength(1);
    expect(() => inflateLinebreak(LINEBREAK + LINEBREAK)).toThrow(/found 2/);
  });
});
