// The text runs of a PDF's pages with the marked content around each, read
// from the content streams themselves (through MuPDF's object API): what
// tells a screen reader the language of a run (/Lang) and what to say for
// it (/ActualText). hiwar's writer draws text as `[<hex…>] TJ` arrays of
// two-byte codes in Type0 fonts; their ToUnicode maps give the text.
import * as mupdf from 'mupdf';

export interface Mark {
  tag: string;
  mcid?: number;
  lang?: string;
  actualText?: string;
}

export interface MarkedRun {
  page: number;
  /** the run's text as the font's ToUnicode map gives it, in drawing order */
  text: string;
  /** how many glyphs draw it */
  glyphs: number;
  /** marked content open around it, outermost first */
  marks: Mark[];
  /** the language its structure element (or an ancestor) declares, for a run in an element's marked content */
  elementLang?: string;
}

/** A PDF text string as JavaScript text (literal `(…)` or hex `<FEFF…>`). */
function pdfString(s: string): string {
  if (s.startsWith('<')) {
    const hex = s.slice(1, -1).replace(/\s+/g, '');
    const units = hex.match(/..../g)?.map((h) => parseInt(h, 16)) ?? [];
    return String.fromCharCode(...(units[0] === 0xfeff ? units.slice(1) : units));
  }
  const body = s.slice(1, -1).replace(/\\([()\\])/g, '$1');
  if (body.charCodeAt(0) === 0xfe && body.charCodeAt(1) === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < body.length; i += 2) out += String.fromCharCode((body.charCodeAt(i) << 8) | body.charCodeAt(i + 1));
    return out;
  }
  return body;
}

function toUnicode(font: mupdf.PDFObject): Map<string, string> {
  const map = new Map<string, string>();
  const cmap = font.get('ToUnicode');
  if (cmap.isNull()) return map;
  for (const [, code, text] of cmap.readStream().asString().matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]+)>/gi)) {
    map.set(code.toLowerCase(), String.fromCharCode(...text.match(/..../g)!.map((h) => parseInt(h, 16))));
  }
  return map;
}

/** struct element -> the /Lang it or its nearest ancestor declares */
function langOf(elem: mupdf.PDFObject): string | undefined {
  for (let e = elem, depth = 0; !e.isNull() && depth < 64; e = e.get('P'), depth++) {
    const lang = e.get('Lang');
    if (!lang.isNull()) return lang.asString();
  }
  return undefined;
}

const TOKEN = /\/(\w+)\s*<<([\s\S]*?)>>\s*BDC|\/(\w+)\s+BMC|\bEMC\b|\/(\S+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ/g;

export function markedRuns(bytes: Uint8Array): MarkedRun[] {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf') as mupdf.PDFDocument;
  const parentTree = doc.getTrailer().get('Root').get('StructTreeRoot').get('ParentTree').get('Nums');
  const runs: MarkedRun[] = [];
  for (let p = 0; p < doc.countPages(); p++) {
    const page = (doc.loadPage(p) as mupdf.PDFPage).getObject();
    const fonts = new Map<string, Map<string, string>>();
    page.get('Resources').get('Font').forEach((font, name) => fonts.set(String(name), toUnicode(font)));
    // the page's marked-content ids -> structure elements
    let byMcid: mupdf.PDFObject | undefined;
    const key = page.get('StructParents');
    if (!key.isNull()) for (let i = 0; i + 1 < parentTree.length; i += 2) if (parentTree.get(i).asNumber() === key.asNumber()) byMcid = parentTree.get(i + 1);
    const contents = page.get('Contents');
    const stream = contents.isArray() ? Array.from({ length: contents.length }, (_, i) => contents.get(i).readStream().asString()).join('\n') : contents.readStream().asString();
    const stack: Mark[] = [];
    let font = new Map<string, string>();
    for (const m of stream.matchAll(TOKEN)) {
      if (m[1]) {
        const dict = m[2];
        const mcid = /\/MCID\s+(\d+)/.exec(dict);
        const lang = /\/Lang\s*(\((?:[^)\\]|\\.)*\)|<[0-9a-fA-F\s]*>)/.exec(dict);
        const actual = /\/ActualText\s*(\((?:[^)\\]|\\.)*\)|<[0-9a-fA-F\s]*>)/.exec(dict);
        stack.push({ tag: m[1], mcid: mcid ? Number(mcid[1]) : undefined, lang: lang ? pdfString(lang[1]) : undefined, actualText: actual ? pdfString(actual[1]) : undefined });
      } else if (m[3]) stack.push({ tag: m[3] });
      else if (m[0] === 'EMC') stack.pop();
      else if (m[4]) font = fonts.get(m[4]) ?? new Map();
      else if (m[5] !== undefined) {
        let text = '';
        let glyphs = 0;
        for (const [, hex] of m[5].matchAll(/<([0-9a-fA-F]*)>/g)) for (const code of hex.match(/..../g) ?? []) (text += font.get(code.toLowerCase()) ?? ''), glyphs++;
        const owner = [...stack].reverse().find((s) => s.mcid !== undefined);
        const elem = owner && byMcid ? byMcid.get(owner.mcid!) : undefined;
        runs.push({ page: p + 1, text, glyphs, marks: stack.map((s) => ({ ...s })), elementLang: elem && !elem.isNull() ? langOf(elem) : undefined });
      }
    }
  }
  return runs;
}

/** The language a run is in: the innermost marked content's /Lang, else its structure element's. */
export function runLang(run: MarkedRun): string | undefined {
  for (let i = run.marks.length - 1; i >= 0; i--) if (run.marks[i].lang) return run.marks[i].lang;
  return run.elementLang;
}
