// What a verdict means for one plan, and what a run adds up to, worked out in one place: every format
// reads these instead of re-deriving failing ids, waived ids and open counts from the assessment.
import type { Severity } from '../methodology/types.js';
import { gapFindingOf } from '../scoring/gap-finding.js';
import { isGapCode, type FindingCode } from '../scoring/types.js';
import { describeJudgedAs, describeMethodology } from './messages.js';
import type { JudgedPlan, LintDetails, PlanResult, RunStart } from './types.js';

export type { LintDetails } from './types.js';

/** The plan with its details, worked out now unless it carries them already: the one place they are made. */
export function withLintDetails(plan: PlanResult | JudgedPlan): JudgedPlan {
  return 'details' in plan ? plan : { ...plan, details: lintDetailsOf(plan) };
}

export function lintDetailsOf(plan: PlanResult): LintDetails {
  const a = plan.assessment;
  const failing = new Set<string>();
  for (const r of plan.verdict?.reasons ?? [])
    if (r.code === 'open-items' || r.code === 'waiver-expired') for (const id of r.items) failing.add(id);
  const waived = new Set<string>();
  const bySeverity = new Map<string, Severity>();
  for (const r of a.items) {
    if (r.waiver?.active) waived.add(r.itemId);
    bySeverity.set(r.itemId, r.severity);
  }
  const baselined = new Set(plan.baselined ?? []);
  const open: Record<Severity, number> = { blocker: 0, major: 0, minor: 0 };
  const known: Record<Severity, number> = { blocker: 0, major: 0, minor: 0 };
  for (const id of a.gaps) {
    const severity = bySeverity.get(id);
    if (severity === undefined || waived.has(id)) continue;
    // A gap the baseline knows is still open: counted, and said as known, never as none.
    open[severity]++;
    if (baselined.has(id)) known[severity]++;
  }
  return { failed: plan.verdict?.passed === false, failing, waived, open, known };
}

/** How the plan's own word takes an item out of the gate: its own n/a, a waiver in force, a gap the baseline knows. */
export type TakenOutKind = 'n/a' | 'waived' | 'known';

/** What a finding says the plan's own word takes out of the gate (`known`: its item is in the baseline), if anything. */
export function takenOutKind(code: FindingCode, known: boolean): TakenOutKind | undefined {
  if (code === 'na-claimed') return 'n/a';
  if (code === 'item-waived') return 'waived';
  return known && isGapCode(code) ? 'known' : undefined;
}

/** An item the plan's own word takes out of the gate. */
export interface TakenOut {
  itemId: string;
  severity: Severity;
  kind: TakenOutKind;
  line: number;
  /** The plan's reason (n/a, waived). */
  reason?: string;
  /** When the waiver ends (waived). */
  expires?: string;
}

/**
 * What the plan's own word takes out of the gate, in the plan's order, then the baseline's: every
 * summary a reviewer reads lists these, as it lists a waiver.
 */
export function takenOutOf(plan: PlanResult): TakenOut[] {
  const a = plan.assessment;
  const out: TakenOut[] = [];
  for (const f of a.findings) {
    const kind = takenOutKind(f.code, false);
    if (kind === 'n/a') out.push({ itemId: f.itemId, severity: f.severity, kind, line: f.location.line, reason: f.data.reason ?? '' });
    else if (kind === 'waived')
      out.push({
        itemId: f.itemId,
        severity: f.severity,
        kind,
        line: f.location.line,
        reason: f.data.reason ?? '',
        expires: f.data.expires ?? '',
      });
  }
  const known = new Set(plan.baselined ?? []);
  for (const id of a.gaps) {
    if (!known.has(id)) continue;
    const r = a.items.find((item) => item.itemId === id);
    // At the finding that explains the gap, as every format places it (gap-finding.ts).
    if (r) out.push({ itemId: id, severity: r.severity, kind: 'known', line: gapFindingOf(a, id)?.location.line ?? 1 });
  }
  return out;
}

/** A run's totals, added up plan by plan as they stream past. */
export class RunTally {
  plans = 0;
  failed = 0;
  readonly open: Record<Severity, number> = { blocker: 0, major: 0, minor: 0 };
  /** Of the open gaps, those the baseline knows. */
  readonly known: Record<Severity, number> = { blocker: 0, major: 0, minor: 0 };

  add(details: LintDetails): void {
    this.plans++;
    if (details.failed) this.failed++;
    for (const severity of Object.keys(this.open) as Severity[]) {
      this.open[severity] += details.open[severity];
      this.known[severity] += details.known[severity];
    }
  }

  /** Open gaps the baseline does not know: what --max-gaps counts. */
  get newGaps(): number {
    let n = 0;
    for (const severity of Object.keys(this.open) as Severity[]) n += this.open[severity] - this.known[severity];
    return n;
  }

  get passed(): number {
    return this.plans - this.failed;
  }
}

/** Profiles named one by one in a run's closing line; more are counted. */
const PROFILES_NAMED = 3;

/**
 * What judged a run's plans, gathered as they stream past: the methodologies (id, version, where from),
 * the profiles (type, formality, size and where each came from) and the project config in force. Every
 * output a CI log or a reviewer reads ends with it, so that a pull request that changes the judge, the
 * profile or the config is seen to.
 */
export class RunJudges {
  private readonly methodologies = new Set<string>();
  private readonly profiles = new Set<string>();
  /** Plans judged under a profile not named (past the first few). */
  private otherPlans = 0;

  add(plan: PlanResult): void {
    this.methodologies.add(describeMethodology(plan));
    if (!plan.judgedAs) return;
    const profile = describeJudgedAs(plan.judgedAs).replace(/^judged as /, '');
    if (this.profiles.has(profile)) return;
    if (this.profiles.size < PROFILES_NAMED) this.profiles.add(profile);
    // Only counted past the first few, so that a run holds a few names whatever its number of plans.
    else this.otherPlans++;
  }

  /** 'judged by methodology commready 3.0.0 (built-in); as customer (the plan), …; config commready.config.yaml'. */
  describe(run: RunStart): string {
    const parts = [`judged by ${[...this.methodologies].join(', ') || 'no methodology'}`];
    if (this.profiles.size > 0)
      parts.push(
        `as ${[...this.profiles].join('; ')}${this.otherPlans > 0 ? `; and ${this.otherPlans === 1 ? '1 plan' : `${this.otherPlans} plans`} under other profiles` : ''}`,
      );
    // Only lint reads a project config.
    if (run.command === 'lint') parts.push(run.config !== undefined ? `config ${run.config}` : 'no project config');
    return parts.join('; ');
  }
}
