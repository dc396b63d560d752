// Ctrl-C during `hiwar build`: stop at once, leave no temporary or partial
// PDF behind, and say which PDFs were built and which input files were not,
// then exit 130 (143 for SIGTERM), as shells expect of an interrupted command.
//
// The handler runs only when the event loop turns. src/pdf/output.ts turns it
// once right before it replaces a file's PDFs (after writing them to
// temporary files), so a Ctrl-C that came during a render or the writes stops
// the build there: the temporary files are swept and nothing is replaced.
// The renames of one file's PDFs are one synchronous step, so the handler
// never runs between them. The guard listens until every PDF is in place
// (`finish()`): a signal after that is too late to stop anything.
import { readRegularFileSync } from './read.js';
import { LIMITS } from './limits.js';
import path from 'node:path';
import { onWritten, sweepStaleTemps } from '../pdf/output.js';
import { message, type Lang } from '../i18n/catalogue.js';
import { parseYaml } from '../workspace/yaml.js';
import { normalizeSource } from '../workspace/source.js';

export interface GuardIO {
  err(text: string): void;
  cwd: string;
  lang?: Lang;
}

export interface GuardFlags {
  out?: string;
  edition?: string;
  format?: string[];
  split?: boolean;
}

export interface GuardOptions {
  /** how to end the process (tests replace it) */
  exit?: (code: number) => void;
  /** the process to listen on (tests pass an EventEmitter) */
  signals?: Pick<NodeJS.Process, 'on' | 'off'>;
}

/** The PDF names an input file makes, read cheaply from its `id` (empty when it cannot be told). */
function expectedOutputs(file: string, flags: GuardFlags, outDir: string): string[] {
  const editions = flags.edition === 'student' ? ['student'] : flags.edition === 'teacher' ? ['teacher'] : ['student', 'teacher'];
  try {
    // never a blocking read here: the file may be a FIFO
    const r = readRegularFileSync(file, LIMITS.bank);
    if (!r.ok) return [];
    const text = normalizeSource(r.bytes.toString('utf8'));
    const y = parseYaml(file, text);
    const v = y.value as { id?: unknown; lessons?: unknown } | null;
    if (!v || typeof v.id !== 'string') return [];
    return editions.flatMap((e) => (flags.format ?? ['pdf']).map((f) => path.join(outDir, `${v.id}-${e}.${f}`)));
  } catch {
    return [];
  }
}

/** The lines printed when a build is interrupted. */
export function interruptReport(files: string[], built: readonly string[], flags: GuardFlags, cwd: string, signal = 'SIGINT', lang: Lang = 'en'): string[] {
  const outDir = path.resolve(cwd, flags.out ?? 'out');
  const rel = (p: string) => path.relative(cwd, p) || p;
  const done = new Set(built.map((b) => path.resolve(b)));
  const notBuilt = files.filter((f) => {
    const expected = expectedOutputs(path.resolve(cwd, f), flags, outDir);
    return expected.length === 0 || expected.some((e) => !done.has(e));
  });
  const how = signal === 'SIGINT' ? 'Ctrl-C' : signal;
  const lines = [message('interrupt.stopped', lang, { how })];
  lines.push(built.length ? message('interrupt.built', lang, { files: built.map(rel).join(', ') }) : message('interrupt.built-nothing', lang));
  if (notBuilt.length) lines.push(message('interrupt.not-built', lang, { files: notBuilt.join(', ') }));
  lines.push(message('interrupt.nothing-partial', lang));
  return lines;
}

/**
 * Watch one build command: record each PDF as it lands and, on SIGINT or
 * SIGTERM, report and exit. `dispose()` when the command ends normally.
 */
export function guardBuild(files: string[], flags: GuardFlags, io: GuardIO, opts: GuardOptions = {}): { dispose(): void; finish(): void; built: string[] } {
  const built: string[] = [];
  const stopListening = onWritten((t) => built.push(t));
  const signals = opts.signals ?? process;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let fired = false;
  // every PDF is in place: a signal now is too late to stop anything, and the build's own exit code stands
  let finished = false;
  const handler = (signal: NodeJS.Signals) => {
    if (fired || finished) return;
    fired = true;
    try {
      sweepStaleTemps(path.resolve(io.cwd, flags.out ?? 'out'), true);
      for (const line of interruptReport(files, built, flags, io.cwd, signal, io.lang)) io.err(line);
    } finally {
      exit(signal === 'SIGTERM' ? 143 : 130);
    }
  };
  signals.on('SIGINT', handler);
  signals.on('SIGTERM', handler);
  return {
    built,
    finish() {
      finished = true;
    },
    dispose() {
      stopListening();
      signals.off('SIGINT', handler);
      signals.off('SIGTERM', handler);
    },
  };
}
