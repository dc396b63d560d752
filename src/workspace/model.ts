// The resolved lesson model: what `resolve` hands to the renderer. Nothing in
// here knows about YAML positions; nothing below it knows about files.

export type Digits = 'arabic' | 'western';
export type Paper = 'A4' | 'letter';
/** the bundled typefaces (both OFL, installed through npm) */
export type FontName = 'amiri' | 'noto-naskh';
/** how justified Arabic lines are evened: kashida (tatweel) beyond a capped space stretch, or spaces only */
export type Justify = 'kashida' | 'spaces';
/** `key`: the answer key */
export type Edition = 'student' | 'teacher' | 'key';
/** the file formats `hiwar build` writes (src/formats/<name>/) */
export const FORMATS = ['pdf', 'docx', 'html'] as const;
export type OutputFormat = (typeof FORMATS)[number];
export type QuestionKind = 'open' | 'choice' | 'scale' | 'rank';
export type BloomLevel = 'remember' | 'understand' | 'apply' | 'analyze' | 'evaluate' | 'create';

export interface BuildOptions {
  paper: Paper;
  digits: Digits;
  seed: number;
  font: FontName;
  /** kashida (default with Amiri) | spaces (default with other fonts) */
  justify: Justify;
  /** editions `hiwar build` makes when --edition is not given */
  editions: Edition[];
  /** file formats `hiwar build` writes for each edition */
  formats: OutputFormat[];
  /** a name / class / date line on the student handout */
  nameLine: boolean;
  /** a QR code of the article's url beside its source */
  qr: boolean;
  /** versions A and B with choice and rank options reordered */
  shuffle: boolean;
}

/** A mistake in the article, marked where it is printed (the body is never rewritten). */
export interface Erratum {
  /** the words as the article prints them */
  text: string;
  correct: string;
  note?: string;
}

export interface ArticleInfo {
  id: string;
  title: string;
  source?: string;
  url?: string;
  date?: string;
  author?: string;
  errata: Erratum[];
  /** the article file, absolute path */
  path: string;
}

/** A resolved passage: the exact text the lesson quotes, paragraph by paragraph. */
export interface ResolvedPassage {
  /** the ref as written, e.g. "p1-p2" or "«حتى بعد هزيمته» … «أراض جديدة»" */
  ref: string;
  /** a human label for the citation, e.g. "الفقرات ١–٣" is built by the renderer from these */
  heading?: string;
  teacherNote?: string;
  /** one entry per paragraph touched (a sentence ref gives one entry with part of a paragraph) */
  paragraphs: { number: number; text: string; partial: boolean }[];
}

export interface ResolvedQuestion {
  id: string;
  text: string;
  kind: QuestionKind;
  level?: BloomLevel;
  refs: string[];
  /** answer lines for open questions (default 4) */
  lines: number;
  /** choice / rank options; scale labels (default 5-point row filled in by resolve) */
  options: string[];
  guidance?: string;
  /**
   * The right answer, as 0-based option indices: for `choice` the right
   * option(s), for `rank` the items in the expected order.
   */
  answer?: number[];
  /** where it came from, e.g. "questions/moderation.yaml#deletion-displacement" */
  origin?: string;
}

export interface ResolvedLesson {
  id: string;
  title: string;
  /** absolute path of the lesson file */
  path: string;
  article: ArticleInfo;
  audience?: string;
  duration?: number;
  objectives: string[];
  contentNote?: string;
  passages: ResolvedPassage[];
  glossary: { term: string; definition: string }[];
  questions: ResolvedQuestion[];
  activities: { title: string; minutes?: number; steps: string[] }[];
  teacher: { facilitation?: string; groundRules: string[] };
  figures: ResolvedFigure[];
  options: BuildOptions;
  /** set on the shuffled versions: "A" or "B" */
  version?: string;
}

/** A picture printed after a passage or a question. */
export interface ResolvedFigure {
  /** absolute path of the PNG or JPEG file */
  path: string;
  format: 'png' | 'jpeg';
  /** pixel size, for the aspect ratio */
  width: number;
  height: number;
  caption: string;
  /** what it shows, in words (kept for accessible formats and in the PDF) */
  alt: string;
  /** after the passage (0-based index in `passages`) or question (0-based index in `questions`) */
  after: { passage: number } | { question: number };
}

export interface ResolvedCourse {
  id: string;
  title: string;
  subtitle?: string;
  author?: string;
  path: string;
  lessons: ResolvedLesson[];
  options: BuildOptions;
}
