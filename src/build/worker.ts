// A build worker thread: renders jobs one at a time and sends the PDF bytes
// back (transferred, not copied). Fonts, compiled templates and the shaping
// cache live as long as the thread, so every job after the first reuses them.
import { parentPort } from 'node:worker_threads';
import type { RenderJob } from './job.js';
import { runJob } from './run-job.js';
import { layoutLine, loadFamily } from '../text/index.js';
import { loadTemplates } from '../render/templates.js';

export type ToWorker = { id: number; job: RenderJob };
export type FromWorker =
  | { ready: true }
  | { id: number; ok: true; bytes: Uint8Array; pages: number; diagnostics: import('../workspace/diagnostics.js').Diagnostic[] }
  | { id: number; ok: false; message: string; stack?: string };

const port = parentPort;
if (!port) throw new Error('src/build/worker.ts runs only as a worker thread');

// Warm up while the main thread is still resolving files: open the fonts,
// start the shaper, compile the bundled templates.
try {
  const family = loadFamily('amiri');
  layoutLine('تجهيز 2024 (١٢)', { size: 11, color: '#000000', weight: 'regular' }, family, 'rtl');
  loadTemplates();
} catch {
  // a real job reports whatever went wrong here
}
// loaded: the pool stops waiting for this worker to start (src/build/pool.ts)
port.postMessage({ ready: true } satisfies FromWorker);

port.on('message', async (msg: ToWorker) => {
  let reply: FromWorker;
  try {
    const r = await runJob(msg.job);
    reply = { id: msg.id, ok: true, bytes: r.bytes, pages: r.pages, diagnostics: r.diagnostics };
  } catch (err) {
    reply = { id: msg.id, ok: false, message: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack };
  }
  if (reply.ok && reply.bytes.byteLength) {
    // a Buffer may be a view on Node's shared pool: copy it into an exclusive buffer before transferring
    const own = reply.bytes.byteOffset === 0 && reply.bytes.byteLength === reply.bytes.buffer.byteLength ? reply.bytes : new Uint8Array(reply.bytes);
    reply.bytes = own;
    port.postMessage(reply, [own.buffer as ArrayBuffer]);
  } else {
    port.postMessage(reply);
  }
});
