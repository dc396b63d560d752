// `hiwar passages ARTICLE [--ref REF]`: how an article splits into paragraphs and sentences, so a
// teacher can pick refs; with --ref, exactly what one ref (or a quoted "FROM … TO") resolves to.
import path from 'node:path';
import { Ctx, loadArticle } from '../../workspace/load.js';
import { formatRef, parseRef, resolveAnchor, resolveRef, type Resolved } from '../../workspace/refs.js';
import type { IO } from '../io.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, plural, printDiagnostics } from '../../workspace/cli-support.js';

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
    io.out(`«${a.title}» — ${plural(a.paragraphs.length, 'paragraph')}, ${plural(sentences, 'sentence')}`);
    io.out('refs: p3 (a paragraph) · p3-p5 (paragraphs) · p5.s2 (a sentence) · p5.s1-s2 (sentences) · {from: "…", to: "…"} (a quote)');
    for (const p of a.paragraphs) {
      io.out('');
      io.out(`p${p.number}  (${plural(p.sentences.length, 'sentence')})`);
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
      io.err(`error: ${pr.message}${pr.hint ? `\n  hint: ${pr.hint}` : ''}`);
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
    io.err(`error: ${label}: ${r.message}${r.hint ? `\n  hint: ${r.hint}` : ''}`);
    return EXIT_INVALID;
  }
  const nums = r.paragraphs.map((p) => p.number);
  const span = nums.length === 1 ? `paragraph ${nums[0]}` : `paragraphs ${nums[0]}–${nums[nums.length - 1]}`;
  io.out(`${label} → ${span}`);
  for (const p of r.paragraphs) io.out(`[p${p.number}${p.partial ? ', part' : ''}] ${p.text}`);
  return EXIT_OK;
}
