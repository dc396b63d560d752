// The formats `hiwar build` writes, by name: each is one folder under
// src/formats/ with one function from a Document to the file's bytes.
import type { Document } from '../document/model.js';
import type { Diagnostic } from '../workspace/diagnostics.js';
import type { Edition, FontName, OutputFormat } from '../workspace/model.js';
import type { FontFamily } from '../text/types.js';
import { renderPdf, type SectionCache } from './pdf/render.js';

export interface RenderContext {
  edition: Edition;
  /** the typeface: laid out by the PDF, named in a Word file */
  family: FontFamily;
  font: FontName;
  /** laid-out lessons kept between builds (watch mode; the PDF's) */
  cache?: SectionCache;
}

export interface Rendered {
  bytes: Uint8Array;
  /** pages, for the formats that know them (0: a page flows, as in HTML, or Word paginates it) */
  pages: number;
  diagnostics: Diagnostic[];
}

export const BACKENDS: Record<OutputFormat, (doc: Document, ctx: RenderContext) => Promise<Rendered>> = {
  pdf: (doc, ctx) => renderPdf(doc, { family: ctx.family, cache: ctx.cache }),
  // loaded when asked for: a PDF-only build never reads the docx package
  docx: async (doc, ctx) => (await import('./docx/render.js')).renderDocx(doc, { font: ctx.font }),
  html: async (doc, ctx) => (await import('./html/render.js')).renderHtml(doc, { family: ctx.family }),
};
