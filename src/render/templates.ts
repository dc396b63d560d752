// Loads the Handlebars templates (bundled, or a teacher's own folder) and turns
// a view model into markup. Escaping stays on; templates get no helpers that
// touch files, and prototype access stays off (Handlebars' safe defaults).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { UserError, error } from '../workspace/diagnostics.js';

export const BUNDLED_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

export type TemplateName = 'lesson' | 'cover' | 'contents';

export interface TemplateSet {
  dir: string;
  render(name: TemplateName, data: object): string;
  /** every file the set was read from (for watch mode) */
  files: string[];
}

const cache = new Map<string, TemplateSet>();

function templateError(file: string, err: unknown): UserError {
  const msg = (err as Error)?.message ?? String(err);
  // Handlebars parse errors read "Parse error on line N:" — keep the line.
  const m = /line (\d+)/.exec(msg);
  const line = m ? Number(m[1]) : 1;
  const first = msg.split('\n').filter(Boolean);
  return new UserError(error(file, line, 1, `template error: ${first[0]}`, first.slice(1).join(' ').slice(0, 200) || undefined));
}

/** Load a template folder: NAME.hbs files, and partials/NAME.hbs. A user folder falls back to the bundled file for anything it lacks. */
export function loadTemplates(dir: string = BUNDLED_TEMPLATES): TemplateSet {
  const key = path.resolve(dir);
  const hit = cache.get(key);
  if (hit) return hit;
  if (!fs.existsSync(key) || !fs.statSync(key).isDirectory()) {
    throw new UserError(error(key, 0, 0, 'the templates folder does not exist', 'give --templates a folder holding lesson.hbs (copy hiwar\'s templates/ folder to start)'));
  }
  const hb = Handlebars.create();
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
  for (const name of [...partialNames].sort()) {
    const file = pick(path.join('partials', `${name}.hbs`))!;
    files.push(file);
    try {
      hb.registerPartial(name, hb.compile(fs.readFileSync(file, 'utf8'), { strict: false }));
    } catch (err) {
      throw templateError(file, err);
    }
  }
  const compiled = new Map<TemplateName, { file: string; fn: Handlebars.TemplateDelegate }>();
  const set: TemplateSet = {
    dir: key,
    files,
    render(name, data) {
      let entry = compiled.get(name);
      if (!entry) {
        const file = pick(`${name}.hbs`);
        if (!file) throw new UserError(error(path.join(key, `${name}.hbs`), 0, 0, `template ${name}.hbs not found`));
        try {
          const fn = hb.compile(fs.readFileSync(file, 'utf8'));
          entry = { file, fn };
        } catch (err) {
          throw templateError(file, err);
        }
        compiled.set(name, entry);
        files.push(file);
      }
      try {
        return entry.fn(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (err) {
        throw templateError(entry.file, err);
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
