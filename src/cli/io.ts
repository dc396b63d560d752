// Where a command writes: injectable so tests run commands in-process.
import { chooseLang, message, type Lang, type Params } from '../i18n/catalogue.js';

export interface IO {
  out(text: string): void;
  err(text: string): void;
  /** true when stderr is an interactive terminal (progress bars) */
  isTTY: boolean;
  cwd: string;
  /** raw stderr write without a newline (progress bars redraw one line); only needed when isTTY */
  errRaw?(text: string): void;
  /** running in CI (the CI environment variable): print nothing but problems */
  ci?: boolean;
  /** the language of every message printed (`--lang`, else the locale); English when not set */
  lang?: Lang;
}

export const processIO: IO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  isTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
  ci: Boolean(process.env.CI),
  cwd: process.cwd(),
  errRaw: (t) => process.stderr.write(t),
  lang: chooseLang(undefined, process.env),
};

/** The catalogue message `code` in the language of `io`. */
export function ioText(io: Pick<IO, 'lang'>, code: string, params?: Params): string {
  return message(code, io.lang ?? 'en', params);
}
