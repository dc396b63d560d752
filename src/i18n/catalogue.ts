// One message catalogue, Arabic and English twins. A message is a pair of
// templates with `{name}` placeholders; a diagnostic keeps the message's code
// and parameters, so it can be shown in either language when it is printed.
//
// Each area of hiwar keeps its messages in its own file under messages/
// (messages/<area>.ts exporting a record made with defineMessages); this file
// merges them. Codes are `area.what-went-wrong`, unique across the catalogue.
//
// A parameter is a plain value (a field name, a number, a file name: the same
// in both languages) or a piece of wording from the catalogue itself (`msg()`:
// "entry 2 of `objectives`", "the text "…""), filled in the language shown.
import type { MessageEntry } from './define.js';
import { CORE_MESSAGES } from './messages/core.js';
import { WORKSPACE_MESSAGES } from './messages/workspace.js';
import { YAML_MESSAGES } from './messages/yaml.js';
import { REFS_MESSAGES } from './messages/refs.js';
import { RENDER_MESSAGES } from './messages/render.js';
import { BUILD_PROGRESS_MESSAGES } from './messages/build-progress.js';
import { SAFETY_MESSAGES } from './messages/safety.js';
import { CLI_MESSAGES } from './messages/cli.js';
import { FIELD_MESSAGES } from './messages/fields.js';
import { QUESTIONS_MESSAGES } from './messages/questions.js';
import { HELP_MESSAGES } from './messages/help.js';
import { ERROR_MESSAGES } from './messages/errors.js';
import { BUILD_MESSAGES } from './messages/build.js';
import { OUTPUT_MESSAGES } from './messages/output.js';
import { AUTHORING_MESSAGES } from './messages/authoring.js';
import { STUDIO_MESSAGES } from './messages/studio.js';
import { FORMATS_MESSAGES } from './messages/formats.js';

export { defineMessages, type MessageEntry, type MessagePair } from './define.js';

export type Lang = 'ar' | 'en';

export const LANGS: readonly Lang[] = ['ar', 'en'];

/** A message of the catalogue with its parameters, not yet put into words. */
export interface MessageRef {
  code: MessageCode;
  params?: Params;
}

export type Param = string | number | MessageRef | readonly Param[];

export type Params = Record<string, Param>;

const MESSAGES = {
  ...CORE_MESSAGES,
  ...WORKSPACE_MESSAGES,
  ...YAML_MESSAGES,
  ...REFS_MESSAGES,
  ...RENDER_MESSAGES,
  ...BUILD_PROGRESS_MESSAGES,
  ...SAFETY_MESSAGES,
  ...CLI_MESSAGES,
  ...FIELD_MESSAGES,
  ...QUESTIONS_MESSAGES,
  ...HELP_MESSAGES,
  ...ERROR_MESSAGES,
  ...BUILD_MESSAGES,
  ...OUTPUT_MESSAGES,
  ...AUTHORING_MESSAGES,
  ...STUDIO_MESSAGES,
  ...FORMATS_MESSAGES,
};

/** The code of a message of the catalogue: a code that is not there does not compile. */
export type MessageCode = keyof typeof MESSAGES;

export const CATALOGUE: Readonly<Record<string, MessageEntry>> = MESSAGES;

/** A message of the catalogue as a parameter or hint of another (filled in the language it is shown in). */
export function msg(code: MessageCode, params?: Params): MessageRef {
  return params ? { code, params } : { code };
}

/** A parameter in words: catalogue pieces in `lang`, lists joined by `, ` (`、` never: ASCII comma reads in both). */
export function paramText(value: Param, lang: Lang = 'en'): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => paramText(v as Param, lang)).join(lang === 'ar' ? '، ' : ', ');
  const ref = value as MessageRef;
  return message(ref.code, lang, ref.params);
}

/** `{name}` placeholders of a template replaced by their parameters (pieces of the catalogue in `lang`). */
export function fill(template: string, params: Params = {}, lang: Lang = 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? paramText(params[name], lang) : whole));
}

/** The message with this code in this language, filled; throws on an unknown code (a bug in hiwar). */
export function message(code: MessageCode, lang: Lang, params?: Params): string {
  const entry = CATALOGUE[code];
  if (!entry) throw new Error(`no message ${code} in the catalogue`);
  return fill(entry[lang], params, lang);
}

/** The hint of the message with this code, or undefined when it has none. */
export function messageHint(code: MessageCode, lang: Lang, params?: Params): string | undefined {
  const hint = CATALOGUE[code]?.hint;
  return hint ? fill(hint[lang], params, lang) : undefined;
}

/** A message given as a ref, in words. */
export function say(ref: MessageRef, lang: Lang = 'en'): string {
  return message(ref.code, lang, ref.params);
}

/** `--lang`'s value as a language, or undefined when it names none of ours. */
export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const low = value.toLowerCase();
  if (low.startsWith('ar')) return 'ar';
  if (low.startsWith('en') || low === 'c' || low === 'posix' || low.startsWith('c.')) return 'en';
  return undefined;
}

/** The language messages are shown in: `--lang`, else HIWAR_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English. */
export function chooseLang(flag?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  return parseLang(flag) ?? parseLang(env.HIWAR_LANG) ?? parseLang(env.LC_ALL) ?? parseLang(env.LC_MESSAGES) ?? parseLang(env.LANG) ?? 'en';
}
