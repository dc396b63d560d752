// Parses the restricted markup that templates produce into the document tree.
// The tag set is small on purpose: a template decides *what* is printed, the
// layout engine decides *how*. Unknown tags are a template error.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Block, BoxVariant, Inline } from '../document/model.js';
import { message, type MessageCode, type Params } from '../i18n/catalogue.js';

/**
 * Markup a template printed that hiwar cannot lay out: a catalogue message
 * (src/i18n/messages/errors.ts) and the offset of the offending node in the
 * markup. The template loader turns it into a user error at the template's line.
 */
export class MarkupError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: Params,
    readonly offset: number,
  ) {
    super(message(code, 'en', params));
    this.name = 'MarkupError';
  }
}

/** Every tag a template may print (the hint of an unknown tag lists them). */
export const MARKUP_TAGS = ['title', 'meta', 'h1', 'h2', 'p', 'small', 'b', 'muted', 'br', 'box', 'passage', 'ul', 'ol', 'li', 'term', 'question', 'lines', 'options', 'option', 'scale', 'label', 'rank', 'item', 'entry', 'spacer', 'rule', 'pagebreak'];

const BOX_VARIANTS = new Set<BoxVariant>(['objectives', 'note', 'teacher', 'guidance', 'activity']);

/** Fold runs of whitespace (template indentation, YAML line breaks) to one space. */
function fold(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, ' ');
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag';
}

function inlinesOf(nodes: ChildNode[], style: Omit<Inline, 'text'> = {}): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = fold(node.data);
      if (text) out.push({ text, ...style });
    } else if (isElement(node)) {
      if (node.name === 'b') out.push(...inlinesOf(node.children, { ...style, bold: true }));
      else if (node.name === 'muted') out.push(...inlinesOf(node.children, { ...style, muted: true }));
      else if (node.name === 'br') out.push({ text: '\n', ...style });
      else throw new MarkupError('errors.markup-not-inline', { tag: node.name }, node.startIndex ?? 0);
    }
  }
  return trimInlines(out);
}

function trimInlines(inlines: Inline[]): Inline[] {
  const list = inlines.map((i) => ({ ...i }));
  // merge neighbours of equal style so the text engine sees whole runs
  const merged: Inline[] = [];
  for (const i of list) {
    const last = merged[merged.length - 1];
    if (last && last.bold === i.bold && last.muted === i.muted) last.text += i.text;
    else merged.push(i);
  }
  if (merged.length) {
    merged[0].text = merged[0].text.replace(/^ +/, '');
    const end = merged[merged.length - 1];
    end.text = end.text.replace(/ +$/, '');
  }
  return merged.filter((i) => i.text.length > 0);
}

function attr(el: Element, name: string): string | undefined {
  const v = el.attribs[name];
  return v === undefined ? undefined : fold(v).trim();
}

function required(el: Element, name: string): string {
  const v = attr(el, name);
  if (v === undefined) throw new MarkupError('errors.markup-needs-attribute', { tag: el.name, attribute: name }, el.startIndex ?? 0);
  return v;
}

/** A positive number attribute (a default when it may be left out). */
function positive(el: Element, name: string, fallback?: number): number {
  const v = attr(el, name);
  if (v === undefined && fallback !== undefined) return fallback;
  const n = Number(v);
  if (v === undefined || !Number.isFinite(n) || n <= 0) throw new MarkupError('errors.markup-positive', { tag: el.name, attribute: name, value: v ?? '' }, el.startIndex ?? 0);
  return n;
}

function childElements(el: Element, allowed: string): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (isElement(c)) {
      if (c.name !== allowed) throw new MarkupError('errors.markup-only-children', { tag: el.name, allowed, child: c.name }, c.startIndex ?? 0);
      out.push(c);
    } else if (c.type === 'text' && fold(c.data).trim()) {
      throw new MarkupError('errors.markup-loose-text-in', { tag: el.name, allowed }, c.startIndex ?? 0);
    }
  }
  return out;
}

function blocksOf(nodes: ChildNode[]): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (fold(node.data).trim()) {
        throw new MarkupError('errors.markup-loose-text', { text: fold(node.data).trim().slice(0, 40) }, node.startIndex ?? 0);
      }
      continue;
    }
    if (!isElement(node)) continue; // comments
    blocks.push(blockOf(node));
  }
  return blocks;
}

function blockOf(el: Element): Block {
  switch (el.name) {
    case 'title': {
      const size = attr(el, 'size');
      return { kind: 'title', inlines: inlinesOf(el.children), align: attr(el, 'align') === 'center' ? 'center' : 'start', size: size ? Number(size) : undefined };
    }
    case 'spacer': {
      const h = Number(required(el, 'h'));
      if (!Number.isFinite(h) || h < 0 || h > 600) throw new MarkupError('errors.markup-spacer-height', { value: attr(el, 'h') ?? '' }, el.startIndex ?? 0);
      return { kind: 'spacer', height: h };
    }
    case 'rule':
      return { kind: 'rule' };
    case 'entry':
      return { kind: 'entry', inlines: inlinesOf(el.children), page: required(el, 'page'), level: Number(attr(el, 'level') ?? 0) || 0 };
    case 'meta':
      return { kind: 'meta', inlines: inlinesOf(el.children) };
    case 'h1':
    case 'h2': {
      const inlines = inlinesOf(el.children);
      const bookmark = attr(el, 'bookmark');
      return { kind: 'heading', level: el.name === 'h1' ? 1 : 2, inlines, bookmark };
    }
    case 'p':
      return { kind: 'para', inlines: inlinesOf(el.children), align: (attr(el, 'align') as 'start' | 'center' | undefined) ?? 'justify' };
    case 'small':
      return { kind: 'para', inlines: inlinesOf(el.children, { muted: true }), small: true, align: 'start' };
    case 'box': {
      const variant = required(el, 'variant') as BoxVariant;
      if (!BOX_VARIANTS.has(variant)) throw new MarkupError('errors.markup-box-variant', { variant, variants: [...BOX_VARIANTS].join(', ') }, el.startIndex ?? 0);
      return { kind: 'box', variant, title: attr(el, 'title'), children: blocksOf(el.children) };
    }
    case 'passage':
      return { kind: 'passage', number: required(el, 'n'), inlines: inlinesOf(el.children) };
    case 'ul':
    case 'ol':
      return { kind: 'list', ordered: el.name === 'ol', items: childElements(el, 'li').map((li) => inlinesOf(li.children)) };
    case 'term':
      return { kind: 'term', term: required(el, 'name'), inlines: inlinesOf(el.children) };
    case 'question': {
      const textNodes: ChildNode[] = [];
      const children: Block[] = [];
      for (const c of el.children) {
        if (isElement(c) && QUESTION_PARTS.has(c.name)) children.push(blockOf(c));
        else if (children.length === 0) textNodes.push(c);
        else if (c.type === 'text' && !fold(c.data).trim()) continue;
        else throw new MarkupError('errors.markup-question-order', {}, c.startIndex ?? 0);
      }
      return { kind: 'question', number: required(el, 'n'), meta: attr(el, 'meta'), inlines: inlinesOf(textNodes), children };
    }
    case 'lines': {
      const count = Number(required(el, 'n'));
      if (!Number.isInteger(count) || count < 0 || count > 60) throw new MarkupError('errors.markup-lines-count', { value: attr(el, 'n') ?? '' }, el.startIndex ?? 0);
      return { kind: 'lines', count };
    }
    case 'options':
      return {
        kind: 'options',
        items: childElements(el, 'option').map((o) => ({ letter: required(o, 'letter'), inlines: inlinesOf(o.children), ...(attr(o, 'mark') ? { mark: attr(o, 'mark') } : {}) })),
      };
    case 'source': {
      const url = attr(el, 'url');
      const linkLabel = attr(el, 'link-label');
      return { kind: 'source', inlines: inlinesOf(el.children), ...(url ? { url } : {}), ...(linkLabel ? { linkLabel } : {}), ...(url && attr(el, 'qr') === 'true' ? { qr: true } : {}) };
    }
    case 'fields':
      return {
        kind: 'fields',
        fields: childElements(el, 'field').map((f) => ({ label: fold(textOf(f)).trim(), weight: positive(f, 'weight', 1) })),
      };
    case 'figure': {
      const width = positive(el, 'width');
      const height = positive(el, 'height');
      return { kind: 'figure', path: required(el, 'src'), width, height, alt: required(el, 'alt'), caption: inlinesOf(el.children) };
    }
    case 'scale':
      return { kind: 'scale', labels: childElements(el, 'label').map((l) => fold(textOf(l)).trim()) };
    case 'rank':
      return { kind: 'rank', items: childElements(el, 'item').map((i) => inlinesOf(i.children)) };
    case 'pagebreak':
      return { kind: 'pagebreak' };
    default:
      throw new MarkupError('errors.markup-unknown-tag', { tag: el.name, tags: MARKUP_TAGS.join(', ') }, el.startIndex ?? 0);
  }
}

const QUESTION_PARTS = new Set(['lines', 'options', 'scale', 'rank', 'box', 'small', 'p']);

function textOf(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? c.data : isElement(c) ? textOf(c) : '')).join('');
}

/** Markup (template output) -> blocks. Entities are decoded; whitespace folded. */
export function parseMarkup(markup: string): Block[] {
  const doc = parseDocument(markup, { xmlMode: true, decodeEntities: true, withStartIndices: true, recognizeSelfClosing: true });
  return blocksOf(doc.children);
}
