// The Markdown summary `lint` appends to GitHub's step summary: one row per plan, then what fails each.
// A stand-in until the full Markdown gap report can render lint runs; the signature is the Formatter one.
import { utf8Length } from '../text/utf8-length.js';
import {
  count,
  describeFindingShort,
  describeMethodology,
  describeTakenOut,
  describeVerdictReasonShort,
  planTextValues,
} from './messages.js';
import { escapeMarkdown, markdownCode } from './escape-markdown.js';
import { STEP_SUMMARY_MAX_BYTES } from './step-summary-limits.js';
import { RunTally, takenOutOf } from './lint-details.js';
import type { Formatter } from './types.js';

/** Findings listed at most: the summary is an overview, the reports hold the rest. */
const MAX_LISTED = 200;
/** Room kept for the notice. */
const RESERVE = 600;

/** A failing plan's section: its heading and reasons, then the findings that fail it. */
interface Section {
  head: string[];
  lines: string[];
}

/**
 * Rows and failing plans are gathered as plans stream past, never more of either than the summary can hold
 * (what would not fit is only counted), and written at the end: GitHub reads the summary after the step.
 */
export const formatStepSummary: Formatter = (_run, context) => {
  // GitHub refuses a step summary over 1 MiB (what the step wrote before included: the caller passes what is left).
  const budget = Math.min(STEP_SUMMARY_MAX_BYTES, context.maxBytes ?? STEP_SUMMARY_MAX_BYTES) - RESERVE;
  // Every text from input through the one Markdown escaper: no markup, HTML, live link or line break.
  const e = escapeMarkdown;
  const tally = new RunTally();
  const rows: string[] = [];
  const sections: Section[] = [];
  let gathered = 0;
  let rowsLeftOut = 0;
  let plansLeftOut = 0;
  let listed = 0;
  const keep = (lines: readonly string[]): boolean => {
    const size = lines.reduce((n, line) => n + utf8Length(line) + 1, 0);
    if (gathered + size > budget) return false;
    gathered += size;
    return true;
  };
  return {
    plan(p) {
      const { details } = p;
      tally.add(details);
      const a = p.assessment;
      const judge = e(describeMethodology(p).replace(/^methodology /, ''));
      const row = `| ${e(a.file)} | ${details.failed ? '**FAIL**' : 'PASS'} | ${a.score} | ${a.level.index} ${e(a.level.title)} | ${judge} |`;
      if (keep([row])) rows.push(row);
      else rowsLeftOut++;
      const reasons = p.verdict?.reasons ?? [];
      // What the plan's own word takes out of the gate is listed for a passing plan too: a reviewer sees it as a waiver.
      const takenOut = takenOutOf(p);
      if (reasons.length === 0 && takenOut.length === 0) return '';
      const head = [
        '',
        `### ${e(a.file)}`,
        '',
        ...reasons.map((r) => `- ${e(describeVerdictReasonShort(r))}`),
        ...(takenOut.length > 0 ? [`- ${count(takenOut.length, 'item')} taken out of the gate by the plan's own word`] : []),
      ];
      if (!keep(head)) {
        plansLeftOut++;
        return '';
      }
      const section: Section = { head, lines: [] };
      for (const f of a.findings) {
        if (!details.failing.has(f.itemId) || f.code === 'item-waived' || listed >= MAX_LISTED) continue;
        const line = `- line ${f.location.line}: ${markdownCode(f.itemId)} ${e(describeFindingShort(f, p.methodology, planTextValues(a, p.methodology)))} (${f.severity})`;
        if (!keep([line])) break;
        listed++;
        section.lines.push(line);
      }
      for (const t of takenOut) {
        if (listed >= MAX_LISTED) break;
        const line = `- line ${t.line}: ${markdownCode(t.itemId)} ${e(describeTakenOut(t))} (${t.severity})`;
        if (!keep([line])) break;
        listed++;
        section.lines.push(line);
      }
      sections.push(section);
      return '';
    },
    end: () => summaryText(tally, rows, sections, budget, rowsLeftOut, plansLeftOut),
  };
};

/** The summary as written: the table's rows, then the failures, as long as the whole fits the budget. */
function summaryText(
  tally: RunTally,
  rows: readonly string[],
  sections: readonly Section[],
  budget: number,
  rowsLeftOut: number,
  plansLeftOut: number,
): string {
  const out = [
    '## commready lint',
    '',
    `${count(tally.plans, 'plan')}: ${tally.passed} passed, ${tally.failed} failed.`,
    '',
    '| Plan | Result | Score | Level | Methodology |',
    '| --- | --- | --- | --- | --- |',
  ];
  // Rows first, then the failures, as long as the whole fits: what was gathered may not, once the table's own lines are counted.
  let size = out.reduce((n, line) => n + utf8Length(line) + 1, 0);
  let cut = false;
  const fits = (line: string): boolean => {
    if (!cut && size + utf8Length(line) + 1 <= budget) {
      size += utf8Length(line) + 1;
      return true;
    }
    cut = true;
    return false;
  };
  for (const row of rows) {
    if (fits(row)) out.push(row);
    else rowsLeftOut++;
  }
  for (const section of sections) {
    if (!section.head.every((line) => fits(line))) {
      plansLeftOut++;
      continue;
    }
    for (const line of section.head) out.push(line);
    for (const line of section.lines) if (fits(line)) out.push(line);
  }
  if (cut || rowsLeftOut > 0 || plansLeftOut > 0)
    out.push(
      '',
      `> **Note:** cut to fit GitHub's step summary (1 MiB a step): ${count(rowsLeftOut, 'table row')} and the failures of ${count(plansLeftOut, 'plan')} are not shown. The reports this run wrote list everything.`,
    );
  return `${out.join('\n')}\n`;
}
