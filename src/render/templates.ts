// Loads the Handlebars templates (bundled, or a teacher's own folder) and turns
// a view model into markup. Escaping stays on; templates get no helpers that
// touch files, and prototype access stays off (Handlebars' safe defaults).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime.js';

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type Env = typeof Handlebars;
import { UserError, errorAt } from '../workspace/diagnostics.js';
import { msg as message } from '../i18n/catalogue.js';
import { normalizeSource } from '../workspace/source.js';
import { PRECOMPILED } from './precompiled.js';

// The bundled templates come precompiled (src/render/precompiled.ts), and
// running them needs only Handlebars' runtime. The compiler (parser, code
// generator and source-map: ~10 times the runtime's code to load at every
// start) is loaded only for a template that is not precompiled: a teacher's
// own, or a bundled one edited since the build, or when running from sources.
let compiler: Env | undefined;
const loadCompiler = (): Env => (compiler ??= createRequire(import.meta.url)('handlebars') as Env);

export const BUNDLED_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

export type TemplateName = 'lesson' | 'cover' | 'contents';
const PAGES: readonly TemplateName[] = ['lesson', 'cover', 'contents'];

export interface TemplateSet {
  dir: string;
  render(name: TemplateName, data: object): string;
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
  const helper = /^Missing helper: "([^"]+)"/.exec((err as Error)?.message ?? '')?.[1];
  if (helper) {
    const re = new RegExp(`\\{\\{~?\\s*[#^]?\\s*${helper.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s}~]`);
    for (const [f, source] of sources) {
      const m = re.exec(source);
      if (!m) continue;
      const before = source.slice(0, m.index).split('\n');
      return new UserError(
        errorAt(f, before.length, before[before.length - 1].length + 1, 'template.no-helper', { helper }),
      );
    }
  }
  return templateError(file, err);
}

/** Read and syntax-check a template (Handlebars compiles lazily: parse now, so a broken partial names its own file). */
function compileTemplate(hb: Env, file: string, sources: Map<string, string>, options?: CompileOptions, text?: string): Handlebars.TemplateDelegate {
  let source: string | undefined;
  try {
    source = text ?? readTemplate(file);
    sources.set(file, source);
    const pre = precompiled(file, source, options);
    if (pre) return hb.template(pre);
    hb.parse(source);
    return hb.compile(source, options);
  } catch (err) {
    throw templateError(file, err, source);
  }
}

/** The bundle's precompiled form of a bundled template, while the file still holds the text it was compiled from. */
function precompiled(file: string, source: string, options?: CompileOptions) {
  const rel = path.relative(BUNDLED_TEMPLATES, file).split(path.sep).join('/');
  const entry = PRECOMPILED && Object.hasOwn(PRECOMPILED, rel) ? PRECOMPILED[rel] : undefined;
  if (!entry || entry.source !== source || entry.options.strict !== options?.strict) return undefined;
  return entry.spec;
}

/** A template's text as every other file hiwar reads: no BOM, `\n` line ends, NFC. */
function readTemplate(file: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'template.is-folder' : code === 'EACCES' ? 'template.permission' : 'template.unreadable';
    throw new UserError(errorAt(file, 1, 1, why, { detail: code ?? (err as Error).message }));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UserError(errorAt(file, 1, 1, 'template.not-utf8'));
  }
  return normalizeSource(text);
}

/** Load a template folder: NAME.hbs files, and partials/NAME.hbs. A user folder falls back to the bundled file for anything it lacks. */
export function loadTemplates(dir: string = BUNDLED_TEMPLATES): TemplateSet {
  const key = path.resolve(dir);
  const hit = cache.get(key);
  if (hit) return hit;
  if (!fs.existsSync(key) || !fs.statSync(key).isDirectory()) {
    throw new UserError(errorAt(key, 0, 0, 'template.no-folder'));
  }
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
  // the texts read to choose the environment (a file that cannot be read is read again where its error is reported)
  const texts = new Map<string, string>();
  const isPrecompiled = (file: string, options?: CompileOptions): boolean => {
    try {
      const text = readTemplate(file);
      texts.set(file, text);
      return precompiled(file, text, options) !== undefined;
    } catch {
      return false;
    }
  };
  const runtimeOnly =
    PRECOMPILED !== undefined &&
    partialFiles.every(({ file }) => isPrecompiled(file, { strict: false })) &&
    PAGES.every((name) => {
      const file = pick(`${name}.hbs`);
      return !file || isPrecompiled(file);
    });
  const hb: Env = runtimeOnly ? (HandlebarsRuntime as Env).create() : loadCompiler().create();
  // Templates get Handlebars' built-in block helpers and nothing else: no
  // helper reads files or the environment, and `{{log}}` prints nothing
  // (it would write to the console in the middle of a build).
  hb.registerHelper('log', () => '');
  for (const { name, file } of partialFiles) {
    files.push(file);
    hb.registerPartial(name, compileTemplate(hb, file, sources, { strict: false }, texts.get(file)));
  }
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
        entry = { file, fn: compileTemplate(hb, file, sources, undefined, texts.get(file)) };
        compiled.set(name, entry);
        files.push(file);
      }
      try {
        return entry.fn(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (err) {
        throw runtimeError(entry.file, err, sources);
      }
    },
  };
  cache.set(key, set);
  return set;
}

/** Forget compiled templates (watch mode, after a template file changed). */
export function clearTemplateCache(): void {
  cache.clear();
}
