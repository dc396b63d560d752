// Editing YAML the way a careful person would. Every sample file opened and
// saved through the studio without edits keeps every byte; an edit changes
// the edited field's line and nothing else; comments and key order stay.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parse, parseDocument, type Scalar } from 'yaml';
import { applyOps, pathAt } from '../../src/studio/edit.js';
import type { Studio } from '../../src/studio/server.js';
import { REPO, scratchWorkspace, studioOn } from './helpers.js';

const LESSONS = path.join(REPO, 'lessons');
const samples = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? samples(path.join(dir, e.name)) : /\.(ya?ml|md)$/.test(e.name) ? [path.join(dir, e.name)] : []));

function post(studio: Studio, url: string, body: unknown): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: studio.port, path: url, method: body === undefined ? 'GET' : 'POST', headers: { 'x-hiwar-token': studio.token, 'content-type': 'application/json' } }, (res) => {
      let s = '';
      res.on('data', (c) => (s += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(s) }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('round trip through the studio', () => {
  let studio: Studio;
  let root: string;
  beforeAll(async () => {
    root = scratchWorkspace();
    studio = await studioOn(root);
  });
  afterAll(async () => {
    await studio.close();
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('opening and saving every sample file without edits changes no byte', async () => {
    const files = samples(root).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) {
      const rel = path.relative(root, f);
      const before = fs.readFileSync(f);
      const mtime = fs.statSync(f).mtimeMs;
      const opened = await post(studio, `/api/file?path=${encodeURIComponent(rel)}`, undefined);
      expect(opened.status, rel).toBe(200);
      const saved = await post(studio, '/api/save', { path: rel, base: opened.json.version, ops: [] });
      expect(saved.status, rel).toBe(200);
      expect(fs.readFileSync(f).equals(before), rel).toBe(true);
      expect(fs.statSync(f).mtimeMs, rel).toBe(mtime);
    }
  });

  it('changing values rewrites their text and not a byte around them (every 4th value of every sample)', () => {
    let checked = 0;
    for (const f of samples(LESSONS).filter((x) => /\.ya?ml$/.test(x))) {
      const text = fs.readFileSync(f, 'utf8');
      const doc = parseDocument(text);
      const scalars: { path: (string | number)[]; range: [number, number] }[] = [];
      const visit = (node: unknown, p: (string | number)[]) => {
        if (isMap(node)) for (const pair of node.items) visit(pair.value, [...p, (pair.key as Scalar).value as string]);
        else if (isSeq(node)) node.items.forEach((x, i) => visit(x, [...p, i]));
        else if (isScalar(node) && typeof node.value === 'string' && node.range) scalars.push({ path: p, range: [node.range[0], node.range[1]] });
      };
      visit(doc.contents, []);
      const chosen = scalars.filter((_, i) => i % 4 === 1);
      const ops = chosen.map(({ path: p }) => ({ op: 'set' as const, path: p, value: `${doc.getIn(p)} — مُعدَّل: "x"\\` }));
      const out = applyOps(text, ops);
      const back = parseDocument(out);
      for (const o of ops) expect(back.getIn(o.path), `${f} ${o.path.join('.')}`).toBe(o.value);
      // the text between the changed values is all still there, in order
      let at = 0;
      let from = 0;
      for (const { range } of [...chosen, { range: [text.length, text.length] as [number, number] }]) {
        const between = text.slice(from, range[0]).replace(/^\n/, '');
        const found = out.indexOf(between, at);
        expect(found, `${f}: ${JSON.stringify(between.slice(0, 80))}`).toBeGreaterThanOrEqual(at);
        at = found + between.length;
        from = range[1];
      }
      checked += chosen.length;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('an edit changes what it edits and nothing else', () => {
  const intro = fs.readFileSync(path.join(LESSONS, 'virtual-caliphate-intro.yaml'), 'utf8');
  const grade10 = fs.readFileSync(path.join(LESSONS, 'virtual-caliphate-grade10.yaml'), 'utf8');
  const changedLines = (a: string, b: string) => {
    const x = a.split('\n');
    const y = b.split('\n');
    return y.filter((l, i) => l !== x[i]);
  };

  it('a title: one line changes, in the same quoting', () => {
    const out = applyOps(intro, [{ op: 'set', path: ['title'], value: 'عنوان: جديد' }]);
    expect(changedLines(intro, out)).toEqual(['title: "عنوان: جديد"']);
    expect(out.split('\n').length).toBe(intro.split('\n').length);
  });

  it('a question’s level deep in the list: one line', () => {
    const doc = parse(intro);
    const i = doc.questions.findIndex((q: { level?: string }) => q.level && q.level !== 'create');
    const out = applyOps(intro, [{ op: 'set', path: ['questions', i, 'level'], value: 'create' }]);
    expect(changedLines(intro, out)).toEqual([`    level: create`]);
  });

  it('structural edits (a new question, a moved objective, a drop) keep comments and key order', () => {
    const out = applyOps(grade10, [
      { op: 'set', path: ['questions', 'drop'], value: ['intro-language', 'intro-questions-for-journalist', 'q9'] },
      { op: 'set', path: ['questions', 'add', 5], value: { text: 'سؤال جديد', kind: 'open', refs: ['p3-p5'] } },
      { op: 'move', path: ['objectives'], from: 0, to: 2 },
      { op: 'delete', path: ['duration'] },
    ]);
    const before = parseDocument(grade10);
    const after = parseDocument(out);
    // every comment of the file is still there
    const comments = (s: string) => s.split('\n').filter((l) => l.trim().startsWith('#')).map((l) => l.trim());
    expect(comments(out)).toEqual(comments(grade10));
    // key order: the same keys in the same order, less the deleted one
    expect(Object.keys(after.toJS())).toEqual(Object.keys(before.toJS()).filter((k) => k !== 'duration'));
    const v = after.toJS();
    expect(v.questions.drop).toEqual(['intro-language', 'intro-questions-for-journalist', 'q9']);
    expect(v.questions.add.at(-1)).toEqual({ text: 'سؤال جديد', kind: 'open', refs: ['p3-p5'] });
    expect(v.objectives[2]).toBe(before.toJS().objectives[0]);
  });

  it('maps a problem’s line and column to the field it concerns', () => {
    const lines = intro.split('\n');
    const line = lines.findIndex((l) => l.startsWith('duration:')) + 1;
    expect(pathAt(intro, line, 11)).toEqual(['duration']);
    const q = parse(intro).questions;
    const lvl = lines.findIndex((l, i) => i > lines.findIndex((x) => x.startsWith('questions:')) && l.trim().startsWith('level:')) + 1;
    expect(pathAt(intro, lvl, 12)).toEqual(['questions', 0, 'level']);
    expect(q[0].level).toBeDefined();
    expect(pathAt(intro, 0, 0)).toEqual([]);
  });
});
