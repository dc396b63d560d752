// commander's own usage errors ("unknown option", "missing required argument",
// …) in the catalogue's words and the language of the run. commander gives
// them to `outputError` as finished English sentences; each is matched here
// and said again from the catalogue (its English twin is commander's text).
// A message we do not know passes through as commander wrote it.
import { message, msg, type Lang, type Params } from '../i18n/catalogue.js';
import type { IO } from './io.js';

type Rule = [RegExp, string, (m: RegExpExecArray) => Params];

const RULES: Rule[] = [
  [/^error: unknown option '(.+?)'(?:\n\(Did you mean (.+?)\?\))?$/s, 'cli.unknown-option', (m) => ({ option: m[1], dym: dym(m[2]) })],
  [/^error: unknown command '(.+?)'(?:\n\(Did you mean (.+?)\?\))?$/s, 'cli.unknown-command', (m) => ({ command: m[1], dym: dym(m[2]) })],
  [/^error: missing required argument '(.+?)'$/, 'cli.missing-argument', (m) => ({ name: m[1] })],
  [/^error: option '(.+?)' argument missing$/, 'cli.option-needs-value', (m) => ({ option: m[1] })],
  [/^error: required option '(.+?)' not specified$/, 'cli.required-option', (m) => ({ option: m[1] })],
  [/^error: too many arguments(?: for '(.+?)')?\. Expected 1 argument but got (\d+)\.$/, 'cli.too-many-arguments-one', (m) => ({ forCommand: forCommand(m[1]), got: m[2] })],
  [/^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments but got (\d+)\.$/, 'cli.too-many-arguments', (m) => ({ forCommand: forCommand(m[1]), expected: m[2], got: m[3] })],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\.$/s, 'cli.bad-option-value', (m) => ({ option: m[1], got: m[2], choices: m[3] })],
];

function forCommand(name: string | undefined): Params[string] {
  return name ? msg('cli.for-command', { command: name }) : '';
}

/** commander's "(Did you mean X?)" line, or nothing. */
function dym(what: string | undefined): Params[string] {
  return what ? msg('cli.commander-dym', { what }) : '';
}

/** commander's error text (ending in a line break) in the catalogue's words, in `io`'s language. */
export function commanderMessage(text: string, io: Pick<IO, 'lang'>): string {
  const lang: Lang = io.lang ?? 'en';
  const body = text.replace(/\n$/, '');
  for (const [re, code, params] of RULES) {
    const m = re.exec(body);
    if (m) return `${message('core.severity-error', lang)}: ${message(code, lang, params(m))}\n`;
  }
  return text;
}
