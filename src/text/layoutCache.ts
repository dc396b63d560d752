// A bounded cache of layouts by text. The student and teacher editions of a
// lesson or course are built in one process and set the same passages with
// the same styles and widths; the second edition then takes most paragraphs
// from here. Entries are found by their text first (one hash of a string the
// caller already has), then by comparing the few other inputs.
import { onShapesForgotten } from './shape.js';

export class LayoutCache<K, V> {
  private readonly byText = new Map<string, Array<{ key: K; value: V }>>();
  private chars = 0;

  /**
   * @param maxChars bound on the cached texts' total length (oldest go first):
   *   watch mode runs for hours, and layouts hold their lines and runs
   * @param same whether two keys with the same text give the same layout
   */
  constructor(
    private readonly maxChars: number,
    private readonly same: (a: K, b: K) => boolean,
  ) {
    // layouts are made from shapes: forgetting the shapes forgets them
    onShapesForgotten(() => this.clear());
  }

  get(text: string, key: K): V | undefined {
    const list = this.byText.get(text);
    if (list === undefined) return undefined;
    for (const e of list) if (this.same(e.key, key)) return e.value;
    return undefined;
  }

  set(text: string, key: K, value: V): void {
    if (text.length > this.maxChars) return;
    let list = this.byText.get(text);
    if (list === undefined) this.byText.set(text, (list = []));
    list.push({ key, value });
    this.chars += text.length;
    while (this.chars > this.maxChars) {
      const [oldest, entries] = this.byText.entries().next().value!;
      this.byText.delete(oldest);
      this.chars -= oldest.length * entries.length;
    }
  }

  /** How many texts it holds layouts of. */
  get size(): number {
    return this.byText.size;
  }

  clear(): void {
    this.byText.clear();
    this.chars = 0;
  }
}
