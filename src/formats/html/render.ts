// The web format: a Document -> one self-contained, accessible HTML page per
// edition. Semantic HTML (h1–h3, ol, figure/blockquote with cite for the
// passages, fieldset for choices), right to left, the font inside the page,
// no script; answer space as textareas on screen and ruled lines in print.
import fs from 'node:fs';
import type { Block, ContentsPart, Document, Inline, Part } from '../../document/model.js';
import type { FontFamily } from '../../text/types.js';
import { COLORS } from '../../layout/style.js';
import { message } from '../../i18n/catalogue.js';
import { woff2Subset } from './subset.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
/** the page's own words, in Arabic (the handout's language) */
const word = (code: 'formats.html-answer' | 'formats.html-rank' | 'formats.html-contents') => message(code, 'ar');

function inlines(list: Inline[]): string {
  return list.map((i) => {
    let t = esc(i.text);
    if (i.bold) t = `<strong>${t}</strong>`;
    if (i.muted) t = `<span class="muted">${t}</span>`;
    return t;
  }).join('');
}

/** What the page so far has set: the article's address (the passages' `cite`), and ids made unique. */
interface State {
  cite?: string;
  ids: number;
}

function answerSpace(count: number): string {
  return `<textarea class="answer" rows="${count + 1}" aria-label="${esc(word('formats.html-answer'))}"></textarea><div class="lines" aria-hidden="true" style="--lines:${count}"></div>`;
}

/** A question: its text (the legend of its choices), and its answer space. */
function question(b: Extract<Block, { kind: 'question' }>, s: State): string {
  const meta = b.meta ? ` <span class="muted small">(${esc(b.meta)})</span>` : '';
  const name = `q${++s.ids}`;
  const choices = b.children.find((c) => c.kind === 'options' || c.kind === 'scale');
  const text = `${inlines(b.inlines)}${meta}`;
  if (choices) {
    const inputs =
      choices.kind === 'options'
        ? choices.items.map((it) => `<label class="option"><input type="radio" name="${name}"> <span class="letter">${esc(it.letter)}</span> ${it.mark ? `<strong class="right">${inlines(it.inlines)} (${esc(it.mark)})</strong>` : inlines(it.inlines)}</label>`)
        : choices.labels.map((l) => `<label class="step"><input type="radio" name="${name}"> ${esc(l)}</label>`);
    // the question names the group (a legend would take the list's number away from the question's line)
    // the parts around the choices (a scale's instructions before it, answer lines after) keep their order
    const at = b.children.indexOf(choices);
    const group = `<fieldset class="${choices.kind}" aria-labelledby="${name}">${inputs.join('')}</fieldset>`;
    return `<p class="question" id="${name}">${text}</p>${blocks(b.children.slice(0, at), s)}${group}${blocks(b.children.slice(at + 1), s)}`;
  }
  return `<p class="question">${text}</p>${blocks(b.children, s)}`;
}

function block(b: Block, s: State): string {
  switch (b.kind) {
    case 'title':
      return `<h1${b.align === 'center' ? ' class="center"' : ''}>${inlines(b.inlines)}</h1>`;
    case 'meta':
      return `<p class="meta">${inlines(b.inlines)}</p>`;
    case 'heading':
      return b.level === 1 ? `<h2>${inlines(b.inlines)}</h2>` : `<h3>${inlines(b.inlines)}</h3>`;
    case 'para':
      return `<p class="${[b.small ? 'small' : '', b.align ? `align-${b.align}` : ''].filter(Boolean).join(' ')}">${inlines(b.inlines)}</p>`.replace(' class=""', '');
    case 'box':
      return `<aside class="box box-${b.variant}">${b.title ? `<p class="box-title"><strong>${esc(b.title)}</strong></p>` : ''}${blocks(b.children, s)}</aside>`;
    case 'passage':
      return `<p><span class="n">[${esc(b.number)}]</span> ${inlines(b.inlines)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((it) => `<li>${inlines(it)}</li>`).join('')}</${tag}>`;
    }
    case 'term':
      return `<dt>${esc(b.term)}</dt><dd>${inlines(b.inlines)}</dd>`;
    case 'question':
      return question(b, s);
    case 'lines':
      return answerSpace(b.count);
    case 'options':
    case 'scale':
      // outside a question (a template's own): still a group of choices
      return question({ kind: 'question', number: '', inlines: [], children: [b] }, s);
    case 'rank':
      return `<ol class="rank">${b.items.map((it) => `<li><label><input type="text" inputmode="numeric" size="2" aria-label="${esc(word('formats.html-rank'))}"> ${inlines(it)}</label></li>`).join('')}</ol>`;
    case 'source':
      if (b.url) s.cite = b.url;
      return `<p class="source">${inlines(b.inlines)}${b.url ? ` — ${b.linkLabel ? `${esc(b.linkLabel)}: ` : ''}<a href="${esc(b.url)}" dir="ltr">${esc(b.url)}</a>` : ''}</p>`;
    case 'fields':
      return `<p class="fields">${b.fields.map((f) => `<label style="flex:${f.weight}">${esc(f.label)}: <input type="text"></label>`).join('')}</p>`;
    case 'figure': {
      const type = /\.png$/i.test(b.path) ? 'image/png' : 'image/jpeg';
      const data = fs.readFileSync(b.path).toString('base64');
      return `<figure class="picture"><img src="data:${type};base64,${data}" alt="${esc(b.alt)}" width="${b.width}" height="${b.height}"><figcaption>${inlines(b.caption)}</figcaption></figure>`;
    }
    case 'spacer':
      return '';
    case 'rule':
      return '<hr>';
    case 'entry':
      return '';
    case 'pagebreak':
      return '<div class="pagebreak"></div>';
  }
}

/**
 * Blocks in order, with the runs HTML nests: passages in one figure (a
 * blockquote citing the article, the citation line as its caption),
 * questions in one numbered list, glossary terms in one dl.
 */
function blocks(list: Block[], s: State): string {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    if (b.kind === 'passage') {
      const run: string[] = [];
      for (; i < list.length && list[i].kind === 'passage'; i++) run.push(block(list[i], s));
      const next = list[i];
      const caption = next?.kind === 'para' && next.small ? `<figcaption><cite>${inlines(next.inlines)}</cite></figcaption>` : '';
      if (!caption) i--;
      out.push(`<figure class="passage"><blockquote${s.cite ? ` cite="${esc(s.cite)}"` : ''}>${run.join('')}</blockquote>${caption}</figure>`);
    } else if (b.kind === 'question') {
      const items: string[] = [];
      for (; i < list.length && (list[i].kind === 'question' || (items.length && list[i].kind === 'figure')); i++) {
        const q = list[i];
        if (q.kind === 'question') items.push(`<li>${question(q, s)}</li>`);
        else items[items.length - 1] = items[items.length - 1].replace(/<\/li>$/, `${block(q, s)}</li>`);
      }
      i--;
      out.push(`<ol class="questions">${items.join('')}</ol>`);
    } else if (b.kind === 'term') {
      const terms: string[] = [];
      for (; i < list.length && list[i].kind === 'term'; i++) terms.push(block(list[i], s));
      i--;
      out.push(`<dl class="glossary">${terms.join('')}</dl>`);
    } else {
      out.push(block(b, s));
    }
  }
  return out.join('\n');
}

function partId(doc: Document, part: Part | ContentsPart): string {
  const same = doc.parts.filter((p) => p.kind === part.kind);
  return same.length > 1 ? `${part.kind}-${same.indexOf(part) + 1}` : part.kind;
}

/** The contents as links to the parts after them (a page has no page numbers). */
function contents(doc: Document, part: ContentsPart, s: State): string {
  const heading = blocks(part.blocksFor(part.entries).filter((b) => b.kind !== 'entry'), s);
  const after = doc.parts.slice(doc.parts.indexOf(part) + 1);
  const items = part.entries.map((e, i) => `<li><a href="#${after[i] ? partId(doc, after[i]) : ''}">${esc(e.label ? `${e.label}: ${e.title}` : e.title)}</a></li>`);
  return `${heading}<nav aria-label="${esc(word('formats.html-contents'))}"><ol class="contents">${items.join('')}</ol></nav>`;
}

/**
 * What a student may type into an answer box beyond what the page prints: the
 * Arabic letters, marks, digits and punctuation, and Basic Latin. In the font
 * too, so typing does not switch typefaces (and break the joining) mid-word.
 */
const TYPED: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xa0],
  [0x60c, 0x60c],
  [0x61b, 0x61b],
  [0x61f, 0x61f],
  [0x621, 0x655],
  [0x660, 0x66c],
  [0x670, 0x670],
  [0x200c, 0x200f],
];

/** Every character the page shows (its text, without markup) and every one a student may type. */
export function pageCharacters(html: string): Set<number> {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[e]!);
  const chars = new Set([...text].map((c) => c.codePointAt(0)!));
  for (const [from, to] of TYPED) for (let c = from; c <= to; c++) chars.add(c);
  return chars;
}

/** The two faces, each cut to the page's characters and packed as WOFF2, inside the page. */
async function fontFaces(family: FontFamily, chars: Set<number>): Promise<string> {
  const face = async (weight: number, file: string) =>
    `@font-face{font-family:"Hiwar ${esc(family.name)}";font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${Buffer.from(await woff2Subset(file, chars)).toString('base64')}) format("woff2")}`;
  return (await face(400, family.faces.regular.path)) + (await face(700, family.faces.bold.path));
}

/** A CSS string: quotes and backslashes escaped, and no `<` that could end the style element. */
const cssString = (t: string) => `"${t.replace(/[\\"]/g, '\\$&').replace(/</g, '\\3C ').replace(/\n/g, '\\A ')}"`;

/**
 * Each part prints on pages of its own name (a part that runs on keeps the
 * name before it), so each can carry its own running head: Chromium draws
 * @page margin boxes but has no string-set or running elements.
 */
function pageNames(doc: Document): string[] {
  const names: string[] = [];
  doc.parts.forEach((part, i) => names.push(part.newPage || i === 0 ? `p${i + 1}` : names[i - 1]));
  return names;
}

/** The print edition's running heads, as the PDF has them: start and end above, «صفحة X من Y» below. */
function runningPages(doc: Document): string {
  const counter = (name: string) => `counter(${name}, ${doc.digits === 'arabic' ? 'arabic-indic' : 'decimal'})`;
  const names = pageNames(doc);
  const footer = `${cssString(`${doc.pageLabels.page} `)} ${counter('page')} ${cssString(` ${doc.pageLabels.of} `)} ${counter('pages')}`;
  return doc.parts
    .map((part, i) => {
      if (names[i] !== `p${i + 1}`) return '';
      const rule = `.${names[i]}{page:${names[i]}}`;
      if (part.decorated === false || !part.head) return rule;
      return `${rule}\n@page ${names[i]}{@top-right{content:${cssString(part.head.start)}}@top-left{content:${cssString(part.head.end)}}@bottom-center{content:${footer}}}`;
    })
    .filter(Boolean)
    .join('\n');
}

function stylesheet(doc: Document, family: FontFamily, faces: string): string {
  const arabic = doc.digits === 'arabic';
  return `${faces}
@counter-style hiwar-q{system:extends ${arabic ? 'arabic-indic' : 'decimal'};suffix:") "}
:root{color-scheme:light;--text:${COLORS.text};--muted:${COLORS.muted};--accent:${COLORS.accent};--rule:${COLORS.rule}}
html{font-family:"Hiwar ${family.name}","Amiri","Noto Naskh Arabic","Geeza Pro","Arabic Typesetting",serif;font-size:19px;line-height:1.75;color:var(--text);background:#fff}
body{max-width:44rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}
h1{font-size:1.7rem;color:var(--accent);line-height:1.4;margin:.6rem 0}
h1.center{text-align:center}
h2{font-size:1.3rem;color:var(--accent);margin:1.6rem 0 .5rem;border-bottom:1px solid var(--rule)}
h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
p{margin:.4rem 0}
.meta,.small,.source,.muted,figcaption{color:var(--muted)}
.meta,.small,.source,figcaption{font-size:.85rem}
.align-justify{text-align:justify}
.align-center{text-align:center}
a{color:${COLORS.link}}
.box{margin:1rem 0;padding:.5rem 1rem;border-inline-start:4px solid var(--bar,transparent);background:var(--bg)}
.box-objectives{--bg:${COLORS.objectivesBg};--bar:${COLORS.objectivesBorder}}
.box-note{--bg:${COLORS.noteBg};--bar:${COLORS.noteBar}}
.box-teacher{--bg:${COLORS.teacherBg};--bar:${COLORS.teacherBar}}
.box-guidance{--bg:${COLORS.guidanceBg};--bar:${COLORS.teacherBar}}
.box-activity{--bg:${COLORS.activityBg};--bar:${COLORS.activityBar}}
.box-title{margin-top:0}
figure{margin:1rem 0}
cite{font-style:normal}
figure.passage blockquote{margin:0;padding-inline-start:1rem;border-inline-start:3px solid var(--rule);text-align:justify}
.n{color:var(--accent);font-weight:700}
figure.picture img{max-width:100%;height:auto}
/* «١)» as in the PDF: a full stop after an Arabic-Indic digit reads as a zero (١. looks like ٠١) */
ol{list-style:hiwar-q}
ol.questions{list-style:hiwar-q;padding-inline-start:2rem}
ol.contents{list-style:none;padding-inline-start:0}
ol.questions>li{margin:1.1rem 0}
.question{font-weight:700}
fieldset{border:0;margin:0;padding:0}
label.option{display:block;margin:.2rem 0}
fieldset.scale{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}
.right{color:${COLORS.teacherBar}}
textarea.answer{display:block;box-sizing:border-box;width:100%;font:inherit;margin:.4rem 0;padding:.3rem .5rem;border:1px solid var(--rule);border-radius:4px}
.lines{display:none}
dl.glossary dt{font-weight:700}
dl.glossary dd{margin:0 0 .5rem;margin-inline-start:1.5rem}
p.fields{display:flex;gap:1rem}
p.fields label{display:flex;gap:.3rem;flex:1;min-width:0}
p.fields input{flex:1;min-width:0;border:0;border-bottom:1px solid var(--text);font:inherit}
ol.rank input{width:2.2rem;text-align:center;font:inherit}
section.part+section.part{margin-top:3rem;border-top:2px solid var(--rule);padding-top:1rem}
header.running{display:flex;justify-content:space-between;gap:1rem;font-size:.8rem;line-height:1.5;color:var(--muted);border-bottom:1px solid var(--rule);padding-bottom:.3rem;margin-bottom:1rem}
header.running p{margin:0}
@media print{
@page{size:${doc.paper};margin:20mm 20mm 18mm;${['top-right', 'top-left', 'bottom-center'].map((box) => `@${box}{font-family:"Hiwar ${family.name}",serif;font-size:9pt;color:${COLORS.muted}}`).join('')}}
${runningPages(doc)}
header.running{display:none}
html{font-size:12.5pt}
body{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
section.part+section.part{margin:0;border:0;padding:0}
section.new-page{break-before:page}
section.recto{break-before:recto}
.pagebreak{break-after:page}
textarea.answer{display:none}
.lines{display:block;height:calc(var(--lines) * 2.1em);background:repeating-linear-gradient(to bottom,transparent 0,transparent calc(2.1em - 1px),var(--rule) calc(2.1em - 1px),var(--rule) 2.1em)}
h2,h3,.question{break-after:avoid}
fieldset,figure,li{break-inside:avoid}
}`;
}

export interface HtmlOptions {
  family: FontFamily;
}

export async function renderHtml(doc: Document, opts: HtmlOptions): Promise<{ bytes: Uint8Array; pages: number; diagnostics: [] }> {
  const s: State = { ids: 0 };
  const names = pageNames(doc);
  const parts = doc.parts.map((part, i) => {
    const body = part.kind === 'contents' ? contents(doc, part, s) : blocks(part.blocks, s);
    const cls = ['part', `part-${part.kind}`, part.newPage ? 'new-page' : '', part.recto ? 'recto' : '', names[i]].filter(Boolean).join(' ');
    return `<section class="${cls}" id="${partId(doc, part)}">\n${body}\n</section>`;
  });
  const head = doc.parts.find((p) => p.decorated !== false && p.head)?.head;
  const header = head ? `<header class="running"><p>${esc(head.start)}</p><p>${esc(head.end)}</p></header>\n` : '';
  const main = `${header}<main>\n${parts.join('\n')}\n</main>`;
  const faces = await fontFaces(opts.family, pageCharacters(main));
  const meta = [doc.meta.author ? `<meta name="author" content="${esc(doc.meta.author)}">` : '', doc.meta.subject ? `<meta name="description" content="${esc(doc.meta.subject)}">` : ''].join('');
  const html = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="hiwar">
${meta}<title>${esc(doc.meta.title)}</title>
<style>
${stylesheet(doc, opts.family, faces)}
</style>
</head>
<body>
${main}
</body>
</html>
`;
  return { bytes: new TextEncoder().encode(html), pages: 0, diagnostics: [] };
}
