// JUnit XML (the Ant/Jenkins schema GitLab and Jenkins read): a test suite per plan and phase, a test case per
// item; open items are failures, n/a and waived items are skipped with their justification.
import { gapFindingOf } from '../scoring/gap-finding.js';
import type { Methodology } from '../methodology/types.js';
import type { ItemResult, PlanAssessment } from '../scoring/types.js';
import { escapeXmlAttribute, escapeXmlText } from './escape-xml.js';
import { describeFinding, describeMethodology, planTextValues } from './messages.js';
import { singleLine } from '../text/sanitize.js';
import type { Formatter, PlanResult } from './types.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n';

/** Written plan by plan; the root element carries no totals, so nothing waits for the last plan. */
export const formatJunit: Formatter = (_run, context) => {
  let nextId = 0;
  let opened = false;
  const open = (): string => (opened ? '' : ((opened = true), HEAD));
  return {
    plan(plan) {
      const suites = planSuites(plan, nextId, context.toolVersion);
      nextId += plan.methodology.phases.length;
      return open() + suites;
    },
    end: () => `${open()}</testsuites>\n`,
  };
};

/** A test suite per phase of the plan, numbered from `firstId`. */
function planSuites(plan: PlanResult, firstId: number, toolVersion: string): string {
  const out: string[] = [];
  let id = firstId;
  const a = plan.assessment;
  for (const phase of plan.methodology.phases) {
    const results = a.items.filter((r) => r.phaseId === phase.id);
    const failures = results.filter((r) => isFailure(r)).length;
    const skipped = results.filter((r) => !isFailure(r) && r.status !== 'met').length;
    const suite = `${singleLine(a.file)} › ${singleLine(phase.title)}`;
    out.push(
      `  <testsuite name="${attr(suite)}" package="${attr(singleLine(a.file))}" id="${id++}" timestamp="${a.today}T00:00:00" hostname="commready" tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
      '    <properties>',
      `      <property name="methodology" value="${attr(singleLine(describeMethodology(plan).replace(/^methodology /, '')))}"/>`,
      `      <property name="score" value="${a.score}"/>`,
      `      <property name="level" value="${attr(`${a.level.index} ${singleLine(a.level.title)}`)}"/>`,
      `      <property name="tool" value="${attr(`commready ${singleLine(toolVersion)}`)}"/>`,
      ...(plan.verdict ? [`      <property name="passed" value="${plan.verdict.passed}"/>`] : []),
      '    </properties>',
    );
    // The class name, escaped once for the phase's test cases (a hundred a plan).
    const classname = attr(suite);
    for (const r of results) for (const line of testcase(r, plan, classname)) out.push(line);
    out.push('    <system-out/>', '    <system-err/>', '  </testsuite>');
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** An open item not covered by an active waiver fails; an expired waiver does not help. */
function isFailure(r: ItemResult): boolean {
  return r.status !== 'met' && r.status !== 'n/a' && !r.waiver?.active;
}

/** `classname` is the suite's name, escaped as an attribute already. */
function testcase(r: ItemResult, plan: PlanResult, classname: string): string[] {
  const { assessment: a, methodology } = plan;
  const title = r.title;
  // Item ids are unique in a methodology, so `id: title` is unique in its suite and, with the suite's plan
  // and phase in the class name, across the report (GitLab keeps only the first of equal names). The
  // schema allows no `file` attribute; the position is in the failure's body.
  const open = `    <testcase name="${attr(`${singleLine(r.itemId)}: ${singleLine(title)}`)}" classname="${classname}" time="0"`;
  if (r.status === 'met') return [`${open}/>`];
  if (r.status === 'n/a' || r.waiver?.active) {
    const why =
      r.status === 'n/a'
        ? `not applicable: ${r.naReason?.trim() || 'no justification given'}`
        : `waived until ${r.waiver!.expires}${r.waiver!.owner ? ` (risk owned by ${r.waiver!.owner})` : ''}: ${r.waiver!.reason}`;
    return [`${open}>`, `      <skipped message="${attr(singleLine(why))}">${escapeXmlText(singleLine(why))}</skipped>`, '    </testcase>'];
  }
  const message = failureMessage(r, a, methodology);
  // Every input text on one line, so that no input can start a line of the log (say, a forged `::error::`).
  // GitLab has ignored the message attribute in the past, so the body says what is missing too: the
  // checks that failed, one a line, under the item's title; the whole message only when no check failed
  // (the message repeats those checks' sentences, and a run of 10,000 plans wrote each three times).
  const body = [
    r.failed.length > 0 ? `${r.severity} ${r.status}: ${singleLine(title)}` : singleLine(message),
    ...r.failed.map((f) => `- ${singleLine(f.path)}: ${singleLine(f.message)}${f.detail ? ` (${singleLine(f.detail)})` : ''}`),
    `at ${singleLine(a.file)}:${locationOf(r, a)}`,
  ].join('\n');
  return [
    `${open}>`,
    `      <failure message="${attr(singleLine(message))}" type="${r.severity}">${escapeXmlText(body)}</failure>`,
    '    </testcase>',
  ];
}

function failureMessage(r: ItemResult, a: PlanAssessment, methodology: Methodology): string {
  const finding = gapFindingOf(a, r.itemId);
  return `${r.severity} ${r.status}: ${finding ? describeFinding(finding, methodology, planTextValues(a, methodology)) : r.itemId}`;
}

function locationOf(r: ItemResult, a: PlanAssessment): string {
  const f = gapFindingOf(a, r.itemId);
  return f ? `${f.location.line}:${f.location.col}` : '1:1';
}

function attr(text: string): string {
  return escapeXmlAttribute(text);
}
