// The studio's local web server (Node's own http): the page, its assets, and
// a small JSON API over the same core as the command line. It listens on
// 127.0.0.1 only. Every request must carry the random token (in the address
// on first load, then in a SameSite=Strict cookie or a header), name this
// server in its Host header (no DNS rebinding) and, when it has an Origin,
// come from this server's own page (no cross-site requests).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBatch } from '../build/batch.js';
import { InProcessExecutor } from '../build/pool.js';
import { scaffold } from '../cli/commands/new.js';
import { CATALOGUE, message, messageHint, type MessageCode, type Params } from '../i18n/catalogue.js';
import { writeFileAtomicSync } from '../pdf/output.js';
import { parseArticle } from '../workspace/article.js';
import { localized, type Diagnostic } from '../workspace/diagnostics.js';
import { resolveFile } from '../workspace/resolve.js';
import { ID_PATTERN } from '../workspace/schema.js';
import { normalizeSource } from '../workspace/source.js';
import { applyOps, EditError, newYamlText, readVersioned } from './edit.js';
import { articleText, findLines } from './import-adapter.js';
import { insideRoot, OutsideError, relToRoot } from './paths.js';
import { checkDraft, PreviewRenderer } from './preview.js';
import { articleView, bankQuestions, listWorkspace, plainValue, refsThatDoNotFit } from './workspace.js';

const require = createRequire(import.meta.url);
/** The page: plain modules, HTML and CSS, served as they are (they ship in src/studio/ui). */
export const UI_DIR = fileURLToPath(new URL('../../src/studio/ui/', import.meta.url));
const PDFJS_DIR = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'build');
const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf'));
const FONT_BOLD_DIR = path.join(FONT_DIR, '..', '700Bold');

const ASSETS: Record<string, string> = {
  '/': path.join(UI_DIR, 'index.html'),
  '/vendor/pdf.mjs': path.join(PDFJS_DIR, 'pdf.min.mjs'),
  '/vendor/pdf.worker.mjs': path.join(PDFJS_DIR, 'pdf.worker.min.mjs'),
  '/fonts/naskh.ttf': path.join(FONT_DIR, 'NotoNaskhArabic_400Regular.ttf'),
  '/fonts/naskh-bold.ttf': path.join(FONT_BOLD_DIR, 'NotoNaskhArabic_700Bold.ttf'),
};
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.ttf': 'font/ttf', '.svg': 'image/svg+xml' };

const MAX_BODY = 8 * 1024 * 1024;

export interface StudioOptions {
  /** the workspace folder */
  root: string;
  /** 0 or undefined: a free port */
  port?: number;
  /** fixed token (tests); random otherwise */
  token?: string;
}

export interface Studio {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Params = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** Every studio text of the catalogue in one language, for the page. */
function uiMessages(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const code of Object.keys(CATALOGUE)) if (code.startsWith('studio.')) out[code.slice('studio.'.length)] = CATALOGUE[code].ar;
  return out;
}

async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'studio.bad-request');
    chunks.push(c as Buffer);
  }
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'studio.bad-request');
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export async function startStudio(opts: StudioOptions): Promise<Studio> {
  const root = opts.root;
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const renderer = new PreviewRenderer();
  const builder = new InProcessExecutor();
  /** each tab's last good preview, by tab id */
  const previews = new Map<string, { file: string; rev: number; pdfs: Map<string, Uint8Array> }>();
  let port = 0;
  let cookieName = 'hiwar_studio';

  const abs = (rel: unknown) => insideRoot(root, rel);
  const rel = (p: string) => relToRoot(root, p);
  /** a diagnostic as the page shows it: in Arabic, at a workspace path (`file`: where it is, when not its own) */
  const shownAt = (d: Diagnostic, file = path.resolve(d.file)) => ({ severity: d.severity, file: rel(file), line: d.line, col: d.col, ...localized(d, 'ar') });

  const send = (res: http.ServerResponse, status: number, body: string | Uint8Array, type: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
      ...headers,
    });
    res.end(body);
  };
  const json = (res: http.ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
  const fail = (res: http.ServerResponse, e: HttpError) =>
    json(res, e.status, { ok: false, code: e.code, message: message(e.code, 'ar', e.params), hint: messageHint(e.code, 'ar', e.params), ...e.extra });

  /** Host, Origin and token: refused with 403 before anything else is looked at. */
  const admit = (req: http.IncomingMessage, url: URL): HttpError | undefined => {
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowed.includes(req.headers.host ?? '')) return new HttpError(403, 'studio.foreign-host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.map((h) => `http://${h}`).includes(origin)) return new HttpError(403, 'studio.foreign-origin');
    const given = str(req.headers['x-hiwar-token']) ?? cookie(req, cookieName) ?? url.searchParams.get('token') ?? undefined;
    if (!sameToken(given, token)) return new HttpError(403, 'studio.forbidden');
    return undefined;
  };

  const serveFile = (res: http.ServerResponse, file: string, headers: Record<string, string> = {}) => {
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      throw new HttpError(404, 'studio.not-found');
    }
    send(res, 200, data, TYPES[path.extname(file)] ?? 'application/octet-stream', headers);
  };

  // ---------------------------------------------------------------- API
  const fileInfo = async (p: string) => {
    const { text, version } = readVersioned(p);
    const value = plainValue(p, text);
    const info: Record<string, unknown> = { ok: true, path: rel(p), version, value };
    const v = value as Record<string, unknown> | null;
    if (v && typeof v === 'object') {
      // the article the lesson quotes (through its parents for an overlay), and an overlay's inherited questions
      let cur: Record<string, unknown> | null = v;
      let curPath = p;
      for (let depth = 0; cur && depth < 10; depth++) {
        if (typeof cur.article === 'string') {
          try {
            info.article = rel(abs(rel(path.resolve(path.dirname(curPath), cur.article))));
          } catch {
            // outside the workspace: not shown
          }
          break;
        }
        if (typeof cur.extends !== 'string') break;
        try {
          curPath = abs(rel(path.resolve(path.dirname(curPath), cur.extends)));
          cur = plainValue(curPath, fs.readFileSync(curPath, 'utf8')) as Record<string, unknown> | null;
        } catch {
          break;
        }
      }
      if (typeof v.extends === 'string') {
        try {
          const parent = abs(rel(path.resolve(path.dirname(p), v.extends)));
          const r = await resolveFile(parent);
          if (r.ok && r.kind === 'lesson') info.inherited = r.lesson.questions.map((q) => ({ id: q.id, text: q.text }));
        } catch {
          // the overlay's own diagnostics say what is wrong
        }
      }
    }
    return info;
  };

  const preview = async (body: Record<string, unknown>) => {
    const p = abs(body.path);
    const { text, version } = readVersioned(p);
    if (body.base !== version) throw new HttpError(409, 'studio.stale');
    const started = performance.now();
    const draft = applyOps(text, body.ops ?? []);
    const checked = await checkDraft(root, p, draft);
    const tab = str(body.tab) ?? 'default';
    let pages: Record<string, number> | undefined;
    let rev: number | undefined;
    if (checked.ok) {
      // only the edition on screen: the other is drawn when the teacher turns to it
      const edition = body.edition === 'teacher' ? 'teacher' : 'student';
      const r = await renderer.render(checked.jobs.filter((j) => j.edition === edition));
      const problems = r.diagnostics.filter((d) => d.severity === 'error');
      for (const d of r.diagnostics) checked.diagnostics.push(shownAt(d));
      if (!problems.length) {
        const prev = previews.get(tab);
        rev = (prev?.rev ?? 0) + 1;
        previews.set(tab, { file: rel(p), rev, pdfs: new Map(r.pdfs.map((x) => [x.edition, x.bytes])) });
        pages = Object.fromEntries(r.pdfs.map((x) => [x.edition, x.pages]));
        if (previews.size > 32) previews.delete(previews.keys().next().value as string);
      }
    }
    return { ok: checked.ok && rev !== undefined, diagnostics: checked.diagnostics, pages, rev, ms: Math.round(performance.now() - started) };
  };

  const save = async (body: Record<string, unknown>) => {
    const p = abs(body.path);
    const { text, version } = readVersioned(p);
    if (body.base !== version) throw new HttpError(409, 'studio.stale');
    const next = applyOps(text, body.ops ?? []);
    if (next === text) return { ok: true, version, unchanged: true };
    const checked = await checkDraft(root, p, next);
    if (!checked.ok && body.force !== true) throw new HttpError(422, 'studio.has-errors', {}, { diagnostics: checked.diagnostics });
    writeNew(p, next, true);
    return { ok: true, version: readVersioned(p).version, diagnostics: checked.diagnostics };
  };

  const writeNew = (p: string, text: string, overwrite = false) => {
    if (!overwrite && fs.existsSync(p)) throw new HttpError(409, 'studio.exists', { file: rel(p) });
    try {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      writeFileAtomicSync(p, Buffer.from(text, 'utf8'));
    } catch (e) {
      throw new HttpError(500, 'studio.cannot-write', { file: rel(p), reason: (e as Error).message });
    }
  };

  const checkId = (id: unknown): string => {
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw new HttpError(422, 'studio.bad-id');
    return id;
  };

  const createFile = async (body: Record<string, unknown>) => {
    const id = checkId(body.id);
    const target = abs(`${id}.yaml`);
    if (body.kind === 'lesson') {
      const articleAbs = abs(body.article);
      const a = parseArticle(articleAbs, normalizeSource(fs.readFileSync(articleAbs, 'utf8')));
      if (!a.ok) throw new HttpError(422, 'studio.bad-request');
      const ref = path.relative(path.dirname(target), articleAbs).split(path.sep).join('/');
      writeNew(target, scaffold(id, a.article, ref));
    } else if (body.kind === 'overlay') {
      const parent = abs(body.parent);
      const ref = path.relative(path.dirname(target), parent).split(path.sep).join('/');
      writeNew(target, newYamlText({ extends: ref, id }, ` ${id}: a version of ${path.basename(parent)} for another class`));
    } else if (body.kind === 'course') {
      const lessons = Array.isArray(body.lessons) ? body.lessons.map((l) => path.relative(path.dirname(target), abs(l)).split(path.sep).join('/')) : [];
      writeNew(target, newYamlText({ id, title: str(body.title) ?? message('studio.ui-new-course', 'ar'), lessons }));
    } else throw new HttpError(400, 'studio.bad-request');
    return { ok: true, path: rel(target) };
  };

  const importSave = (body: Record<string, unknown>) => {
    const id = checkId(body.id);
    const target = abs(`articles/${id}.md`);
    const paragraphs = Array.isArray(body.paragraphs) ? body.paragraphs.filter((x): x is string => typeof x === 'string') : [];
    const text = articleText({ id, title: str(body.title) ?? '', paragraphs, source: str(body.source), date: str(body.date), url: str(body.url) });
    const parsed = parseArticle(target, text);
    if (!parsed.ok) {
      throw new HttpError(422, 'studio.bad-request', {}, { diagnostics: parsed.diagnostics.map((d) => shownAt(d, target)) });
    }
    writeNew(target, text);
    return { ok: true, path: rel(target), paragraphs: parsed.article.paragraphs.length };
  };

  const build = async (body: Record<string, unknown>) => {
    const p = abs(body.path);
    const [r] = await buildBatch([p], { flags: { out: path.join(root, 'out') }, cwd: root, executor: builder });
    return {
      ok: !r.diagnostics.some((d) => d.severity === 'error'),
      outputs: r.outputs.map((o) => ({ path: rel(o.path), edition: o.edition, pages: o.pages })),
      diagnostics: r.diagnostics.map((d) => shownAt(d)),
    };
  };

  const api = async (req: http.IncomingMessage, url: URL): Promise<unknown> => {
    const route = `${req.method} ${url.pathname}`;
    const q = (k: string) => url.searchParams.get(k) ?? undefined;
    switch (route) {
      case 'GET /api/messages':
        return uiMessages();
      case 'GET /api/workspace':
        return { ok: true, ...listWorkspace(root), root: path.basename(root) };
      case 'GET /api/file':
        return fileInfo(abs(q('path')));
      case 'GET /api/article': {
        const v = articleView(root, abs(q('path')));
        return 'problems' in v ? { ok: false, problems: v.problems } : { ok: true, ...v };
      }
      case 'GET /api/banks':
        return { ok: true, questions: await bankQuestions(root, listWorkspace(root).banks) };
      case 'POST /api/fit': {
        const body = await readBody(req);
        const refs = Array.isArray(body.refs) ? body.refs.filter((x): x is string => typeof x === 'string') : [];
        return { ok: true, misfit: refs.length ? refsThatDoNotFit(abs(body.article), refs) : [] };
      }
      case 'POST /api/preview':
        return preview(await readBody(req));
      case 'POST /api/save':
        return save(await readBody(req));
      case 'POST /api/new':
        return createFile(await readBody(req));
      case 'POST /api/import/parse': {
        const body = await readBody(req);
        const found = findLines(str(body.raw) ?? '');
        // the importer's reasons, in the studio's language
        const lines = found.lines.map((l) => (l.reason ? { ...l, why: message(`authoring.drop-${l.reason}`, 'ar') } : l));
        return { ok: true, ...found, lines };
      }
      case 'POST /api/import/save':
        return importSave(await readBody(req));
      case 'POST /api/build':
        return build(await readBody(req));
      default:
        throw new HttpError(404, 'studio.not-found');
    }
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return fail(res, new HttpError(400, 'studio.bad-request'));
    }
    const refused = admit(req, url);
    if (refused) return fail(res, refused);
    try {
      if (url.pathname.startsWith('/api/')) {
        if (req.method === 'GET' && url.pathname === '/api/preview.pdf') {
          const p = previews.get(url.searchParams.get('tab') ?? 'default');
          const bytes = p?.pdfs.get(url.searchParams.get('edition') ?? 'student');
          if (!bytes) throw new HttpError(404, 'studio.not-found');
          return send(res, 200, bytes, 'application/pdf');
        }
        return json(res, 200, await api(req, url));
      }
      if (req.method !== 'GET') throw new HttpError(405, 'studio.bad-request');
      if (url.pathname === '/') {
        // the token moves from the address into a cookie only this server's own pages send
        return serveFile(res, ASSETS['/'], { 'set-cookie': `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict` });
      }
      if (ASSETS[url.pathname]) return serveFile(res, ASSETS[url.pathname], { 'cache-control': 'private, max-age=3600' });
      const m = /^\/ui\/([a-z0-9-]+\.(?:js|css|svg))$/.exec(url.pathname);
      if (m) return serveFile(res, path.join(UI_DIR, m[1]));
      throw new HttpError(404, 'studio.not-found');
    } catch (e) {
      if (e instanceof HttpError) return fail(res, e);
      if (e instanceof OutsideError) return fail(res, new HttpError(404, 'studio.outside'));
      if (e instanceof EditError) return fail(res, new HttpError(400, e.code));
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return fail(res, new HttpError(404, 'studio.not-found'));
      return fail(res, new HttpError(500, 'studio.internal', { message: (e as Error)?.message ?? String(e) }));
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as { port: number }).port;
  cookieName = `hiwar_studio_${port}`;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await renderer.close();
      await builder.close();
    },
  };
}
