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

/**
 * Below this many plans, starting workers (each loads the code, the schemas and the methodology, and
 * runs its first plans unoptimised) costs more than it saves (docs/performance.md).
 */
export const AUTO_MIN_PLANS = 200;

/**
 * The worker threads for a run: `off` none; a number, that many (at most one a plan); `auto` one a core
 * when the run has AUTO_MIN_PLANS plans or more and the machine more than one core.
 */
export function workerCount(concurrency: 'auto' | 'off' | number, plans: number, cores: () => number = availableCores): number {
  if (concurrency === 'off') return 0;
  if (concurrency !== 'auto') return Math.min(concurrency, plans);
  if (plans < AUTO_MIN_PLANS) return 0;
  const n = cores();
  return n > 1 ? Math.min(n, MAX_AUTO_WORKERS) : 0;
}

/** More threads than this add start-up and memory for little: the main thread's formatting is then the limit. */
const MAX_AUTO_WORKERS = 4;

/** node:os is loaded only for a run large enough to ask (a bare Node start does not load it). */
function availableCores(): number {
  return process.getBuiltinModule('node:os').availableParallelism();
}

/**
 * assessEach on this thread (`workers` 0) or across worker threads: the same plans handed to `onPlan` in
 * the same order, the same errors.
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
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const { texts: _texts, ...shared } = policy;
  const settings: WorkerSettings = {
    options: { ...(options.checklists ? { checklists: options.checklists } : {}) },
    today,
    policy: shared,
  };
  // Only to find the methodology a worker names: the main thread assesses nothing itself.
  const assessor = new PlanAssessor(options, validation, today, policy);
  const errors = new InputErrors();
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const waiting = new Map<number, AssessedPlanMessage>();
      let next = 0;
      let sent = 0;
      const feed = (worker: Worker, held: { count: number }) => {
        while (held.count + BATCH <= IN_FLIGHT && sent < files.length) {
          const task: WorkerTask = { first: sent, files: files.slice(sent, sent + BATCH) };
          sent += task.files.length;
          held.count += task.files.length;
          worker.postMessage(task);
        }
      };
      const take = (message: AssessedPlanMessage) => {
        if (message.kind === 'crash') throw Object.assign(new Error(message.message), message.stack ? { stack: message.stack } : {});
        if (message.kind === 'input-error') errors.add(message.diagnostics);
        else onPlan({ ...message.plan, methodology: assessor.methodology(message.methodologyDir) });
      };
      for (let w = 0; w < workers; w++) {
        const worker = new Worker(WORKER_FILE, {
          workerData: settings,
          ...(process.env.CR_YG ? { resourceLimits: { maxYoungGenerationSizeMb: Number(process.env.CR_YG) } } : {}),
        });
        pool.push(worker);
        const held = { count: 0 };
        worker.on('message', (message: AssessedPlanMessage) => {
          try {
            held.count--;
            waiting.set(message.index, message);
            for (let m = waiting.get(next); m !== undefined; m = waiting.get(next)) {
              waiting.delete(next++);
              take(m);
            }
            if (next === files.length) resolve();
            else feed(worker, held);
          } catch (error) {
            reject(error);
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (next < files.length) reject(new Error(`a lint worker stopped (exit code ${code}) before the run was done`));
        });
        feed(worker, held);
      }
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return { errors: errors.list, notChecked: errors.files };
}

/** The worker's entry, beside the bin: it loads the build the way the bin does (the bundle with its code cache). */
const WORKER_FILE = new URL('../../bin/assess-worker.cjs', import.meta.url);
