// The Markdown summary `lint` appends to GitHub's step summary: one row per plan, then what fails each.
// The summary is written whole at the end (GitHub reads it after the step), so it keeps its rows, which are short.
import { count, describeFindingShort, describeMethodology, describeVerdictReasonShort, planTextValues } from './messages.js';
import { escapeMarkdown, markdownCode } from './escape-markdown.js';
import { lintDetailsOf, RunTally } from './lint-details.js';
import type { Formatter } from './types.js';

/** GitHub caps a step summary at about 1 MiB; stay well below. */
const MAX_LISTED = 200;

/** The table grows plan by plan; what fails each plan is kept as lines (at most MAX_LISTED findings in all) for after it. */
export const formatStepSummary: Formatter = () => {
  // Every text from input through the one Markdown escaper: no markup, HTML, live link or line break.
  const e = escapeMarkdown;
  const tally = new RunTally();
  const rows: string[] = [];
  const failures: string[] = [];
  let listed = 0;
  return {
    plan(p) {
      const details = lintDetailsOf(p);
      tally.add(details);
      const a = p.assessment;
      const judge = e(describeMethodology(p).replace(/^methodology /, ''));
      rows.push(
        `| ${e(a.file)} | ${details.failed ? '**FAIL**' : 'PASS'} | ${a.score} | ${a.level.index} ${e(a.level.title)} | ${judge} |`,
      );
      const reasons = p.verdict?.reasons ?? [];
      if (reasons.length === 0) return '';
      failures.push('', `### ${e(a.file)}`, '');
      for (const r of reasons) failures.push(`- ${e(describeVerdictReasonShort(r))}`);
      for (const f of a.findings) {
        if (!details.failing.has(f.itemId) || f.code === 'item-waived' || listed >= MAX_LISTED) continue;
        listed++;
        failures.push(
          `- line ${f.location.line}: ${markdownCode(f.itemId)} ${e(describeFindingShort(f, p.methodology, planTextValues(a, p.methodology)))} (${f.severity})`,
        );
      }
      return '';
    },
    end() {
      const out = [
        '## commready lint',
        '',
        `${count(tally.plans, 'plan')}: ${tally.passed} passed, ${tally.failed} failed.`,
        '',
        '| Plan | Result | Score | Level | Methodology |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        ...failures,
      ];
      return `${out.join('\n')}\n`;
    },
  };
};
