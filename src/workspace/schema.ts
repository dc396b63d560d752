// Schemas of every file kind (SPEC §2–§5), and validation that speaks to a teacher:
// every problem of a file at once, each at its YAML position, with a hint where one helps.
import { z } from 'zod';
import { LIMITS } from '../safety/limits.js';
import { errorAt, type Diagnostic } from './diagnostics.js';
import { codes, didYouMean, suggestion } from './suggest.js';
import { msg, type MessageCode, type MessageRef, type Param } from '../i18n/catalogue.js';
import { FIELD_DESCRIPTIONS } from '../i18n/messages/fields.js';
import { diagAt, type Path, type YamlFile } from './yaml.js';
import { FORMATS } from './model.js';

// Each file is validated once per run: zod's compiled object parsers (built with
// `new Function` at a schema's first use) cost more to build than they save here.
// Set before any schema below is made (each object schema reads it when made).
z.config({ jitless: true });

// ---------------------------------------------------------------- building blocks

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_MESSAGE = 'may use only lowercase Latin letters, digits and single `-` between them (it names the output files), e.g. `virtual-caliphate-intro`';

const text = (description: string) => z.string().min(1).meta({ description });
const optText = (description: string) => z.string().meta({ description }).optional();
// An id names files (`ID-student.pdf`); a disk refuses names of more than 255 bytes (ENAMETOOLONG)
export const MAX_ID_LENGTH = LIMITS.idLength;
// zod's message only marks the issue; the words are the catalogue's (build.id-too-long-field)
const ID_LENGTH_MESSAGE = 'hiwar:id-too-long';
const fileId = (description: string) => z.string().regex(ID_PATTERN, { message: ID_MESSAGE }).max(MAX_ID_LENGTH, { message: ID_LENGTH_MESSAGE }).meta({ description });
const textList = (description: string) => z.array(z.string().min(1)).meta({ description });

export const QUESTION_KINDS = ['open', 'choice', 'scale', 'rank'] as const;
export const BLOOM_LEVELS = ['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'] as const;
export const PAPERS = ['A4', 'letter'] as const;
export const DIGITS = ['arabic', 'western'] as const;
export const FONTS = ['amiri', 'noto-naskh'] as const;
export const JUSTIFY = ['kashida', 'spaces'] as const;
export const EDITIONS = ['student', 'teacher', 'key'] as const;

const kind = z.enum(QUESTION_KINDS).meta({ description: 'open (answer lines) | choice (lettered options) | scale (agree–disagree row) | rank (boxes to number). Default: open' });
const level = z.enum(BLOOM_LEVELS).meta({ description: "Bloom's level: remember understand apply analyze evaluate create" });
/** A choice answer: an option's number (1, 2, …), letter (أ, ب, …) or text; several for more than one right option. Rank: the items in the expected order. */
const answerOne = z.union([z.number().int().min(1), z.string().min(1)]);
const answer = z
  .union([answerOne, z.array(answerOne).min(1)])
  .meta({ description: 'choice: the right option (its number 1, 2, …, its letter أ, ب, …, or its text), or a list of them; rank: the items (numbers or texts) in the expected order. Printed in the teacher edition and the answer key' });
const lines = z.number().int().min(1).max(40).meta({ description: 'answer lines on the student handout (open questions; default 4)' });

/**
 * A passage reference as written: "p3", "p3-p5", "p5.s2", "p5.s1-s2", or typed in Arabic: "ف٣", "ف٣-ف٥", "ف٥.ج٢";
 * in a `refs:` list one entry may hold several joined by the Arabic comma: "p6، p5". Checked by refs.ts with its own messages.
 */
const REF_NUMBER = '\\s*[0-9\u0660-\u0669\u06f0-\u06f9]+';
const ONE_REF = `[pP\u0641]${REF_NUMBER}(\\s*[-\u2013]\\s*[pP\u0641]?${REF_NUMBER}|\\s*[.,\u060c\u06d4]\\s*[sS\u062c]${REF_NUMBER}(\\s*[-\u2013]\\s*[sS\u062c]?${REF_NUMBER})?)?`;
export const REF_PATTERN_SOURCE = `^\\s*${ONE_REF}(\\s*[\u060c\u061b;]\\s*${ONE_REF})*\\s*$`;
const refString = z.string().meta({
  description: 'p3 (paragraph 3), p3-p5 (paragraphs 3 to 5), p5.s2 (sentence 2 of paragraph 5), p5.s1-s2 (sentences 1 to 2); in Arabic ف٣، ف٣-ف٥، ف٥.ج٢. Run `hiwar passages ARTICLE` to list them.',
  pattern: REF_PATTERN_SOURCE,
});
const anchor = z
  .strictObject({
    from: text('the first words of the passage, as printed (diacritics, hamza forms and quote marks do not matter)'),
    to: text('the last words of the passage'),
  })
  .meta({ description: 'a passage given by its first and last words' });
export const refSchema = z.union([refString, anchor]);

const options = z
  .strictObject({
    paper: z.enum(PAPERS).meta({ description: 'A4 (default) | letter' }).optional(),
    digits: z.enum(DIGITS).meta({ description: 'arabic (٠١٢, default) | western (012): numbering and page numbers' }).optional(),
    seed: z.number().int().min(0).meta({ description: 'makes `pick` reproducible: same seed, same questions (default 1)' }).optional(),
    font: z.enum(FONTS).meta({ description: 'the typeface: amiri (default, a classic Naskh) | noto-naskh (a plainer Naskh)' }).optional(),
    justify: z
      .enum(JUSTIFY)
      .meta({ description: 'how justified paragraphs are evened: kashida (draws out joining strokes, as Arabic books do; default with amiri) | spaces (word spaces only; default with noto-naskh)' })
      .optional(),
    editions: z.array(z.enum(EDITIONS)).min(1).meta({ description: 'which editions `hiwar build` makes (default [student, teacher]); `key` is the answer key; --edition overrides' }).optional(),
    formats: z.array(z.enum(FORMATS)).min(1).meta({ description: 'which file formats `hiwar build` writes for each edition (default [pdf]); --format overrides' }).optional(),
    name_line: z.boolean().meta({ description: 'a name / class / date line at the top of the student handout (default true)' }).optional(),
    qr: z.boolean().meta({ description: "print a QR code of the article's `url` beside its source (default false)" }).optional(),
    shuffle: z.boolean().meta({ description: 'make versions A and B of the student handout and key, with the options of choice and rank questions reordered by `seed` (default false)' }).optional(),
  })
  .meta({ description: 'build options; command-line flags override them' });

// ---------------------------------------------------------------- questions

export const inlineQuestionSchema = z.strictObject({
  id: z.string().min(1).meta({ description: 'optional; questions without one are q1, q2, … by their place in the list' }).optional(),
  text: text('the question itself'),
  kind: kind.optional(),
  level: level.optional(),
  refs: z.array(refString).meta({ description: 'passages the question draws on, printed with it, e.g. [p5, p9]' }).optional(),
  lines: lines.optional(),
  options: textList('choice / rank: the options; scale: its labels (default: a 5-point disagree–agree row)').optional(),
  answer: answer.optional(),
  guidance: optText('teacher edition only: discussion points, a model answer'),
});

export const useQuestionSchema = z.strictObject({
  use: text('a question from a bank: FILE#ID, e.g. questions/moderation.yaml#deletion-displacement'),
  id: z.string().min(1).meta({ description: 'optional: another id for it in this lesson' }).optional(),
  refs: z.array(refString).meta({ description: 'passages of this lesson the question draws on (replace the bank’s refs; needed when the bank was written for another article)' }).optional(),
  lines: lines.optional(),
});

export const pickQuestionSchema = z.strictObject({
  pick: z
    .strictObject({
      from: text('the question bank file, e.g. questions/moderation.yaml'),
      tags: z.array(z.string().min(1)).meta({ description: 'take questions that have any of these tags' }).optional(),
      level: z.union([level, z.array(level)]).meta({ description: 'take only questions of this Bloom level (or levels)' }).optional(),
      count: z.number().int().min(1).meta({ description: 'how many questions to take (default 1); `seed` decides which' }).optional(),
      general: z.boolean().meta({ description: 'true: take only general questions (`general: true` in the bank), which need no article' }).optional(),
    })
    .meta({ description: 'questions chosen from a bank, reproducibly by `seed`' }),
  refs: z.array(refString).meta({ description: 'passages of this lesson, given to every picked question (instead of the bank’s refs)' }).optional(),
});

export const questionItemSchema = z.union([inlineQuestionSchema, useQuestionSchema, pickQuestionSchema]);
export const questionListSchema = z.array(questionItemSchema).meta({ description: 'the discussion questions' });
export const questionEditSchema = z
  .strictObject({
    drop: z.array(z.string()).meta({ description: 'ids of inherited questions to remove' }).optional(),
    add: questionListSchema.optional(),
    order: z.array(z.string()).meta({ description: 'these ids first, the rest after in their order' }).optional(),
    limit: z.number().int().min(0).meta({ description: 'keep only the first N questions' }).optional(),
  })
  .meta({ description: 'with `extends`: edit the inherited questions' });

// ---------------------------------------------------------------- lesson

export const passageSchema = z.strictObject({
  ref: refSchema,
  heading: optText('optional heading printed above the passage'),
  teacher_note: optText('teacher edition only'),
});

export const figureSchema = z.strictObject({
  image: text('a PNG or JPEG file inside the workspace, relative to this file, e.g. figures/chart.png'),
  caption: text('printed under the figure'),
  alt: text('what the figure shows, in words, for readers who cannot see it (kept in the PDF and for accessible formats)'),
  after: text('where it goes: after the passage that prints paragraph N (`p3`), or after a question (its id, e.g. `q2`)'),
});
export const passageListSchema = z.array(passageSchema).meta({ description: 'the parts of the article the handout quotes' });
export const passageEditSchema = z
  .strictObject({
    drop: z.array(z.string()).meta({ description: 'refs of inherited passages to remove, as written there (e.g. p12-p13)' }).optional(),
    add: passageListSchema.optional(),
    order: z.array(z.string()).meta({ description: 'these refs first, the rest after in their order' }).optional(),
  })
  .meta({ description: 'with `extends`: edit the inherited passages (their teacher notes are kept)' });

export const lessonSchema = z
  .strictObject({
    $schema: z.string().optional(),
    extends: z.string().min(1).meta({ description: 'another lesson file this one adapts: it inherits everything, its own fields replace the parent’s' }).optional(),
    id: fileId('[a-z0-9-]+; names the output files'),
    title: text('the lesson title').optional(),
    article: text('the article file, relative to this file, e.g. articles/virtual-caliphate.md').optional(),
    audience: optText('e.g. المرحلة الثانوية (16–18 سنة)'),
    duration: z.number().int().min(1).meta({ description: 'minutes' }).optional(),
    objectives: textList('learning objectives').optional(),
    content_note: optText('sensitive-topic note printed for students'),
    passages: z.union([passageListSchema, passageEditSchema]).optional(),
    figures: z.array(figureSchema).meta({ description: 'pictures printed in the handout: charts, screenshots, a school logo' }).optional(),
    glossary: z.array(z.strictObject({ term: text('the word or phrase'), definition: text('what it means, in simple words') })).meta({ description: 'terms students may not know' }).optional(),
    questions: z.union([questionListSchema, questionEditSchema]).optional(),
    activities: z
      .array(
        z.strictObject({
          title: text('the activity'),
          minutes: z.number().int().min(1).optional(),
          steps: textList('what students do, step by step').optional(),
        }),
      )
      .optional(),
    teacher: z
      .strictObject({
        facilitation: optText('how to run the discussion'),
        ground_rules: textList('ground rules for the discussion').optional(),
      })
      .meta({ description: 'teacher edition only' })
      .optional(),
    options: options.optional(),
  })
  .meta({ title: 'hiwar lesson', description: 'A hiwar lesson: a handout built from an article' });

/** Fields a complete lesson must have (directly or through `extends`). */
export const LESSON_REQUIRED = ['title', 'article', 'objectives', 'passages', 'questions'] as const;

// ---------------------------------------------------------------- bank, course, article

export const bankQuestionSchema = z.strictObject({
  id: text('unique in the bank; lessons use it as FILE#ID'),
  text: text('the question itself'),
  kind: kind.optional(),
  level: level.optional(),
  tags: z.array(z.string().min(1)).meta({ description: 'topics, for `pick` and `hiwar questions --tag`' }).optional(),
  refs: z.array(refString).meta({ description: 'passages of the bank’s `article`, e.g. [p5, p9]; a lesson on another article gives its own (`use` with `refs`)' }).optional(),
  general: z.boolean().meta({ description: 'true: the question needs no article (no refs); `pick` with `general: true` takes only these' }).optional(),
  lines: lines.optional(),
  options: textList('choice / rank: the options; scale: its labels').optional(),
  answer: answer.optional(),
  guidance: optText('teacher edition only: discussion points, a model answer'),
});

export const bankSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: text('the bank id'),
    title: optText('what the bank is about'),
    description: optText('notes for colleagues'),
    article: text('the article the questions’ refs point into, relative to this file, e.g. ../articles/virtual-caliphate.md').optional(),
    general: z.boolean().meta({ description: 'true: every question of the bank is general (needs no article)' }).optional(),
    questions: z.array(bankQuestionSchema).meta({ description: 'the questions' }),
  })
  .meta({ title: 'hiwar question bank' });

export const courseSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: fileId('[a-z0-9-]+; names the output files'),
    title: text('the course pack title'),
    subtitle: optText('optional'),
    author: optText('optional'),
    lessons: z.array(z.string().min(1)).min(1).meta({ description: 'lesson files, relative to this file, in order' }),
    options: options.optional(),
  })
  .meta({ title: 'hiwar course pack' });

export const articleSchema = z
  .strictObject({
    id: fileId('the article id'),
    title: text('the article title'),
    language: z.string().min(1).optional(),
    source: optText('the publication'),
    url: optText('where it was published'),
    date: optText('publication date, e.g. "2017-10-01"'),
    author: optText('the author, printed with the source'),
    errata: z
      .array(
        z.strictObject({
          text: text('the words as the article prints them (they must occur in the body)'),
          correct: text('what it should say'),
          note: optText('why, for the teacher'),
        }),
      )
      .meta({ description: 'mistakes in the article: students see the text as written with «[كذا]», teachers the correction; the body is never rewritten' })
      .optional(),
  })
  .meta({ title: 'hiwar article front matter' });

export type LessonSpec = z.infer<typeof lessonSchema>;
export type InlineQuestionSpec = z.infer<typeof inlineQuestionSchema>;
export type UseQuestionSpec = z.infer<typeof useQuestionSchema>;
export type PickQuestionSpec = z.infer<typeof pickQuestionSchema>;
export type QuestionItemSpec = z.infer<typeof questionItemSchema>;
export type QuestionEditSpec = z.infer<typeof questionEditSchema>;
export type PassageSpec = z.infer<typeof passageSchema>;
export type FigureSpec = z.infer<typeof figureSchema>;
export type AnswerSpec = z.infer<typeof answer>;
export type PassageEditSpec = z.infer<typeof passageEditSchema>;
export type RefSpec = z.infer<typeof refSchema>;
export type BankSpec = z.infer<typeof bankSchema>;
export type BankQuestionSpec = z.infer<typeof bankQuestionSchema>;
export type CourseSpec = z.infer<typeof courseSchema>;
export type ArticleFrontMatter = z.infer<typeof articleSchema>;
export type OptionsSpec = z.infer<typeof options>;

// ---------------------------------------------------------------- choosing a union branch

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** For a union, which branch the teacher meant (so errors come from that branch only). */
const choosers = new Map<unknown, (v: unknown) => number>();
choosers.set(refSchema, (v) => (isObj(v) ? 1 : 0));
choosers.set(questionItemSchema, (v) => {
  if (!isObj(v)) return 0;
  if ('use' in v) return 1;
  if ('pick' in v) return 2;
  if (!('text' in v)) {
    // a typo of `use`/`pick` (e.g. `uses:`) on an entry without `text`
    const keys = Object.keys(v);
    if (keys.some((k) => didYouMean(k, ['use']) && !didYouMean(k, ['text']))) return 1;
    if (keys.some((k) => didYouMean(k, ['pick']) && !didYouMean(k, ['text']))) return 2;
  }
  return 0;
});
choosers.set(lessonSchema.shape.questions.unwrap(), (v) => {
  // a block with `text:`/`use:`/`pick:` is a list that lost its `- `
  if (isObj(v) && ('text' in v || 'use' in v || 'pick' in v)) return 0;
  return Array.isArray(v) ? 0 : 1;
});
choosers.set(lessonSchema.shape.passages.unwrap(), (v) => {
  // a block with `ref:` is a list that lost its `- `
  if (isObj(v) && 'ref' in v) return 0;
  return Array.isArray(v) ? 0 : 1;
});
choosers.set(pickQuestionSchema.shape.pick.shape.level.unwrap(), (v) => (Array.isArray(v) ? 1 : 0));
choosers.set(answer, (v) => (Array.isArray(v) ? 1 : 0));
choosers.set(answerOne, (v) => (typeof v === 'number' ? 0 : 1));

// zod's internal definitions, only read (never relied on for parsing)
type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; entries?: Record<string, string> };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType) cur = d.innerType;
    else break;
  }
  return cur;
}

function chooseBranch(u: z.ZodType, value: unknown, branchErrors?: unknown[][]): number {
  const c = choosers.get(u);
  if (c) return c(value);
  if (!branchErrors) return 0;
  let best = 0;
  for (let i = 1; i < branchErrors.length; i++) if (branchErrors[i].length < branchErrors[best].length) best = i;
  return best;
}

/** The schema that applies at `path` of `value` under `root` (unions resolved by their chooser). */
function schemaAt(root: z.ZodType, root_value: unknown, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(root);
  let v: unknown = root_value;
  for (let i = 0; i <= path.length && s; i++) {
    let d = defOf(s);
    while (d.type === 'union' && d.options) {
      s = unwrap(d.options[chooseBranch(s, v)]);
      d = defOf(s);
    }
    if (i === path.length) break;
    const seg = path[i];
    if (d.type === 'object' && d.shape) {
      const next: z.ZodType | undefined = d.shape[String(seg)];
      s = next ? unwrap(next) : undefined;
      v = isObj(v) ? v[String(seg)] : undefined;
    } else if (d.type === 'array' && d.element) {
      s = unwrap(d.element);
      v = Array.isArray(v) ? v[seg as number] : undefined;
    } else return undefined;
  }
  return s;
}

function objectKeys(root: z.ZodType, value: unknown, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(root, value, path);
  if (!s) return [];
  const d = defOf(s);
  return d.type === 'object' && d.shape ? Object.keys(d.shape).filter((k) => k !== '$schema') : [];
}

function describeAt(root: z.ZodType, value: unknown, path: readonly PropertyKey[]): string | undefined {
  const s = schemaAt(root, value, path);
  if (!s) return undefined;
  const meta = z.globalRegistry.get(s) as { description?: string } | undefined;
  return meta?.description ?? (s as { description?: string }).description;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isObj(v)) v = v[String(seg)];
    else return undefined;
  }
  return v;
}

// ---------------------------------------------------------------- messages

function received(v: unknown): Param {
  if (v === null) return msg('schema.got-nothing');
  if (Array.isArray(v)) return msg('schema.got-list');
  if (typeof v === 'string') return msg('schema.got-text', { text: v.length > 40 ? v.slice(0, 40) + '…' : v });
  if (typeof v === 'number') return msg('schema.got-number', { n: v });
  if (typeof v === 'boolean') return `\`${v}\``;
  if (isObj(v)) return msg('schema.got-block');
  return typeof v;
}

function expectedName(e: string): Param {
  switch (e) {
    case 'string':
      return msg('schema.expect-text');
    case 'number':
      return msg('schema.expect-number');
    case 'int':
      return msg('schema.expect-int');
    case 'array':
      return msg('schema.expect-list');
    case 'object':
      return msg('schema.expect-block');
    case 'boolean':
      return msg('schema.expect-boolean');
    default:
      return e;
  }
}

/** How to name the thing at `path`: "`kind`", "entry 2 of `objectives`", "this file". */
function label(path: readonly PropertyKey[]): Param {
  if (path.length === 0) return msg('schema.this-file');
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const parent = path.length >= 2 ? `\`${String(path[path.length - 2])}\`` : msg('schema.the-list');
    return msg('schema.entry-of', { n: last + 1, parent });
  }
  return `\`${String(last)}\``;
}

/** A field's description (the JSON Schema's), in the catalogue when it has a twin there. */
function described(desc: string): Param {
  const code = FIELD_DESCRIPTIONS.get(desc);
  return code ? msg(code) : desc;
}

export type FileKind = 'lesson' | 'bank' | 'course' | 'article';

export interface Validation<T> {
  ok: boolean;
  /** the value as read (typed as the schema's output where `bad` does not say otherwise) */
  data: T;
  diagnostics: Diagnostic[];
  /** paths whose values failed validation: code reading `data` skips these */
  bad: Path[];
}

/**
 * Validate the YAML value of `file` against `schema`. Reports every problem at once, each at its node.
 */
/** At most this many schema problems are reported per file. */
export const MAX_ISSUES = 100;

export function validate<S extends z.ZodType>(schema: S, file: YamlFile, kind: FileKind): Validation<z.infer<S>> {
  const value = file.value;
  const diagnostics: Diagnostic[] = [];
  const bad: Path[] = [];
  if (!isObj(value)) {
    const hint = kind === 'lesson' ? msg('schema.hint-new-lesson') : undefined;
    if (value === undefined || value === null) diagnostics.push(diagAt(file, [], kind === 'article' ? 'schema.front-matter-empty' : 'schema.file-empty', {}, hint));
    else diagnostics.push(diagAt(file, [], 'schema.file-not-block', { what: msg(`schema.what-${kind}`), got: received(value) }, hint));
    return { ok: false, data: value as z.infer<S>, diagnostics, bad: [[]] };
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    let issues = r.error.issues as unknown as Issue[];
    // `questions:` written as one block instead of a list (the `- ` forgotten): say that, once
    const qs = (value as Record<string, unknown>).questions;
    if (kind === 'lesson' && isObj(qs) && ('text' in qs || 'use' in qs || 'pick' in qs)) {
      issues = issues.filter((i) => i.path[0] !== 'questions');
      bad.push(['questions']);
      diagnostics.push(diagAt(file, ['questions'], 'schema.questions-not-list'));
    }
    // a file that is not a lesson at all (a data file given by mistake) can have
    // thousands of problems: the first ones say enough, and each costs a search
    const total = issues.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? (i.keys?.length ?? 1) : 1), 0);
    for (const issue of issues) {
      if (diagnostics.length >= MAX_ISSUES) break;
      report(schema, value, file, issue, [], diagnostics, bad);
    }
    if (total > MAX_ISSUES && diagnostics.length >= MAX_ISSUES) {
      const after = Math.max(0, ...diagnostics.map((d) => d.line)) + 1;
      diagnostics.push(errorAt(file.path, after, 1, 'schema.more-problems', { n: total - diagnostics.length }));
    }
  }
  // one message per place: a typo'd key also makes its field "missing"; keep the typo message
  return { ok: diagnostics.every((d) => d.severity !== 'error'), data: value as z.infer<S>, diagnostics: sortDiags(dedupe(diagnostics)), bad };
}

/** Fields written one level too deep: `PARENT.FIELD` -> where it goes. */
const MISPLACED: Record<string, MessageCode> = {
  'pick.refs': 'authoring.misplaced-pick-refs',
};

type Issue = {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  errors?: Issue[][];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
};

function report(root: z.ZodType, value: unknown, file: YamlFile, issue: Issue, prefix: PropertyKey[], out: Diagnostic[], bad: Path[]): void {
  const path = [...prefix, ...issue.path];
  const p = path as Path;
  const here = valueAt(value, path);
  switch (issue.code) {
    case 'invalid_union': {
      if (!issue.errors || issue.errors.length === 0) break;
      if (here === undefined) {
        report(root, value, file, { code: 'invalid_type', path: issue.path, message: '', expected: 'union' }, prefix, out, bad);
        return;
      }
      const u = schemaAtUnion(root, value, path);
      const branch = u ? chooseBranch(u, here, issue.errors) : 0;
      const errs = issue.errors[branch] ?? issue.errors[0];
      if (errs.length === 1 && errs[0].code === 'invalid_type' && errs[0].path.length === 0) {
        // wrong shape altogether: say what is accepted
        bad.push(p);
        const lostDash = isObj(here) && ('text' in here || 'use' in here || 'pick' in here);
        out.push(diagAt(file, p, 'schema.wrong-value', { what: label(path), expected: unionExpectation(root, value, path), got: received(here) }, lostDash ? msg('schema.hint-dash-question') : undefined));
        return;
      }
      for (const e of errs) report(root, value, file, e, path, out, bad);
      return;
    }
    case 'unrecognized_keys': {
      const allowed = objectKeys(root, value, path);
      const obj = isObj(here) ? here : {};
      for (const k of issue.keys ?? []) {
        if (out.length >= MAX_ISSUES) break; // validate() says how many more
        const dym = suggestion(k, allowed.filter((a) => !(a in obj)));
        const misplaced = MISPLACED[`${String(path[path.length - 1])}.${k}`];
        const listed = allowed.length ? msg(misplaced ? 'authoring.fields-allowed-misplaced' : 'schema.fields-allowed', { list: codes(allowed, 20), ...(misplaced ? { where: msg(misplaced) } : {}) }) : undefined;
        out.push(diagAt(file, [...p, k], 'schema.unknown-field', { field: k }, dym ?? listed, 'key'));
      }
      return;
    }
    case 'invalid_type': {
      bad.push(p);
      const last = path[path.length - 1];
      if (here === undefined) {
        // missing: unless a typo of it was already reported in the same block
        const parentPath = path.slice(0, -1);
        const parent = valueAt(value, parentPath);
        const keys = isObj(parent) ? Object.keys(parent) : [];
        const typo = keys.find((k) => didYouMean(k, [String(last)]) && !objectKeys(root, value, parentPath).includes(k));
        if (typo) return;
        const desc = describeAt(root, value, path);
        const where = parentPath.length ? msg('schema.in', { what: label(parentPath) }) : '';
        out.push(diagAt(file, parentPath as Path, 'schema.missing-field', { field: String(last), where }, desc ? msg('schema.hint-add-field-about', { field: String(last), desc: described(desc) }) : msg('schema.hint-add-field', { field: String(last) })));
        return;
      }
      if (here === null) {
        out.push(diagAt(file, p, 'schema.empty', { what: label(path) }, msg('schema.hint-write-after-colon', { expected: expectedName(issue.expected ?? '') })));
        return;
      }
      const hint: MessageRef | undefined =
        issue.expected === 'string' && (typeof here === 'number' || typeof here === 'boolean')
          ? msg('schema.hint-quote-it', { value: String(here) })
          : issue.expected === 'string' && isObj(here)
            ? msg('schema.hint-colon-needs-quotes')
            : issue.expected === 'array' && typeof here === 'string'
              ? msg('schema.hint-write-list', { value: here })
              : issue.expected === 'array' && isObj(here)
                ? msg('schema.hint-dash-entries')
              : (issue.expected === 'number' || issue.expected === 'int') && typeof here === 'string' && /\d/.test(here)
                ? msg('schema.hint-just-number', { n: (/\d+/.exec(here) ?? ['1'])[0] })
                : undefined;
      out.push(diagAt(file, p, 'schema.wrong-value', { what: label(path), expected: expectedName(issue.expected ?? ''), got: received(here) }, hint));
      return;
    }
    case 'invalid_value': {
      bad.push(p);
      const values = (issue.values ?? []).map(String);
      const got = typeof here === 'string' ? `\`${here}\`` : received(here);
      out.push(diagAt(file, p, 'schema.not-one-of', { what: label(path), list: codes(values), got }, typeof here === 'string' ? suggestion(here, values) : undefined));
      return;
    }
    case 'too_small': {
      bad.push(p);
      const min = Number(issue.minimum);
      if (issue.origin === 'string') out.push(diagAt(file, p, 'schema.empty', { what: label(path) }));
      else if (issue.origin === 'array') out.push(diagAt(file, p, min === 1 ? 'schema.needs-one-entry' : 'schema.needs-entries', { what: label(path), min }));
      else out.push(diagAt(file, p, 'schema.at-least', { what: label(path), min, got: String(here) }));
      return;
    }
    case 'too_big': {
      bad.push(p);
      const max = Number(issue.maximum);
      if (issue.origin === 'array') out.push(diagAt(file, p, 'schema.too-many-entries', { what: label(path), max }));
      else if (issue.origin === 'string') out.push(diagAt(file, p, issue.message === ID_LENGTH_MESSAGE ? 'build.id-too-long-field' : 'schema.too-long', { what: label(path), max }));
      else out.push(diagAt(file, p, 'schema.at-most', { what: label(path), max, got: String(here) }));
      return;
    }
    case 'invalid_format': {
      bad.push(p);
      const got = typeof here === 'string' ? msg('schema.got-code', { value: here }) : '';
      if (issue.message === ID_MESSAGE) out.push(diagAt(file, p, 'schema.bad-id', { what: label(path), got }));
      else out.push(diagAt(file, p, 'schema.bad-format', { what: label(path), detail: issue.message, got }));
      return;
    }
    default: {
      bad.push(p);
      out.push(diagAt(file, p, 'schema.other', { what: label(path), detail: issue.message }));
    }
  }
}

function schemaAtUnion(root: z.ZodType, value: unknown, path: readonly PropertyKey[]): z.ZodType | undefined {
  // like schemaAt, but stop *at* the union instead of resolving it
  if (path.length === 0) {
    const s = unwrap(root);
    return defOf(s).type === 'union' ? s : undefined;
  }
  const parent = schemaAt(root, value, path.slice(0, -1));
  if (!parent) return undefined;
  const d = defOf(parent);
  const seg = path[path.length - 1];
  let s: z.ZodType | undefined;
  if (d.type === 'object' && d.shape) s = d.shape[String(seg)];
  else if (d.type === 'array' && d.element) s = d.element;
  return s ? unwrap(s) : undefined;
}

function unionExpectation(root: z.ZodType, value: unknown, path: readonly PropertyKey[]): MessageRef {
  const u = schemaAtUnion(root, value, path);
  if (u === refSchema) return msg('schema.expect-ref');
  if (u === questionItemSchema) return msg('schema.expect-question');
  if (u && u === choosersKey(lessonSchema.shape.questions)) return msg('schema.expect-questions');
  if (u && u === choosersKey(lessonSchema.shape.passages)) return msg('authoring.expect-passages');
  return msg('schema.expect-other');
}

function choosersKey(s: z.ZodType): z.ZodType {
  return unwrap(s);
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}:${d.line}:${d.col}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function sortDiags(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => (a.file === b.file ? a.line - b.line || a.col - b.col : 0));
}

/** Whether `path` is (inside, or contains) a path that failed validation. */
export function isBad(bad: readonly Path[], path: Path): boolean {
  return bad.some((b) => {
    const n = Math.min(b.length, path.length);
    for (let i = 0; i < n; i++) if (String(b[i]) !== String(path[i])) return false;
    return true;
  });
}

/** Whether `path` itself, or a field above it, failed validation (the value there cannot be used). */
export function isBroken(bad: readonly Path[], path: Path): boolean {
  return bad.some((b) => b.length <= path.length && b.every((seg, i) => String(seg) === String(path[i])));
}
