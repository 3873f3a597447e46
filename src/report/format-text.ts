// Human-readable output: for lint, one short line per finding (ESLint style); for report, the full readiness report.
// Every text that comes from a plan, a methodology or a file name passes `s` (sanitizeLine) here.
import { gapFindingOf } from '../scoring/gap-finding.js';
import { type Severity } from '../methodology/types.js';
import { sanitizeLine as s } from '../text/sanitize.js';
import { isGapCode, type Finding } from '../scoring/types.js';
import type { FailOn } from '../scoring/verdict.js';
import {
  describeHealth,
  describeJudgedAs,
  describeLater,
  describeParamOrigin,
  count,
  describeFailedRule,
  describeFinding,
  describeMethodology,
  describeFindingShort,
  describeStatusValues,
  describeUnlisted,
  describeVerdictReason,
  describeVerdictReasonShort,
  planTextValues,
} from './messages.js';
import { RunJudges, RunTally } from './lint-details.js';
import { laterList } from './report-view.js';
import type { FormatContext, Formatter, FormatWriter, JudgedPlan, Painter, PlanResult, RunStart } from './types.js';

export const formatText: Formatter = (run, context) => {
  if (run.command === 'lint') return lintWriter(run, context);
  let first = true;
  return {
    plan: (p) => {
      const text = formatReport(p, context.paint);
      if (first) return ((first = false), text);
      return `\n${text}`;
    },
    end: () => '',
  };
};

const RANK: Record<Severity, number> = { blocker: 0, major: 1, minor: 2 };

/** The methodology a plan was judged by, sanitised for the terminal. */
function describeJudge(plan: PlanResult): string {
  return s(describeMethodology(plan));
}

/** Findings at or above lint's --fail-on severity (expired waivers always, unless nothing fails). */
function isAtOrAbove(f: Finding, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return f.code === 'waiver-expired' || RANK[f.severity] <= RANK[failOn];
}

function lintWriter(run: RunStart, context: FormatContext): FormatWriter {
  const { paint } = context;
  const failOn = run.thresholds?.failOn ?? 'blocker';
  const quiet = run.display?.quiet === true;
  let budget = run.display?.maxFindings ?? Infinity;
  let omitted = 0;
  const tally = new RunTally();
  const judges = new RunJudges();
  return {
    plan(plan) {
      tally.add(plan.details);
      judges.add(plan);
      if (quiet && !plan.details.failed) return '';
      const lines = lintPlanLines(plan, context, failOn, quiet, budget);
      omitted += lines.omitted;
      budget -= lines.shown;
      return `${lines.text.join('\n')}\n`;
    },
    end({ notChecked }) {
      const lines: string[] = [];
      if (omitted > 0)
        lines.push(paint.dim(`+ ${count(omitted, 'more finding')} not shown (--max-findings ${run.display?.maxFindings})`), '');
      const checked = notChecked ? `, ${notChecked} not checked (input errors)` : '';
      const open = (Object.keys(tally.open) as Severity[])
        .map((sev) => `${count(tally.open[sev], sev)}${tally.known[sev] > 0 ? ` (${tally.known[sev]} known from the baseline)` : ''}`)
        .join(', ');
      const summary = `${count(tally.plans + notChecked, 'plan')}: ${tally.passed} passed, ${tally.failed} failed${checked} · open: ${open}`;
      for (const line of fill(
        '',
        summary.split(' ').map((w) => (tally.failed > 0 || notChecked ? paint.red(w) : paint.green(w))),
        context.width,
      ))
        lines.push(line);
      // What judged the run, however quiet: a changed judge, profile or config is seen in the log.
      for (const line of fill('', s(judges.describe(run)).split(' ').map(paint.dim), context.width)) lines.push(line);
      return `${lines.join('\n')}\n`;
    },
  };
}

/** What one plan's lines in lint's text are made with. */
interface LintLinesContext {
  plan: JudgedPlan;
  context: FormatContext;
  failOn: FailOn;
  quiet: boolean;
}

/** One plan's lines in lint's text, with at most `budget` findings listed. */
function lintPlanLines(
  plan: JudgedPlan,
  context: FormatContext,
  failOn: FailOn,
  quiet: boolean,
  budget: number,
): { text: string[]; shown: number; omitted: number } {
  const c: LintLinesContext = { plan, context, failOn, quiet };
  const { listed, rest } = sortFindings(c);
  const shown = listed.slice(0, Math.max(0, budget));
  const lines = [
    ...headLines(c),
    ...findingLines(c, shown),
    ...unlistedLines(c, rest),
    ...offStageLines(c),
    ...verdictLines(c),
    ...thresholdLines(c),
    '',
  ];
  return { text: lines, shown: shown.length, omitted: listed.length - shown.length };
}

/** The plan's line: file, pass or fail, scores, level and the methodology that judged it. */
function headLines({ plan, context }: LintLinesContext): string[] {
  const { paint } = context;
  const a = plan.assessment;
  const mark = plan.details.failed ? paint.red('FAIL') : paint.green('PASS');
  const judge = describeJudge(plan)
    .split(' ')
    .map((w) => paint.dim(w));
  const health = a.healthCoverage.of === 0 ? [] : [' ', 'health', ...describeHealth(a.health, a.healthCoverage).split(' ')];
  const words = [paint.bold(s(a.file)), ' ', mark, ' ', 'readiness', `${a.score}/100`, ...health, ' ', 'level'];
  return fill('', [...words, String(a.level.index), ...s(a.level.title).split(' '), ' ', ...judge], context.width);
}

/**
 * The findings listed one a line (at or above --fail-on; with --quiet, those that fail the plan), and the
 * rest, only counted. A waived item is counted once, by its item-waived finding.
 */
function sortFindings({ plan, failOn, quiet }: LintLinesContext): { listed: Finding[]; rest: Finding[] } {
  const { failing, waived } = plan.details;
  const coveredGap = (f: Finding): boolean => waived.has(f.itemId) && isGapCode(f.code);
  const listed: Finding[] = [];
  const rest: Finding[] = [];
  for (const f of plan.assessment.findings) {
    const list = quiet ? failing.has(f.itemId) && f.code !== 'item-waived' : isAtOrAbove(f, failOn) && !coveredGap(f);
    if (list) listed.push(f);
    else if (!(quiet && isAtOrAbove(f, failOn)) && !coveredGap(f)) rest.push(f);
  }
  return { listed, rest };
}

/** A line per listed finding: position, severity (or waived, or known from the baseline), message, item. */
function findingLines({ plan, context }: LintLinesContext, shown: readonly Finding[]): string[] {
  const { paint } = context;
  const lines: string[] = [];
  const values = planTextValues(plan.assessment, plan.methodology);
  const posWidth = shown.reduce((width, f) => Math.max(width, position(f).length), 0);
  for (const f of shown) {
    const baselined = plan.baselined?.includes(f.itemId) === true;
    const word =
      f.code === 'item-waived'
        ? paint.dim('waived ')
        : f.code === 'na-claimed'
          ? paint.dim('n/a    ')
          : baselined
            ? paint.dim('known  ')
            : severityWord(f.severity, paint);
    const head = `  ${paint.dim(position(f).padEnd(posWidth))}  ${word}  `;
    const headWidth = 2 + posWidth + 2 + 7 + 2;
    const words = [...s(describeFindingShort(f, plan.methodology, values)).split(' '), ' ', paint.dim(s(f.itemId))];
    for (const line of wrap(head, headWidth, words, context.width)) lines.push(line);
  }
  return lines;
}

/** The findings not listed, counted by kind (not with --quiet). */
function unlistedLines({ context, quiet }: LintLinesContext, rest: readonly Finding[]): string[] {
  if (quiet || rest.length === 0) return [];
  const counts: Record<string, number> = { 'blocker gap': 0, 'major gap': 0, 'minor gap': 0, 'waived gap': 0, note: 0 };
  for (const f of rest) {
    if (f.code === 'item-waived') counts['waived gap']!++;
    else if (isGapCode(f.code)) counts[`${f.severity} gap`]!++;
    else counts.note!++;
  }
  const words = describeUnlisted(counts, {})
    .split(' ')
    .map((w) => context.paint.dim(w));
  return fill('  ', words, context.width);
}

/** Points the stage leaves out are named in every output; here, counted (not with --quiet). */
function offStageLines({ plan, context, quiet }: LintLinesContext): string[] {
  const a = plan.assessment;
  const offStage = a.items.filter((r) => r.basis === 'stage').length;
  if (quiet || offStage === 0) return [];
  const text = `${count(offStage, 'point')} not judged while ${a.stage.id}; 'commready report' lists them with the reason`;
  return fill(
    '  ',
    text.split(' ').map((w) => context.paint.dim(w)),
    context.width,
  );
}

/** Why the plan fails, reason by reason. */
function verdictLines({ plan, context }: LintLinesContext): string[] {
  const lines: string[] = [];
  for (const reason of plan.verdict?.reasons ?? []) {
    const where = reason.code === 'methodology-mismatch' ? `${s(plan.assessment.file)}:${reason.line}:${reason.col}: ` : '';
    for (const line of fill(`  ${context.paint.red('✖')} `, `${where}${s(describeVerdictReasonShort(reason))}`.split(' '), context.width))
      lines.push(line);
  }
  return lines;
}

/** Thresholds in force that differ from the methodology, those set aside, and the profile judged by. */
function thresholdLines({ plan, context }: LintLinesContext): string[] {
  const { paint } = context;
  const a = plan.assessment;
  const m = plan.methodology;
  const lines: string[] = [];
  const custom = Object.entries(a.customParams).map(
    ([name, value]) => `${s(name)} ${value} (default ${m.params[name]?.value}, from ${describeParamOrigin(m, name, a.paramOrigins[name])})`,
  );
  if (custom.length > 0) lines.push(paint.dim(`  thresholds in force that differ from the methodology: ${custom.join(', ')}`));
  const ignored = Object.entries(plan.ignoredParams ?? {}).map(
    ([name, value]) => `${s(name)} ${value} (${a.customParams[name] ?? m.params[name]?.value} applied)`,
  );
  if (ignored.length > 0)
    lines.push(paint.dim(`  plan thresholds set aside because they relax the ones in force for its profile: ${ignored.join(', ')}`));
  if (plan.judgedAs) lines.push(paint.dim(`  ${s(describeJudgedAs(plan.judgedAs))}`));
  return lines;
}

/** wrap, with the head's visible width measured. */
function fill(head: string, words: readonly string[], width: number | undefined): string[] {
  return wrap(head, head.replace(/\u001b\[\d+m/g, '').length, words, width);
}

function position(f: Finding): string {
  return `${s(f.location.file)}:${f.location.line}:${f.location.col}`;
}

/**
 * Lays words out after `head` within `width` columns (no wrapping without a width); continuation lines
 * are indented under the message, or by four spaces when the head is too wide for that.
 * Words may carry colour codes: their visible length is measured without them.
 */
export function wrap(head: string, headWidth: number, words: readonly string[], width: number | undefined): string[] {
  const visible = (w: string): number => w.replace(/\u001b\[\d+m/g, '').length;
  // A ' ' word marks a wider gap (two spaces) between columns; it is dropped when the line breaks.
  const text = words.map((w) => (w === ' ' ? '' : w)).join(' ');
  if (width === undefined || headWidth + visible(text) <= width) return [`${head}${text}`];
  // Words from input may now start a line: none may start it with `::` (a workflow command).
  const defuse = (line: string): string => line.replace(/^(\s*(?:\u001b\[\d+m)*)::/, '$1\\x3a:');
  const indent = headWidth <= width / 2 ? headWidth : 4;
  const lines: string[] = [];
  let line = head;
  let used = headWidth;
  let empty = true;
  for (const word of words) {
    if (word === ' ') continue;
    const w = visible(word);
    if (!empty && used + 1 + w > width) {
      lines.push(defuse(line));
      line = ' '.repeat(indent);
      used = indent;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    used += empty ? w : w + 1;
    empty = false;
  }
  lines.push(defuse(line));
  return lines;
}

function severityWord(severity: Severity, paint: Painter): string {
  const word = severity.padEnd(7);
  return severity === 'blocker' ? paint.red(word) : severity === 'major' ? paint.yellow(word) : paint.cyan(word);
}

/** The full readiness report of one plan, section by section in print order. */
function formatReport(plan: PlanResult, paint: Painter): string {
  const sections = [
    reportHead(plan, paint),
    phaseLines(plan, paint),
    healthLines(plan, paint),
    gapLines(plan, paint),
    laterLines(plan, paint),
    pathLines(plan, paint),
    noteLines(plan, paint),
    notApplicableLines(plan, paint),
    customParamLines(plan, paint),
    reportVerdictLines(plan, paint),
    [
      paint.dim(`Score = 100 × Σ(weight × value) ÷ Σ(weight) over applicable items; ${describeStatusValues()}.`),
      paint.dim('Readiness scores the plan; health scores observed outcomes, each measured within the freshness limit.'),
      paint.dim(`Run 'commready explain <item-id>' for the guide to any item.`),
    ],
  ];
  // Each section after the head opens with a blank line; empty ones print nothing.
  const out: string[] = [];
  for (const section of sections) {
    if (section.length === 0) continue;
    if (out.length > 0) out.push('');
    for (const line of section) out.push(line);
  }
  return `${out.join('\n')}\n`;
}

/** Title, where the plan stands (type, formality, stage, judge, date), scores, level and the next level. */
function reportHead(plan: PlanResult, paint: Painter): string[] {
  const { assessment: a, methodology } = plan;
  const type = a.profile.type ? `${s(a.profile.type)} community · ` : '';
  // A methodology without formalities has nothing to say about one.
  const formality = methodology.formalities.length > 0 ? `${a.profile.formality} · ` : '';
  const stage = a.stage.id === 'running' && a.stage.opened ? `running since ${s(a.stage.opened)}` : a.stage.id;
  const out = [
    paint.bold(`${s(a.community.name)} — readiness report`),
    `${s(a.file)} · ${type}${formality}${stage}${a.stage.from === 'inferred' ? ' (inferred)' : ''} · ${describeJudge(plan)} · as of ${s(a.today)}`,
    '',
    `${paint.bold('Readiness')} ${a.score}/100   ${paint.bold('Health')} ${describeHealth(a.health, a.healthCoverage)}   ${paint.bold('Level')} ${a.level.index} ${s(a.level.title)}`,
  ];
  if (a.nextLevel) {
    // A level a running community reaches on outcomes asks no readiness score: say only what it asks.
    const needs = [
      ...(a.nextLevel.minScore > 0 ? [`readiness ${a.nextLevel.minScore}`] : []),
      ...(a.nextLevel.minHealth !== undefined ? [`health ${a.nextLevel.minHealth}`] : []),
    ];
    out.push(
      `Next level: ${a.nextLevel.index} ${s(a.nextLevel.title)} (${needs.length > 0 ? `${needs.join(' and ')}, and its gates` : 'its gates'})`,
    );
  }
  return out;
}

function phaseLines({ assessment: a, methodology }: PlanResult, paint: Painter): string[] {
  const out = [paint.bold('Phases (readiness)')];
  const titleWidth = methodology.phases.reduce((width, p) => Math.max(width, s(p.title).length), 0);
  for (const phase of a.phases) {
    const title = s(methodology.phases.find((p) => p.id === phase.phaseId)?.title ?? phase.phaseId);
    const c = phase.counts;
    const score = phase.score === null ? '  n/a' : phase.score.toFixed(1).padStart(5);
    const open = c.unmet + c.unanswered + c.stale + c.unmeasured;
    out.push(
      `  ${title.padEnd(titleWidth)}  ${bar(phase.score)}  ${score}   ${c.met} met · ${c.partial} partial · ${open} open · ${c['n/a']} n/a`,
    );
  }
  return out;
}

function healthLines({ assessment: a }: PlanResult, paint: Painter): string[] {
  const healthItems = a.items.filter((r) => r.dimension === 'health' && r.basis !== 'stage');
  if (healthItems.length === 0) return [];
  return [
    paint.bold('Health (observed outcomes)'),
    ...healthItems.map((r) => `  ${(r.status === 'unmeasured' ? 'not measured' : r.status).padEnd(12)} ${r.itemId}  ${paint.dim(r.title)}`),
  ];
}

function gapLines({ assessment: a }: PlanResult, paint: Painter): string[] {
  const out = [paint.bold(`Gaps, in priority order (${a.gaps.length})`)];
  if (a.gaps.length === 0) out.push('  none');
  a.gaps.forEach((id, index) => {
    const r = a.items.find((x) => x.itemId === id)!;
    const finding = gapFindingOf(a, id);
    const pos = finding ? `${finding.location.line}:${finding.location.col}` : '';
    const waived = r.waiver?.active ? paint.dim(` [waived until ${s(r.waiver.expires)}]`) : '';
    const dimension = r.dimension === 'health' ? ' health' : '';
    out.push(
      `  ${String(index + 1).padStart(2)}. ${severityWord(r.severity, paint)} ${r.status.padEnd(10)} +${r.points.toFixed(1).padStart(4)} pts${dimension}  ${s(id)}  ${paint.dim(pos)}${waived}`,
    );
    out.push(`      ${s(r.title)}`);
    for (const rule of r.failed) out.push(paint.dim(`      → ${s(describeFailedRule(rule))}`));
  });
  return out;
}

function laterLines({ assessment: a }: PlanResult, paint: Painter): string[] {
  const later = laterList(a);
  if (later.length === 0) return [];
  return [
    paint.bold(`To do, taken on for later (${later.length})`),
    ...later.map((l) => `  [ ] ${s(l.title)} — ${s(describeLater(l))}  ${paint.dim(s(l.itemId))}`),
  ];
}

function pathLines({ assessment: a }: PlanResult, paint: Painter): string[] {
  const next = a.nextLevel;
  if (!next) return [];
  const head = paint.bold(`Shortest path to level ${next.index} ${s(next.title)}`);
  if (next.needsStage)
    return [
      head,
      `  This level rests on outcomes observed once the community is ${next.needsStage}: open the doors, then record what you observe under 'observed'.`,
    ];
  // The level's gate counts a measure not measured as not met: said, where some are, so that a figure
  // below the health shown above reads as what it is.
  const unmeasured = a.healthCoverage.measured < a.healthCoverage.of ? ' (every measure counted, one not measured as not met)' : '';
  const health = next.healthAfter !== null && next.minHealth !== undefined ? ` and health ${next.healthAfter}${unmeasured}` : '';
  return [
    head,
    `  Meet ${count(next.items.length, 'item')} to reach readiness ${next.scoreAfter}${health}: ${next.items.map(s).join(', ') || '(none)'}`,
  ];
}

/** The notes a report lists apart from the gaps: answers set aside, waivers, people and dates to fix. */
function noteLines({ assessment: a, methodology }: PlanResult, paint: Painter): string[] {
  const notes = a.findings.filter((f) => !isGapCode(f.code));
  if (notes.length === 0) return [];
  const values = planTextValues(a, methodology);
  return [
    paint.bold('Answers and facts to look at'),
    ...notes.map((f) => `  ${f.location.line}:${f.location.col}  ${s(f.itemId)}  ${s(describeFinding(f, methodology, values))}`),
  ];
}

function notApplicableLines({ assessment: a }: PlanResult, paint: Painter): string[] {
  const naItems = a.items.filter((r) => r.status === 'n/a');
  if (naItems.length === 0) return [];
  return [
    paint.bold(`Not applicable (${naItems.length})`),
    ...naItems.map((r) => `  ${s(r.itemId)}  ${paint.dim(`(${r.basis === 'evidence' ? 'answer' : r.basis}) ${s(r.naReason ?? '')}`)}`),
  ];
}

function customParamLines({ assessment: a, methodology }: PlanResult, paint: Painter): string[] {
  const custom = Object.entries(a.customParams);
  if (custom.length === 0) return [];
  return [
    paint.bold('Thresholds in force that differ from the methodology'),
    ...custom.map(
      ([name, value]) =>
        `  ${s(name)}: ${value} (default ${methodology.params[name]?.value}; set by ${describeParamOrigin(methodology, name, a.paramOrigins[name])})`,
    ),
  ];
}

function reportVerdictLines({ verdict }: PlanResult, paint: Painter): string[] {
  if (!verdict) return [];
  return [verdict.passed ? paint.green('PASS') : paint.red(`FAIL: ${verdict.reasons.map((r) => s(describeVerdictReason(r))).join('; ')}`)];
}

function bar(score: number | null): string {
  const width = 20;
  const filled = score === null ? 0 : Math.round((score / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}
