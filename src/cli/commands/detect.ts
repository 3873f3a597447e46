// `commready detect [dir]`: proposes plan answers and dated observed facts from a git repository and
// exports, with the evidence beside each. A dry run unless --apply, which fills only empty or stale
// fields of --plan through the plan editor (comments and untouched lines kept) and prints the diff.
import { InputError, UsageError } from '../../errors.js';
import { applyProposals, unifiedDiff, writes } from '../../detect/apply-proposals.js';
import { formatDetectJson, formatDetectText, type DetectReport } from '../../detect/format-detect.js';
import { proposalKey } from '../../detect/review-proposals.js';
import type { ReviewedProposal } from '../../detect/types.js';
import { toolVersion } from '../../io/package-files.js';
import { savePlanText } from '../../io/save-plan.js';
import { checkOutputTargets, writeOutputFile } from '../../io/write-output-file.js';
import { parsePlan } from '../../plan/parse-plan.js';
import { plainPainter } from '../../report/types.js';
import { sanitizeOutput } from '../../text/sanitize.js';
import type { CommandOptions } from '../command-table.js';
import { findProposal, recordRejection, startDetectSession, type PlanContext } from '../detect-session.js';
import type { CliIo } from '../io.js';
import { createPainter } from '../paint.js';

type DetectOptions = CommandOptions<'detect'>;

export async function runDetect(dir: string, options: DetectOptions, io: CliIo): Promise<number> {
  if (options.apply && options.plan === undefined) throw new UsageError('--apply needs --plan: the plan to write into');
  if (options.reject !== undefined && options.plan === undefined)
    throw new UsageError('--reject needs --plan: rejections are kept beside the plan');
  if (options.reason !== undefined && options.reject === undefined) throw new UsageError('--reason goes with --reject');
  if (options.apply && options.reject !== undefined) throw new UsageError('give --apply or --reject, not both');
  const output = options.output === undefined || options.output === '-' ? undefined : options.output;
  const inputs = [options.plan, options.issues, options.forum, options.affiliations].filter((f): f is string => f !== undefined);
  // Refused before anything is read: never over an input, never through a link.
  if (output !== undefined) checkOutputTargets([output], { inputs });

  const session = await startDetectSession(
    {
      dir,
      minConfidence: options.minConfidence,
      ...(options.plan !== undefined ? { planFile: options.plan } : {}),
      ...(options.issues !== undefined ? { issues: options.issues } : {}),
      ...(options.forum !== undefined ? { forum: options.forum } : {}),
      ...(options.affiliations !== undefined ? { affiliations: options.affiliations } : {}),
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    },
    options,
    io,
  );
  const report: DetectReport = {
    detection: session.detection,
    proposals: session.proposals,
    notes: session.detection.notes,
    minConfidence: options.minConfidence,
    toolVersion: toolVersion(),
    ...(options.plan !== undefined ? { plan: options.plan } : {}),
  };
  if (options.reject !== undefined) {
    const proposal = findProposal(session.proposals, options.reject);
    recordRejection(session.rejectionsFile!, proposal, options.reason, session.today);
    report.rejected = { path: proposalKey(proposal), file: session.rejectionsFile! };
    report.proposals = session.proposals.map((p) => (p === proposal ? { ...p, action: 'rejected' } : p));
  }
  if (options.apply && session.plan) {
    const { written, diff } = applyToPlan(session.plan, session.proposals);
    const writtenKeys = new Set(written.map((p) => proposalKey(p)));
    report.proposals = session.proposals.map((p) => (writes(p) && !writtenKeys.has(proposalKey(p)) ? { ...p, action: 'conflict' } : p));
    report.applied = { file: session.plan.file, written: written.map((p) => proposalKey(p)), diff };
  }
  const paint = output === undefined && options.format === 'text' ? await createPainter(options.color, io) : plainPainter;
  const text =
    options.format === 'json' ? formatDetectJson(report) : sanitizeOutput(formatDetectText(report, paint), paint !== plainPainter);
  if (output === undefined) io.stdout(text);
  else writeOutputFile(output, text, { inputs });
  return 0;
}

/**
 * Writes what may be written into the plan. The result must still be a valid plan: if writing them all
 * would break it (a value the methodology refuses), they are tried one by one and only those that keep
 * it valid are written. The file must not have changed since it was read.
 */
function applyToPlan(context: PlanContext, proposals: readonly ReviewedProposal[]): { written: ReviewedProposal[]; diff: string } {
  const { file, state, methodology, validation } = context;
  const valid = (text: string): boolean => {
    try {
      parsePlan(file, text, methodology, validation);
      return true;
    } catch (error) {
      if (error instanceof InputError) return false;
      throw error;
    }
  };
  let result = applyProposals(state.text, proposals);
  if (result.written.length > 0 && !valid(result.text)) {
    const accepted = new Set<ReviewedProposal>();
    for (const p of result.written) {
      const attempt = applyProposals(state.text, proposals, (q) => accepted.has(q) || q === p);
      if (valid(attempt.text)) accepted.add(p);
    }
    result = applyProposals(state.text, proposals, (q) => accepted.has(q));
  }
  if (result.written.length === 0) return { written: [], diff: '' };
  savePlanText(state, result.text, { methodologyDirs: methodology.directories }, 'detect');
  return { written: result.written, diff: unifiedDiff(state.text, result.text, file, `${file} (detect --apply)`) };
}
