// Where a command writes: injectable so tests run commands in-process.
import { chooseLang, message, type Lang, type MessageCode, type Params } from '../i18n/catalogue.js';

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

/** set once stdout's reader has gone (see quietOnClosedStdout) */
let stdoutClosed = false;

// Read when asked, not when this module loads: a start-up snapshot
// (scripts/snapshot.mjs) loads it once at build time for every later run.
export const processIO: IO = {
  out: (t) => {
    if (!stdoutClosed) process.stdout.write(t.endsWith('\n') ? t : t + '\n');
  },
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  get isTTY() {
    return Boolean(process.stderr.isTTY) && !process.env.CI;
  },
  get ci() {
    return Boolean(process.env.CI);
  },
  get cwd() {
    return process.cwd();
  },
  errRaw: (t) => process.stderr.write(t),
  get lang() {
    return chooseLang(undefined, process.env);
  },
};

/**
 * When stdout is a pipe whose reader has gone (`hiwar passages … | head`),
 * writing fails with EPIPE: from then on what would go to stdout is dropped,
 * and the command ends as it would have (a build still finishes and writes its
 * PDFs), instead of crashing with a stack trace. Any other error is thrown.
 */
let watchingStdout = false;
export function quietOnClosedStdout(): void {
  if (watchingStdout) return;
  watchingStdout = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    stdoutClosed = true;
  });
}

/** The catalogue message `code` in the language of `io`. */
export function ioText(io: Pick<IO, 'lang'>, code: MessageCode, params?: Params): string {
  return message(code, io.lang ?? 'en', params);
}
