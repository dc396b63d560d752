// Blocks -> a flow of measured items the paginator can place. Every item is
// either one line of text or one indivisible piece (a scale row, an answer
// line), so long passages and boxes break cleanly across pages.
import type { FontFamily, LaidLine, MissingGlyph, StyledText, TextStyle } from '../text/types.js';
import { layoutParagraph } from '../text/index.js';
import type { Block, BoxVariant, Inline } from '../document/model.js';
import type { DrawOp, StructNode } from './ops.js';
import { COLORS, SPACE, TYPE } from './style.js';
import { formatNumber } from '../text/digits.js';
import { qrOps } from './qr.js';
import type { Digits } from '../workspace/model.js';

/** A box's decoration; one object per box instance (identity groups its items). */
export interface BoxDecor {
  /** offset of the box's left edge from the content's left edge, and its width */
  left: number;
  width: number;
  fill: string;
  /** accent bar on the right (start) side */
  bar?: string;
  border?: string;
  /** the box's title with «(تابع)», set at the top of each further page the box reaches */
  continued?: { height: number; ops: DrawOp[] };
}

/** What a box's title says on the pages it continues onto. */
export const CONTINUED = 'تابع';

export interface FlowItem {
  height: number;
  /** space above the item; dropped at the top of a page */
  spaceBefore: number;
  keepWithNext: boolean;
  pageBreakBefore?: boolean;
  /** may hang into the bottom margin rather than start a page of its own (box padding) */
  glue?: boolean;
  boxes: BoxDecor[];
  /** relative to (content left, item top) */
  ops: DrawOp[];
  bookmark?: { title: string; level: number };
  /** this item is line `index` of a paragraph of `count` lines (for measuring how paragraphs end) */
  line?: { index: number; count: number };
}

export interface FlowContext {
  family: FontFamily;
  /** content width in points */
  width: number;
  /** digits for list numbering */
  digits: Digits;
  /** justified paragraphs take kashidas (the document's `justify: kashida`) */
  kashida?: boolean;
  /** bookmark level of this document's h1 sections */
  bookmarkLevel: number;
  /** problems the text engine found (characters the font lacks) */
  onMissing?: (missing: MissingGlyph[]) => void;
  /** the structure element the flow's blocks belong to (tagged PDF: a lesson's Sect) */
  root?: StructNode;
}

const BOX_LOOK: Record<BoxVariant, { fill: string; bar?: string; border?: string; titleColor: string }> = {
  objectives: { fill: COLORS.objectivesBg, border: COLORS.objectivesBorder, titleColor: COLORS.accent },
  note: { fill: COLORS.noteBg, bar: COLORS.noteBar, titleColor: COLORS.noteBar },
  teacher: { fill: COLORS.teacherBg, bar: COLORS.teacherBar, titleColor: COLORS.teacherBar },
  guidance: { fill: COLORS.guidanceBg, bar: COLORS.teacherBar, titleColor: COLORS.teacherBar },
  activity: { fill: COLORS.activityBg, bar: COLORS.activityBar, titleColor: COLORS.activityBar },
};

function style(size: number, color = COLORS.text, bold = false): TextStyle {
  return { size, color, weight: bold ? 'bold' : 'regular' };
}

function styled(inlines: Inline[], size: number, color = COLORS.text, bold = false): StyledText[] {
  return inlines.map((i) => ({
    text: i.text,
    style: style(size, i.muted ? COLORS.muted : color, bold || Boolean(i.bold)),
  }));
}

/** An option's text; a right answer (teacher edition) in bold green with its mark, e.g. «(صحيح)», after it. */
function styledOption(it: { inlines: Inline[]; mark?: string }): StyledText[] {
  if (!it.mark) return styled(it.inlines, TYPE.body);
  return [...styled(it.inlines, TYPE.body, COLORS.teacherBar, true), { text: ` (${it.mark})`, style: style(TYPE.small, COLORS.teacherBar, true) }];
}

/** Lists of up to this many items stay on one page. */
export const SHORT_LIST = 6;

/** Width of the box a margin marker (a number, a letter) is set in; its text sits at the box's right edge. */
const MARKER_BOX = 200;
/** the least space between a hanging marker and its paragraph's first line */
const MARKER_GAP = 3;

/** The structure element each kind of block is tagged as (headings, figures and scales: see `block`). */
const TAG_OF = {
  meta: 'P',
  para: 'P',
  term: 'P',
  source: 'P',
  fields: 'P',
  passage: 'BlockQuote',
  box: 'Div',
  entry: 'TOCI',
  question: 'LI',
  list: 'L',
  rank: 'L',
  options: 'L',
} satisfies Partial<Record<Block['kind'], StructNode['type']>>;

export class FlowBuilder {
  readonly items: FlowItem[] = [];
  private boxStack: BoxDecor[] = [];
  /** horizontal inset of the current content from the flow's right and left edges */
  private insetRight = 0;
  private insetLeft = 0;
  /** the structure element new text belongs to (tagged PDF) */
  private node: StructNode | undefined;

  constructor(private readonly ctx: FlowContext) {
    this.node = ctx.root;
  }

  /** Run `fn` with new text going into `node` (a new element of `type` under the current one when a type is given). */
  private within(node: StructNode | StructNode['type'], fn: () => void): void {
    const saved = this.node;
    this.node = typeof node === 'string' ? { type: node, parent: saved } : node;
    fn();
    this.node = saved;
  }

  private get innerWidth(): number {
    return this.ctx.width - this.insetRight - this.insetLeft;
  }

  private push(item: Omit<FlowItem, 'boxes'>): FlowItem {
    for (const op of item.ops) if ((op.op === 'text' || op.op === 'link' || op.op === 'image') && !op.tag) op.tag = this.node;
    const full: FlowItem = { ...item, boxes: [...this.boxStack] };
    this.items.push(full);
    return full;
  }

  /**
   * Lay out a paragraph and push one item per line. `marker` is drawn right of
   * the first line (hanging). Returns the hanging width used: `hang`, or more
   * when the marker is wider than it («١٠)» in bold), so the two never touch.
   */
  paragraph(
    runs: StyledText[],
    opts: {
      align?: 'justify' | 'start' | 'center';
      spaceBefore?: number;
      keepWithNext?: boolean;
      hang?: number;
      marker?: { runs: StyledText[]; tag?: StructNode };
      bookmark?: { title: string; level: number };
      lineHeight?: number;
    } = {},
  ): number {
    if (runs.length === 0) return opts.hang ?? 0;
    let markerLine: LaidLine | undefined;
    if (opts.marker) {
      const m = layoutParagraph(
        // never wrapped: a marker a little wider than its margin reaches into the gap rather than losing its bracket
        { runs: opts.marker.runs, width: MARKER_BOX, align: 'start', direction: 'rtl', lineHeight: opts.lineHeight ?? TYPE.lineHeight },
        this.ctx.family,
      );
      markerLine = m.lines[0];
    }
    const hang = Math.max(opts.hang ?? 0, markerLine ? markerLine.naturalWidth + MARKER_GAP : 0);
    const width = this.innerWidth - hang;
    const layout = layoutParagraph(
      { runs, width, align: opts.align ?? 'justify', direction: 'rtl', lineHeight: opts.lineHeight ?? TYPE.lineHeight, kashida: this.ctx.kashida },
      this.ctx.family,
    );
    if (layout.missing.length) this.ctx.onMissing?.(layout.missing);
    const lines = layout.lines;
    lines.forEach((line, i) => {
      const ops: DrawOp[] = [];
      if (i === 0 && markerLine) {
        // the marker sits in the hanging space on the right, sharing the first line's baseline;
        // it is drawn first so that extracted text reads "number, then paragraph"
        const x = this.insetLeft + width + hang - markerLine.width;
        ops.push({ op: 'text', line: markerLine, x, y: line.ascent - markerLine.ascent, tag: opts.marker!.tag });
      }
      ops.push({ op: 'text', line, x: this.insetLeft, y: 0 });
      const n = lines.length;
      // orphans and widows: the first line keeps with the second, the last two stay together
      const keep = i < n - 1 && (i === 0 || i === n - 2) ? true : i === n - 1 ? Boolean(opts.keepWithNext) : false;
      this.push({
        height: line.height,
        spaceBefore: i === 0 ? (opts.spaceBefore ?? 0) : 0,
        keepWithNext: keep,
        ops,
        bookmark: i === 0 ? opts.bookmark : undefined,
        line: { index: i, count: n },
      });
    });
    return hang;
  }

  /** An indivisible piece of fixed height. */
  piece(height: number, ops: DrawOp[], opts: { spaceBefore?: number; keepWithNext?: boolean; glue?: boolean } = {}): void {
    this.push({ height, spaceBefore: opts.spaceBefore ?? 0, keepWithNext: opts.keepWithNext ?? false, glue: opts.glue, ops });
  }

  pageBreak(): void {
    this.push({ height: 0, spaceBefore: 0, keepWithNext: false, pageBreakBefore: true, ops: [] });
  }

  /** Mark the last pushed item as keeping with what follows. */
  keepLastWithNext(): void {
    const last = this.items[this.items.length - 1];
    if (last) last.keepWithNext = true;
  }

  box(variant: BoxVariant, title: string | undefined, body: () => void, spaceBefore = SPACE.box): void {
    const look = BOX_LOOK[variant];
    const decor: BoxDecor = { left: this.insetLeft, width: this.innerWidth, fill: look.fill, bar: look.bar, border: look.border };
    this.boxStack.push(decor);
    const savedR = this.insetRight;
    const savedL = this.insetLeft;
    this.insetRight += SPACE.boxPadX;
    this.insetLeft += SPACE.boxPadX;
    this.piece(SPACE.boxPadY, [], { spaceBefore, keepWithNext: true });
    if (title) {
      const titleStyle = style(TYPE.boxTitle, look.titleColor, true);
      this.within('P', () => this.paragraph([{ text: title, style: titleStyle }], { align: 'start', keepWithNext: true }));
      decor.continued = this.continuedTitle(`${title} (${CONTINUED})`, titleStyle);
    }
    body();
    this.piece(SPACE.boxPadY, [], { glue: true });
    this.insetRight = savedR;
    this.insetLeft = savedL;
    this.boxStack.pop();
  }

  /** A box's title as it heads the box's part on a further page, with the space under it. */
  private continuedTitle(text: string, titleStyle: TextStyle): { height: number; ops: DrawOp[] } {
    const lines = layoutParagraph({ runs: [{ text, style: titleStyle }], width: this.innerWidth, align: 'start', direction: 'rtl', lineHeight: TYPE.lineHeight }, this.ctx.family).lines;
    const ops: DrawOp[] = [];
    let y = 0;
    for (const line of lines) {
      ops.push({ op: 'text', line, x: this.insetLeft, y });
      y += line.height;
    }
    return { height: y + SPACE.paragraph, ops };
  }

  // ---- blocks ---------------------------------------------------------

  blocks(blocks: Block[]): void {
    // consecutive questions are one list, consecutive contents entries one TOC
    for (let i = 0; i < blocks.length; ) {
      const kind = blocks[i].kind;
      let j = i + 1;
      if (kind === 'question' || kind === 'entry') while (j < blocks.length && blocks[j].kind === kind) j++;
      const group = blocks.slice(i, j);
      if (kind === 'question') this.within('L', () => group.forEach((b) => this.block(b)));
      else if (kind === 'entry') this.within('TOC', () => group.forEach((b) => this.block(b)));
      else this.block(blocks[i]);
      i = j;
    }
  }

  block(b: Block): void {
    if (b.kind === 'title' || b.kind === 'heading') this.within(b.kind === 'title' ? 'H1' : b.level === 1 ? 'H2' : 'H3', () => this.unstructured(b));
    else if (b.kind === 'figure') this.within({ type: 'Figure', parent: this.node, alt: b.alt }, () => this.unstructured(b));
    // a scale is one row of choices
    else if (b.kind === 'scale') this.within('Table', () => this.within('TR', () => this.unstructured(b)));
    else if (b.kind in TAG_OF) this.within(TAG_OF[b.kind as keyof typeof TAG_OF], () => this.unstructured(b));
    else this.unstructured(b);
  }

  /** A block's items, in the structure element `block` chose for it. */
  private unstructured(b: Block): void {
    switch (b.kind) {
      case 'title':
        this.paragraph(styled(b.inlines, b.size ?? TYPE.title, COLORS.text, true), { align: b.align ?? 'start', keepWithNext: true, lineHeight: 1.5 });
        return;
      case 'spacer':
        this.piece(b.height, []);
        return;
      case 'rule': {
        const w = this.innerWidth * 0.3;
        const x1 = this.insetLeft + (this.innerWidth - w) / 2;
        this.piece(14, [{ op: 'hline', x1, x2: x1 + w, y: 7, color: COLORS.accent, width: 1.5 }]);
        return;
      }
      case 'entry':
        this.entry(b);
        return;
      case 'meta': {
        this.paragraph(styled(b.inlines, TYPE.meta, COLORS.muted), { align: 'start', spaceBefore: SPACE.afterTitle, keepWithNext: true });
        this.piece(SPACE.afterMeta, [{ op: 'hline', x1: this.insetLeft, x2: this.insetLeft + this.innerWidth, y: 3, color: COLORS.accent, width: 1.2 }]);
        return;
      }
      case 'heading': {
        const level1 = b.level === 1;
        const title = b.inlines.map((i) => i.text).join('');
        this.paragraph(styled(b.inlines, level1 ? TYPE.h1 : TYPE.h2, COLORS.accent, true), {
          align: 'start',
          spaceBefore: level1 ? SPACE.beforeH1 : SPACE.beforeH2,
          keepWithNext: true,
          bookmark: b.bookmark !== undefined ? { title: b.bookmark || title, level: this.ctx.bookmarkLevel } : undefined,
        });
        return;
      }
      case 'para': {
        const size = b.small ? TYPE.small : TYPE.body;
        this.paragraph(styled(b.inlines, size, b.small ? COLORS.muted : COLORS.text), {
          align: b.align ?? 'justify',
          spaceBefore: b.small ? 2 : SPACE.paragraph,
        });
        return;
      }
      case 'box':
        this.box(b.variant, b.title, () => this.blocks(b.children));
        return;
      case 'passage':
        this.paragraph(styled(b.inlines, TYPE.body), {
          spaceBefore: SPACE.paragraph,
          hang: SPACE.passageNumber,
          marker: { runs: [{ text: b.number, style: style(10, COLORS.accent, true) }] },
        });
        return;
      case 'list': {
        const start = this.items.length;
        b.items.forEach((item, i) => {
          const marker = b.ordered ? `${formatNumber(i + 1, this.ctx.digits)})` : '•';
          const li: StructNode = { type: 'LI', parent: this.node };
          this.within({ type: 'LBody', parent: li }, () =>
            this.paragraph(styled(item, TYPE.body), {
              align: 'justify',
              spaceBefore: 1,
              hang: SPACE.listMarker,
              marker: { runs: [{ text: marker, style: style(TYPE.body, COLORS.accent, b.ordered) }], tag: { type: 'Lbl', parent: li } },
            }),
          );
        });
        // a short list (an activity's steps) is read as one: never split across pages
        if (b.items.length <= SHORT_LIST) for (let i = start; i < this.items.length - 1; i++) this.items[i].keepWithNext = true;
        return;
      }
      case 'term':
        this.paragraph(
          [{ text: `${b.term}: `, style: style(TYPE.body, COLORS.text, true) }, ...styled(b.inlines, TYPE.body)],
          { spaceBefore: 2 },
        );
        return;
      case 'question':
        this.question(b);
        return;
      case 'lines':
        for (let i = 0; i < b.count; i++) {
          this.piece(SPACE.answerLine, [
            { op: 'hline', x1: this.insetLeft, x2: this.insetLeft + this.innerWidth, y: SPACE.answerLine - 2, color: COLORS.rule, width: 0.6 },
          ], { keepWithNext: i < b.count - 1 });
        }
        return;
      case 'options':
        this.options(b.items);
        return;
      case 'scale':
        this.scale(b.labels);
        return;
      case 'rank':
        this.rank(b.items);
        return;
      case 'pagebreak':
        this.pageBreak();
        return;
      case 'source':
        this.source(b);
        return;
      case 'fields':
        this.fields(b.fields);
        return;
      case 'figure':
        this.figure(b);
        return;
    }
  }

  /** The source line, then the URL (a link) with the QR code beside it on the left. */
  private source(b: Extract<Block, { kind: 'source' }>): void {
    this.paragraph(styled(b.inlines, TYPE.meta, COLORS.muted), { align: 'start', spaceBefore: SPACE.afterTitle, keepWithNext: true });
    if (!b.url) return;
    const qr = b.qr ? SPACE.qr : 0;
    const gap = qr ? 10 : 0;
    const label = b.linkLabel
      ? layoutParagraph({ runs: [{ text: `${b.linkLabel}: `, style: style(TYPE.small, COLORS.muted) }], width: 200, align: 'start', direction: 'rtl', lineHeight: TYPE.lineHeight }, this.ctx.family).lines[0]
      : undefined;
    const labelWidth = label ? label.naturalWidth + 4 : 0;
    const urlWidth = this.innerWidth - labelWidth - qr - gap;
    // the URL in Latin order, left to right, wrapped where UAX #14 allows (after / and the like)
    const url = layoutParagraph({ runs: [{ text: b.url, style: style(TYPE.small, COLORS.link) }], width: urlWidth, align: 'end', direction: 'ltr', lineHeight: TYPE.lineHeight }, this.ctx.family);
    if (url.missing.length) this.ctx.onMissing?.(url.missing);
    const ops: DrawOp[] = [];
    const right = this.insetLeft + this.innerWidth;
    if (label) ops.push({ op: 'text', line: label, x: right - label.width, y: 0 });
    // the URL: a Link element, in Latin
    const link: StructNode = { type: 'Link', parent: this.node, lang: 'en' };
    let y = 0;
    const urlLeft = right - labelWidth - urlWidth;
    for (const line of url.lines) {
      ops.push({ op: 'text', line, x: urlLeft, y, tag: link });
      // the clickable area: the ink of this line of the URL
      const x0 = Math.min(...line.runs.map((r) => r.x));
      const x1 = Math.max(...line.runs.map((r) => r.x + r.width));
      ops.push({ op: 'link', x: urlLeft + x0, y, w: x1 - x0, h: line.height, url: b.url, tag: link });
      ops.push({ op: 'hline', x1: urlLeft + x0, x2: urlLeft + x1, y: y + line.ascent + 1.5, color: COLORS.link, width: 0.4 });
      y += line.height;
    }
    if (qr) ops.push(...qrOps(b.url, this.insetLeft, 2, qr, COLORS.text));
    this.piece(Math.max(y, qr ? qr + 4 : 0), ops, { keepWithNext: true });
  }

  /** «الاسم: ______  الصف: ____  التاريخ: ____», sharing the width by weight. */
  private fields(fields: { label: string; weight: number }[]): void {
    const total = fields.reduce((s, f) => s + f.weight, 0);
    const gap = 14;
    const room = this.innerWidth - gap * (fields.length - 1);
    const ops: DrawOp[] = [];
    let right = this.insetLeft + this.innerWidth;
    let height = 0;
    for (const f of fields) {
      const w = (room * f.weight) / total;
      const label = layoutParagraph({ runs: [{ text: `${f.label}:`, style: style(TYPE.body, COLORS.text, true) }], width: w, align: 'start', direction: 'rtl', lineHeight: TYPE.lineHeight }, this.ctx.family).lines[0];
      ops.push({ op: 'text', line: label, x: right - w, y: 0 });
      const lineY = label.ascent + 2;
      ops.push({ op: 'hline', x1: right - w, x2: right - label.naturalWidth - 4, y: lineY, color: COLORS.rule, width: 0.6 });
      height = Math.max(height, label.height);
      right -= w + gap;
    }
    this.piece(height, ops, { keepWithNext: true });
    this.piece(SPACE.afterNameLine, []);
  }

  /**
   * A figure: the picture as one piece (never split), as wide as the text
   * allows but no taller than half the page, centred; its caption kept with it.
   */
  private figure(b: Extract<Block, { kind: 'figure' }>): void {
    const maxW = this.innerWidth;
    let w = maxW;
    let h = (w * b.height) / b.width;
    if (h > SPACE.figureMaxHeight) {
      h = SPACE.figureMaxHeight;
      w = (h * b.width) / b.height;
    }
    const x = this.insetLeft + (maxW - w) / 2;
    this.piece(h, [
      { op: 'image', x, y: 0, w, h, path: b.path, alt: b.alt },
      { op: 'rect', x, y: 0, w, h, stroke: COLORS.rule, lineWidth: 0.5 },
    ], { spaceBefore: SPACE.box, keepWithNext: b.caption.length > 0 });
    if (b.caption.length) this.within('Caption', () => this.paragraph(styled(b.caption, TYPE.small, COLORS.muted), { align: 'center', spaceBefore: 3 }));
  }

  private question(b: Extract<Block, { kind: 'question' }>): void {
    const runs: StyledText[] = [...styled(b.inlines, TYPE.body)];
    // the level, its dash and the first ref stay together (no-break spaces); a line may break between refs, never inside one
    if (b.meta) runs.push({ text: ` (${b.meta.replace(/(?<!،) /g, '\u00a0')})`, style: style(TYPE.questionMeta, COLORS.faint) });
    const start = this.items.length;
    // in a list item (LI): the number is its label, the text and the answer space its body
    const li = this.node;
    const saved = this.node;
    this.node = { type: 'LBody', parent: li };
    // options and scales line up with the question's text: the same hang, wider for «١٠)» and up
    const hang = this.paragraph(runs, {
      spaceBefore: SPACE.question,
      hang: SPACE.listMarker + 2,
      marker: { runs: [{ text: b.number, style: style(TYPE.body, COLORS.accent, true) }], tag: li && { type: 'Lbl', parent: li } },
      keepWithNext: b.children.length > 0,
    });
    const answerStart = this.items.length;
    for (const child of b.children) {
      if (child.kind === 'box') {
        // teacher guidance may break across pages; the answer space before it stays with the question
        this.block(child);
      } else if (child.kind === 'lines') {
        this.block(child);
        this.keepLastWithNext();
      } else {
        // options, scales and ranking boxes line up with the question's text, not its number
        this.insetRight += hang;
        this.block(child);
        this.insetRight -= hang;
        this.keepLastWithNext();
      }
    }
    // keep the question with its answer space: every item up to the last answer part keeps with the next
    const lastAnswer = lastIndexWhere(this.items, answerStart, (it) => it.boxes.length === this.boxStack.length);
    for (let i = start; i < lastAnswer; i++) this.items[i].keepWithNext = true;
    if (lastAnswer >= start) this.items[lastAnswer].keepWithNext = this.items.length - 1 > lastAnswer; // guidance box follows
    this.node = saved;
  }

  /** A contents line: the title on the right, its page number on the left, a dotted leader between. */
  private entry(b: Extract<Block, { kind: 'entry' }>): void {
    const indent = b.level * SPACE.listMarker;
    const size = b.level === 0 ? TYPE.body : TYPE.body - 1;
    const num = layoutParagraph(
      // flush with the left margin (the end side in RTL), so the leader can run from it to the title
      { runs: [{ text: b.page, style: style(size, COLORS.text, b.level === 0) }], width: 60, align: 'end', direction: 'rtl', lineHeight: TYPE.lineHeight },
      this.ctx.family,
    ).lines[0];
    const titleWidth = this.innerWidth - indent - 60;
    const title = layoutParagraph(
      { runs: styled(b.inlines, size, COLORS.text, b.level === 0), width: titleWidth, align: 'start', direction: 'rtl', lineHeight: TYPE.lineHeight },
      this.ctx.family,
    ).lines;
    const last = title[title.length - 1];
    const ops: DrawOp[] = [];
    let y = 0;
    for (const line of title) {
      ops.push({ op: 'text', line, x: this.insetLeft + 60, y });
      y += line.height;
    }
    const lastTop = y - last.height;
    ops.push({ op: 'text', line: num, x: this.insetLeft, y: lastTop + last.ascent - num.ascent });
    // leader from the number to where the title's last line ends (its content sits at the right)
    const x1 = this.insetLeft + num.naturalWidth + 6;
    const x2 = this.insetLeft + this.innerWidth - indent - last.naturalWidth - 6;
    if (x2 > x1) ops.push({ op: 'hline', x1, x2, y: lastTop + last.ascent, color: COLORS.rule, width: 0.5 });
    this.piece(y, ops, { spaceBefore: b.level === 0 ? 6 : 1 });
  }

  private options(items: { letter: string; inlines: Inline[]; mark?: string }[]): void {
    const gap = 12;
    const colWidth = (this.innerWidth - gap) / 2;
    const runsOf = (it: { letter: string; inlines: Inline[]; mark?: string }): StyledText[] => [
      { text: `${it.letter}) `, style: style(TYPE.body, COLORS.accent, true) },
      ...styledOption(it),
    ];
    const laid = items.map((it) =>
      layoutParagraph({ runs: runsOf(it), width: colWidth, align: 'start', direction: 'rtl', lineHeight: TYPE.lineHeight }, this.ctx.family),
    );
    const twoColumns = laid.every((l) => l.lines.length === 1);
    if (!twoColumns) {
      // one option a line; a long one wraps under its own text, its letter hanging in the margin
      items.forEach((it) => {
        const li: StructNode = { type: 'LI', parent: this.node };
        this.within({ type: 'LBody', parent: li }, () =>
          this.paragraph(styledOption(it), {
            align: 'start',
            spaceBefore: 1,
            keepWithNext: true,
            hang: SPACE.listMarker + 6, // room for the widest letter and its bracket, e.g. «هـ)»
            marker: { runs: [{ text: `${it.letter})`, style: style(TYPE.body, COLORS.accent, true) }], tag: { type: 'Lbl', parent: li } },
          }),
        );
      });
      return;
    }
    for (let row = 0; row < laid.length; row += 2) {
      const right = laid[row].lines[0];
      const left = laid[row + 1]?.lines[0];
      const height = Math.max(right.height, left?.height ?? 0);
      // each option a list item (its letter is in its line)
      const item = (): StructNode => ({ type: 'LI', parent: this.node });
      const ops: DrawOp[] = [{ op: 'text', line: right, x: this.insetLeft + colWidth + gap, y: 0, tag: item() }];
      if (left) ops.push({ op: 'text', line: left, x: this.insetLeft, y: 0, tag: item() });
      this.piece(height, ops, { spaceBefore: row === 0 ? 3 : 0, keepWithNext: true });
    }
  }

  private scale(labels: string[]): void {
    const n = labels.length;
    const cell = this.innerWidth / n;
    const r = 6;
    const ops: DrawOp[] = [];
    let labelHeight = 0;
    labels.forEach((label, i) => {
      // first label on the right: the row reads right to left like the text
      const cx = this.insetLeft + this.innerWidth - cell * (i + 0.5);
      ops.push({ op: 'circle', cx, cy: r + 4, r, stroke: COLORS.text, lineWidth: 0.8 });
      const l = layoutParagraph(
        { runs: [{ text: label, style: style(10, COLORS.muted) }], width: cell - 4, align: 'center', direction: 'rtl', lineHeight: 1.4 },
        this.ctx.family,
      );
      let y = 2 * r + 8;
      const td: StructNode = { type: 'TD', parent: this.node };
      for (const line of l.lines) {
        ops.push({ op: 'text', line, x: cx - (cell - 4) / 2, y, tag: td });
        y += line.height;
      }
      labelHeight = Math.max(labelHeight, y);
    });
    this.piece(labelHeight + 4, ops, { spaceBefore: 6, keepWithNext: true });
  }

  private rank(items: Inline[][]): void {
    const boxSize = 13;
    items.forEach((item, i) => {
      const start = this.items.length;
      this.within('LI', () =>
        this.paragraph(styled(item, TYPE.body), { align: 'start', spaceBefore: i === 0 ? 4 : 1, hang: boxSize + 8, keepWithNext: true }),
      );
      const first = this.items[start];
      const line = first.ops[0].op === 'text' ? first.ops[0].line : undefined;
      const top = line ? line.ascent - boxSize + 2 : 2;
      first.ops.push({ op: 'rect', x: this.insetLeft + this.innerWidth - boxSize, y: top, w: boxSize, h: boxSize, stroke: COLORS.text, lineWidth: 0.8 });
    });
  }
}

function lastIndexWhere<T>(list: T[], from: number, pred: (t: T) => boolean): number {
  for (let i = list.length - 1; i >= from; i--) if (pred(list[i])) return i;
  return from - 1;
}

