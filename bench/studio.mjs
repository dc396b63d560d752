// `hiwar studio`'s live preview, timed from an edit to its pages: start the
// studio (`hiwar studio DIR --no-open`, its own process) on a copy of the
// sample workspace, then for each edit of one lesson (a question's text
// changes) time the preview request (the draft is checked and rendered), the
// fetch of the PDF, and pdf.js (pdfjs-dist, as in the page) opening it and
// building every page's drawing operations. The page itself then paints
// them on canvases; that part is the browser's and is not counted here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function studioPreview(root, bin, times) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bench-studio-'));
  fs.cpSync(path.join(root, 'lessons'), dir, { recursive: true });
  const child = spawn(process.execPath, [bin, 'studio', dir, '--no-open'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /hiwar studio: (\S+)/.exec(out);
        if (m) resolve(new URL(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`hiwar studio exited (${code})`)));
    });
    const token = url.searchParams.get('token');
    const call = async (p, body) => {
      const res = await fetch(new URL(p, url), { method: body ? 'POST' : 'GET', headers: { 'x-hiwar-token': token, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return p.endsWith('.pdf') || p.includes('.pdf?') ? new Uint8Array(await res.arrayBuffer()) : res.json();
    };
    const file = 'virtual-caliphate-intro.yaml';
    const { version, value } = await call(`/api/file?path=${file}`);
    const text = value.questions[0].text;
    const results = [];
    // the first preview loads the typesetting stack and fonts: it is not an edit a teacher waits on twice
    for (let k = 0; k <= times; k++) {
      const t0 = performance.now();
      const r = await call('/api/preview', { path: file, base: version, tab: 'bench', edition: 'student', ops: [{ op: 'set', path: ['questions', 0, 'text'], value: `(${k}) ${text}` }] });
      if (!r.ok) throw new Error(`preview failed: ${JSON.stringify(r.diagnostics)}`);
      const bytes = await call(`/api/preview.pdf?tab=bench&edition=student&rev=${r.rev}`);
      const doc = await getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 }).promise;
      let first = 0;
      for (let n = 1; n <= doc.numPages; n++) {
        await (await doc.getPage(n)).getOperatorList();
        if (n === 1) first = performance.now() - t0;
      }
      const pages = doc.numPages;
      await doc.destroy();
      if (k > 0) results.push({ wall: (performance.now() - t0) / 1000, first: first / 1000, inside: r.ms / 1000, pages });
    }
    return results;
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
