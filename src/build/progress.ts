// What a build prints while it runs. On a terminal: one redrawn line with a
// bar, files and pages; problems and "wrote" lines scroll above it. Elsewhere
// (pipes, CI, --quiet, --json): plain lines, and with --quiet or in CI only
// the errors.
import path from 'node:path';
import { ioText, type IO } from '../cli/io.js';
import type { MessageCode, Params } from '../i18n/catalogue.js';
import { formatDiagnostic, type Diagnostic } from '../workspace/diagnostics.js';

export interface ProgressOptions {
  quiet?: boolean;
  json?: boolean;
}

export class Progress {
  private files = 0;
  private filesDone = 0;
  private jobs = 0;
  private jobsDone = 0;
  private pages = 0;
  private drawn = false;
  private readonly bar: boolean;
  private readonly chatty: boolean;
  private lastDraw = 0;

  constructor(
    private readonly io: IO,
    opts: ProgressOptions,
  ) {
    // the environment is read once, at the process boundary (processIO)
    const ci = Boolean(io.ci);
    this.bar = io.isTTY && !ci && !opts.quiet && !opts.json && typeof io.errRaw === 'function';
    // "wrote …" lines: for a person reading a log, not in CI, not with --quiet or --json
    this.chatty = !ci && !opts.quiet && !opts.json;
  }

  start(files: number): void {
    this.files = files;
    this.filesDone = this.jobsDone = this.jobs = this.pages = 0;
    this.draw(true);
  }

  addJobs(n: number): void {
    this.jobs += n;
    this.draw();
  }

  jobDone(pages: number): void {
    this.jobsDone++;
    this.pages += pages;
    this.draw();
  }

  fileDone(): void {
    this.filesDone++;
    this.draw(true);
  }

  /** Problems are always printed: errors in every mode, warnings unless quiet. */
  problems(diags: Diagnostic[], quiet: boolean): void {
    // in CI, or with --quiet, only errors
    for (const d of diags) if (d.severity === 'error' || !(quiet || this.io.ci)) this.line(formatDiagnostic(d, this.io.cwd, this.io.lang));
  }

  wrote(file: string, pages: number): void {
    if (!this.chatty) return;
    const shown = path.relative(this.io.cwd, file) || file;
    // a Word file or a web page has no pages of its own to count
    this.line(pages === 0 ? ioText(this.io, 'formats.wrote', { file: shown }) : ioText(this.io, pages === 1 ? 'progress.wrote-one' : 'progress.wrote', { file: shown, pages }));
  }

  /** A line for a person reading along (not with --quiet, --json or in CI): catalogue message `code`. */
  note(code: MessageCode, params?: Params): void {
    if (this.chatty) this.line(ioText(this.io, code, params));
  }

  /**
   * Remove the bar when the build is over: lines printed after it (watch
   * mode's "rebuilt …") do not bring it back. The line is cleared even when no
   * bar is drawn, so that what follows starts on a clean line (a `^C` the
   * terminal echoed is wiped too).
   */
  finish(): void {
    if (this.bar) this.io.errRaw!('\r\x1b[2K');
    this.drawn = false;
    this.files = 0;
  }

  private line(text: string): void {
    if (this.bar && this.drawn) this.io.errRaw!('\r\x1b[2K');
    this.drawn = false;
    this.io.err(text);
    this.draw(true);
  }

  private draw(force = false): void {
    if (!this.bar || this.files === 0) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 50) return;
    this.lastDraw = now;
    const width = 24;
    const total = Math.max(1, this.jobs);
    const filled = Math.round((width * this.jobsDone) / total);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const text = ioText(this.io, 'progress.bar', { bar, filesDone: this.filesDone, files: this.files, jobsDone: this.jobsDone, jobs: this.jobs, pages: this.pages });
    this.io.errRaw!(`\r\x1b[2K${text}`);
    this.drawn = true;
  }
}
