// GitLab Code Quality: the Code Climate issue list GitLab reads from `artifacts:reports:codequality`, one issue
// per open gap (active waivers left out: they are accepted), at its line in the plan, with the same stable
// fingerprint as SARIF's, so that GitLab tells new gaps from known ones between pipelines.
import { gapFindingOf } from '../scoring/gap-finding.js';
import type { Severity } from '../methodology/types.js';
import { pathToUriReference, relativeToCwd } from './artifact-uri.js';
import { fingerprint } from './fingerprint.js';
import { escapeJsonText } from './format-json.js';
import { describeFinding, planTextValues } from './messages.js';
import { singleLine } from '../text/sanitize.js';
import type { FormatContext, Formatter, PlanResult } from './types.js';

/** GitLab's severities are info, minor, major, critical and blocker. */
const SEVERITY = { blocker: 'blocker', major: 'major', minor: 'minor' } as const satisfies Record<Severity, string>;

/** Written plan by plan: the array opens with the first issue and closes at the end. */
export const formatGitlab: Formatter = (_run, context) => {
  let issues = 0;
  return {
    plan(plan) {
      let text = '';
      for (const issue of issuesOf(plan, context))
        text += `${issues++ === 0 ? '[\n  ' : ',\n  '}${JSON.stringify(issue, null, 2).replaceAll('\n', '\n  ')}`;
      return escapeJsonText(text);
    },
    end: () => (issues === 0 ? '[]\n' : '\n]\n'),
  };
};

/** A plan's open gaps as Code Quality issues. */
function issuesOf({ assessment: a, methodology }: PlanResult, context: FormatContext): object[] {
  const relative = relativeToCwd(a.file, context.cwd);
  const uri = pathToUriReference(relative);
  const results = new Map(a.items.map((r) => [r.itemId, r]));
  return a.gaps.flatMap((id) => {
    const r = results.get(id);
    if (!r || r.waiver?.active) return [];
    const finding = gapFindingOf(a, id);
    const planKey = finding?.location.path ?? id;
    const message = finding ? describeFinding(finding, methodology, planTextValues(a, methodology)) : r.title;
    return [
      {
        type: 'issue',
        check_name: singleLine(id),
        description: singleLine(`${id}: ${message}`),
        categories: ['Bug Risk'],
        severity: SEVERITY[r.severity],
        // The same parts as SARIF's fingerprint: item, file and plan key, not the line, which moves with edits.
        fingerprint: fingerprint([id, uri, planKey]),
        location: { path: singleLine(relative), lines: { begin: Math.max(1, finding?.location.line ?? 1) } },
      },
    ];
  });
}
