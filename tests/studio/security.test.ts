// The studio's safety rules, as plain HTTP requests: without the token, with
// a wrong one, with a foreign Host (DNS rebinding) or Origin (another site),
// and with paths that leave the workspace (`..`, absolute, symbolic links).
// Each is refused with 403 or 404, and nothing is read or written.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Studio } from '../../src/studio/server.js';
import { scratchWorkspace, studioOn } from './helpers.js';

let studio: Studio;
let root: string;
let outside: string;
const SECRET = 'a secret outside the workspace\n';

function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: unknown }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const data = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = http.request(
      { host: '127.0.0.1', port: studio.port, path: opts.path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${studio.port}`, ...(data ? { 'content-type': 'application/json' } : {}), ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const withToken = (extra: Record<string, string> = {}) => ({ 'x-hiwar-token': studio.token, ...extra });

/** Every file under `dir` with its bytes, to see that nothing changed. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(p, fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

beforeAll(async () => {
  root = scratchWorkspace();
  outside = path.join(path.dirname(root), 'outside');
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.yaml'), SECRET);
  // links inside the workspace that lead out of it: to a file and to a folder
  fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'linked.yaml'));
  fs.symlinkSync(outside, path.join(root, 'linked-dir'));
  studio = await studioOn(root);
});

afterAll(async () => {
  await studio?.close();
  if (root) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

describe('hiwar studio refuses', () => {
  it('serves the page and the API to a request with the token, and sets a SameSite=Strict cookie', async () => {
    const page = await request({ path: `/?token=${studio.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(String(page.headers['set-cookie'])).toMatch(new RegExp(`hiwar_studio_${studio.port}=${studio.token}; Path=/; HttpOnly; SameSite=Strict`));
    const viaCookie = await request({ path: '/api/workspace', headers: { cookie: `hiwar_studio_${studio.port}=${studio.token}` } });
    expect(viaCookie.status).toBe(200);
    expect(JSON.parse(viaCookie.body).lessons.length).toBeGreaterThan(0);
  });

  it('a request without the token or with a wrong one (403)', async () => {
    for (const headers of [{} as Record<string, string>, { 'x-hiwar-token': 'wrong' }, { 'x-hiwar-token': `${studio.token}x` }, { cookie: `hiwar_studio_${studio.port}=nope` }]) {
      for (const p of ['/', '/api/workspace', '/api/file?path=course.yaml', '/ui/app.js']) {
        const r = await request({ path: p, headers });
        expect(r.status, `${p} ${JSON.stringify(headers)}`).toBe(403);
        expect(r.body).not.toContain('lessons');
        expect(JSON.parse(r.body).message).toMatch(/رمز الاستوديو/);
      }
    }
    expect((await request({ path: '/?token=wrong' })).status).toBe(403);
  });

  it('a foreign Host (DNS rebinding) or Origin (another site), even with the token (403)', async () => {
    const cases: Record<string, string>[] = [
      { host: `evil.example:${studio.port}` },
      { host: `127.0.0.1:${studio.port + 1}` },
      { host: '127.0.0.1' },
      { origin: 'http://evil.example' },
      { origin: `http://127.0.0.1:${studio.port + 1}` },
      { origin: 'null' },
    ];
    for (const h of cases) {
      const r = await request({ path: '/api/workspace', headers: withToken(h) });
      expect(r.status, JSON.stringify(h)).toBe(403);
    }
    // a cross-site write is refused before its body is looked at
    const before = snapshot(root);
    const r = await request({ path: '/api/new', method: 'POST', headers: withToken({ origin: 'http://evil.example' }), body: { kind: 'course', id: 'planted', lessons: [] } });
    expect(r.status).toBe(403);
    expect(snapshot(root)).toEqual(before);
    // its own origin is fine
    expect((await request({ path: '/api/workspace', headers: withToken({ origin: `http://localhost:${studio.port}`, host: `localhost:${studio.port}` }) })).status).toBe(200);
  });

  it('paths outside the workspace: `..`, absolute, and symbolic links to a file or folder outside (404, nothing read)', async () => {
    const bad = ['../outside/secret.yaml', '%2e%2e/outside/secret.yaml', path.join(outside, 'secret.yaml'), 'linked.yaml', 'linked-dir/secret.yaml', 'articles/../../outside/secret.yaml'];
    for (const p of bad) {
      for (const api of ['/api/file', '/api/article']) {
        const r = await request({ path: `${api}?path=${encodeURIComponent(decodeURIComponent(p))}`, headers: withToken() });
        expect(r.status, `${api} ${p}`).toBe(404);
        expect(r.body).not.toContain('secret');
      }
    }
    // the static files cannot be reached by a path either
    for (const p of ['/ui/../server.ts', '/ui/%2e%2e/server.ts', '/ui/..%2fserver.ts', '/vendor/../package.json']) {
      const r = await request({ path: p, headers: withToken() });
      expect(r.status, p).toBe(404);
    }
  });

  it('writes outside the workspace: nothing written, the outside file unchanged', async () => {
    const before = snapshot(path.dirname(root));
    const version = 'whatever';
    const attempts: [string, unknown][] = [
      ['/api/save', { path: '../outside/secret.yaml', base: version, ops: [{ op: 'set', path: ['x'], value: 1 }] }],
      ['/api/save', { path: 'linked.yaml', base: version, ops: [{ op: 'set', path: ['x'], value: 1 }] }],
      ['/api/save', { path: 'linked-dir/secret.yaml', base: version, ops: [] }],
      ['/api/new', { kind: 'course', id: '../outside/planted', lessons: [] }],
      ['/api/new', { kind: 'overlay', id: 'ok-id', parent: 'linked.yaml' }],
      ['/api/new', { kind: 'course', id: 'planted', lessons: ['../outside/secret.yaml'] }],
      ['/api/import/save', { id: '../../outside/planted', title: 't', paragraphs: ['p'] }],
      ['/api/build', { path: 'linked.yaml' }],
    ];
    for (const [url, body] of attempts) {
      const r = await request({ path: url, method: 'POST', headers: withToken(), body });
      expect([403, 404, 422], `${url} ${JSON.stringify(body)}: ${r.body}`).toContain(r.status);
    }
    expect(snapshot(path.dirname(root))).toEqual(before);
    expect(fs.readFileSync(path.join(outside, 'secret.yaml'), 'utf8')).toBe(SECRET);
  });

  it('a save from a stale version (another tab saved first): refused in Arabic, the other save kept', async () => {
    const file = path.join(root, 'course.yaml');
    const opened = JSON.parse((await request({ path: '/api/file?path=course.yaml', headers: withToken() })).body);
    const first = await request({ path: '/api/save', method: 'POST', headers: withToken(), body: { path: 'course.yaml', base: opened.version, ops: [{ op: 'set', path: ['author'], value: 'تبويب أول' }] } });
    expect(first.status).toBe(200);
    const afterFirst = fs.readFileSync(file, 'utf8');
    expect(afterFirst).toContain('author: "تبويب أول"');
    const second = await request({ path: '/api/save', method: 'POST', headers: withToken(), body: { path: 'course.yaml', base: opened.version, ops: [{ op: 'set', path: ['author'], value: 'تبويب ثان' }] } });
    expect(second.status).toBe(409);
    expect(JSON.parse(second.body).message).toBe('تغيّر هذا الملف في مكان آخر (في تبويب آخر أو محرر آخر) بعد أن فتحته، فلم تُحفظ تعديلاتك');
    expect(fs.readFileSync(file, 'utf8')).toBe(afterFirst);
    // a change made outside the studio (an editor) is detected the same way
    const now = JSON.parse((await request({ path: '/api/file?path=course.yaml', headers: withToken() })).body);
    fs.appendFileSync(file, '# edited by hand\n');
    const third = await request({ path: '/api/save', method: 'POST', headers: withToken(), body: { path: 'course.yaml', base: now.version, ops: [{ op: 'set', path: ['author'], value: 'x' }] } });
    expect(third.status).toBe(409);
    expect(fs.readFileSync(file, 'utf8')).toBe(afterFirst + '# edited by hand\n');
  });

  it('says which of a bank question’s refs do not fit an article (the page then asks for the lesson’s own)', async () => {
    const r = await request({ path: '/api/fit', method: 'POST', headers: withToken(), body: { article: 'articles/virtual-caliphate.md', refs: ['p4', 'p99', 'p5.s9', 'p3-p5'] } });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).misfit).toEqual(['p99', 'p5.s9']);
    const outsideArticle = await request({ path: '/api/fit', method: 'POST', headers: withToken(), body: { article: 'linked.yaml', refs: ['p1'] } });
    expect(outsideArticle.status).toBe(404);
  });
});
