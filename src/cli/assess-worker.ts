// A lint worker thread: assesses the plans the main thread sends it and posts each result back, in the
// order it was sent. The main thread formats and writes them in the order of the run (assess-in-workers.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { loadValidation } from '../io/package-files.js';
import { PlanAssessor } from './assess-files.js';
import type { AssessedPlanMessage, WorkerSettings, WorkerTask } from './assess-in-workers.js';

export function serveAssessments(): void {
  const port = parentPort;
  if (!port) throw new Error('serveAssessments runs in a worker thread');
  const { options, today, policy } = workerData as WorkerSettings;
  const assessor = new PlanAssessor(options, loadValidation(), today, policy);
  port.on('message', ({ first, files }: WorkerTask) => {
    files.forEach((file, i) => port.postMessage(assessOne(assessor, file, first + i)));
  });
}

function assessOne(assessor: PlanAssessor, file: string, index: number): AssessedPlanMessage {
  try {
    const done = assessor.tryAssess(file);
    if ('diagnostics' in done) return { index, kind: 'input-error', diagnostics: done.diagnostics };
    // The methodology is the same object for every plan: the main thread has its own, by its directory.
    const { methodology: _methodology, ...rest } = done.assessed;
    return { index, kind: 'plan', plan: rest, methodologyDir: done.methodologyDir };
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    return { index, kind: 'crash', message, ...(stack ? { stack } : {}) };
  }
}
