// Runs render jobs: on a pool of worker threads, or in this thread. The pool
// starts its workers lazily (a batch that fits in one job never pays for a
// thread), hands each idle worker the next job, and keeps workers alive for
// the next batch (watch mode). A crashed worker fails its job, not the batch.
import os from 'node:os';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { jobWeight, type JobResult, type RenderJob } from './job.js';
import type { BuildFlags } from './batch.js';
import type { FromWorker, ToWorker } from './worker.js';

export interface Executor {
  /** how many jobs run at once */
  readonly size: number;
  readonly kind: 'workers' | 'in-process';
  /** every job of a batch, before the first runs (an executor may decide how to run them) */
  plan?(jobs: RenderJob[]): void;
  run(job: RenderJob): Promise<JobResult>;
  close(): Promise<void>;
}

/** Runs jobs one after another in this thread. */
export class InProcessExecutor implements Executor {
  readonly size = 1;
  readonly kind = 'in-process' as const;
  private chain: Promise<unknown> = Promise.resolve();
  // The typesetting stack starts loading now, while the files are still being
  // resolved (their reads leave the thread idle); a batch on workers never loads it here.
  private readonly stack = loadStack();

  constructor() {
    this.stack.catch(() => undefined); // reported by the first job that needs it
  }

  run(job: RenderJob): Promise<JobResult> {
    const next = this.chain.then(async () => {
      // let finished files be written (and the progress drawn) between jobs:
      // rendering is synchronous, so without a turn of the event loop their writes wait for the whole batch
      await new Promise((resolve) => setImmediate(resolve));
      return (await this.stack).runJob(job);
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Waits for the jobs and for the stack's loading: nothing this executor started outlives it. */
  async close(): Promise<void> {
    await this.chain;
    await this.stack.then(
      () => undefined,
      () => undefined,
    );
  }
}

// The typesetting stack, loaded once per process. close() waits for a load
// still under way (a batch that failed before its first job): an import left
// running past its owner's end is work nobody waits for (in a test runner that
// reuses processes it outlives the test file that started it).
let stack: Promise<typeof import('./run-job.js')> | undefined;
const loadStack = () => (stack ??= import('./run-job.js'));

// node:worker_threads is loaded when the first worker starts: a start-up
// snapshot (src/cli/snapshot.ts) that loaded it gives workers without Node's
// working-folder counter, whose process.cwd() then throws
let threads: typeof import('node:worker_threads') | undefined;
const workerThreads = () => (threads ??= createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads'));

/** The worker entry, beside this module; from TypeScript sources (tests) a loader bootstrap runs it. */
function workerEntry(): URL {
  const self = import.meta.url;
  return self.endsWith('.ts') ? new URL('./dev-worker.mjs', self) : new URL('./worker.js', self);
}

interface Slot {
  worker: Worker;
  busy: { id: number; resolve: (r: JobResult) => void; reject: (e: Error) => void } | null;
  /** until the worker says it has loaded: fails the slot if it never does */
  starting: NodeJS.Timeout | undefined;
}

/**
 * How long a worker may take to load before it is taken to be stuck. Loading
 * takes about half a second (5 s from the TypeScript sources with nothing
 * cached, on a machine loaded many times over); a worker whose module loading
 * never finished would otherwise hold its job, and the whole build, forever.
 */
const START_LIMIT_MS = 45_000;

export interface PoolOptions {
  /** the worker module (tests: one that never loads, or fails to) */
  entry?: URL;
  startLimitMs?: number;
}

export class WorkerPool implements Executor {
  readonly kind = 'workers' as const;
  private slots: Slot[] = [];
  private queue: { job: RenderJob; resolve: (r: JobResult) => void; reject: (e: Error) => void }[] = [];
  private nextId = 1;
  private closed = false;
  /** set when a worker never finished loading */
  private broken: Error | undefined;
  /** the worker that last built each PDF (by output name) */
  private home = new Map<string, Slot>();

  constructor(
    readonly size: number,
    private readonly options: PoolOptions = {},
  ) {}

  run(job: RenderJob): Promise<JobResult> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
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
    const worker = new (workerThreads().Worker)(this.options.entry ?? workerEntry(), {
      // A larger young generation: layout makes many short-lived objects,
      // and the default semi-space makes the scavenger run constantly.
      resourceLimits: { maxYoungGenerationSizeMb: 48 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, busy: null, starting: undefined };
    const limit = this.options.startLimitMs ?? START_LIMIT_MS;
    slot.starting = setTimeout(() => {
      // the next worker would most likely be stuck the same way: the jobs still to come fail now too
      this.broken = new Error(`a build worker did not finish loading within ${limit / 1000} s`);
      fail(this.broken);
      for (const q of this.queue.splice(0)) q.reject(this.broken);
      // it may be stuck where it cannot be stopped: it must not keep the process alive
      worker.unref();
      void worker.terminate();
    }, limit);
    slot.starting.unref();
    worker.on('message', (msg: FromWorker) => {
      if ('ready' in msg) {
        clearTimeout(slot.starting);
        slot.starting = undefined;
        return;
      }
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
      clearTimeout(slot.starting);
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
    for (const s of this.slots) clearTimeout(s.starting);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}

export function cpuCount(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * This thread and `workers` worker threads together. Jobs are assigned when
 * the batch is planned, longest first, each to the lane that would finish it
 * soonest (a worker lane starts late by its start-up time); this thread runs
 * its share itself, so none of its warm caches go to waste.
 */
export class HybridExecutor implements Executor {
  readonly kind = 'workers' as const;
  private readonly here = new InProcessExecutor();
  private readonly pool: WorkerPool;
  private lanes = new Map<RenderJob, 'here' | 'pool'>();

  constructor(
    readonly workers: number,
    private readonly startup = THREAD_START,
  ) {
    this.pool = new WorkerPool(workers);
    this.pool.warm();
  }

  get size(): number {
    return this.workers + 1;
  }

  plan(jobs: RenderJob[]): void {
    const finish = [0, ...Array(this.workers).fill(this.startup)];
    const order = [...jobs].sort((a, b) => jobWeight(b) - jobWeight(a));
    for (const job of order) {
      let lane = 0;
      for (let i = 1; i < finish.length; i++) if (finish[i] < finish[lane]) lane = i;
      finish[lane] += jobWeight(job) * SECONDS_PER_WEIGHT;
      this.lanes.set(job, lane === 0 ? 'here' : 'pool');
    }
  }

  /** how many of the planned jobs go to workers */
  get onWorkers(): number {
    return [...this.lanes.values()].filter((l) => l === 'pool').length;
  }

  run(job: RenderJob): Promise<JobResult> {
    return this.lanes.get(job) === 'pool' ? this.pool.run(job) : this.here.run(job);
  }

  async close(): Promise<void> {
    await Promise.all([this.here.close(), this.pool.close()]);
  }
}

/**
 * Decides, once the batch's jobs are known, whether worker threads pay off,
 * and then runs every job (of this batch and, in watch mode, of the later
 * ones) the same way.
 *
 * Measured on a 2-core machine shared with other work: a build in this
 * thread already keeps about 1.5 cores busy (V8 compiles and collects garbage
 * on helper threads), and a worker pays its own start-up, JIT warm-up and
 * shaping of every word (about 1 s of CPU on the 50-lesson course) without
 * sharing this thread's caches. Since the typesetting got faster (issue 5,
 * second session) no split pays on 2 cores: the 50-lesson course, both
 * editions, 2.40 s here vs 2.71 s here plus one worker (CPU 3.3 vs 4.4 s);
 * 50 lesson files, 2.1–2.5 s here vs 2.8–4.2 s on 2 workers and 2.2–2.6 s
 * here plus one worker (best of interleaved runs). With more cores the
 * workers' start-up is paid in parallel and many files still win; the rule
 * below is that cost model; HIWAR_WORKERS=N overrides it (0 = this thread,
 * "hybrid" = this thread plus workers).
 */
export class AutoExecutor implements Executor {
  private chosen: Executor | null = null;
  private warmPool: WorkerPool | null = null;
  private inProcess: InProcessExecutor | null = null;
  private spares: Promise<void>[] = [];

  constructor(
    files: number,
    private readonly cores = cpuCount(),
  ) {
    // Start what the batch will most likely use while its files resolve:
    // workers for many files on more than two cores, else the typesetting stack here.
    if (files >= 3 && cores > 2) {
      this.warmPool = new WorkerPool(Math.min(cores, files * 2));
      this.warmPool.warm();
    } else {
      this.inProcess = new InProcessExecutor();
    }
  }

  get size(): number {
    return this.chosen?.size ?? 1;
  }

  get kind(): 'workers' | 'in-process' {
    return this.chosen?.kind ?? 'in-process';
  }

  plan(jobs: RenderJob[]): void {
    if (this.chosen) return;
    const n = workersFor(jobs.map(jobWeight), this.cores);
    if (n > 1) this.chosen = this.warmPool && this.warmPool.size === n ? this.warmPool : new WorkerPool(n);
    else this.chosen = this.inProcess ?? new InProcessExecutor();
    // what was started and not chosen stops now; close() waits for it
    for (const spare of [this.warmPool, this.inProcess]) if (spare && spare !== this.chosen) this.spares.push(spare.close());
    this.warmPool = null;
    this.inProcess = null;
  }

  run(job: RenderJob): Promise<JobResult> {
    if (!this.chosen) this.plan([job]);
    return this.chosen!.run(job);
  }

  async close(): Promise<void> {
    await Promise.all(this.spares);
    await this.warmPool?.close();
    await this.inProcess?.close();
    await this.chosen?.close();
  }
}

/** Seconds of work per unit of job weight (a warm thread), and the start-up cost of a thread. */
const SECONDS_PER_WEIGHT = 3e-6;
const THREAD_START = 0.5;

/** How many workers to use for jobs of these weights (1: build in this thread). */
export function workersFor(weights: number[], cores: number): number {
  if (weights.length <= 1 || cores <= 2) return 1;
  const n = Math.min(cores, weights.length);
  const total = weights.reduce((s, w) => s + w, 0) * SECONDS_PER_WEIGHT;
  const largest = Math.max(...weights) * SECONDS_PER_WEIGHT;
  const inProcess = THREAD_START + total;
  const onWorkers = THREAD_START + Math.max(largest, (total * 1.15) / n);
  return onWorkers < 0.75 * inProcess ? n : 1;
}

/** The executor for a batch: HIWAR_WORKERS=0 builds in this thread, HIWAR_WORKERS=N on N workers, otherwise the cost model decides. */
export function chooseExecutor(files: string[], _flags?: BuildFlags): Executor {
  const env = process.env.HIWAR_WORKERS;
  if (env !== undefined && env !== '' && Number.isInteger(Number(env))) {
    const n = Number(env);
    return n <= 0 ? new InProcessExecutor() : new WorkerPool(n);
  }
  if (env === 'hybrid') return new HybridExecutor(Math.max(1, cpuCount() - 1));
  return new AutoExecutor(files.length);
}
