// Drawing operations: the paginator's output and the PDF writer's input.
// Coordinates are points, origin at the top-left of the page, y down.
import type { LaidLine } from '../text/types.js';

/**
 * A node of the handout's logical structure, for tagged PDF (ISO 32000 §14.8.4
 * standard types): the ops that share a node are one element, its parent
 * chain says where the element sits. Text without a node is an artifact (a
 * running header or footer); shapes are always artifacts.
 */
export interface StructNode {
  type: 'Sect' | 'H1' | 'H2' | 'H3' | 'P' | 'BlockQuote' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TD' | 'TOC' | 'TOCI' | 'Link' | 'Figure' | 'Caption' | 'Div';
  parent?: StructNode;
  /** a language other than the document's (Latin text: "en") */
  lang?: string;
  /** a figure's description */
  alt?: string;
}

export type DrawOp =
  /** a laid-out line; x is the left edge of its line box, y its top; `tag`: the element it belongs to */
  | { op: 'text'; line: LaidLine; x: number; y: number; tag?: StructNode }
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; lineWidth?: number; radius?: number }
  | { op: 'hline'; x1: number; x2: number; y: number; color: string; width: number }
  | { op: 'circle'; cx: number; cy: number; r: number; stroke: string; lineWidth: number }
  /** a clickable area opening `url` (draws nothing: the text under it is drawn by its own op) */
  | { op: 'link'; x: number; y: number; w: number; h: number; url: string; tag?: StructNode }
  /** a PNG or JPEG picture scaled into the box; `alt` says in words what it shows */
  | { op: 'image'; x: number; y: number; w: number; h: number; path: string; alt: string; tag?: StructNode };

export interface Bookmark {
  title: string;
  /** 0 = top level */
  level: number;
  /** y on its page */
  y: number;
}

export interface Page {
  ops: DrawOp[];
  bookmarks: Bookmark[];
  /** running header texts (start = right side in RTL) */
  head?: { start: string; end: string };
  /** the footer line ("صفحة ٣ من ١٢"), set by the renderer once the page count is known */
  foot?: string;
  /** false for a cover page: no header, no footer */
  decorated: boolean;
}

/** Shift ops by (dx, dy). */
export function translate(ops: DrawOp[], dx: number, dy: number): DrawOp[] {
  return ops.map((o) => {
    switch (o.op) {
      case 'text':
        return { ...o, x: o.x + dx, y: o.y + dy };
      case 'rect':
        return { ...o, x: o.x + dx, y: o.y + dy };
      case 'hline':
        return { ...o, x1: o.x1 + dx, x2: o.x2 + dx, y: o.y + dy };
      case 'circle':
        return { ...o, cx: o.cx + dx, cy: o.cy + dy };
      case 'link':
      case 'image':
        return { ...o, x: o.x + dx, y: o.y + dy };
    }
  });
}
