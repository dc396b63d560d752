// One message catalogue, Arabic and English twins. A message is a pair of
// templates with `{name}` placeholders; a diagnostic keeps the message's code
// and parameters, so it can be shown in either language when it is printed.
//
// Each area of hiwar keeps its messages in its own file under messages/
// (messages/<area>.ts exporting a record made with defineMessages); this file
// merges them. Codes are `area.what-went-wrong`, unique across the catalogue.
import type { MessageEntry } from './define.js';
import { CORE_MESSAGES } from './messages/core.js';
import { STUDIO_MESSAGES } from './messages/studio.js';

export { defineMessages, type MessageEntry, type MessagePair } from './define.js';

export type Lang = 'ar' | 'en';

export type Params = Record<string, string | number>;

export const CATALOGUE: Record<string, MessageEntry> = {
  ...CORE_MESSAGES,
  ...STUDIO_MESSAGES,
};

/** `{name}` placeholders of a template replaced by their parameters. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message with this code in this language, filled; throws on an unknown code (a bug in hiwar). */
export function message(code: string, lang: Lang, params?: Params): string {
  const entry = CATALOGUE[code];
  if (!entry) throw new Error(`no message ${code} in the catalogue`);
  return fill(entry[lang], params);
}

/** The hint of the message with this code, or undefined when it has none. */
export function messageHint(code: string, lang: Lang, params?: Params): string | undefined {
  const hint = CATALOGUE[code]?.hint;
  return hint ? fill(hint[lang], params) : undefined;
}

/** The language messages are shown in: `--lang`, else HIWAR_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English. */
export function chooseLang(flag?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const pick = (v: string | undefined): Lang | undefined => {
    if (!v) return undefined;
    const low = v.toLowerCase();
    if (low.startsWith('ar')) return 'ar';
    if (low.startsWith('en') || low === 'c' || low === 'posix' || low.startsWith('c.')) return 'en';
    return undefined;
  };
  return pick(flag) ?? pick(env.HIWAR_LANG) ?? pick(env.LC_ALL) ?? pick(env.LC_MESSAGES) ?? pick(env.LANG) ?? 'en';
}
