// The CLI bundle carries the bundled templates precompiled (scripts/bundle.mjs):
// they must give exactly the markup the Handlebars compiler gives at run time,
// and must not be used once a template file no longer holds the text they were
// compiled from (or for a user's own templates).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { precompiledModule } from '../../scripts/precompile-templates.mjs';
import type { PrecompiledTemplate } from '../../src/render/precompiled.js';
import { BUNDLED_TEMPLATES, clearTemplateCache, loadTemplates } from '../../src/render/templates.js';
import { lessonView } from '../../src/render/viewModel.js';
import { EDITION_LABELS, LABELS } from '../../src/render/labels.js';
import { resolveFile } from '../../src/workspace/index.js';

// what the bundle would hold, switched on and off per test
const state = vi.hoisted(() => ({ precompiled: undefined as Record<string, unknown> | undefined }));
vi.mock('../../src/render/precompiled.js', () => ({
  get PRECOMPILED() {
    return state.precompiled;
  },
}));

function bundled(dir = BUNDLED_TEMPLATES): Record<string, PrecompiledTemplate> {
  const text = precompiledModule(dir);
  expect(text.startsWith('export const PRECOMPILED = {')).toBe(true);
  return new Function(text.replace('export const PRECOMPILED =', 'return'))();
}

afterEach(() => {
  state.precompiled = undefined;
  clearTemplateCache();
  vi.restoreAllMocks();
});

const ROOT = path.resolve(__dirname, '../..');
// the sample lessons (course files, told apart by their `lessons:` list, are left out)
const LESSONS = fs.readdirSync(path.join(ROOT, 'lessons')).filter((f) => f.endsWith('.yaml') && !/^lessons:/m.test(fs.readFileSync(path.join(ROOT, 'lessons', f), 'utf8')));

/** Every bundled template rendered with the sample lessons' own data. */
async function renderAll(): Promise<string[]> {
  const out: string[] = [];
  const t = loadTemplates();
  for (const f of LESSONS) {
    const r = await resolveFile(path.join(ROOT, 'lessons', f), {});
    if (!r.ok || r.kind !== 'lesson') throw new Error(`${f} must resolve`);
    for (const edition of ['student', 'teacher'] as const) out.push(t.render('lesson', lessonView(r.lesson, edition)));
    out.push(t.render('cover', { title: r.lesson.title, subtitle: 'ع', author: 'م', summary: 'ملخص', editionLabel: EDITION_LABELS.teacher, labels: LABELS }));
    out.push(t.render('contents', { entries: [{ title: r.lesson.title, page: '٣' }], labels: LABELS }));
  }
  return out;
}

describe('precompiled bundled templates', () => {
  test('cover every bundled template', () => {
    expect(Object.keys(bundled()).sort()).toEqual(['contents.hbs', 'cover.hbs', 'key.hbs', 'lesson.hbs', 'partials/figure.hbs', 'partials/prose.hbs', 'partials/question.hbs', 'sources.hbs']);
  });

  test('give the same markup as compiling at run time, for every sample lesson and edition', async () => {
    const compiled = await renderAll();
    clearTemplateCache();
    const pre = bundled();
    state.precompiled = pre;
    const spy = vi.fn();
    for (const e of Object.values(pre)) {
      const spec = e.spec as unknown as { main: (...a: unknown[]) => unknown };
      const main = spec.main;
      spec.main = function (this: unknown, ...a: unknown[]) {
        spy();
        return main.apply(this, a);
      };
    }
    expect(await renderAll()).toEqual(compiled);
    expect(spy).toHaveBeenCalled(); // the precompiled code really ran
  });

  test('are not used for a bundled file whose text changed since (a stale bundle)', () => {
    // cover.hbs's entry holds contents.hbs's code, so using it would show
    const pre = bundled();
    pre['cover.hbs'] = { ...pre['cover.hbs'], spec: bundled()['contents.hbs'].spec };
    state.precompiled = pre;
    const data = { title: 'عنوان', entries: [], labels: LABELS, editionLabel: 'x' };
    const wrong = loadTemplates().render('cover', data);
    clearTemplateCache();
    pre['cover.hbs'] = { ...pre['cover.hbs'], source: pre['cover.hbs'].source + ' ' };
    const right = loadTemplates().render('cover', data);
    clearTemplateCache();
    state.precompiled = undefined;
    expect(right).toBe(loadTemplates().render('cover', data));
    expect(wrong).not.toBe(right); // the check above would see a wrongly used spec
  });

  test("are not used for a user's own template of the same name and text", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-pre-'));
    fs.copyFileSync(path.join(BUNDLED_TEMPLATES, 'cover.hbs'), path.join(dir, 'cover.hbs'));
    const pre = bundled();
    pre['cover.hbs'] = { ...pre['cover.hbs'], spec: bundled()['contents.hbs'].spec };
    state.precompiled = pre;
    const data = { title: 'عنوان', entries: [], labels: LABELS, editionLabel: 'x' };
    const user = loadTemplates(dir).render('cover', data);
    state.precompiled = undefined;
    clearTemplateCache();
    expect(user).toBe(loadTemplates().render('cover', data));
  });

  test('run on Handlebars\' runtime alone with the same built-in helpers as the compiler\'s environment', () => {
    const full = loadTemplates().helpers;
    clearTemplateCache();
    state.precompiled = bundled();
    expect(loadTemplates().helpers).toEqual(full);
  });
});
