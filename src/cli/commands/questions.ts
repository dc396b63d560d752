// `hiwar questions BANK... [--tag T] [--level L]`: list bank questions with the `use:` line to copy.
import path from 'node:path';
import { Ctx } from '../../workspace/load.js';
import { loadCheckedBank } from '../../workspace/questions.js';
import { BLOOM_LEVELS } from '../../workspace/schema.js';
import { didYouMean, listCode } from '../../workspace/suggest.js';
import type { IO } from '../io.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, plural, printDiagnostics, shown } from '../../workspace/cli-support.js';

export interface QuestionsFlags {
  tag?: string[];
  level?: string;
}

export async function questionsCommand(banks: string[], opts: QuestionsFlags, io: IO): Promise<number> {
  if (banks.length === 0) {
    io.err('error: name at least one question bank, e.g. questions/moderation.yaml');
    return EXIT_USAGE;
  }
  const level = opts.level?.toLowerCase();
  if (level !== undefined && !(BLOOM_LEVELS as readonly string[]).includes(level)) {
    const d = didYouMean(level, BLOOM_LEVELS);
    io.err(`error: --level must be one of ${BLOOM_LEVELS.join(', ')}, not "${opts.level}"${d ? ` (${d})` : ''}`);
    return EXIT_USAGE;
  }
  const tags = (opts.tag ?? []).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  const ctx = new Ctx();
  let shownCount = 0;
  const allTags = new Set<string>();
  for (const b of banks) {
    const abs = path.resolve(io.cwd, b);
    const bank = await loadCheckedBank(ctx, abs);
    if (!bank) continue;
    const rel = shown(abs, io.cwd);
    const rows: string[] = [];
    for (const id of bank.ids) {
      const c = bank.byId.get(id);
      if (!c) continue;
      const q = c.q;
      for (const t of q.tags ?? []) allTags.add(t);
      if (tags.length && !tags.some((t) => (q.tags ?? []).includes(t))) continue;
      if (level && q.level !== level) continue;
      const facts = [q.kind ?? 'open', q.level, (q.tags ?? []).join(', ')].filter(Boolean).join(' · ');
      rows.push(`  use: ${rel}#${id}   [${facts}]`);
      rows.push(`    ${q.text}`);
      shownCount++;
    }
    const title = bank.v.data && typeof bank.v.data.title === 'string' ? ` — «${bank.v.data.title}»` : '';
    io.out(`${rel}${title}: ${plural(bank.ids.length, 'question')}${rows.length !== 2 * bank.ids.length ? `, ${rows.length / 2} shown` : ''}`);
    for (const r of rows) io.out(r);
  }
  printDiagnostics(ctx.diagnostics, io);
  if (shownCount === 0 && tags.length && allTags.size) {
    const d = didYouMean(tags[0], [...allTags]);
    io.err(`no question has the tag${tags.length > 1 ? 's' : ''} ${tags.map((t) => `\`${t}\``).join(', ')}${d ? ` (${d})` : ''}; the tags are ${listCode([...allTags].sort(), 40)}`);
  }
  return ctx.hasErrors() ? EXIT_INVALID : EXIT_OK;
}
