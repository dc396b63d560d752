// `hiwar new ID --article PATH [--dir DIR]`: scaffold a lesson, commented in Arabic and English,
// that lists the article's passages (refs and first words) and passes `hiwar check` as it is.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../workspace/article.js';
import { Ctx, loadArticle, scopeOf } from '../../workspace/load.js';
import { ID_PATTERN, MAX_ID_LENGTH } from '../../workspace/schema.js';
import { yamlLib } from '../../workspace/yaml-lib.js';
import { ioText, type IO } from '../io.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, printDiagnostics, printError, shown, writeAtomic } from '../support.js';
import { msg } from '../../i18n/catalogue.js';

export interface NewFlags {
  article: string;
  dir?: string;
}

const posix = (p: string) => p.split(path.sep).join('/');
const q = (s: string) => JSON.stringify(s);

/** A text as one YAML scalar, quoted only when YAML needs it (a path holding ` #` or starting with `[`). */
function yamlText(s: string): string {
  const out = yamlLib().stringify(s, { lineWidth: 0 }).trimEnd();
  return out.includes('\n') ? q(s) : out;
}

function firstWords(text: string, n = 9): string {
  const words = text.split(/\s+/);
  return words.length <= n ? text : words.slice(0, n).join(' ') + ' …';
}

/** The bundled lesson JSON Schema, relative to the new file, for editors (yaml-language-server). */
function schemaRef(dir: string): string | undefined {
  const schema = fileURLToPath(new URL('../../../schema/lesson.schema.json', import.meta.url));
  if (!existsSync(schema)) return undefined;
  return posix(path.relative(dir, schema));
}

/** Question banks in a `questions/` folder next to the lesson, to suggest `use:`/`pick:` lines. */
function nearbyBank(dir: string): string | undefined {
  const qdir = path.join(dir, 'questions');
  try {
    const f = readdirSync(qdir).filter((x) => /\.ya?ml$/.test(x)).sort()[0];
    return f ? `questions/${f}` : undefined;
  } catch {
    return undefined;
  }
}

export function scaffold(id: string, article: Article, articleRef: string, opts: { schema?: string; bank?: string } = {}): string {
  const L: string[] = [];
  if (opts.schema) L.push(`# yaml-language-server: $schema=${opts.schema}`);
  L.push(
    `# درس جديد في «حوار» — a new hiwar lesson.`,
    `# عدّل النصوص بين علامتي التنصيص؛ الأسطر التي تبدأ بـ # تعليقات لا تُطبع.`,
    `# Edit the texts in quotes; lines starting with # are comments.`,
    `# تحقق: hiwar check ${id}.yaml    ·    ابنِ: hiwar build ${id}.yaml`,
    ``,
    `# المعرّف: يسمّي ملفات PDF (حروف لاتينية صغيرة وأرقام و-) — names the output files`,
    `id: ${id}`,
    `# عنوان الدرس — the lesson title`,
    `title: ${q(article.title)}`,
    `# المقال، بالنسبة إلى هذا الملف — the article, relative to this file`,
    `article: ${yamlText(articleRef)}`,
    `# audience: "المرحلة الثانوية (16–18 سنة)"   # الفئة المستهدفة — optional`,
    `# duration: 45                                # المدة بالدقائق — minutes, optional`,
    `# أهداف التعلّم — what students will be able to do`,
    `objectives:`,
    `  - "يلخّص الفكرة الرئيسة للمقال بكلماته."   # printed after «في نهاية الدرس يستطيع الطالب أن:»`,
    `# content_note: "…"   # تنبيه للطلاب حول موضوع حساس — optional note printed for students`,
    ``,
    `# فقرات المقال ومراجعها — the article's passages and their refs`,
    `# عدد الفقرات: ${article.paragraphs.length} — ${article.paragraphs.length} paragraphs; \`hiwar passages ${articleRef}\` shows them in full:`,
  );
  const width = String(article.paragraphs.length).length + 1;
  for (const p of article.paragraphs) {
    const k = p.sentences.length;
    const sent = k > 1 ? `  [p${p.number}.s1-s${k}]` : '';
    L.push(`#   p${String(p.number).padEnd(width)} ${firstWords(p.text)}${sent}`);
  }
  L.push(
    `# المراجع — refs: p3 · p3-p5 · p5.s2 · p5.s1-s2 · {from: "أول كلمات المقطع", to: "آخر كلماته"}`,
    `passages:`,
    `  - ref: ${article.paragraphs.length >= 2 ? 'p1-p2' : 'p1'}`,
    `    # heading: "…"        # عنوان فوق المقطع — optional`,
    `    # teacher_note: "…"   # ملاحظة للمعلم فقط — teacher edition only`,
    ``,
    `# أسئلة النقاش — discussion questions`,
    `# kind: open (أسطر للإجابة) | choice (خيارات أ ب ج) | scale (لا أوافق … أوافق) | rank (ترتيب)`,
    `# level: remember understand apply analyze evaluate create`,
    `questions:`,
    `  - text: "ما الفكرة الرئيسة التي يطرحها المقال؟ استشهد بعبارة منه."`,
    `    kind: open`,
    `    level: understand`,
    `    refs: [p1]`,
    `    # guidance: "…"   # إرشادات للمعلم — teacher edition only`,
    `  # - text: "…"`,
    `  #   kind: choice`,
    `  #   options: ["…", "…", "…"]`,
  );
  const bank = opts.bank ?? 'questions/moderation.yaml';
  L.push(
    `  # سؤال من بنك أسئلة — a bank question (hiwar questions ${bank} lists the ids):`,
    `  # - use: ${bank}#ID`,
    `  # - pick: { from: ${bank}, tags: [TAG], count: 2 }`,
    ``,
    `# glossary:              # مسرد المصطلحات — optional`,
    `#   - { term: "…", definition: "…" }`,
    `# activities:            # أنشطة — optional`,
    `#   - { title: "…", minutes: 10, steps: ["…", "…"] }`,
    `# teacher:               # للمعلم فقط — teacher edition only`,
    `#   facilitation: "…"`,
    `#   ground_rules: ["…", "…"]`,
    `# options: { paper: A4, digits: arabic, seed: 1 }   # A4 | letter · arabic (٠١٢) | western (012)`,
  );
  return L.join('\n') + '\n';
}

export async function newCommand(id: string, opts: NewFlags, io: IO): Promise<number> {
  if (id && id.length > MAX_ID_LENGTH) {
    printError(io, 'build.id-too-long', { what: 'ID', length: id.length, max: MAX_ID_LENGTH });
    return EXIT_USAGE;
  }
  if (!id || !ID_PATTERN.test(id)) {
    printError(io, 'cli.new-bad-id', { got: id ?? '' });
    return EXIT_USAGE;
  }
  if (!opts.article) {
    printError(io, 'cli.new-no-article');
    return EXIT_USAGE;
  }
  const dir = path.resolve(io.cwd, opts.dir ?? '.');
  const target = path.join(dir, `${id}.yaml`);
  if (existsSync(target)) {
    printError(io, 'cli.exists', { file: shown(target, io.cwd) }, msg('cli.new-exists-hint'));
    return EXIT_INVALID;
  }
  const ctx = new Ctx();
  const articleAbs = path.resolve(io.cwd, opts.article);
  const article = await loadArticle(ctx, articleAbs);
  if (!article) {
    printDiagnostics(ctx.diagnostics, io);
    return EXIT_INVALID;
  }
  const articleRef = posix(path.relative(dir, articleAbs));
  try {
    await writeAtomic(target, scaffold(id, article, articleRef, { schema: schemaRef(dir), bank: nearbyBank(dir) }));
  } catch (e) {
    printError(io, 'cli.cannot-write', { file: shown(target, io.cwd), detail: (e as Error).message });
    return EXIT_INVALID;
  }
  const rel = shown(target, io.cwd);
  io.out(ioText(io, 'new.wrote', { file: rel, title: article.title, n: article.paragraphs.length }));
  // reads stay inside the workspace (src/workspace/load.ts, scopeOf): an article outside it needs --root
  const workspace = scopeOf(target, {}, io.cwd).root;
  const articleRel = path.relative(workspace, articleAbs);
  const outside = articleRel.startsWith('..') || path.isAbsolute(articleRel);
  const root = outside ? commonFolder(workspace, articleAbs) : undefined;
  const here = (p: string) => (p === io.cwd ? '.' : shown(p, io.cwd));
  io.out(ioText(io, 'new.next', { file: root ? `${rel} --root ${here(root)}` : rel }));
  if (root) io.out(ioText(io, 'build.new-root-note', { dir: here(dir) }));
  return EXIT_OK;
}

/** The deepest folder holding both `dir` and `file`. */
function commonFolder(dir: string, file: string): string {
  let c = dir;
  while (path.relative(c, file).startsWith('..') && path.dirname(c) !== c) c = path.dirname(c);
  return c;
}
