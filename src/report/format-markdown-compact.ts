// The compact Markdown report, for a pull request comment or a step summary: a table of the plans, then per
// plan (failing ones first) its open blockers, its counts, and its other gaps in a collapsed list. It never
// passes GitHub's limits, whatever the number of plans: a comment holds 65,536 characters, so it stops
// below 60,000 (or below `context.maxBytes`) and says what it left out.
import { utf8Length } from '../text/utf8-length.js';
import { count, describeTakenOut } from './messages.js';
import { buildReportView, type GapView, type PlanReportView, type ScoreView } from './report-view.js';
import { escapeMarkdown, escapeMarkdownFit, markdownCode } from './escape-markdown.js';
import { escapeHtmlInMarkdown } from './escape-html.js';
import { guideLink } from './markdown-guide.js';
import { COMMENT_MAX_CHARS } from './step-summary-limits.js';
import type { FormatContext, Formatter, JudgedPlan, RunStart } from './types.js';
import { RunJudges, takenOutOf } from './lint-details.js';

/** Room kept for the closing notice and the markdownlint comment. */
const RESERVE = 1_000;

/**
 * What the comment keeps of a plan as it streams past: its table row and, where it gets a section, the
 * section's lines; never the plan itself. Past what the comment could ever show, only counts are kept, so
 * memory stays bounded whatever the number of plans.
 */
interface KeptPlan {
  /** Undefined once earlier rows alone fill the budget: the row is only counted. */
  row?: string;
  /** Undefined once earlier section heads of its rank alone fill the budget: it is only counted. */
  section?: Section;
  open: number;
}

export const formatMarkdownCompact: Formatter = (run, context) => {
  const budget = Math.min(COMMENT_MAX_CHARS, context.maxBytes ?? Number.POSITIVE_INFINITY) - RESERVE;
  const rows: KeptPlan[] = [];
  // Failing plans first: they are what a reviewer must act on. Then passing plans with open blockers.
  const ranks: KeptPlan[][] = [[], []];
  const rowBytes = new Bytes(budget);
  const headBytes = [new Bytes(budget), new Bytes(budget)];
  let plans = 0;
  let failed = 0;
  let firstName: string | undefined;
  const judges = new RunJudges();
  return {
    plan(plan) {
      const view = buildReportView(plan);
      plans++;
      judges.add(plan);
      if (plan.details.failed) failed++;
      firstName ??= view.community.name;
      const result = plan.verdict ? (plan.verdict.passed ? 'pass' : '**FAIL**') : 'report';
      const health = view.scores.find((s) => s.key === 'health');
      const row = `| ${escapeMarkdownFit(view.file, 60, '?')} | ${result} | ${view.level.index} ${escapeMarkdownFit(view.level.title, 30, '?')} | ${view.scores[0]?.value ?? 0} | ${healthCell(health)} | ${view.blockers.length} | ${openCount(view)} |`;
      const kept: KeptPlan = { open: openCount(view), ...(rowBytes.room([row]) ? { row } : {}) };
      rows.push(kept);
      const takenOut = takenOutLines(plan);
      // lint: a passing plan without an open blocker, and with nothing its own word takes out of the gate,
      // gets no section of its own; its row says enough.
      if (run.command === 'lint' && plan.verdict?.passed !== false && view.blockers.length === 0 && takenOut.length === 0) return '';
      const rank = failRank(plan);
      const section = planSection(run, view, plan.verdict?.passed, context, takenOut);
      if (headBytes[rank]!.room(section.head)) kept.section = section;
      ranks[rank]!.push(kept);
      return '';
    },
    end: ({ notChecked }) =>
      compactText(run, context, {
        plans,
        failed,
        firstName,
        rows,
        sections: ranks.flat(),
        notChecked,
        budget,
        judges: judges.describe(run),
      }),
  };
};

/** Bytes added up until they pass a budget: past it, nothing more can be shown, so nothing more is kept. */
class Bytes {
  private used = 0;
  constructor(private readonly budget: number) {}
  room(lines: readonly string[]): boolean {
    if (this.used > this.budget) return false;
    this.used += lines.reduce((n, line) => n + utf8Length(line) + 1, 0);
    return this.used <= this.budget;
  }
}

/** The comment, laid out from what the run kept. */
function compactText(
  run: RunStart,
  context: FormatContext,
  kept: {
    plans: number;
    failed: number;
    firstName: string | undefined;
    rows: readonly KeptPlan[];
    sections: readonly KeptPlan[];
    notChecked: number;
    budget: number;
    /** What judged the run (RunJudges). */
    judges: string;
  },
): string {
  const out = new BoundedLines(kept.budget);
  const title =
    run.command === 'lint'
      ? `# commready lint: ${count(kept.plans, 'plan')}, ${kept.failed} failed`
      : `# ${escapeMarkdownFit(kept.firstName ?? '', 60, 'Unnamed community')}: readiness`;
  out.add([title, '', `${escapeMarkdown(kept.judges.charAt(0).toUpperCase() + kept.judges.slice(1))}.`, '']);
  if (kept.notChecked) out.add([`${count(kept.notChecked, 'file')} could not be checked because of input errors.`, '']);

  let rowsLeftOut = 0;
  let sectionsLeftOut = 0;
  let gapsLeftOut = 0;
  out.add(['| Plan | Result | Level | Readiness | Health | Blockers | Gaps |', '| --- | --- | --- | ---: | --- | ---: | ---: |']);
  // A row or section not kept would not have fitted: the comment is full from there on, as if it had been tried.
  for (const { row } of kept.rows) {
    if (row === undefined) out.full = true;
    if (row === undefined || !out.add([row])) rowsLeftOut++;
  }
  out.force(['']);

  const maxListed = run.display?.maxFindings;
  for (const { section, open } of kept.sections) {
    if (!section) out.full = true;
    if (!section || !out.add(section.head)) {
      sectionsLeftOut++;
      gapsLeftOut += open;
      continue;
    }
    let listed = 0;
    const room = (): boolean => maxListed === undefined || listed < maxListed;
    for (const line of section.blockers) {
      if (!room() || !out.add([line])) gapsLeftOut++;
      else listed++;
    }
    out.add(['', ...section.counts, '', ...section.takenOut]);
    if (section.others.length > 0) {
      if (out.add([`<details><summary>${escapeHtmlInMarkdown(count(section.others.length, 'other open gap'))}</summary>`, ''])) {
        for (const line of section.others) {
          if (!room() || !out.add([line])) gapsLeftOut++;
          else listed++;
        }
        out.force(['', '</details>', '']);
      } else gapsLeftOut += section.others.length;
    }
  }

  const tail: string[] = [];
  if (gapsLeftOut > 0 || sectionsLeftOut > 0 || rowsLeftOut > 0) {
    const what = [
      ...(rowsLeftOut > 0 ? [`the table's last ${count(rowsLeftOut, 'row')}`] : []),
      ...(sectionsLeftOut > 0 ? [`the sections of ${count(sectionsLeftOut, 'plan')}`] : []),
      ...(gapsLeftOut > 0 ? [count(gapsLeftOut, 'open gap')] : []),
    ].join(', ');
    const why =
      maxListed !== undefined && !out.full
        ? `at most ${count(maxListed, 'gap')} a plan are listed (--max-findings)`
        : 'cut to fit a pull request comment (65,536 characters) and a step summary (1 MiB)';
    tail.push(`**Not listed here:** ${what}; ${why}. The full report (\`--format markdown\`) lists every gap with its guide.`, '');
  }
  tail.push(`Generated by commready ${escapeMarkdown(context.toolVersion)}.`, '', MARKDOWNLINT_COMPACT);
  out.force(tail);
  return `${out.text().replace(/\n{3,}/g, '\n\n')}\n`;
}

/** markdownlint's default rules allow the collapsed list's two HTML elements, and one line per gap however long. */
const MARKDOWNLINT_COMPACT = [
  '<!-- markdownlint-configure-file {',
  '  "no-inline-html": { "allowed_elements": ["details", "summary"] },',
  '  "line-length": false',
  '} -->',
].join('\n');

interface Section {
  head: string[];
  blockers: string[];
  counts: string[];
  /** What the plan's own word takes out of the gate, with a blank line after, or nothing. */
  takenOut: string[];
  others: string[];
}

/** At most this many of a plan's items taken out by its own word are listed; the rest are counted. */
const TAKEN_OUT_LISTED = 10;

/** What the plan's own word takes out of the gate (takenOutOf), as the section lists it, or nothing. */
function takenOutLines(plan: JudgedPlan): string[] {
  const all = takenOutOf(plan);
  if (all.length === 0) return [];
  const lines = all
    .slice(0, TAKEN_OUT_LISTED)
    .map(
      (t) =>
        `- ${markdownCode(t.itemId)} ${escapeMarkdown(describeTakenOut(t))} (${t.severity}, line ${t.line})${t.reason ? `: ${escapeMarkdownFit(t.reason, 160, '')}` : ''}`,
    );
  if (all.length > lines.length) lines.push(`- and ${all.length - lines.length} more ('commready report' lists them)`);
  return [`**Taken out of the gate by the plan's own word (${all.length}):**`, '', ...lines, ''];
}

function planSection(
  run: RunStart,
  view: PlanReportView,
  passed: boolean | undefined,
  context: FormatContext,
  takenOut: string[],
): Section {
  const result = passed === undefined ? '' : passed ? ' (pass)' : ' (FAIL)';
  const health = view.scores.find((s) => s.key === 'health');
  const head = [
    `## ${escapeMarkdownFit(view.file, 80, 'plan')}${result}`,
    '',
    `**${escapeMarkdownFit(view.community.name, 60, 'Unnamed community')}**: level ${view.level.index} ${escapeMarkdown(view.level.title)}, readiness ${view.scores[0]?.value ?? 0}/100${health ? `, health ${escapeMarkdown(health.text)}` : ''}.`,
    '',
  ];
  if (view.verdict && !view.verdict.passed) head.push(`**Fails:** ${view.verdict.reasons.map(escapeMarkdown).join('; ')}`, '');
  head.push(view.blockers.length === 0 ? 'No open blockers.' : `**Open blockers (${view.blockers.length}):**`, '');
  const blockers = view.blockers.map((g, i) => `${i + 1}. ${gapLine(g, context, false)}`);
  const others = view.gapsByPhase.flatMap((p) => p.gaps).map((g) => `- ${gapLine(g, context, true)}`);
  const bySeverity = { blocker: view.blockers.length, major: 0, minor: 0 };
  for (const g of view.gapsByPhase.flatMap((p) => p.gaps)) bySeverity[g.severity]++;
  const waived = view.accepted.filter((r) => r.kind === 'waived').length;
  const counts = [
    `**Open gaps:** ${count(bySeverity.blocker, 'blocker')}, ${count(bySeverity.major, 'major')}, ${count(bySeverity.minor, 'minor')}${waived > 0 ? `; ${waived} waived` : ''}${run.command === 'lint' && run.thresholds ? ` (fails on ${run.thresholds.failOn === 'none' ? 'no severity' : `${run.thresholds.failOn} and above`})` : ''}.`,
  ];
  return { head, blockers, counts, takenOut, others };
}

/** One gap on one line: id, title, severity, line; a link to its guide when a published guide is named. */
function gapLine(g: GapView, context: FormatContext, severity: boolean): string {
  const link = context.guideUrl === undefined ? undefined : guideLink(context.guideUrl, g.guideAnchor);
  const id = link ? `[${markdownCode(g.itemId)}](${link})` : markdownCode(g.itemId);
  return `${id} ${escapeMarkdownFit(g.title, 160, '')} (${severity ? `${g.severity}, ` : ''}line ${g.line})`;
}

function openCount(view: PlanReportView): number {
  return view.blockers.length + view.gapsByPhase.reduce((n, p) => n + p.gaps.length, 0);
}

function failRank(plan: { verdict?: { passed: boolean } }): number {
  return plan.verdict?.passed === false ? 0 : 1;
}

/** Lines kept within a size in UTF-8 bytes (which is at least the number of characters). */
class BoundedLines {
  private readonly lines: string[] = [];
  private size = 0;
  /** True once a block did not fit. */
  full = false;
  constructor(private readonly budget: number) {}

  /** Adds the block if it fits entirely; false (and nothing added) if not. */
  add(block: readonly string[]): boolean {
    const size = block.reduce((n, line) => n + utf8Length(line) + 1, 0);
    if (this.full || this.size + size > this.budget) {
      this.full = true;
      return false;
    }
    for (const line of block) this.lines.push(line);
    this.size += size;
    return true;
  }

  /** Adds the block whatever its size: closing tags and the notice, for which room was kept. */
  force(block: readonly string[]): void {
    for (const line of block) this.lines.push(line);
  }

  text(): string {
    return this.lines.join('\n').trimEnd();
  }
}

/** Health with the share of the measures it rests on: 100 on one measure of eight is not 100 on eight. */
function healthCell(health: ScoreView | undefined): string {
  if (health?.value === undefined || health.value === null) return '-';
  return health.of !== undefined && health.of.measured < health.of.of
    ? `${health.value} (${health.of.measured} of ${health.of.of})`
    : String(health.value);
}
