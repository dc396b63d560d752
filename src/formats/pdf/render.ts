// The PDF format: a Document -> laid-out flows -> pages -> PDF bytes. Layout,
// pagination, the contents' page numbers and the running heads are this
// format's business; the Document only says what the handout contains.
import type { FontFamily, MissingGlyph } from '../../text/types.js';
import { loadFamily } from '../../text/index.js';
import type { Digits } from '../../workspace/model.js';
import { warningAt, type Diagnostic } from '../../workspace/diagnostics.js';
import type { ContentsEntry, ContentsPart, Document, Part } from '../../document/model.js';
import { FlowBuilder, type FlowItem } from '../../layout/flow.js';
import { geometry, paginateSections, type Section } from '../../layout/paginate.js';
import type { Page } from '../../layout/ops.js';
import { withRunningHeads } from '../../layout/running.js';
import { writePdf } from '../../pdf/writer.js';
import { formatNumber } from '../../text/digits.js';

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
  diagnostics: Diagnostic[];
  /** for tests and the table of contents: the page (0-based) each lesson starts on */
  lessonStarts?: number[];
}

export interface PdfOptions {
  family?: FontFamily;
  /**
   * Keep each lesson's laid-out section between builds (watch mode): a course
   * rebuilt after one lesson changed lays out only that lesson again.
   */
  cache?: SectionCache;
  /** told the laid-out pages (before running heads), for measuring the pagination */
  onLayout?: (laid: { items: FlowItem[]; pages: Page[]; sectionStarts: number[]; lessonStarts: number[] }) => void;
}

/**
 * Laid-out lessons by (lesson file, kind, header): one entry each, replaced
 * when anything that shapes the layout changes, so the cache never holds more
 * than one build's worth.
 */
export class SectionCache {
  private entries = new Map<string, { key: string; section: Section; missing: Diagnostic[] }>();

  /** The section for `key`, or lay it out with `make` (problems it reports are kept and replayed). */
  get(slot: string, key: string, diagnostics: Diagnostic[], make: (report: Diagnostic[]) => Section): Section {
    const hit = this.entries.get(slot);
    if (hit && hit.key === key) {
      diagnostics.push(...hit.missing);
      return hit.section;
    }
    const missing: Diagnostic[] = [];
    const section = make(missing);
    diagnostics.push(...missing);
    this.entries.set(slot, { key, section, missing });
    return section;
  }

  get size(): number {
    return this.entries.size;
  }
}

function missingReporter(file: string, out: Diagnostic[]) {
  return (missing: MissingGlyph[]) => {
    for (const m of missing) {
      const cp = `U+${m.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
      out.push(warningAt(file, 0, 0, 'render.missing-glyph', { char: m.char, cp }));
    }
  };
}

interface Setting {
  doc: Document;
  family: FontFamily;
  cache?: SectionCache;
  diagnostics: Diagnostic[];
}

/** A part's blocks as a section of measured flow items. */
function layoutPart(part: Part | ContentsPart, blocks: Part['blocks'], s: Setting, report: Diagnostic[]): Section {
  const flow = new FlowBuilder({
    family: s.family,
    width: geometry(s.doc.paper).contentWidth,
    digits: s.doc.digits,
    kashida: s.doc.justify === 'kashida',
    bookmarkLevel: part.headingLevel,
    onMissing: part.file ? missingReporter(part.file, report) : undefined,
    // tagged PDF: each part (a lesson, the cover, the contents) is a section of the document
    root: { type: 'Sect' },
  });
  flow.blocks(blocks);
  if (part.bookmark && flow.items.length) flow.items[0].bookmark ??= part.bookmark;
  return { items: flow.items, head: part.head, newPage: part.newPage, recto: part.recto, decorated: part.decorated };
}

/** Lay out a part, through the cache for a lesson inside a pack (a lesson built alone is rebuilt because it changed). */
function sectionOf(part: Part, s: Setting): Section {
  const make = (report: Diagnostic[]) => layoutPart(part, part.blocks, s, report);
  if (!s.cache || !part.bookmark || !part.file) return make(s.diagnostics);
  const slot = `${part.file}\u0000${part.kind}\u0000${part.head?.end ?? ''}`;
  const key = JSON.stringify([part, s.family.name, s.doc.paper, s.doc.digits, s.doc.justify]);
  return s.cache.get(slot, key, s.diagnostics, make);
}

/** "صفحة N من M" on every decorated page, in the document's digits (new page objects: laid-out pages may be cached). */
function withFooters(pages: Page[], doc: Document): Page[] {
  const total = formatNumber(pages.length, doc.digits);
  return pages.map((p, i) => (p.decorated ? { ...p, foot: `${doc.pageLabels.page} ${formatNumber(i + 1, doc.digits)} ${doc.pageLabels.of} ${total}` } : p));
}

/**
 * The contents entries with the pages where each part after the contents
 * starts (its outline entry), and a lesson's sections with theirs; `offset`
 * pages come before them.
 */
function contentsFrom(pages: Page[], offset: number, contents: ContentsPart, after: Part[], digits: Digits): ContentsEntry[] {
  const wanted = contents.entries;
  const entries: ContentsEntry[] = [];
  pages.forEach((page, i) => {
    const number = formatNumber(offset + i + 1, digits);
    for (const b of page.bookmarks) {
      if (b.level === 1 && entries.length < wanted.length && b.title === wanted[entries.length].title) {
        entries.push({ ...wanted[entries.length], page: number, sections: [] });
      } else if (b.level === 2 && entries.length && after[entries.length - 1]?.kind === 'lesson') {
        entries[entries.length - 1].sections.push({ title: b.title, page: number });
      }
    }
  });
  return entries;
}

function paginate(sections: Section[], doc: Document, firstNumber = 1) {
  return paginateSections(sections, doc.paper, firstNumber);
}

export async function renderPdf(doc: Document, opts: PdfOptions = {}): Promise<RenderedPdf> {
  const s: Setting = { doc, family: opts.family ?? loadFamily('amiri'), cache: opts.cache, diagnostics: [] };
  const at = doc.parts.findIndex((p) => p.kind === 'contents');
  let pages: Page[];
  let lessonStarts: number[];
  let sections: Section[];
  let sectionStarts: number[];
  if (at < 0) {
    const parts = doc.parts as Part[];
    sections = parts.map((p) => sectionOf(p, s));
    const laid = paginate(sections, doc);
    pages = laid.pages;
    sectionStarts = laid.starts;
    lessonStarts = laid.starts.filter((_, i) => parts[i].kind === 'lesson' || parts[i].kind === 'key');
  } else {
    // Every part after the contents starts on a new page, so those parts
    // paginate the same wherever they start: paginate them once, and only the
    // contents again. The contents' page numbers depend on how many pages the
    // contents take, which the entries fix (one line each, numbers in a column
    // of fixed width): lay them out with placeholder numbers, then with the
    // numbers found, until the contents keep their length (they do after one
    // pass with our templates).
    const contents = doc.parts[at] as ContentsPart;
    const before = doc.parts.slice(0, at) as Part[];
    const after = doc.parts.slice(at + 1) as Part[];
    const beforeSections = before.map((p) => sectionOf(p, s));
    const beforeLaid = paginate(beforeSections, doc);
    const beforePages = beforeLaid.pages;
    const afterSections = after.map((p) => sectionOf(p, s));
    let contentsSection: Section | undefined;
    const contentsPages = (entries: ContentsEntry[]) => paginate([(contentsSection = layoutPart(contents, contents.blocksFor(entries), s, s.diagnostics))], doc).pages;
    const wide = formatNumber(888, doc.digits);
    let entries: ContentsEntry[] = contents.entries.map((e, i) => ({
      ...e,
      page: wide,
      sections: after[i]?.kind === 'lesson' ? afterSections[i].items.flatMap((it) => (it.bookmark?.level === 2 ? [{ title: it.bookmark.title, page: wide }] : [])) : [],
    }));
    let contentsLaid = contentsPages(entries);
    // where the lessons fall depends on how many pages come before them (right-hand starts)
    const restAfter = (pagesBefore: number) => paginate(afterSections, doc, pagesBefore + 1);
    let rest = restAfter(beforePages.length + contentsLaid.length);
    for (let pass = 0; pass < 4; pass++) {
      const found = contentsFrom(rest.pages, beforePages.length + contentsLaid.length, contents, after, doc.digits);
      if (JSON.stringify(found) === JSON.stringify(entries)) break;
      entries = found;
      const length = contentsLaid.length;
      contentsLaid = contentsPages(entries);
      if (contentsLaid.length !== length) rest = restAfter(beforePages.length + contentsLaid.length);
    }
    const offset = beforePages.length + contentsLaid.length;
    pages = [...beforePages, ...contentsLaid, ...rest.pages];
    lessonStarts = rest.starts.filter((_, i) => after[i].kind === 'lesson').map((p) => p + offset);
    sections = [...beforeSections, contentsSection!, ...afterSections];
    sectionStarts = [...beforeLaid.starts, beforePages.length, ...rest.starts.map((p) => p + offset)];
  }
  opts.onLayout?.({ items: sections.flatMap((x) => x.items), pages, sectionStarts, lessonStarts });
  const drawn = withRunningHeads(withFooters(pages, doc), doc.paper, s.family);
  const bytes = await writePdf(drawn, { title: doc.meta.title, subject: doc.meta.subject, author: doc.meta.author, paper: doc.paper });
  return { bytes, pages: pages.length, diagnostics: s.diagnostics, lessonStarts };
}
