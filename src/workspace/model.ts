// The resolved lesson model: what `resolve` hands to the renderer. Nothing in
// here knows about YAML positions; nothing below it knows about files.

export type Digits = 'arabic' | 'western';
export type Paper = 'A4' | 'letter';
/** the bundled typefaces (both OFL, installed through npm) */
export type FontName = 'amiri' | 'noto-naskh';
export type Edition = 'student' | 'teacher';
export type QuestionKind = 'open' | 'choice' | 'scale' | 'rank';
export type BloomLevel = 'remember' | 'understand' | 'apply' | 'analyze' | 'evaluate' | 'create';

export interface BuildOptions {
  paper: Paper;
  digits: Digits;
  seed: number;
  font: FontName;
}

export interface ArticleInfo {
  id: string;
  title: string;
  source?: string;
  url?: string;
  date?: string;
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
  options: BuildOptions;
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
