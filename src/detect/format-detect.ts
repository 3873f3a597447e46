// Pure: the output of `commready detect` as text for people and as JSON (schemas/detect.schema.json).
// Proposals are grouped by where they come from; every sentence comes from messages.ts.
import { escapeJsonText, sortKeys } from '../report/format-json.js';
import { count } from '../report/messages.js';
import { plainPainter, type Painter } from '../report/types.js';
import { sanitizeLine } from '../text/sanitize.js';
import {
  RULE_WORDS,
  countPeople,
  describeAction,
  describeData,
  describeEvidence,
  describeNote,
  describeRaise,
  noteLocation,
  showValue,
} from './messages.js';
import { proposalKey } from './review-proposals.js';
import type { Action, Confidence, Detection, Note, ProposalSource, ReviewedProposal } from './types.js';

export const DETECT_FORMATS = ['text', 'json'] as const;
export type DetectFormat = (typeof DETECT_FORMATS)[number];

export interface DetectReport {
  detection: Detection;
  proposals: readonly ReviewedProposal[];
  notes: readonly Note[];
  minConfidence: Confidence;
  /** The plan compared with, as given. */
  plan?: string;
  /** What --apply wrote: the plan, the places written and the diff. */
  applied?: { file: string; written: readonly string[]; diff: string };
  /** What --reject recorded: the place and the file it went to. */
  rejected?: { path: string; file: string };
  toolVersion: string;
}

const MARKS = {
  add: '+',
  update: '~',
  confirm: '=',
  conflict: '!',
  undated: '?',
  rejected: 'x',
  'below-threshold': '-',
  'show-only': '.',
} as const satisfies Record<Action, string>;

const GROUPS: readonly { title: string; sources: readonly ProposalSource[] }[] = [
  { title: 'Community files', sources: ['files'] },
  { title: 'History', sources: ['git'] },
  { title: 'Exports', sources: ['issues', 'forum'] },
];

function colourOf(action: Action, paint: Painter): (s: string) => string {
  if (action === 'add' || action === 'update') return paint.green;
  if (action === 'conflict' || action === 'undated') return paint.yellow;
  return paint.dim;
}

/** The first line: the commit read and as_of, with where as_of came from. */
function headerLines(report: DetectReport, paint: Painter): string[] {
  const d = report.detection;
  const base =
    d.timeBase === 'head' ? "the HEAD commit's date" : d.timeBase === 'option' ? 'given with --as-of' : 'the latest post of the exports';
  const where = d.repository?.head ? `${d.repository.branch ?? 'HEAD'} at ${d.repository.head.slice(0, 12)}` : undefined;
  return [paint.bold(`commready detect${where ? ` ${sanitizeLine(where)}` : ''}: as of ${d.asOf} (${base})`)];
}

/** One proposal: its mark, place and value, then its facts, evidence, figures, the plan's value, how to raise it, alternatives. */
function proposalLines(p: ReviewedProposal, paint: Painter): string[] {
  const colour = colourOf(p.action, paint);
  const out = [`  ${colour(`${MARKS[p.action]} ${sanitizeLine(proposalKey(p))}`)}: ${showValue(p.value)}`];
  const facts = [p.confidence, p.rule, describeAction(p.action)];
  out.push(`      ${paint.dim(facts.join(' \u00b7 '))}`);
  for (const e of p.evidence.slice(0, 4)) out.push(`      ${describeEvidence(e)}`);
  if (p.evidence.length > 4) out.push(`      \u2026 and ${p.evidence.length - 4} more places`);
  const data = describeData(p);
  if (data) out.push(`      ${data}`);
  if (p.current !== undefined && p.action !== 'confirm') out.push(`      the plan has: ${showValue(p.current)}`);
  if (p.raise) out.push(`      ${paint.dim(`to raise it: ${describeRaise(p.raise)}`)}`);
  for (const alt of p.alternatives ?? []) out.push(`      ${paint.dim(`also (${alt.confidence}, ${alt.rule}): ${showValue(alt.value)}`)}`);
  return out;
}

/** The proposals, grouped by where they come from (files, history, exports). */
function proposalGroupLines(report: DetectReport, paint: Painter): string[] {
  const out: string[] = [];
  for (const group of GROUPS) {
    const items = report.proposals.filter((p) => group.sources.includes(p.source));
    if (items.length === 0) continue;
    out.push('', paint.bold(group.title));
    for (const p of items) for (const line of proposalLines(p, paint)) out.push(line);
  }
  if (report.proposals.length === 0) out.push('', 'Nothing to propose.');
  return out;
}

/** The history's figures, shown for context. */
function historyLines(report: DetectReport, paint: Painter): string[] {
  const { history: h, asOf } = report.detection;
  if (!h) return [];
  const cafs = h.absenceByQuarter.map((c) => (c === null ? '-' : String(c))).join(', ');
  return [
    '',
    paint.bold('Figures from the history (context, not written)'),
    `  ${count(h.commits, 'commit')} by ${countPeople(h.people)} up to ${asOf}${h.firstCommit ? `, since ${h.firstCommit}` : ''}${h.shallow ? ' (shallow clone)' : ''}`,
    `  last 90 days: ${count(h.commits90, 'commit')} by ${countPeople(h.people90)}, ${h.newContributors90} of them new; ${count(h.botCommits90, 'commit')} by bots left out`,
    `  absence factor of the last four 90-day windows, newest first: ${cafs}${h.elephantFactor !== undefined ? `; elephant factor ${h.elephantFactor}` : ''}`,
    `  ${h.activeWeeks13} of the last 13 weeks had a commit${h.lastCommit ? `; last commit ${h.lastCommit} (${h.daysSinceLastCommit ?? 0} days before as_of)` : ''}${h.signOffShare !== undefined ? `; ${Math.round(h.signOffShare * 100)}% of commits signed off` : ''}`,
    `  ${h.releases365} release${h.releases365 === 1 ? '' : 's'} in the last year${h.lastRelease ? `, the last ${h.lastRelease}` : ''}`,
  ];
}

/** Each export's figures, shown for context. */
function exportLines(report: DetectReport, paint: Painter): string[] {
  const out: string[] = [];
  for (const e of report.detection.exports) {
    out.push(
      '',
      paint.bold(`Figures from ${sanitizeLine(e.file)} (context, not written)`),
      `  ${e.threads} ${e.kind === 'issues' ? 'issues' : 'topics'}, ${e.posts} posts${e.from ? `, ${e.from}..${e.to}` : ''}; last 90 days: ${e.newcomerThreads90} opened by newcomers, ${e.answered90} answered`,
    );
  }
  return out;
}

function noteLines(report: DetectReport, paint: Painter): string[] {
  if (report.notes.length === 0) return [];
  const out = ['', paint.bold('Notes')];
  for (const n of report.notes) {
    const at = noteLocation(n);
    out.push(`  ${at ? `${at}: ` : ''}${describeNote(n)}`);
  }
  return out;
}

/** What was done: the rejection recorded, the values written with their diff, or how to write them. */
function outcomeLines(report: DetectReport, paint: Painter): string[] {
  const out: string[] = [];
  if (report.rejected) {
    out.push(`Recorded the rejection of ${sanitizeLine(report.rejected.path)} in ${sanitizeLine(report.rejected.file)}.`);
  }
  if (report.applied) {
    const { written, file, diff } = report.applied;
    if (written.length === 0) out.push(`Nothing written to ${sanitizeLine(file)}.`);
    else {
      out.push(`Wrote ${written.length} ${written.length === 1 ? 'value' : 'values'} to ${sanitizeLine(file)}:`, '');
      for (const line of diff.replace(/\n$/, '').split('\n')) out.push(diffColour(line, paint)(sanitizeLine(line)));
    }
  } else if (!report.rejected) {
    const writable = report.proposals.filter((p) => p.action === 'add' || p.action === 'update').length;
    if (writable > 0)
      out.push(
        report.plan
          ? `Nothing was written (a dry run). Write the ${writable} with --apply.`
          : 'Nothing was written (a dry run). Compare with a plan with --plan FILE, and write with --apply.',
      );
  }
  return out;
}

function diffColour(line: string, paint: Painter): (s: string) => string {
  if (line.startsWith('+') && !line.startsWith('+++')) return paint.green;
  if (line.startsWith('-') && !line.startsWith('---')) return paint.red;
  return (s: string) => s;
}

/** The text output, section by section. */
export function formatDetectText(report: DetectReport, paint: Painter = plainPainter): string {
  const out = [
    ...headerLines(report, paint),
    ...proposalGroupLines(report, paint),
    ...historyLines(report, paint),
    ...exportLines(report, paint),
    ...noteLines(report, paint),
    '',
    summaryLine(report),
    ...outcomeLines(report, paint),
  ];
  return `${out.join('\n')}\n`;
}

function summaryLine(report: DetectReport): string {
  const counts = new Map<Action, number>();
  for (const p of report.proposals) counts.set(p.action, (counts.get(p.action) ?? 0) + 1);
  const parts = (Object.keys(MARKS) as Action[]).filter((a) => counts.has(a)).map((a) => `${counts.get(a)} ${SUMMARY_WORDS[a]}`);
  const n = report.proposals.length;
  return `${n} proposal${n === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''} (--min-confidence ${report.minConfidence}).`;
}

const SUMMARY_WORDS = {
  add: 'to add',
  update: 'to update',
  confirm: 'confirmed',
  conflict: 'in conflict',
  undated: 'undated in the plan',
  rejected: 'rejected earlier',
  'below-threshold': 'below the threshold',
  'show-only': 'shown only',
} as const satisfies Record<Action, string>;

/** The JSON output: stable, sorted keys, no timestamps but as_of. */
export function formatDetectJson(report: DetectReport): string {
  const d = report.detection;
  const json = {
    schemaVersion: 1,
    tool: { name: 'commready', version: report.toolVersion },
    command: 'detect',
    asOf: d.asOf,
    timeBase: d.timeBase,
    minConfidence: report.minConfidence,
    ...(report.plan !== undefined ? { plan: report.plan } : {}),
    ...(d.repository ? { repository: d.repository } : {}),
    proposals: report.proposals.map((p) => ({
      path: p.path,
      ...(p.point !== undefined ? { point: p.point } : {}),
      value: p.value,
      confidence: p.confidence,
      rule: p.rule,
      source: p.source,
      action: p.action,
      evidence: p.evidence,
      evidenceHash: p.evidenceHash,
      ...(p.current !== undefined ? { current: p.current } : {}),
      ...(p.data ? { data: p.data } : {}),
      ...(p.showOnly ? { showOnly: true } : {}),
      ...(p.raise ? { raise: p.raise } : {}),
      ...(p.alternatives ? { alternatives: p.alternatives } : {}),
      message: `${RULE_WORDS[p.rule]}: ${describeAction(p.action)}${describeData(p) ? `; ${describeData(p)!}` : ''}`,
    })),
    notes: report.notes.map((n) => ({ ...n, message: describeNote(n) })),
    ...(d.history ? { history: d.history } : {}),
    exports: d.exports,
    ...(report.applied ? { applied: { file: report.applied.file, written: report.applied.written } } : {}),
    ...(report.rejected ? { rejected: report.rejected } : {}),
  };
  return `${escapeJsonText(JSON.stringify(sortKeys(json), null, 2))}\n`;
}
