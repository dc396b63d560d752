// `hiwar passages ARTICLE [--ref REF]`: how an article splits into paragraphs and sentences, so a
// teacher can pick refs; with --ref, exactly what one ref (or a quoted "FROM … TO") resolves to.
import path from 'node:path';
import { Ctx, loadArticle } from '../../workspace/load.js';
import { formatRef, parseRef, resolveAnchor, resolveRef, type Resolved } from '../../workspace/refs.js';
import { ioText, type IO } from '../io.js';
import { countCode, EXIT_INVALID, EXIT_OK, EXIT_USAGE, printDiagnostics, errorLines } from '../support.js';
import { messageHint, msg, say, type MessageCode } from '../../i18n/catalogue.js';

export interface PassagesFlags {
  ref?: string;
}

/** `FROM … TO` (or `FROM ... TO`) on the command line: a quote anchor; plain text: the quote itself. */
function anchorArg(s: string): { from: string; to: string } {
  const parts = s.split(/\s*(?:…|\.\.\.)\s*/).filter((x) => x.trim());
  if (parts.length >= 2) return { from: parts[0], to: parts[parts.length - 1] };
  return { from: s, to: s };
}

export async function passagesCommand(article: string, opts: PassagesFlags, io: IO): Promise<number> {
  const abs = path.resolve(io.cwd, article);
  const ctx = new Ctx();
  const a = await loadArticle(ctx, abs);
  if (!a) {
    printDiagnostics(ctx.diagnostics, io);
    return EXIT_INVALID;
  }
  if (opts.ref === undefined) {
    const sentences = a.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
    const count = (n: number, code: MessageCode) => msg(countCode(n, code), { n });
    io.out(ioText(io, 'passages.title', { title: a.title, paragraphs: count(a.paragraphs.length, 'cli.n-paragraphs'), sentences: count(sentences, 'cli.n-sentences') }));
    io.out(ioText(io, 'passages.forms'));
    for (const p of a.paragraphs) {
      io.out('');
      io.out(ioText(io, 'passages.paragraph', { ref: `p${p.number}`, sentences: count(p.sentences.length, 'cli.n-sentences') }));
      for (const s of p.sentences) io.out(`  p${p.number}.s${s.number}  ${s.text}`);
    }
    return EXIT_OK;
  }
  const raw = opts.ref.trim();
  let label: string;
  let r: Resolved;
  if (/^[pP]\s*[0-9٠-٩]/.test(raw)) {
    const pr = parseRef(raw);
    if (!pr.ok) {
      io.err(errorLines(io, pr.code, pr.params, pr.hintRef).filter(Boolean).join('\n'));
      return EXIT_USAGE;
    }
    label = formatRef(pr.ref);
    r = resolveRef(a, pr.ref);
  } else {
    const an = anchorArg(raw);
    label = formatRef({ type: 'anchor', ...an });
    r = resolveAnchor(a, an.from, an.to);
  }
  if (!r.ok) {
    const lang = io.lang ?? 'en';
    io.err(errorLines(io, 'passages.ref-problem', { ref: label, problem: msg(r.code, r.params) }, r.hintRef ? say(r.hintRef, lang) : messageHint(r.code, lang, r.params)).filter(Boolean).join('\n'));
    return EXIT_INVALID;
  }
  const nums = r.paragraphs.map((p) => p.number);
  const span = nums.length === 1 ? msg('passages.span-one', { n: nums[0] }) : msg('passages.span', { from: nums[0], to: nums[nums.length - 1] });
  io.out(`${label} → ${ioText(io, span.code, span.params)}`);
  for (const p of r.paragraphs) io.out(`[p${p.number}${p.partial ? ioText(io, 'passages.part') : ''}] ${p.text}`);
  return EXIT_OK;
}
