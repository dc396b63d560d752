// Where a command writes: injectable so tests run commands in-process.
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
}

// Read when asked, not when this module loads: a start-up snapshot
// (scripts/snapshot.mjs) loads it once at build time for every later run.
export const processIO: IO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
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
};
