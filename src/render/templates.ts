// Loads the Handlebars templates (bundled, or a teacher's own folder) and turns
// a view model into markup. Escaping stays on; templates get no helpers that
// touch files, and prototype access stays off (Handlebars' safe defaults).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { UserError, errorAt } from '../workspace/diagnostics.js';
import { msg as message } from '../i18n/catalogue.js';
import type { Block } from '../document/model.js';
import { MarkupError, parseMarkup } from './markup.js';
import { readRegularFileSync } from '../safety/read.js';
import { formatBytes, LIMITS } from '../safety/limits.js';
import { isInside, realPathOf } from '../safety/scope.js';
import { normalizeSource } from '../workspace/source.js';

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type Env = typeof Handlebars;

export const BUNDLED_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

export type TemplateName = 'lesson' | 'cover' | 'contents' | 'key' | 'sources';
/** the page templates a set renders */
export const TEMPLATE_NAMES: readonly TemplateName[] = ['lesson', 'cover', 'contents', 'key', 'sources'];

export interface TemplateSet {
  dir: string;
  render(name: TemplateName, data: object): string;
  /** render, then parse the markup; markup hiwar cannot lay out is a user error at the template line that printed it */
  blocks(name: TemplateName, data: object): Block[];
  /** every file the set was read from (for watch mode) */
  files: string[];
  /** the helpers templates may call (Handlebars' built-ins only: none reads a file) */
  helpers: string[];
}

const cache = new Map<string, TemplateSet>();

/** The line of the first `{{#block}}` never closed, by a simple scan (Handlebars only says "end of file"). */
function unclosedBlock(source: string): { line: number; col: number; name: string } | undefined {
  const stack: { line: number; col: number; name: string }[] = [];
  const re = /\{\{~?\s*([#/^])\s*>?\s*([\w.-]+)|\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (!m[1]) continue;
    const before = source.slice(0, m.index).split('\n');
    const at = { line: before.length, col: before[before.length - 1].length + 1, name: m[2] };
    if (m[1] === '#') stack.push(at);
    else if (m[1] === '/') stack.pop();
  }
  return stack.pop();
}

/** A Handlebars error as FILE:LINE:COL and words a teacher can act on. */
function templateError(file: string, err: unknown, source?: string): UserError {
  if (err instanceof UserError) return err;
  const msg = (err as Error)?.message ?? String(err);
  const lines = msg.split('\n').filter(Boolean);
  const e = err as { lineNumber?: number; column?: number };
  // "if doesn't match each - 3:5": a block closed by the wrong name
  if (err instanceof RangeError) {
    return new UserError(errorAt(file, 1, 1, 'template.recursive'));
  }
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(lines[0]);
  if (mismatch) {
    return new UserError(
      errorAt(file, e.lineNumber ?? 1, (e.column ?? 0) + 1, 'template.wrong-close', { open: mismatch[1], close: mismatch[2] }),
    );
  }
  const parse = /^Parse error on line (\d+)/.exec(lines[0]);
  if (parse) {
    const expecting = lines[lines.length - 1];
    if (/got 'EOF'/.test(expecting) && source) {
      const open = unclosedBlock(source);
      if (open) {
        return new UserError(errorAt(file, open.line, open.col, 'template.unclosed-block', { name: open.name }));
      }
    }
    const got = /got '(\w+)'/.exec(expecting)?.[1];
    const code = got === 'EOF' ? 'template.ends-early' : got === 'INVALID' ? 'template.unclosed-mustache' : got ? 'template.cannot-read' : 'template.cannot-read-unknown';
    const excerpt = lines.slice(1, 3).join(' ⟶ ');
    return new UserError(errorAt(file, Number(parse[1]), 1, code, { got: got ?? '' }, excerpt ? message('template.near', { text: excerpt.slice(0, 160) }) : undefined));
  }
  const line = typeof e.lineNumber === 'number' ? e.lineNumber : Number(/line (\d+)/.exec(msg)?.[1] ?? 1);
  const rest = lines.slice(1).join(' ').slice(0, 200);
  return new UserError(errorAt(file, line, (e.column ?? 0) + 1, lines[0] ? 'template.other' : 'template.unknown', { detail: lines[0] ?? '' }, rest ? message('template.details', { text: rest }) : undefined));
}

/** An error met while rendering: a missing helper is found in the template (or partial) that calls it. */
function runtimeError(file: string, err: unknown, sources: Map<string, string>): UserError {
  if (err instanceof UserError) return err;
  const msg = (err as Error)?.message ?? '';
  // `{{helperMissing}}` and `{{blockHelperMissing}}` name Handlebars' own fallbacks, which fail inside Handlebars when called
  const helpers = /^Missing helper: "([^"]+)"/.exec(msg)?.[1] ?? (/reading 'call'/.test(msg) ? 'helperMissing|blockHelperMissing' : undefined);
  if (helpers) {
    const names = helpers === 'helperMissing|blockHelperMissing' ? helpers : helpers.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`\\{\\{~?\\s*[#^]?\\s*(${names})[\\s}~]`);
    for (const [f, source] of sources) {
      const m = re.exec(source);
      if (!m) continue;
      const at = lineCol(source, m.index);
      return new UserError(errorAt(f, at.line, at.col, 'template.no-helper', { helper: m[1] }));
    }
  }
  return templateError(file, err);
}

/** 1-based line and column of `offset` in `source`. */
function lineCol(source: string, offset: number): { line: number; col: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

/**
 * Where a template most likely wrote the markup at `offset`: the same opening
 * tag (else any tag of that name, else the start of that loose text) in the
 * teacher's own files first, the page template before the partials.
 * Handlebars keeps no map from output back to source, so this is a search.
 */
function locateMarkup(markup: string, offset: number, files: string[], sources: Map<string, string>): { file: string; line: number; col: number } | undefined {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const needles: RegExp[] = [];
  const tag = /^<([\w-]+)[^>]*>/.exec(markup.slice(offset));
  if (tag) needles.push(new RegExp(escape(tag[0])), new RegExp(`<${escape(tag[1])}(?=[\\s/>])`));
  else {
    const text = markup.slice(offset).trim().split(/[\n<{]/)[0].slice(0, 30).trim();
    if (text) needles.push(new RegExp(escape(text)));
  }
  const ordered = [...files.filter((f) => !isBundled(f)), ...files.filter(isBundled)];
  for (const re of needles) {
    for (const f of ordered) {
      const source = sources.get(f);
      const m = source === undefined ? null : re.exec(source);
      if (m) return { file: f, ...lineCol(source!, m.index) };
    }
  }
  return undefined;
}

const isBundled = (file: string): boolean => !path.relative(BUNDLED_TEMPLATES, file).startsWith('..');

/** Read and syntax-check a template (Handlebars compiles lazily: parse now, so a broken partial names its own file). */
function compileTemplate(hb: Env, file: string, sources: Map<string, string>, options?: CompileOptions, reader: (file: string) => string = readTemplate): Handlebars.TemplateDelegate {
  let source: string | undefined;
  try {
    source = reader(file);
    sources.set(file, source);
    hb.parse(source);
    return hb.compile(source, options);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw templateError(file, err, source);
  }
}

/**
 * A template's text as every other file hiwar reads: a regular file of at most
 * LIMITS.template bytes, no BOM, `\n` line ends, NFC. In a teacher's folder,
 * a template must not lead outside it (a symlink to /etc/passwd would show its
 * first line in a syntax error): such a file is refused before it is read.
 */
function readTemplate(file: string, confine?: Confine): string {
  if (confine && !confine.allowOutside && !isInside(confine.real, realPathOf(file))) {
    throw new UserError(errorAt(file, 0, 0, 'build.template-outside', { dir: confine.dir }));
  }
  const r = readRegularFileSync(file, LIMITS.template);
  if (!r.ok) {
    const name = path.basename(file);
    if (r.reason === 'not-regular') throw new UserError(errorAt(file, 0, 0, `build.${r.kind}`, { name }));
    if (r.reason === 'too-big') throw new UserError(errorAt(file, 0, 0, 'build.too-big', { name, limit: formatBytes(r.limit) }));
    if (r.reason === 'busy') throw new UserError(errorAt(file, 0, 0, 'build.too-many-open', { name, code: r.code ?? 'EMFILE' }));
    const why = r.reason === 'directory' ? 'template.is-folder' : r.code === 'EACCES' ? 'template.permission' : 'template.unreadable';
    throw new UserError(errorAt(file, 1, 1, why, { detail: r.code ?? r.reason }));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(r.bytes);
  } catch {
    throw new UserError(errorAt(file, 1, 1, 'template.not-utf8'));
  }
  return normalizeSource(text);
}

/** A teacher's templates folder: its files must stay inside it (after symlinks) unless allowed. */
interface Confine {
  dir: string;
  real: string;
  allowOutside?: boolean;
}

/** Load a template folder: NAME.hbs files, and partials/NAME.hbs. A user folder falls back to the bundled file for anything it lacks. */
export function loadTemplates(dir: string = BUNDLED_TEMPLATES, opts: { allowOutside?: boolean } = {}): TemplateSet {
  const key = path.resolve(dir);
  const cacheKey = opts.allowOutside ? `${key}\0outside` : key;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  if (!fs.existsSync(key) || !fs.statSync(key).isDirectory()) {
    throw new UserError(errorAt(key, 0, 0, 'template.no-folder'));
  }
  // the folder given is trusted (even as a symlink); what is inside it must stay inside it
  const confine: Confine | undefined = key === BUNDLED_TEMPLATES ? undefined : { dir: key, real: realPathOf(key), allowOutside: opts.allowOutside };
  const read = (file: string) => readTemplate(file, file.startsWith(key + path.sep) ? confine : undefined);
  // every template's text, for errors Handlebars finds only while rendering (a missing helper)
  const sources = new Map<string, string>();
  const files: string[] = [];
  const pick = (rel: string): string | undefined => {
    for (const base of [key, BUNDLED_TEMPLATES]) {
      const f = path.join(base, rel);
      if (fs.existsSync(f)) return f;
    }
    return undefined;
  };
  const partialNames = new Set<string>();
  for (const base of [key, BUNDLED_TEMPLATES]) {
    const pdir = path.join(base, 'partials');
    if (fs.existsSync(pdir)) for (const f of fs.readdirSync(pdir)) if (f.endsWith('.hbs')) partialNames.add(f.slice(0, -4));
  }
  const partialFiles = [...partialNames].sort().map((name) => ({ name, file: pick(path.join('partials', `${name}.hbs`))! }));
  const hb: Env = Handlebars.create();
  // Templates get Handlebars' built-in block helpers and nothing else: no
  // helper reads files or the environment, and `{{log}}` prints nothing
  // (it would write to the console in the middle of a build).
  hb.registerHelper('log', () => '');
  const budget = new OutputBudget();
  for (const { name, file } of partialFiles) {
    files.push(file);
    hb.registerPartial(name, budget.partial(name, compileTemplate(hb, file, sources, { strict: false }, read)));
  }
  budget.guardEach(hb);
  const compiled = new Map<TemplateName, { file: string; fn: Handlebars.TemplateDelegate }>();
  const set: TemplateSet = {
    dir: key,
    files,
    helpers: Object.keys(hb.helpers).sort(),
    render(name, data) {
      let entry = compiled.get(name);
      if (!entry) {
        const file = pick(`${name}.hbs`);
        if (!file) throw new UserError(errorAt(path.join(key, `${name}.hbs`), 0, 0, 'template.not-found', { name }));
        entry = { file, fn: compileTemplate(hb, file, sources, undefined, read) };
        compiled.set(name, entry);
        files.push(file);
      }
      try {
        budget.reset();
        return entry.fn(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (err) {
        if (err instanceof OutputTooLarge) throw tooLarge(entry.file, err.outermost, sources);
        throw runtimeError(entry.file, err, sources);
      }
    },
    blocks(name, data) {
      const markup = set.render(name, data);
      try {
        return parseMarkup(markup);
      } catch (err) {
        // with hiwar's own templates, markup it cannot lay out is hiwar's bug
        if (!(err instanceof MarkupError) || key === BUNDLED_TEMPLATES) throw err;
        const page = compiled.get(name)!.file;
        const at = locateMarkup(markup, err.offset, [page, ...files.filter((f) => f !== page)], sources) ?? { file: page, line: 0, col: 0 };
        throw new UserError(errorAt(at.file, at.line, at.col, err.code, err.params));
      }
    },
  };
  cache.set(cacheKey, set);
  return set;
}

/**
 * How much markup one render may print. Each partial and each `{{#each}}`
 * pass adds what it printed itself (its output less that of the calls inside
 * it), so the count is the size of the output as it grows, plus a small cost
 * per call (empty partials called millions of times take time too). 25
 * partials that each include the one before twice print 2^25 copies: the
 * count stops them at the cap instead of after 2.5 GB. A lesson of a few
 * hundred pages prints well under 1 MB.
 */
export const MAX_TEMPLATE_OUTPUT_MB = 16;
const MAX_TEMPLATE_OUTPUT = MAX_TEMPLATE_OUTPUT_MB * 1024 * 1024;
const CALL_COST = 64;

class OutputTooLarge extends Error {
  constructor(readonly outermost: string | undefined) {
    super('template output too large');
  }
}

/** Counts what the partials and `each` passes of one render print, and stops the render past the cap. */
class OutputBudget {
  private spent = 0;
  /** partial names being rendered, outermost first */
  private partials: string[] = [];
  /** for each call being rendered: what the calls inside it printed */
  private inner: number[] = [];

  reset(): void {
    this.spent = 0;
    this.partials = [];
    this.inner = [];
  }

  private count(print: () => string): string {
    // (a render that throws leaves these stacks as they are: reset() starts the next one afresh)
    this.inner.push(0);
    const printed = print();
    const nested = this.inner.pop()!;
    this.spent += printed.length - nested + CALL_COST;
    if (this.inner.length) this.inner[this.inner.length - 1] += printed.length;
    if (this.spent > MAX_TEMPLATE_OUTPUT) throw new OutputTooLarge(this.partials[0]);
    return printed;
  }

  partial(name: string, fn: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
    return (context, options) => {
      this.partials.push(name);
      const printed = this.count(() => fn(context, options));
      this.partials.pop();
      return printed;
    };
  }

  /** Wrap the built-in `each` so that each pass is counted. */
  guardEach(hb: Env): void {
    const each = hb.helpers.each as (...args: unknown[]) => unknown;
    const budget = this;
    hb.registerHelper('each', function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as Handlebars.HelperOptions;
      const fn = options.fn;
      options.fn = (context: unknown, opts?: Handlebars.RuntimeOptions) => budget.count(() => fn(context, opts));
      return each.apply(this, args);
    });
  }
}

/** Output past the cap: at the page template's `{{> partial}}` that grew it, else at the page template. */
function tooLarge(file: string, outermost: string | undefined, sources: Map<string, string>): UserError {
  const source = sources.get(file) ?? '';
  const m = outermost ? new RegExp(`\\{\\{~?\\s*>\\s*${outermost.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s}~]`).exec(source) : null;
  const at = m ? lineCol(source, m.index) : { line: 0, col: 0 };
  return new UserError(errorAt(file, at.line, at.col, 'errors.template-too-large', { limit: MAX_TEMPLATE_OUTPUT_MB }));
}

/** Forget compiled templates (watch mode, after a template file changed). */
export function clearTemplateCache(): void {
  cache.clear();
}
