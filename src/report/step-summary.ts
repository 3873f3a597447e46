// The Markdown summary `lint` appends to GitHub's step summary: one row per plan, then what fails each.
// A stand-in until the full Markdown gap report can render lint runs; the signature is the Formatter one.
import { count, describeFindingShort, describeMethodology, describeVerdictReasonShort, planTextValues } from './messages.js';
import { escapeMarkdown, markdownCode } from './escape-markdown.js';
import { STEP_SUMMARY_MAX_BYTES } from './step-summary-limits.js';
import type { Formatter } from './types.js';

/** Findings listed at most: the summary is an overview, the reports hold the rest. */
const MAX_LISTED = 200;
/** Room kept for the notice. */
const RESERVE = 600;

export const formatStepSummary: Formatter = (run, context) => {
  // GitHub refuses a step summary over 1 MiB (what the step wrote before included: the caller passes what is left).
  const budget = Math.min(STEP_SUMMARY_MAX_BYTES, context.maxBytes ?? STEP_SUMMARY_MAX_BYTES) - RESERVE;
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
  let size = out.reduce((n, line) => n + utf8Length(line) + 1, 0);
  const fits = (line: string): boolean => {
    const next = size + utf8Length(line) + 1;
    if (next > budget) return false;
    size = next;
    return true;
  };
  let rowsLeftOut = 0;
  let cut = false;
  for (const p of run.plans) {
    const a = p.assessment;
    const judge = e(describeMethodology(p).replace(/^methodology /, ''));
    const row = `| ${e(a.file)} | ${p.verdict?.passed === false ? '**FAIL**' : 'PASS'} | ${a.score} | ${a.level.index} ${e(a.level.title)} | ${judge} |`;
    if (cut || !fits(row)) {
      cut = true;
      rowsLeftOut++;
    } else out.push(row);
  }
  let listed = 0;
  let plansLeftOut = 0;
  for (const p of run.plans) {
    const reasons = p.verdict?.reasons ?? [];
    if (reasons.length === 0) continue;
    const failing = new Set(reasons.flatMap((r) => (r.code === 'open-items' || r.code === 'waiver-expired' ? r.items : [])));
    const head = ['', `### ${e(p.assessment.file)}`, '', ...reasons.map((r) => `- ${e(describeVerdictReasonShort(r))}`)];
    if (cut || !head.every(fits)) {
      cut = true;
      plansLeftOut++;
      continue;
    }
    for (const line of head) out.push(line);
    for (const f of p.assessment.findings) {
      if (cut || !failing.has(f.itemId) || f.code === 'item-waived' || listed >= MAX_LISTED) continue;
      const line = `- line ${f.location.line}: ${markdownCode(f.itemId)} ${e(describeFindingShort(f, p.methodology, planTextValues(p.assessment, p.methodology)))} (${f.severity})`;
      if (!fits(line)) cut = true;
      else {
        listed++;
        out.push(line);
      }
    }
  }
  if (cut)
    out.push(
      '',
      `> **Note:** cut to fit GitHub's step summary (1 MiB a step): ${count(rowsLeftOut, 'table row')} and the failures of ${count(plansLeftOut, 'plan')} are not shown. The reports this run wrote list everything.`,
    );
  return `${out.join('\n')}\n`;
};

/** The length of a string in UTF-8 bytes. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
