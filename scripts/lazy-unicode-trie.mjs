// unicode-trie for the CLI bundle (scripts/bundle.mjs): the same lookups, but
// the trie's data is inflated on the first get() instead of when the module
// that holds it loads. fontkit builds three tries at load time for its own
// shapers, which hiwar never runs (HarfBuzz shapes); this saves their cost.
import UnicodeTrie from 'unicode-trie';

export default class LazyUnicodeTrie {
  #data;
  #trie = null;

  constructor(data) {
    this.#data = data;
  }

  get(codePoint) {
    this.#trie ??= new UnicodeTrie(this.#data);
    return this.#trie.get(codePoint);
  }
}
