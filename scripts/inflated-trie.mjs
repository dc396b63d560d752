// For the CLI bundle (scripts/bundle.mjs): linebreak's Unicode trie stored
// already inflated. The package keeps it deflated twice (≈ 5 kB) and inflates
// it at the first line break of every run (≈ 5 ms); inflated it is ≈ 58 kB,
// read from base64 in a fraction of a millisecond. The same trie: unicode-trie
// takes { data, highStart, errorValue } as well as its compressed form.
import { createRequire } from 'node:module';

const UnicodeTrie = createRequire(import.meta.url)('unicode-trie');

// `X.toByteArray("…")`: the compressed trie in linebreak's module
const DATA = /([\w$]+)\.toByteArray\("([A-Za-z0-9+/=]+)"\)/g;

/** The trie's fields as a JS expression: `data` (little-endian 32-bit words in base64) decoded when first read. */
export function inflatedTrieExpression(compressed) {
  const trie = new UnicodeTrie(Buffer.from(compressed, 'base64'));
  const bytes = Buffer.alloc(trie.data.length * 4);
  trie.data.forEach((word, i) => bytes.writeUInt32LE(word, i * 4));
  return [
    `{ get data() {`,
    `const b = Buffer.from(${JSON.stringify(bytes.toString('base64'))}, "base64");`,
    `const d = new Uint32Array(b.length >> 2);`,
    `new Uint8Array(d.buffer).set(b);`,
    // a big-endian machine reads the words byte by byte
    `if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) for (let i = 0; i < d.length; i++) d[i] = b.readUInt32LE(i << 2);`,
    `return d;`,
    `}, highStart: ${trie.highStart}, errorValue: ${trie.errorValue} }`,
  ].join(' ');
}

/** linebreak's module text with its one trie inflated (throws if the module no longer has exactly one). */
export function inflateLinebreak(text) {
  const found = [...text.matchAll(DATA)];
  if (found.length !== 1) throw new Error(`linebreak: expected one compressed trie, found ${found.length}`);
  return text.replace(DATA, (_m, _base64js, compressed) => inflatedTrieExpression(compressed));
}
