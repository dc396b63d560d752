// Issue 14 §1: the PDF is tagged (PDF/UA-1 in structure): a structure tree a
// screen reader can walk, running heads and shapes as artifacts, the
// document's language and title, read back through pdf.js (what Firefox's
// accessibility layer uses) and MuPDF (the catalog and the XMP metadata).
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderPdf } from '../../src/formats/pdf/render.js';
import { courseDoc, sampleCourse } from '../formats/helpers.js';
import { readPdf } from '../helpers/pdf.js';
import { elements, fullText, structureOf, type Element } from './structure.js';

let bytes: Uint8Array;
let tree: Awaited<ReturnType<typeof structureOf>>;
let title: string;

beforeAll(async () => {
  const doc = courseDoc(await sampleCourse(), 'student');
  title = doc.meta.title;
  bytes = (await renderPdf(doc)).bytes;
  tree = await structureOf(bytes);
}, 60_000);

const roles = (e: Element) => new Set(elements(e).map((x) => x.role));

describe('the structure tree', () => {
  test('every page has a tree under one Document: a Sect per part, headings, paragraphs', () => {
    for (const page of tree.pages) {
      const doc = page.children.find((c) => c.role === 'Document');
      expect(doc).toBeDefined();
      expect(doc!.children.every((c) => c.role === 'Sect')).toBe(true);
    }
    const all = new Set(tree.pages.flatMap((p) => [...roles(p)]));
    for (const role of ['H1', 'H2', 'H3', 'P', 'BlockQuote', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TD', 'TOC', 'TOCI']) expect(all, role).toContain(role);
  });

  test('questions are list items: the number is the label, the text the body', () => {
    const items = tree.pages.flatMap((p) => elements(p).filter((e) => e.role === 'LI' && e.children.some((c) => c.role === 'Lbl')));
    expect(items.length).toBeGreaterThan(20);
    const labelled = items.map((li) => ({ lbl: fullText(li.children.find((c) => c.role === 'Lbl')!).trim(), body: li.children.find((c) => c.role === 'LBody') }));
    expect(labelled.every((x) => x.lbl.length > 0 && x.lbl.length <= 4 && x.body)).toBe(true);
  });

  test('the contents is a TOC with an entry per line, in reading order', () => {
    const toc = tree.pages.flatMap((p) => elements(p).filter((e) => e.role === 'TOC'))[0];
    expect(toc.children.every((c) => c.role === 'TOCI')).toBe(true);
    expect(fullText(toc.children[0])).toContain('الدرس ١');
  });

  test('text outside the tree is only the running header and footer, marked as artifacts', () => {
    tree.outside.forEach((t) => expect(t.trim()).toBe(''));
    // every decorated page has its footer as an artifact, and no element holds it
    const decorated = tree.artifacts.filter((a) => /صفحة \S+ من \S+/.test(a));
    expect(decorated.length).toBeGreaterThan(tree.pages.length - 3);
    const inTree = tree.pages.map((p) => elements(p).map((e) => e.text).join('')).join('');
    expect(inTree).not.toMatch(/صفحة \S+ من \S+/);
  });
});

describe('the document', () => {
  test('is marked, in Arabic, shows its title, and says PDF/UA-1 in its XMP metadata', async () => {
    const { info, metadata, markInfo, viewerPreferences } = await readPdf(bytes, { text: false, metadata: true });
    expect(markInfo).toMatchObject({ Marked: true });
    expect(viewerPreferences).toMatchObject({ DisplayDocTitle: true, Direction: 'R2L' });
    expect(info!.Language).toBe('ar');
    expect(metadata?.['dc:title']).toBe(title);
    const raw = mupdf.Document.openDocument(bytes, 'application/pdf') as mupdf.PDFDocument;
    const xmp = raw.getTrailer().get('Root').get('Metadata').readStream().asString();
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(raw.getTrailer().get('Root').get('StructTreeRoot').isNull()).toBe(false);
  });

  test('pages name their tab order by structure (/Tabs /S)', () => {
    const raw = mupdf.Document.openDocument(bytes, 'application/pdf') as mupdf.PDFDocument;
    for (let i = 0; i < raw.countPages(); i++) expect((raw.loadPage(i) as mupdf.PDFPage).getObject().get('Tabs').asName()).toBe('S');
  });
});
