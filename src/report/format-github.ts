// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), escaped as the
// runner expects; at most 10 annotations of each level (what GitHub shows per step), one notice for the rest.
// What a plan's own word takes out of the gate (an n/a of its own, a waiver, a gap known to the baseline)
// is a notice of its own level, so that no number of ordinary warnings can crowd it out.
import { sanitizeLine } from '../text/sanitize.js';
import { count, describeFinding, describeVerdictReason, planTextValues } from './messages.js';
import { RunJudges, RunTally, takenOutKind } from './lint-details.js';
import type { Formatter, JudgedPlan } from './types.js';

/** GitHub shows at most this many annotations of each level per step. */
export const ANNOTATION_LIMIT = 10;

type Level = 'error' | 'warning' | 'notice';

interface Annotation {
  level: Level;
  file: string;
  line: number;
  col: number;
  title: string;
  message: string;
}

/** A command's message: `%`, CR and LF escaped (as the Actions toolkit does). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as escapeData, plus `:` and `,`, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Errors fail the plan (its verdict's items and reasons); warnings are the other open findings; notices
 * are what the plan's own word takes out of the gate: an n/a of its own (`na-claimed`), a waiver in force,
 * a gap the baseline knows (its finding, said as known).
 */
export function annotationsOf(plan: JudgedPlan): Annotation[] {
  const { failing, waived } = plan.details;
  const out: Annotation[] = [];
  const a = plan.assessment;
  const values = planTextValues(a, plan.methodology);
  const reasons = plan.verdict?.reasons ?? [];
  for (const r of reasons) {
    if (r.code === 'open-items' || r.code === 'waiver-expired') continue;
    const at = r.code === 'methodology-mismatch' ? { line: r.line, col: r.col } : { line: 1, col: 1 };
    out.push({ level: 'error', file: a.file, ...at, title: `commready: ${r.code}`, message: describeVerdictReason(r) });
  }
  for (const f of a.findings) {
    const known = plan.baselined?.includes(f.itemId) === true;
    const takenOut = takenOutKind(f.code, known);
    if (!takenOut && (f.code === 'item-waived' || (waived.has(f.itemId) && f.code !== 'waiver-expired') || known)) continue;
    const message = describeFinding(f, plan.methodology, values);
    out.push({
      level: takenOut ? 'notice' : failing.has(f.itemId) ? 'error' : 'warning',
      file: f.location.file,
      line: f.location.line,
      col: f.location.col,
      title: `${f.itemId} (${f.severity}${takenOut ? `, ${takenOut}` : ''})`,
      message: takenOut === 'known' ? `Known (in the baseline), so it does not fail the run: ${message}` : message,
    });
  }
  return out;
}

/** One workflow command; text from input is sanitised first, so nothing but the command itself can start a line. */
export function workflowCommand(a: Annotation): string {
  const props = [
    `file=${escapeProperty(sanitizeLine(a.file))}`,
    `line=${a.line}`,
    `col=${a.col}`,
    `title=${escapeProperty(sanitizeLine(a.title))}`,
  ];
  return `::${a.level} ${props.join(',')}::${escapeData(sanitizeLine(a.message))}`;
}

/** Annotations as each plan is judged, up to GitHub's limit per level; the end counts the rest and the run. */
export const formatGithub: Formatter = (run) => {
  const left: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  // One notice is kept for the end's count of what was not shown.
  const limit: Record<Level, number> = { error: ANNOTATION_LIMIT, warning: ANNOTATION_LIMIT, notice: ANNOTATION_LIMIT - 1 };
  const tally = new RunTally();
  const judges = new RunJudges();
  return {
    plan(plan) {
      tally.add(plan.details);
      judges.add(plan);
      let text = '';
      for (const a of annotationsOf(plan)) {
        if (used[a.level] < limit[a.level]) {
          used[a.level]++;
          text += `${workflowCommand(a)}\n`;
        } else left[a.level]++;
      }
      return text;
    },
    end() {
      const lines: string[] = [];
      if (left.error + left.warning + left.notice > 0) {
        const takenOut =
          left.notice > 0
            ? `, and ${count(left.notice, 'more item')} the plans' own word takes out of the gate (n/a, waived or known)`
            : '';
        const rest = `${count(left.error, 'more error')} and ${count(left.warning, 'more warning')}${takenOut} not shown as annotations; the step summary and 'commready report' list them`;
        lines.push(`::notice title=commready::${escapeData(rest)}`);
      }
      lines.push(
        `commready: ${count(tally.plans, 'plan')}: ${tally.passed} passed, ${tally.failed} failed; ${sanitizeLine(judges.describe(run))}`,
      );
      return `${lines.join('\n')}\n`;
    },
  };
};
