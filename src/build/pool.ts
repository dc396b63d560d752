// Runs render jobs: on a pool of worker threads, or in this thread. The pool
// starts its workers lazily (a batch that fits in one job never pays for a
// thread), hands each idle worker the next job, and keeps workers alive for
// the next batch (watch mode). A crashed worker fails its job, not the batch.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JobResult, RenderJob } from './job.js';
import { editionsOf, type BuildFlags } from './batch.js';
import type { FromWorker, ToWorker } from './worker.js';

export interface Executor {
  /** how many jobs run at once */
  readonly size: number;
  readonly kind: 'workers' | 'in-process';
  run(job: RenderJob): Promise<JobResult>;
  close(): Promise<void>;
}

/** Runs jobs one after another in this thread. */
export class InProcessExecutor implements Executor {
  readonly size = 1;
  readonly kind = 'in-process' as const;
  private chain: Promise<unknown> = Promise.resolve();

  run(job: RenderJob): Promise<JobResult> {
    // the typesetting stack is loaded on first use: a batch on workers never loads it here
    const next = this.chain.then(async () => (await import('./run-job.js')).runJob(job));
    this.chain = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
  }
}

/** The worker entry, beside this module; from TypeScript sources (tests) a loader bootstrap runs it. */
function workerEntry(): URL {
  const self = import.meta.url;
  return self.endsWith('.ts') ? new URL('./dev-worker.mjs', self) : new URL('./worker.js', self);
}

interface Slot {
  worker: Worker;
  busy: { id: number; resolve: (r: JobResult) => void; reject: (e: Error) => void } | null;
}

export class WorkerPool implements Executor {
  readonly kind = 'workers' as const;
  private slots: Slot[] = [];
  private queue: { job: RenderJob; resolve: (r: JobResult) => void; reject: (e: Error) => void }[] = [];
  private nextId = 1;
  private closed = false;
  /** the worker that last built each PDF (by output name) */
  private home = new Map<string, Slot>();

  constructor(readonly size: number) {}

  run(job: RenderJob): Promise<JobResult> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  /** Start workers now (they load the typesetting stack while files are still being resolved). */
  warm(n = this.size): void {
    while (!this.closed && this.slots.length < Math.min(n, this.size)) this.spawn();
  }

  private spawn(): Slot {
    const worker = new Worker(workerEntry(), {
      // A larger young generation: layout makes many short-lived objects,
      // and the default semi-space makes the scavenger run constantly.
      resourceLimits: { maxYoungGenerationSizeMb: Number(process.env.HIWAR_YG ?? 96) },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, busy: null };
    worker.on('message', (msg: FromWorker) => {
      const busy = slot.busy;
      if (!busy || busy.id !== msg.id) return;
      slot.busy = null;
      if (msg.ok) busy.resolve({ bytes: msg.bytes, pages: msg.pages, diagnostics: msg.diagnostics });
      else {
        const err = new Error(msg.message);
        if (msg.stack) err.stack = msg.stack;
        busy.reject(err);
      }
      this.pump();
    });
    const fail = (err: Error) => {
      const busy = slot.busy;
      slot.busy = null;
      this.slots = this.slots.filter((s) => s !== slot);
      if (busy) busy.reject(err);
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`a build worker stopped unexpectedly (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  /**
   * Hand queued jobs to idle workers. A job that keeps its layout for next
   * time (watch mode) goes back to the worker that built that PDF before,
   * where its cache is, and waits for it rather than start cold elsewhere.
   */
  private pump(): void {
    for (let i = 0; i < this.queue.length; ) {
      const { job } = this.queue[i];
      const pinned = job.cache ? this.home.get(job.name) : undefined;
      let slot: Slot | undefined;
      if (pinned && this.slots.includes(pinned)) {
        if (pinned.busy) {
          i++;
          continue;
        }
        slot = pinned;
      } else {
        slot = this.slots.find((s) => !s.busy);
        if (!slot && this.slots.length < this.size) slot = this.spawn();
        if (!slot) return;
      }
      const { resolve, reject } = this.queue.splice(i, 1)[0];
      const id = this.nextId++;
      slot.busy = { id, resolve, reject };
      if (job.cache) this.home.set(job.name, slot);
      slot.worker.postMessage({ id, job } satisfies ToWorker);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue) q.reject(new Error('the worker pool is closed'));
    this.queue = [];
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}

export function cpuCount(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * How to run a batch. HIWAR_WORKERS=0 builds in this thread, HIWAR_WORKERS=N
 * on N workers; by default one worker per core, up to one per PDF, and in
 * this thread when there is only one PDF to make (a worker would only add
 * its start-up time).
 */
export function chooseExecutor(files: string[], flags: BuildFlags): Executor {
  const env = process.env.HIWAR_WORKERS;
  if (env !== undefined && env !== '' && Number.isInteger(Number(env))) {
    const n = Number(env);
    return n <= 0 ? new InProcessExecutor() : new WorkerPool(n);
  }
  const pdfs = files.length * editionsOf(flags).length;
  if (pdfs <= 1) return new InProcessExecutor();
  const size = Math.min(cpuCount(), pdfs);
  return size <= 1 ? new InProcessExecutor() : new WorkerPool(size);
}
