/** A unicode-trie's compressed data (base64) as a JS expression of its inflated fields. */
export function inflatedTrieExpression(compressed: string): string;
/** linebreak's module text with its one compressed trie inflated. */
export function inflateLinebreak(text: string): string;
