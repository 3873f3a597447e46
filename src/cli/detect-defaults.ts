// `commready interview --detect`: runs detect on the repository of the current directory against the
// plan (if it exists yet) and turns what detect would write into the interview's defaults.
import { existsSync } from 'node:fs';
import type { DetectedDefault } from '../interview/detected-defaults.js';
import { describeEvidence } from '../detect/messages.js';
import type { ReviewedProposal } from '../detect/types.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { CliIo } from './io.js';
import { recordRejection, rejectionsFileFor, startDetectSession } from './detect-session.js';
import type { GlobalOptions } from './shared.js';

/** The value a question asks for: an observed figure's number, not its record. */
function askedValue(p: ReviewedProposal): unknown {
  if (p.path.startsWith('observed.') && p.value !== null && typeof p.value === 'object' && 'value' in p.value)
    return (p.value as { value: unknown }).value;
  return p.value;
}

/** Defaults by plan path, and a line to show before the first question. */
export async function detectedDefaults(
  planFile: string,
  options: GlobalOptions,
  io: CliIo,
  dir = '.',
): Promise<{ defaults: Map<string, DetectedDefault>; summary: string }> {
  const planExists = existsSync(planFile);
  const session = await startDetectSession({ dir, minConfidence: 'medium', ...(planExists ? { planFile } : {}) }, options, io);
  const rejections = rejectionsFileFor(planFile);
  const offered = session.proposals.filter((p) => p.action === 'add' || p.action === 'update');
  const defaults = new Map<string, DetectedDefault>();
  const reject = (proposals: readonly ReviewedProposal[]) => () => {
    for (const p of proposals) recordRejection(rejections, p, 'skipped in the interview', session.today);
  };
  const evidence = (p: ReviewedProposal): string => (p.evidence[0] ? describeEvidence(p.evidence[0]) : p.rule);
  // A list of points (`governance.contribution_terms`) is one question: its entries together.
  const points = new Map<string, ReviewedProposal[]>();
  for (const p of offered) {
    if (p.point !== undefined) points.set(p.path, [...(points.get(p.path) ?? []), p]);
    else defaults.set(p.path, { value: askedValue(p), shown: sanitizeLine(`${p.confidence}; ${evidence(p)}`), reject: reject([p]) });
  }
  for (const [path, list] of points) {
    defaults.set(path, {
      value: list.map((p) => ({ point: p.point, decision: p.value })),
      shown: sanitizeLine(list.map((p) => `${p.point}: ${p.confidence}; ${evidence(p)}`).join(' / ')),
      reject: reject(list),
    });
  }
  const observed = offered.filter((p) => p.path.startsWith('observed.'));
  if (observed.length > 0 && !defaults.has('observed.as_of')) {
    defaults.set('observed.as_of', {
      value: session.detection.asOf,
      shown: sanitizeLine(`the date detect measured on`),
      reject: () => undefined,
    });
  }
  const summary =
    offered.length === 0
      ? 'Detected nothing new to offer in this repository.'
      : `Detected ${offered.length} answer${offered.length === 1 ? '' : 's'} in this repository (as of ${session.detection.asOf}); each is offered as the default of its question. Skipping such a question rejects it.`;
  return { defaults, summary };
}
