// `hiwar questions BANK... [--tag T] [--level L]`: list bank questions with the `use:` line to copy.
import path from 'node:path';
import { Ctx } from '../../workspace/load.js';
import { loadCheckedBank } from '../../workspace/questions.js';
import { BLOOM_LEVELS } from '../../workspace/schema.js';
import { codes } from '../../workspace/suggest.js';
import { ioText, type IO } from '../io.js';
import { countCode, EXIT_INVALID, EXIT_OK, EXIT_USAGE, printDiagnostics, printError, shown } from '../support.js';
import { dymSuffix } from './check.js';

export interface QuestionsFlags {
  tag?: string[];
  level?: string;
}

export async function questionsCommand(banks: string[], opts: QuestionsFlags, io: IO): Promise<number> {
  if (banks.length === 0) {
    printError(io, 'cli.questions-nothing');
    return EXIT_USAGE;
  }
  const level = opts.level?.toLowerCase();
  if (level !== undefined && !(BLOOM_LEVELS as readonly string[]).includes(level)) {
    printError(io, 'cli.bad-level', { choices: BLOOM_LEVELS.join(', '), got: opts.level ?? '', dym: dymSuffix(level, BLOOM_LEVELS) });
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
    const n = bank.ids.length;
    const shownNote = rows.length !== 2 * n ? ioText(io, 'bankcmd.shown', { n: rows.length / 2 }) : '';
    io.out(`${rel}${title}: ${ioText(io, countCode(n, 'cli.n-questions'), { n })}${shownNote}`);
    for (const r of rows) io.out(r);
  }
  printDiagnostics(ctx.diagnostics, io);
  if (shownCount === 0 && tags.length && allTags.size) {
    io.err(ioText(io, tags.length > 1 ? 'bankcmd.no-tags' : 'bankcmd.no-tag', { tags: tags.map((t) => `\`${t}\``).join(', '), dym: dymSuffix(tags[0], [...allTags]), list: codes([...allTags].sort(), 40) }));
  }
  return ctx.hasErrors() ? EXIT_INVALID : EXIT_OK;
}
