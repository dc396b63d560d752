// The structure tree of a tagged PDF as pdf.js reads it (what a screen reader
// is given): each element's role, attributes and text, the text taken from
// the element's marked content as pdf.js extracts it (in logical order).
import { readPdf } from '../helpers/pdf.js';

export interface Element {
  role: string;
  lang?: string;
  alt?: string;
  children: Element[];
  /** the text of the element's own marked content, in reading order */
  text: string;
}

interface RawNode {
  role?: string;
  lang?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: RawNode[];
}

/** The structure elements of every page (pdf.js gives the tree page by page), and the text outside any element per page. */
export async function structureOf(bytes: Uint8Array): Promise<{ pages: Element[]; outside: string[]; artifacts: string[] }> {
  const doc = await readPdf(bytes, { markedContent: true, structTree: true });
  const pages: Element[] = [];
  const outside: string[] = [];
  const artifacts: string[] = [];
  for (const page of doc.pages) {
    // marked-content id -> text; and text in artifacts or in no marked content at all
    const byId = new Map<string, string>();
    const stack: { id: string | null; tag: string | null }[] = [];
    let loose = '';
    let artifact = '';
    for (const it of page.items!) {
      if (it.type === 'beginMarkedContentProps' || it.type === 'beginMarkedContent') stack.push({ id: it.id ?? null, tag: it.tag ?? null });
      else if (it.type === 'endMarkedContent') stack.pop();
      else if (typeof it.str === 'string') {
        const s = it.str + (it.hasEOL ? '\n' : '');
        // a Span inside an element's content (a Latin word's /Lang) has no id: the text is the element's
        let owner: (typeof stack)[number] | undefined;
        for (let k = stack.length - 1; k >= 0 && !owner; k--) if (stack[k].id || stack[k].tag === 'Artifact') owner = stack[k];
        if (!stack.length) loose += s;
        else if (owner?.tag === 'Artifact') artifact += s;
        else if (owner?.id) byId.set(owner.id, (byId.get(owner.id) ?? '') + s);
      }
    }
    outside.push(loose);
    artifacts.push(artifact);
    const convert = (n: RawNode): Element => {
      const children: Element[] = [];
      let text = '';
      for (const c of n.children ?? []) {
        if (c.type === 'content' && c.id) text += byId.get(c.id) ?? '';
        else if (c.role) children.push(convert(c));
      }
      return { role: n.role ?? '', lang: n.lang, alt: n.alt, children, text };
    };
    const tree = page.structTree as RawNode | null;
    pages.push(tree ? convert(tree) : { role: '', children: [], text: '' });
  }
  return { pages, outside, artifacts };
}

/** Every element under `e` (itself included), depth first. */
export function elements(e: Element): Element[] {
  return [e, ...e.children.flatMap(elements)];
}

/** An element's text with its descendants', in order. */
export function fullText(e: Element): string {
  return e.text + e.children.map(fullText).join('');
}
