// The Markdown summary `lint` appends to GitHub's step summary: one row per plan, then what fails each.
// A stand-in until the full Markdown gap report can render lint runs; the signature is the Formatter one.
import { count, describeFindingShort, describeMethodology, describeVerdictReasonShort, planTextValues } from './messages.js';
import { escapeMarkdown, markdownCode } from './escape-markdown.js';
import type { Formatter } from './types.js';

/** GitHub caps a step summary at about 1 MiB; stay well below. */
const MAX_LISTED = 200;

export const formatStepSummary: Formatter = (run) => {
  // Every text from input through the one Markdown escaper: no markup, HTML, live link or line break.
  const e = escapeMarkdown;
  const failed = run.plans.filter((p) => p.verdict?.passed === false).length;
  const out: string[] = [
    '## commready lint',
    '',
    `${count(run.plans.length, 'plan')}: ${run.plans.length - failed} passed, ${failed} failed.`,
    '',
  ];
  out.push('| Plan | Result | Score | Level | Methodology |', '| --- | --- | --- | --- | --- |');
  for (const p of run.plans) {
    const a = p.assessment;
    const judge = e(describeMethodology(p).replace(/^methodology /, ''));
    out.push(
      `| ${e(a.file)} | ${p.verdict?.passed === false ? '**FAIL**' : 'PASS'} | ${a.score} | ${a.level.index} ${e(a.level.title)} | ${judge} |`,
    );
  }
  let listed = 0;
  for (const p of run.plans) {
    const reasons = p.verdict?.reasons ?? [];
    if (reasons.length === 0) continue;
    const failing = new Set(reasons.flatMap((r) => (r.code === 'open-items' || r.code === 'waiver-expired' ? r.items : [])));
    out.push('', `### ${e(p.assessment.file)}`, '');
    for (const r of reasons) out.push(`- ${e(describeVerdictReasonShort(r))}`);
    for (const f of p.assessment.findings) {
      if (!failing.has(f.itemId) || f.code === 'item-waived' || listed >= MAX_LISTED) continue;
      listed++;
      out.push(
        `- line ${f.location.line}: ${markdownCode(f.itemId)} ${e(describeFindingShort(f, p.methodology, planTextValues(p.assessment, p.methodology)))} (${f.severity})`,
      );
    }
  }
  return `${out.join('\n')}\n`;
};
