// Loads, checks and assesses plan files; input errors are collected per file, never hidden by a pass.
import { existsSync } from 'node:fs';
import { InputError, type Diagnostic } from '../errors.js';
import { locate } from '../source/yaml-source.js';
import type { PlanParamsPolicy, ProfilePins } from '../io/load-config.js';
import { loadPlan } from '../io/load-plan.js';
import type { Plan } from '../plan/types.js';
import { assessPlan } from '../scoring/assess-plan.js';
import type { PlanAssessment } from '../scoring/types.js';
import type { Methodology } from '../methodology/types.js';
import type { Validation } from '../validation/schema-validation.js';
import type { JudgedProfile } from '../report/types.js';
import { describeVerdictReason } from '../report/messages.js';
import { methodologyLocation, methodologyMismatch, splitPlanParams } from './lint-policy.js';
import { MethodologyCache, methodologyDirFor, type GlobalOptions } from './shared.js';

export interface AssessedFile {
  assessment: PlanAssessment;
  methodology: Methodology;
  /** 'built-in', or the methodology directory as given. */
  methodologyLocation: string;
  /** The plan names a methodology other than the one that judged it (lint). */
  mismatch?: { named: string; line: number; col: number };
  /** Plan parameters set aside by the lint policy. */
  ignoredParams?: Record<string, number>;
  /** lint: the profile facts the plan was judged by, each with its source. */
  judgedAs?: JudgedProfile;
}

/** lint's rules: one methodology judges every plan, and a plan's own thresholds only count as the policy says. */
export interface AssessPolicy {
  /** The methodology directory every plan is judged by, whatever the plan names. */
  judgeDir?: string;
  planParams?: PlanParamsPolicy;
  /** The plan's own methodology, when it names one, wins over --checklists (lint --methodology-from-plan). */
  planFirst?: boolean;
  /** Called before each plan but the first (the CLI process tunes its memory there: CliIo.betweenPlans). */
  betweenPlans?: () => void;
  /** Profile facts the project config fixes, whatever a plan says (lint). */
  pin?: ProfilePins;
  /** The longest a waiver may run from today (lint's horizon; default 365 days). */
  maxWaiverDays?: number;
  /** Say which profile each plan was judged by, and where each part came from (lint). */
  stateProfile?: boolean;
}

export function assessFiles(
  files: readonly string[],
  options: GlobalOptions,
  validation: Validation,
  today: string,
  policy: AssessPolicy = {},
): { assessed: AssessedFile[]; errors: Diagnostic[]; notChecked: number } {
  const cache = new MethodologyCache(validation);
  // Resolving where a methodology lives takes two realpath calls: once per directory, not per plan.
  const locations = new Map<string, string>();
  const locationOf = (dir: string): string => {
    let location = locations.get(dir);
    if (location === undefined) locations.set(dir, (location = methodologyLocation(dir)));
    return location;
  };
  const assessed: AssessedFile[] = [];
  const errors: Diagnostic[] = [];
  // The same problem reached twice (a plan named twice, a shared methodology's error) is listed once.
  const listed = new Set<string>();
  let notChecked = 0;
  for (const file of files) {
    /** Set once the plan's shape holds and its methodology is chosen: errors from then on are the methodology's. */
    let judge: { methodology: Methodology; location: string; mismatch?: AssessedFile['mismatch'] } | undefined;
    const choose = (plan: Plan): Methodology => {
      const planFirst = policy.planFirst === true && plan.methodologyRef !== undefined;
      const dir = policy.judgeDir ?? methodologyDirFor(plan, planFirst ? {} : options);
      if (policy.judgeDir === undefined && (planFirst || !options.checklists) && plan.methodologyRef && !existsSync(dir)) {
        const pos = locate(plan.source, ['methodology']);
        throw new InputError([
          {
            file,
            line: pos.line,
            col: pos.col,
            message: `methodology directory '${plan.methodologyRef}' not found (relative to the plan)`,
          },
        ]);
      }
      const methodology = cache.get(dir);
      const mismatch = policy.judgeDir === undefined ? undefined : methodologyMismatch(plan, policy.judgeDir);
      judge = { methodology, location: locationOf(dir), ...(mismatch ? { mismatch } : {}) };
      return methodology;
    };
    try {
      let plan: Plan;
      try {
        plan = loadPlan(file, choose, validation);
      } catch (error) {
        // A plan written for another methodology: say that first, so its other errors make sense.
        if (!(error instanceof InputError) || !judge?.mismatch) throw error;
        const { methodology, location, mismatch } = judge;
        const judgedBy = `${methodology.id} ${methodology.version} (${location})`;
        const first: Diagnostic = {
          file,
          line: mismatch.line,
          col: mismatch.col,
          message: describeVerdictReason({ code: 'methodology-mismatch', ...mismatch, judgedBy }),
        };
        throw new InputError([first, ...error.diagnostics]);
      }
      // Set by `choose`: the plan was just checked against this methodology.
      const { methodology, location, mismatch } = judge!;
      const { plan: profiled, judgedAs } = withPins(plan, policy.pin, methodology);
      const { kept, ignored } = splitPlanParams(profiled, methodology, policy.planParams ?? 'allow');
      const judged = Object.keys(ignored).length > 0 ? { ...profiled, params: kept } : profiled;
      if (assessed.length > 0) policy.betweenPlans?.();
      assessed.push({
        assessment: assessPlan(judged, methodology, validation, {
          today,
          ...(policy.maxWaiverDays !== undefined ? { maxWaiverDays: policy.maxWaiverDays } : {}),
        }),
        methodology,
        methodologyLocation: location,
        ...(mismatch ? { mismatch } : {}),
        ...(Object.keys(ignored).length > 0 ? { ignoredParams: ignored } : {}),
        ...(policy.stateProfile ? { judgedAs } : {}),
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      notChecked++;
      for (const d of error.diagnostics) {
        const key = `${d.file}\u0000${d.line ?? ''}:${d.col ?? ''}\u0000${d.message}`;
        if (listed.has(key)) continue;
        listed.add(key);
        errors.push(d);
      }
    }
  }
  return { assessed, errors, notChecked };
}

/**
 * The plan as lint judges it under the project's pins: the pinned type and formality replace the plan's
 * (in its facts too, where conditions read them), and the size is at least the pinned floor. Also says
 * where each profile fact came from.
 */
function withPins(plan: Plan, pin: ProfilePins | undefined, methodology: Methodology): { plan: Plan; judgedAs: JudgedProfile } {
  const typeProfile = methodology.profiles.find((p) => p.id === (pin?.type ?? plan.type));
  const type: JudgedProfile['type'] =
    pin?.type !== undefined
      ? { value: pin.type, from: 'config' }
      : plan.type !== undefined
        ? { value: plan.type, from: 'plan' }
        : { from: 'none' };
  const formality: JudgedProfile['formality'] =
    pin?.formality !== undefined
      ? { value: pin.formality, from: 'config' }
      : plan.formality !== undefined
        ? { value: plan.formality, from: 'plan' }
        : typeProfile?.formality !== undefined
          ? { value: typeProfile.formality, from: 'type' }
          : { value: 'funded', from: 'default' };
  const floor = pin?.minSize;
  const size: JudgedProfile['size'] =
    floor !== undefined && (plan.size === undefined || plan.size < floor)
      ? { value: floor, from: 'config' }
      : plan.size !== undefined
        ? { value: plan.size, from: 'plan' }
        : { from: 'none' };
  const judgedAs: JudgedProfile = { type, formality, size };
  if (!pin || (type.from !== 'config' && formality.from !== 'config' && size.from !== 'config')) return { plan, judgedAs };
  const community = { ...((plan.data.community as Record<string, unknown> | undefined) ?? {}) };
  if (type.from === 'config') community.type = type.value;
  if (formality.from === 'config') community.formality = formality.value;
  if (size.from === 'config') community.size = size.value;
  const pinned: Plan = {
    ...plan,
    data: { ...plan.data, community },
    ...(type.value !== undefined ? { type: type.value } : {}),
    ...(formality.from === 'config' ? { formality: pin.formality! } : {}),
    ...(size.value !== undefined ? { size: size.value } : {}),
  };
  return { plan: pinned, judgedAs };
}
