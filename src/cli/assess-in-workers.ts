// lint across worker threads: each worker reads, parses, checks and assesses the plans it is given; the
// main thread formats and writes them in the order of the run, as one thread would have. Only the plans
// in flight are held (a few per worker), so memory does not grow with the run.
import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../errors.js';
import { assessEach, InputErrors, PlanAssessor, type AssessedFile, type AssessPolicy } from './assess-files.js';
import type { GlobalOptions } from './shared.js';
import type { Validation } from '../validation/schema-validation.js';

/** What every worker is started with. */
export interface WorkerSettings {
  options: GlobalOptions;
  today: string;
  policy: Omit<AssessPolicy, 'texts'>;
}

/** Plans for a worker to assess: `files[i]` is the run's plan number `first + i`. */
export interface WorkerTask {
  first: number;
  files: readonly string[];
}

/** One plan's result, posted back by a worker. */
export type AssessedPlanMessage =
  | { index: number; kind: 'plan'; plan: Omit<AssessedFile, 'methodology'>; methodologyDir: string }
  | { index: number; kind: 'input-error'; diagnostics: readonly Diagnostic[] }
  | { index: number; kind: 'crash'; message: string; stack?: string };

/** Plans sent to a worker at a time, and the most a worker holds: enough to keep it busy, few enough to keep memory flat. */
const BATCH = 4;
const IN_FLIGHT = 2 * BATCH;
/** The most results waiting for an earlier plan before the main thread stops taking plans of its own. */
const MOST_WAITING = 16;

/**
 * Below this many plans a run stays on one thread: a worker (its own V8 heap, the code, the schemas and
 * the methodology) adds about 40 MB, which would take 1,000 plans past their 120 MB, for 10-30 % of the
 * time (docs/performance.md).
 */
export const AUTO_MIN_PLANS = 2000;

/**
 * The worker threads for a run, beside the main thread, which assesses plans too: `off` none; a number
 * of threads in all, that many less one (never more than a plan each); `auto` one thread a core (at most
 * four) when the run has AUTO_MIN_PLANS plans or more.
 */
export function workerCount(concurrency: 'auto' | 'off' | number, plans: number, cores: () => number = availableCores): number {
  if (concurrency === 'off') return 0;
  if (concurrency !== 'auto') return Math.max(0, Math.min(concurrency, plans) - 1);
  if (plans < AUTO_MIN_PLANS) return 0;
  return Math.min(cores(), MAX_AUTO_THREADS) - 1;
}

/**
 * More threads than this add start-up and memory (each a whole V8 heap, about 45 MB) for little: the
 * main thread's formatting is then the limit.
 */
const MAX_AUTO_THREADS = 4;

/** node:os is loaded only for a run large enough to ask (a bare Node start does not load it). */
function availableCores(): number {
  return process.getBuiltinModule('node:os').availableParallelism();
}

/**
 * assessEach on this thread (`workers` 0), or on this thread and `workers` worker threads: the same
 * plans handed to `onPlan` in the same order, the same errors.
 */
export async function assessAll(
  files: readonly string[],
  options: GlobalOptions,
  validation: Validation,
  today: string,
  policy: AssessPolicy,
  workers: number,
  onPlan: (file: AssessedFile) => void,
): Promise<{ errors: Diagnostic[]; notChecked: number }> {
  if (workers === 0) return assessEach(files, options, validation, today, policy, onPlan);
  const run = new SharedRun(files, new PlanAssessor(options, validation, today, policy), onPlan);
  const { texts: _texts, ...shared } = policy;
  const checklists = options.checklists ? { checklists: options.checklists } : {};
  await run.done({ options: checklists, today, policy: shared }, workers);
  return { errors: run.errors.list, notChecked: run.errors.files };
}

/** A plan's result on the main thread: a worker's message, or the main thread's own assessment. */
type Arrived = AssessedPlanMessage | { index: number; kind: 'local'; assessed: AssessedFile };

/**
 * One run shared between the main thread and its workers. Plans are handed out in order: a batch to a
 * worker whenever it holds fewer than IN_FLIGHT, one to the main thread whenever it is idle. Results are
 * taken in the run's order; the main thread stops taking plans while too many wait for an earlier one.
 */
class SharedRun {
  readonly errors = new InputErrors();
  private readonly waiting = new Map<number, Arrived>();
  private next = 0;
  private sent = 0;
  private localScheduled = false;
  private settled = false;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;

  constructor(
    private readonly files: readonly string[],
    private readonly assessor: PlanAssessor,
    private readonly onPlan: (file: AssessedFile) => void,
  ) {}

  async done(settings: WorkerSettings, workers: number): Promise<void> {
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    const pool: Worker[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        this.resolve = resolve;
        this.reject = reject;
        for (let w = 0; w < workers; w++)
          pool.push(this.start(new Worker(WORKER_FILE, { workerData: settings, resourceLimits: WORKER_LIMITS })));
        this.scheduleLocal();
      });
    } finally {
      this.settled = true;
      await Promise.all(pool.map((worker) => worker.terminate()));
    }
  }

  private start(worker: Worker): Worker {
    const held = { count: 0 };
    worker.on('message', (message: AssessedPlanMessage) => {
      held.count--;
      this.arrive(message);
      this.feed(worker, held);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (!this.settled) this.fail(new Error(`a lint worker stopped (exit code ${code}) before the run was done`));
    });
    this.feed(worker, held);
    return worker;
  }

  private feed(worker: Worker, held: { count: number }): void {
    while (!this.settled && held.count + BATCH <= IN_FLIGHT && this.sent < this.files.length) {
      const task: WorkerTask = { first: this.sent, files: this.files.slice(this.sent, this.sent + BATCH) };
      this.sent += task.files.length;
      held.count += task.files.length;
      worker.postMessage(task);
    }
  }

  /** The main thread's own share: one plan whenever it is idle (the event loop runs worker messages between). */
  private scheduleLocal(): void {
    if (this.localScheduled || this.settled || this.sent >= this.files.length || this.waiting.size >= MOST_WAITING) return;
    this.localScheduled = true;
    setImmediate(() => {
      this.localScheduled = false;
      if (this.settled || this.sent >= this.files.length || this.waiting.size >= MOST_WAITING) return;
      const index = this.sent++;
      let result: Arrived;
      try {
        result = this.assessHere(index);
      } catch (error) {
        this.fail(error);
        return;
      }
      this.arrive(result);
    });
  }

  private assessHere(index: number): Arrived {
    const done = this.assessor.tryAssess(this.files[index]!);
    return 'diagnostics' in done
      ? { index, kind: 'input-error', diagnostics: done.diagnostics }
      : { index, kind: 'local', assessed: done.assessed };
  }

  /** A result in: every result now in order is taken (judged, formatted, written by onPlan). */
  private arrive(result: Arrived): void {
    if (this.settled) return;
    try {
      this.waiting.set(result.index, result);
      for (let r = this.waiting.get(this.next); r !== undefined; r = this.waiting.get(this.next)) {
        this.waiting.delete(this.next++);
        this.take(r);
      }
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.next === this.files.length) {
      this.settled = true;
      this.resolve();
    } else this.scheduleLocal();
  }

  private take(result: Arrived): void {
    switch (result.kind) {
      case 'crash':
        throw Object.assign(new Error(result.message), result.stack ? { stack: result.stack } : {});
      case 'input-error':
        this.errors.add(result.diagnostics);
        return;
      case 'local':
        this.onPlan(result.assessed);
        return;
      case 'plan':
        this.onPlan({ ...result.plan, methodology: this.assessor.methodology(result.methodologyDir) });
    }
  }

  private fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }
}

/**
 * A worker's young generation kept small: it holds a few plans at a time, and V8's default (sized for a
 * main thread) let each worker add about 25 MB at 10,000 plans (docs/performance.md), for no time saved.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** The worker's entry, beside the bin: it loads the build the way the bin does (the bundle with its code cache). */
const WORKER_FILE = new URL('../../bin/assess-worker.cjs', import.meta.url);
