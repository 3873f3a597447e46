// What `commready detect` and `commready interview --detect` share: read the evidence, read the plan
// (checked as lint checks it) and the rejections kept beside it, and say what would happen to each
// proposal. Loaded only by those two commands.
import { existsSync, lstatSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { InputError, OutputError, UsageError } from '../errors.js';
import { collectDetection } from '../io/collect-detection.js';
import { loadValidation } from '../io/package-files.js';
import { describeFsError, readTextFile } from '../io/read-input.js';
import { readPlanForEdit, type PlanFileState } from '../io/save-plan.js';
import { writeOutputFile } from '../io/write-output-file.js';
import type { Methodology } from '../methodology/types.js';
import { parsePlan } from '../plan/parse-plan.js';
import type { Plan } from '../plan/types.js';
import { addRejection, parseRejections } from '../detect/rejections.js';
import { proposalKey, reviewProposals, type Rejection } from '../detect/review-proposals.js';
import type { Confidence, Detection, ReviewedProposal } from '../detect/types.js';
import { isIsoDate } from '../text/dates.js';
import type { Validation } from '../validation/schema-validation.js';
import type { CliIo } from './io.js';
import { MethodologyCache, methodologyDirFor, resolveToday, type GlobalOptions } from './shared.js';

export interface DetectRequest {
  dir: string;
  planFile?: string;
  issues?: string;
  forum?: string;
  affiliations?: string;
  asOf?: string;
  minConfidence: Confidence;
}

export interface PlanContext {
  file: string;
  state: PlanFileState;
  plan: Plan;
  methodology: Methodology;
  validation: Validation;
}

export interface DetectSession {
  detection: Detection;
  proposals: ReviewedProposal[];
  today: string;
  plan?: PlanContext;
  rejectionsFile?: string;
}

/** Where a plan's rejections are kept: `.commready/detect.yaml` beside it. */
export function rejectionsFileFor(planFile: string): string {
  return path.join(path.dirname(planFile), '.commready', 'detect.yaml');
}

function readRejections(file: string): Rejection[] {
  if (!existsSync(file)) return [];
  const { rejections, problem } = parseRejections(readTextFile(file));
  if (problem) throw new InputError([{ file, message: problem }]);
  return rejections;
}

/** The plan checked as lint reads it; the methodology it is judged by. */
function readPlan(file: string, options: GlobalOptions): PlanContext {
  const state = readPlanForEdit(file);
  if (state.hash === null) throw new InputError([{ file, message: "file not found (create it with 'commready init')" }]);
  const validation = loadValidation();
  const cache = new MethodologyCache(validation);
  const methodologyOf = (p: Plan): Methodology => cache.get(methodologyDirFor(p, options));
  const plan = parsePlan(file, state.text, methodologyOf, validation);
  return { file, state, plan, methodology: methodologyOf(plan), validation };
}

/** The freshness limit in force for the plan: its own parameter, else the methodology's. */
function maxAgeDays(context: PlanContext | undefined): number {
  const own = context?.plan.params.observation_days_max;
  if (typeof own === 'number') return own;
  return context?.methodology.params.observation_days_max?.value ?? 90;
}

export async function startDetectSession(request: DetectRequest, options: GlobalOptions, io: CliIo): Promise<DetectSession> {
  if (request.asOf !== undefined && !isIsoDate(request.asOf))
    throw new UsageError(`--as-of must be a date written YYYY-MM-DD, not '${request.asOf}'`);
  const today = resolveToday(options, io.today);
  const plan = request.planFile !== undefined ? readPlan(request.planFile, options) : undefined;
  const rejectionsFile = request.planFile !== undefined ? rejectionsFileFor(request.planFile) : undefined;
  const rejections = rejectionsFile ? readRejections(rejectionsFile) : [];
  const maxAge = maxAgeDays(plan);
  const detection = await collectDetection({
    dir: request.dir,
    env: io.env,
    today,
    maxAgeDays: maxAge,
    ...(request.issues !== undefined ? { issues: request.issues } : {}),
    ...(request.forum !== undefined ? { forum: request.forum } : {}),
    ...(request.affiliations !== undefined ? { affiliations: request.affiliations } : {}),
    ...(request.asOf !== undefined ? { asOf: request.asOf } : {}),
  });
  const proposals = reviewProposals(
    detection.proposals,
    plan ? { data: plan.plan.data, today, maxAgeDays: maxAge } : undefined,
    rejections,
    request.minConfidence,
  );
  return { detection, proposals, today, ...(plan ? { plan } : {}), ...(rejectionsFile ? { rejectionsFile } : {}) };
}

/** The proposal a `--reject` path names: its key (`path[point=…]`) or, when only one has it, its path. */
export function findProposal(proposals: readonly ReviewedProposal[], key: string): ReviewedProposal {
  const exact = proposals.find((p) => proposalKey(p) === key);
  if (exact) return exact;
  const byPath = proposals.filter((p) => p.path === key);
  if (byPath.length === 1) return byPath[0]!;
  const keys = proposals.map((p) => proposalKey(p));
  throw new UsageError(
    byPath.length > 1
      ? `--reject: ${key} has several proposals; name one of: ${byPath.map((p) => proposalKey(p)).join(', ')}`
      : `--reject: nothing is proposed at '${key}'${keys.length > 0 ? ` (proposed: ${keys.join(', ')})` : ''}`,
  );
}

/**
 * Records a rejection in the rejections file (created with its folder when missing): never through a
 * link, atomically, keeping the file's comments.
 */
export function recordRejection(file: string, proposal: ReviewedProposal, reason: string | undefined, today: string): void {
  const folder = path.dirname(file);
  try {
    const stat = lstatSync(folder);
    if (!stat.isDirectory()) throw new OutputError(folder, 'is not a directory (a symbolic link is never followed)');
  } catch (error) {
    if (error instanceof OutputError) throw error;
    try {
      mkdirSync(folder, { recursive: true });
    } catch (mkdirError) {
      throw new OutputError(folder, describeFsError(mkdirError));
    }
  }
  const text = existsSync(file) ? readTextFile(file) : '';
  const rejection: Rejection = {
    path: proposalKey(proposal),
    evidence: proposal.evidenceHash,
    ...(reason !== undefined && reason.trim().length > 0 ? { reason: reason.trim() } : {}),
    date: today,
  };
  writeOutputFile(file, addRejection(text, rejection));
}
