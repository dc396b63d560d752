// The Word format: a Document -> a .docx a teacher can edit. Built with the
// `docx` package (no hand-written OOXML): right-to-left sections, paragraphs
// and runs, real styles (Heading 1–3, Passage, Question, Teacher note) so a
// teacher restyles the whole file at once, questions as real numbering that
// restarts in each lesson, options/scales/ranks as simple tables, answer
// lines as ruled paragraphs, a header and a «صفحة X من Y» footer per part.
// Word lays out the pages itself: nothing here measures text.
import fs from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  Document as WordDocument,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  NumberFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type ISectionOptions,
} from 'docx';
import { unzipSync } from 'fflate';
import type { Block, ContentsPart, Document, Inline, Part } from '../../document/model.js';
import type { FontName } from '../../workspace/model.js';
import { COLORS, PAGE, PAPER, SPACE, TYPE } from '../../layout/style.js';
import { formatNumber } from '../../text/digits.js';
import { fixedZip } from './zip.js';
import { rightToLeftSections, stableLinkIds } from './patch.js';

/** The family Word asks for first; Word falls back to its own complex-script font when it is not installed. */
const FONT_NAMES: Record<FontName, string> = { amiri: 'Amiri', 'noto-naskh': 'Noto Naskh Arabic' };

type FileChild = Paragraph | Table | TableOfContents;

const hex = (c: string) => c.replace('#', '').toUpperCase();
/** half-points */
const half = (pt: number) => Math.round(pt * 2);
/** twentieths of a point */
const twips = (pt: number) => Math.round(pt * 20);
/**
 * The PDF's line height for a size, as a minimum: Amiri's own (tall) line
 * height times Word's "single" would set the text far looser than the PDF,
 * and "at least" still lets a taller line (a heading, a picture) grow.
 */
const leading = (size: number) => ({ line: twips(size * TYPE.lineHeight), lineRule: LineRuleType.AT_LEAST });

/** What every paragraph of one part shares. */
interface Place {
  /** the lesson's number: each lesson's questions number from 1 again */
  instance: number;
  figures: { next: number };
  digits: Document['digits'];
}

const BOX_LOOK: Record<string, { fill: string; bar?: string }> = {
  objectives: { fill: COLORS.objectivesBg, bar: COLORS.objectivesBorder },
  note: { fill: COLORS.noteBg, bar: COLORS.noteBar },
  teacher: { fill: COLORS.teacherBg, bar: COLORS.teacherBar },
  guidance: { fill: COLORS.guidanceBg, bar: COLORS.teacherBar },
  activity: { fill: COLORS.activityBg, bar: COLORS.activityBar },
};

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function runs(inlines: Inline[], extra: { bold?: boolean; size?: number; color?: string } = {}): TextRun[] {
  return inlines.map(
    (i) =>
      new TextRun({
        text: i.text,
        rightToLeft: true,
        bold: extra.bold || i.bold,
        boldComplexScript: extra.bold || i.bold,
        color: i.muted ? hex(COLORS.muted) : extra.color,
        size: extra.size,
        sizeComplexScript: extra.size,
      }),
  );
}

function text(t: string, extra: { bold?: boolean; size?: number; color?: string } = {}): TextRun {
  return runs([{ text: t }], extra)[0];
}

function para(options: IParagraphOptions): Paragraph {
  return new Paragraph({ bidirectional: true, ...options });
}

/**
 * A table set right to left with no ruled lines (options, scales, ranks, the
 * running head): Word shows its grid on screen only. The choices keep each
 * row with the next (their paragraphs keep with the next), so a question's
 * options are not split over two pages.
 */
function table(rows: FileChild[][][], widths?: number[]): Table {
  return new Table({
    visuallyRightToLeft: true,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: rows.map((cells) => new TableRow({ children: cells.map((children, i) => new TableCell({ children: children as Paragraph[], ...(widths ? { width: { size: widths[i], type: WidthType.PERCENTAGE } } : {}) })) })),
  });
}

/**
 * A box (objectives, a note, the teacher's guidance, an activity): one shaded
 * table cell with the accent bar on its start (right) side, as in the PDF. A
 * cell keeps the shading and the bar whole whatever the paragraphs inside do
 * (paragraph borders would follow each list item's indent), and a teacher
 * adds a line to the box by pressing Enter inside it.
 */
function boxTable(look: { fill: string; bar?: string }, children: FileChild[], short: boolean): Table {
  const bar: IBorderOptions = look.bar ? { style: BorderStyle.SINGLE, size: 24, color: hex(look.bar) } : NONE;
  return new Table({
    visuallyRightToLeft: true,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        // a short box moves to the next page whole rather than leave its title alone at a page's foot
        ...(short ? { cantSplit: true } : {}),
        children: [
          new TableCell({
            shading: { type: 'clear', color: 'auto', fill: hex(look.fill) },
            borders: { top: NONE, bottom: NONE, left: NONE, right: bar },
            margins: { top: 80, bottom: 40, left: 160, right: 160 },
            children: (children.length ? children : [para({})]) as Paragraph[],
          }),
        ],
      }),
    ],
  });
}

/** A box of at most this many characters (about five lines) is kept on one page. */
const SHORT_BOX = 600;

/** The characters of text in these blocks (what a box holds: paragraphs, lists, terms, questions). */
function textLength(list: Block[]): number {
  const of = (inlines: Inline[]) => inlines.reduce((n, i) => n + i.text.length, 0);
  return list.reduce((n, b) => {
    if ('inlines' in b) n += of(b.inlines);
    if (b.kind === 'list' || b.kind === 'rank') n += b.items.reduce((m, item) => m + of(item), 0);
    if (b.kind === 'options') n += b.items.reduce((m, it) => m + of(it.inlines), 0);
    if (b.kind === 'term') n += b.term.length;
    if ('children' in b) n += textLength(b.children);
    return n;
  }, 0);
}

/**
 * Ruled lines to write on: one bottom border per line, and `between` so Word
 * draws the lines between paragraphs it groups; kept together on one page, as
 * in the PDF.
 */
function answerLines(count: number): Paragraph[] {
  const rule: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: hex(COLORS.rule), space: 1 };
  return Array.from({ length: count }, (_, i) => para({ style: 'AnswerLine', keepNext: i < count - 1, children: [text(' ')], border: { bottom: rule, between: rule } }));
}

function blocks(list: Block[], place: Place): FileChild[] {
  return list.flatMap((b) => block(b, place));
}

function block(b: Block, place: Place): FileChild[] {
  switch (b.kind) {
    case 'title':
      return [para({ heading: HeadingLevel.HEADING_1, alignment: b.align === 'center' ? AlignmentType.CENTER : AlignmentType.START, children: runs(b.inlines) })];
    case 'meta':
      return [para({ style: 'Meta', children: runs(b.inlines) })];
    case 'heading':
      return [para({ heading: b.level === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: runs(b.inlines) })];
    case 'para':
      return [
        para({
          style: b.small ? 'Small' : undefined,
          alignment: b.align === 'center' ? AlignmentType.CENTER : b.align === 'start' ? AlignmentType.START : AlignmentType.BOTH,
          children: runs(b.inlines),
        }),
      ];
    case 'box': {
      // not kept with the next line: LibreOffice would then never split the box's cell across pages
      const title = b.title ? [para({ style: 'BoxTitle', keepNext: false, children: [text(b.title, { bold: true })] })] : [];
      return [boxTable(BOX_LOOK[b.variant], [...title, ...blocks(b.children, place)], textLength(b.children) <= SHORT_BOX)];
    }
    case 'passage':
      return [para({ style: 'Passage', children: [text(`[${b.number}] `, { bold: true, color: hex(COLORS.accent) }), ...runs(b.inlines)] })];
    case 'list':
      return b.items.map((item, i) => {
        // the PDF's markers: «١)» in the handout's digits, or a bullet
        const marker = b.markers?.[i] ?? (b.ordered ? `${formatNumber(i + 1, place.digits)})` : '•');
        return para({ style: 'ListItem', children: [text(`${marker} `, { bold: b.ordered, color: hex(COLORS.accent) }), ...runs(item)] });
      });
    case 'term':
      return [para({ style: 'Term', children: [text(`${b.term}: `, { bold: true }), ...runs(b.inlines)] })];
    case 'question':
      return [
        para({
          style: 'Question',
          numbering: { reference: 'questions', level: 0, instance: place.instance },
          children: [...runs(b.inlines), ...(b.meta ? [text(`  (${b.meta})`, { bold: false, size: half(TYPE.small), color: hex(COLORS.muted) })] : [])],
        }),
        ...blocks(b.children, place),
      ];
    case 'lines':
      return answerLines(b.count);
    case 'options':
      return [
        table(
          b.items.map((it, i) => [
            [para({ keepNext: i < b.items.length - 1, children: [text(it.letter, { bold: true, color: hex(COLORS.accent) })] })],
            [para({ keepNext: i < b.items.length - 1, children: it.mark ? [...runs(it.inlines, { bold: true, color: hex(COLORS.teacherBar) }), text(` (${it.mark})`, { bold: true, color: hex(COLORS.teacherBar) })] : runs(it.inlines) })],
          ]),
          [6, 94],
        ),
      ];
    case 'source':
      return [
        para({
          style: 'Source',
          children: [
            ...runs(b.inlines),
            ...(b.url
              ? [
                  text(` — ${b.linkLabel ? `${b.linkLabel}: ` : ''}`),
                  // a real link, read left to right
                  new ExternalHyperlink({ link: b.url, children: [new TextRun({ text: b.url, style: 'Hyperlink', rightToLeft: false })] }),
                ]
              : []),
          ],
        }),
      ];
    case 'fields':
      return [para({ children: b.fields.flatMap((f, i) => [text(`${i ? '    ' : ''}${f.label}: `), text('_'.repeat(Math.max(6, Math.round(f.weight * 14))))]) })];
    case 'figure': {
      const type = /\.png$/i.test(b.path) ? 'png' : 'jpg';
      const width = 450;
      const id = String(place.figures.next++);
      return [
        para({
          alignment: AlignmentType.CENTER,
          children: [new ImageRun({ type, data: fs.readFileSync(b.path), transformation: { width, height: Math.round((width * b.height) / b.width) }, altText: { id, name: `figure ${id}`, title: b.alt, description: b.alt } })],
        }),
        para({ style: 'Caption', children: runs(b.caption) }),
      ];
    }
    case 'scale':
      return [table([b.labels.map((l) => [para({ alignment: AlignmentType.CENTER, children: [text(`○ ${l}`)] })])])];
    case 'rank':
      return [table(b.items.map((item, i) => [[para({ keepNext: i < b.items.length - 1, children: [text('☐')] })], [para({ keepNext: i < b.items.length - 1, children: runs(item) })]]), [6, 94])];
    case 'spacer':
    case 'rule':
      return [];
    case 'entry':
      // a PDF contents line; Word makes its own from the TOC field
      return [];
    case 'pagebreak':
      return [para({ children: [new PageBreak()] })];
  }
}

function running(part: Part | ContentsPart, doc: Document) {
  if (part.decorated === false) return {};
  const head = part.head
    ? [
        table([
          [
            [new Paragraph({ bidirectional: true, style: 'Running', children: [text(part.head.start)] })],
            [new Paragraph({ bidirectional: true, style: 'Running', alignment: AlignmentType.END, children: [text(part.head.end)] })],
          ],
        ]),
      ]
    : [];
  return {
    headers: { default: new Header({ children: head }) },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            bidirectional: true,
            style: 'Running',
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ rightToLeft: true, children: [`${doc.pageLabels.page} `, PageNumber.CURRENT, ` ${doc.pageLabels.of} `, PageNumber.TOTAL_PAGES] })],
          }),
        ],
      }),
    },
  };
}

/**
 * A TOC field over Heading 1–2 (the lessons and their sections), which Word
 * fills with page numbers when it opens the file. Until then it lists the
 * lessons (given content: the docx package would otherwise add bookmarks
 * numbered by a counter shared by every file, and equal input would no longer
 * give equal bytes).
 */
function contentsField(part: ContentsPart): TableOfContents {
  const lines = part.entries.map((e) => new Paragraph({ bidirectional: true, style: 'TOC1', children: [text(e.label ? `${e.label}: ${e.title}` : e.title)] }));
  return new TableOfContents(part.entries[0]?.title ?? '', { hyperlink: true, headingStyleRange: '1-2', contentChildren: lines });
}

function section(part: Part | ContentsPart, doc: Document, index: number, figures: { next: number }): ISectionOptions {
  const place: Place = { instance: part.lessonNumber ?? index + 1, figures, digits: doc.digits };
  const children: FileChild[] =
    part.kind === 'contents'
      ? [...blocks(part.blocksFor(part.entries), place), contentsField(part)]
      : blocks(part.blocks, place);
  const { width, height } = PAPER[doc.paper];
  return {
    properties: {
      // a part that does not start a page (a pack's second answer key) runs on
      type: part.recto ? SectionType.ODD_PAGE : part.newPage || index === 0 ? SectionType.NEXT_PAGE : SectionType.CONTINUOUS,
      page: {
        size: { width: twips(width), height: twips(height) },
        margin: { top: twips(PAGE.marginTop), bottom: twips(PAGE.marginBottom), left: twips(PAGE.marginSide), right: twips(PAGE.marginSide), header: twips(PAGE.headerY), footer: twips(PAGE.footerY) },
        pageNumbers: { formatType: doc.digits === 'arabic' ? NumberFormat.HINDI_NUMBERS : NumberFormat.DECIMAL },
      },
    },
    ...running(part, doc),
    children: children.length ? children : [new Paragraph({ bidirectional: true })],
  };
}

const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

export interface DocxOptions {
  font?: FontName;
}

export async function renderDocx(doc: Document, opts: DocxOptions = {}): Promise<{ bytes: Uint8Array; pages: number; diagnostics: [] }> {
  const font = FONT_NAMES[opts.font ?? 'amiri'];
  const rFonts = { ascii: font, hAnsi: font, cs: font, eastAsia: font };
  const figures = { next: 1 };
  const word = new WordDocument({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author ?? 'hiwar',
    lastModifiedBy: 'hiwar',
    // Word fills the contents field and the page count when it opens the file
    features: { updateFields: doc.parts.some((p) => p.kind === 'contents') },
    styles: {
      default: {
        document: { run: { font: rFonts, size: half(TYPE.body), sizeComplexScript: half(TYPE.body), color: hex(COLORS.text), rightToLeft: true, language: { value: 'ar-SA', bidirectional: 'ar-SA' } }, paragraph: { spacing: { after: 120, ...leading(TYPE.body) } } },
        heading1: { run: { font: rFonts, size: half(TYPE.title), sizeComplexScript: half(TYPE.title), bold: true, boldComplexScript: true, color: hex(COLORS.accent) }, paragraph: { spacing: { before: 120, after: 160 }, keepNext: true } },
        heading2: { run: { font: rFonts, size: half(TYPE.h1), sizeComplexScript: half(TYPE.h1), bold: true, boldComplexScript: true, color: hex(COLORS.accent) }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: rFonts, size: half(TYPE.h2), sizeComplexScript: half(TYPE.h2), bold: true, boldComplexScript: true, color: hex(COLORS.text) }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: 'Passage', name: 'Passage', basedOn: 'Normal', next: 'Passage', quickFormat: true, paragraph: { alignment: AlignmentType.BOTH, indent: { start: 240 } } },
        { id: 'Question', name: 'Question', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, boldComplexScript: true }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        { id: 'AnswerLine', name: 'Answer line', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { before: 0, after: 0, line: twips(SPACE.answerLine), lineRule: LineRuleType.EXACT } } },
        { id: 'BoxTitle', name: 'Box title', basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph: { keepNext: true } },
        { id: 'Meta', name: 'Lesson facts', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: leading(TYPE.meta) }, run: { size: half(TYPE.meta), sizeComplexScript: half(TYPE.meta), color: hex(COLORS.muted) } },
        { id: 'Small', name: 'Small', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: leading(TYPE.small) }, run: { size: half(TYPE.small), sizeComplexScript: half(TYPE.small), color: hex(COLORS.muted) } },
        { id: 'Source', name: 'Source', basedOn: 'Small', quickFormat: true },
        { id: 'Caption', name: 'Figure caption', basedOn: 'Small', quickFormat: true, paragraph: { alignment: AlignmentType.CENTER } },
        { id: 'Term', name: 'Glossary term', basedOn: 'Normal', quickFormat: true },
        { id: 'ListItem', name: 'List item', basedOn: 'Normal', quickFormat: true, paragraph: { indent: { start: 360 } } },
        { id: 'Running', name: 'Running head', basedOn: 'Normal', run: { size: half(TYPE.running), sizeComplexScript: half(TYPE.running), color: hex(COLORS.muted) }, paragraph: { spacing: { after: 0, ...leading(TYPE.running) } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'questions',
          levels: [
            {
              level: 0,
              // Arabic-Indic digits (١، ٢، ٣) when the handout asks for them
              format: doc.digits === 'arabic' ? LevelFormat.HINDI_NUMBERS : LevelFormat.DECIMAL,
              text: '%1)',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { start: 400, hanging: 400 } } },
            },
          ],
        },
      ],
    },
    sections: doc.parts.map((part, i) => section(part, doc, i, figures)),
  });
  const files = unzipSync(await Packer.toBuffer(word));
  rightToLeftSections(files);
  stableLinkIds(files);
  return { bytes: fixedZip(files, FIXED_DATE), pages: 0, diagnostics: [] };
}
