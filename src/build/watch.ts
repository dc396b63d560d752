// `hiwar build --watch FILE...`: build, then watch every file the build read
// (lessons, parents, banks, articles, courses) and the templates, and rebuild
// only the files a change affects. Directories are watched rather than files,
// so editors that save by writing a new file and renaming it are seen too.
// Changes are gathered for a moment (debounce) so one save is one rebuild.
import fs from 'node:fs';
import path from 'node:path';
import { ioText, type IO } from '../cli/io.js';
import { BUNDLED_TEMPLATES } from '../render/templates.js';
import { buildBatch, exitCodeOf, summarize, templatesDirOf, type BuildFlags, type BuiltFile, type Summary } from './batch.js';
import { chooseExecutor } from './pool.js';
import { Progress } from './progress.js';

export interface WatchOptions {
  /** how long to wait for more changes before rebuilding (ms) */
  debounceMs?: number;
  /** after the first build and after every rebuild */
  onBuild?: (summary: Summary, results: BuiltFile[], rebuild: boolean) => void;
  /** once every watcher is in place */
  onReady?: () => void;
}

/** Every template file a build may read: the user's folder first, hiwar's own for what it lacks. */
function templateDirs(flags: BuildFlags, cwd: string): string[] {
  const user = templatesDirOf(flags, cwd);
  const dirs = user ? [user, BUNDLED_TEMPLATES] : [BUNDLED_TEMPLATES];
  return dirs.flatMap((d) => [d, path.join(d, 'partials')]);
}

export async function watchBuild(files: string[], flags: BuildFlags, io: IO, signal: AbortSignal, opts: WatchOptions = {}): Promise<number> {
  const cwd = io.cwd;
  const debounce = opts.debounceMs ?? 25;
  const executor = chooseExecutor(files, flags);
  const progress = new Progress(io, flags);
  const abs = files.map((f) => path.resolve(cwd, f));
  /** file given -> what it read */
  const deps = new Map<string, Set<string>>(abs.map((f) => [f, new Set([f])]));
  const tplDirs = templateDirs(flags, cwd);
  let templatesVersion = 0;
  let lastCode = 0;

  const watchers = new Map<string, fs.FSWatcher>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  const watched = (): Set<string> => {
    const all = new Set<string>();
    for (const set of deps.values()) for (const d of set) all.add(d);
    return all;
  };

  const onEvent = (dir: string, name: string | Buffer | null) => {
    if (!name) {
      // some platforms give no name: treat it as a change to anything in that folder
      for (const f of watched()) if (path.dirname(f) === dir) pending.add(f);
      if (tplDirs.includes(dir)) pending.add(path.join(dir, '*.hbs'));
    } else {
      const full = path.join(dir, name.toString());
      if (tplDirs.includes(dir) ? full.endsWith('.hbs') : watched().has(full)) pending.add(full);
    }
    if (!pending.size) return;
    clearTimeout(timer);
    timer = setTimeout(kick, debounce);
  };

  const ensureWatchers = () => {
    const dirs = new Set<string>(tplDirs.filter((d) => fs.existsSync(d)));
    for (const f of watched()) dirs.add(path.dirname(f));
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const w = fs.watch(dir, { persistent: true }, (_event, name) => onEvent(dir, name));
        w.on('error', () => {
          w.close();
          watchers.delete(dir);
        });
        watchers.set(dir, w);
      } catch {
        // a folder that does not exist (yet): the file's build already reported it
      }
    }
  };

  const build = async (targets: string[], rebuild: boolean) => {
    const started = performance.now();
    const results = await buildBatch(targets, { flags, cwd, executor, progress, templatesVersion, cache: true });
    for (const r of results) {
      // keep what was read before too: a file that failed half-way still depends on it
      const set = deps.get(r.file) ?? new Set<string>();
      for (const d of r.deps) set.add(d);
      deps.set(r.file, set);
    }
    const seconds = (performance.now() - started) / 1000;
    const summary = summarize(results, seconds, executor, cwd);
    lastCode = exitCodeOf(results);
    if (flags.json) io.out(JSON.stringify({ ...summary, rebuild }));
    else if (rebuild) progress.note('watch.rebuilt', { files: results.map((r) => path.relative(cwd, r.file) || r.file).join(', '), ms: Math.round(seconds * 1000) });
    ensureWatchers();
    opts.onBuild?.(summary, results, rebuild);
  };

  const rebuild = async () => {
    const changed = [...pending];
    pending.clear();
    const templateChanged = changed.some((c) => tplDirs.includes(path.dirname(c)));
    if (templateChanged) templatesVersion++;
    const targets = templateChanged ? abs : abs.filter((f) => changed.some((c) => deps.get(f)?.has(c)));
    if (targets.length) await build(targets, true);
  };

  function kick(): void {
    if (running) {
      again = true;
      return;
    }
    running = rebuild()
      .catch((err) => io.err(ioText(io, 'watch.internal-error', { detail: (err as Error)?.message ?? String(err) })))
      .finally(() => {
        running = null;
        if (again || pending.size) {
          again = false;
          kick();
        }
      });
  }

  try {
    await build(abs, false);
    if (signal.aborted) return lastCode;
    progress.note(abs.length === 1 ? 'watch.watching-one' : 'watch.watching', { n: abs.length, more: watched().size - abs.length });
    opts.onReady?.();
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
    return 0;
  } finally {
    clearTimeout(timer);
    for (const w of watchers.values()) w.close();
    watchers.clear();
    if (running) await running;
    await executor.close();
    progress.finish();
  }
}
