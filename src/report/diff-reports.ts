// Pure: the progress between two JSON reports of the same plans (scores, level, gaps closed and opened,
// answers gone stale), and its text and Markdown renderings.
import type { Severity } from '../methodology/types.js';
import { sanitizeLine as s } from '../text/sanitize.js';
import { count } from './messages.js';
import type { ReportJson, ReportPlanJson } from './report-json.js';
import { escapeMarkdown as md, markdownCode } from './escape-markdown.js';
import type { Painter } from './types.js';

export interface DiffItem {
  id: string;
  title: string;
  severity: Severity;
}

export interface PlanDiff {
  file: string;
  change: 'changed' | 'added' | 'removed';
  methodology: { before?: string; after?: string };
  score: { before?: number; after?: number };
  /** The health score: null before there is anything observed (or in a report older than health). */
  health: { before?: number | null; after?: number | null };
  level: { before?: string; after?: string };
  phases: readonly { id: string; title: string; before: number | null; after: number | null }[];
  /** Open in the old report, closed in the new one. */
  closed: readonly DiffItem[];
  /** Open in the new report only. */
  opened: readonly DiffItem[];
  /** Answers that were current and are now stale. */
  stale: readonly DiffItem[];
}

export interface ReportDiff {
  plans: readonly PlanDiff[];
}

/** Plans are matched by file name, written with `/` and without a leading `./`. */
export function planKey(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

export function diffReports(before: ReportJson, after: ReportJson): ReportDiff {
  const old = new Map(before.plans.map((p) => [planKey(p.file), p]));
  const now = new Map(after.plans.map((p) => [planKey(p.file), p]));
  const keys = [...new Set([...now.keys(), ...old.keys()])];
  return { plans: keys.map((key) => diffPlan(key, old.get(key), now.get(key))) };
}

/** A report's items and phases by id: looked up once each, so the diff stays linear in the reports' size. */
function indexPlan(p: ReportPlanJson | undefined): {
  items: Map<string, ReportPlanJson['items'][number]>;
  phases: Map<string, ReportPlanJson['phases'][number]>;
} {
  return { items: new Map(p?.items.map((i) => [i.id, i])), phases: new Map(p?.phases.map((ph) => [ph.id, ph])) };
}

function diffPlan(file: string, a: ReportPlanJson | undefined, b: ReportPlanJson | undefined): PlanDiff {
  const before = indexPlan(a);
  const after = indexPlan(b);
  const item = (index: ReturnType<typeof indexPlan>, id: string): DiffItem => {
    const found = index.items.get(id);
    return { id, title: found?.title ?? id, severity: found?.severity ?? 'minor' };
  };
  const oldGaps = new Set(a?.gaps ?? []);
  const newGaps = new Set(b?.gaps ?? []);
  const phaseIds = new Set([...after.phases.keys(), ...before.phases.keys()]);
  // Gone stale: answered and current before (any status but stale or unanswered), stale now.
  const currentBefore = new Set(a?.items.filter((i) => i.status !== 'stale' && i.status !== 'unanswered').map((i) => i.id) ?? []);
  const judge = (p: ReportPlanJson | undefined): string | undefined => (p ? `${p.methodology.id} ${p.methodology.version}` : undefined);
  return {
    file,
    change: a && b ? 'changed' : b ? 'added' : 'removed',
    methodology: { ...(a ? { before: judge(a) } : {}), ...(b ? { after: judge(b) } : {}) },
    score: { ...(a ? { before: a.score } : {}), ...(b ? { after: b.score } : {}) },
    health: { ...(a ? { before: a.health ?? null } : {}), ...(b ? { after: b.health ?? null } : {}) },
    level: { ...(a ? { before: `${a.level.index} ${a.level.title}` } : {}), ...(b ? { after: `${b.level.index} ${b.level.title}` } : {}) },
    phases: [...phaseIds].map((id) => {
      const pa = before.phases.get(id);
      const pb = after.phases.get(id);
      return { id, title: pb?.title ?? pa?.title ?? id, before: pa?.score ?? null, after: pb?.score ?? null };
    }),
    closed: a && b ? [...oldGaps].filter((id) => !newGaps.has(id)).map((id) => item(before, id)) : [],
    opened: a && b ? [...newGaps].filter((id) => !oldGaps.has(id)).map((id) => item(after, id)) : [],
    stale: a && b ? b.items.filter((i) => i.status === 'stale' && currentBefore.has(i.id)).map((i) => item(after, i.id)) : [],
  };
}

function delta(before: number | null | undefined, after: number | null | undefined): string {
  if (before === undefined || before === null || after === undefined || after === null) return `${before ?? '—'} → ${after ?? '—'}`;
  const d = Math.round((after - before) * 10) / 10;
  return `${before} → ${after} (${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d)})`;
}

/** The diff for a terminal: every text from the reports sanitised. */
export function formatDiffText(diff: ReportDiff, paint: Painter): string {
  const out: string[] = [];
  for (const p of diff.plans) {
    out.push(`${paint.bold(s(p.file))}${p.change === 'changed' ? '' : `  (${p.change === 'added' ? 'new plan' : 'plan gone'})`}`);
    const health = p.health.before != null || p.health.after != null ? `   health ${delta(p.health.before, p.health.after)}` : '';
    out.push(
      `  readiness ${delta(p.score.before, p.score.after)}${health}   level ${s(p.level.before ?? '—')} → ${s(p.level.after ?? '—')}`,
    );
    if (p.methodology.before && p.methodology.after && p.methodology.before !== p.methodology.after) {
      out.push(paint.yellow(`  methodology changed: ${s(p.methodology.before)} → ${s(p.methodology.after)}; scores may not compare`));
    }
    const moved = p.phases.filter((ph) => ph.before !== ph.after);
    if (moved.length > 0) out.push(`  phases: ${moved.map((ph) => `${s(ph.title)} ${delta(ph.before, ph.after)}`).join(', ')}`);
    const list = (title: string, items: readonly DiffItem[], colour: (t: string) => string): void => {
      if (items.length === 0) return;
      out.push(colour(`  ${title} (${items.length})`));
      for (const i of items) out.push(`    ${s(i.id)}  ${i.severity.padEnd(7)}  ${s(i.title)}`);
    };
    list('gaps closed', p.closed, paint.green);
    list('new gaps', p.opened, paint.red);
    list('answers gone stale', p.stale, paint.yellow);
    out.push('');
  }
  const closed = diff.plans.reduce((n, p) => n + p.closed.length, 0);
  const opened = diff.plans.reduce((n, p) => n + p.opened.length, 0);
  const stale = diff.plans.reduce((n, p) => n + p.stale.length, 0);
  out.push(
    `${count(diff.plans.length, 'plan')}: ${count(closed, 'gap')} closed, ${count(opened, 'new gap')}, ${count(stale, 'answer')} gone stale`,
  );
  return `${out.join('\n')}\n`;
}

/** The diff as Markdown (a pull-request comment or a step summary): every text from the reports escaped. */
export function formatDiffMarkdown(diff: ReportDiff): string {
  const out: string[] = ['## commready progress', ''];
  out.push('| Plan | Readiness | Health | Level | Gaps closed | New gaps | Gone stale |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const p of diff.plans) {
    out.push(
      `| ${md(p.file)} | ${md(delta(p.score.before, p.score.after))} | ${md(delta(p.health.before, p.health.after))} | ${md(p.level.before ?? '—')} → ${md(p.level.after ?? '—')} | ${p.closed.length} | ${p.opened.length} | ${p.stale.length} |`,
    );
  }
  for (const p of diff.plans) {
    if (p.closed.length + p.opened.length + p.stale.length === 0) continue;
    out.push('', `### ${md(p.file)}`, '');
    const list = (title: string, items: readonly DiffItem[]): void => {
      if (items.length === 0) return;
      out.push(`${title}:`, '');
      for (const i of items) out.push(`- ${markdownCode(i.id)} ${md(i.title)} (${i.severity})`);
      out.push('');
    };
    list('Gaps closed', p.closed);
    list('New gaps', p.opened);
    list('Answers gone stale', p.stale);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
