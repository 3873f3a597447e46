// What lint trusts a plan to decide: which methodology judges it, and which of its own thresholds count.
import path from 'node:path';
import { paramDirection } from '../methodology/param-direction.js';
import type { Methodology } from '../methodology/types.js';
import type { PlanParamsPolicy, ProfilePins } from '../io/load-config.js';
import { builtinChecklistsDir } from '../io/package-files.js';
import type { Plan } from '../plan/types.js';
import { factParamValue, resolveProfile } from '../scoring/resolve-profile.js';
import { realPath } from '../io/real-path.js';
import type { JudgedProfile } from '../report/types.js';

/** A plan as lint judges it, its policy settled before assessment. */
export interface SettledPlan {
  /** The plan with the project's pins applied and the plan thresholds the policy sets aside taken out. */
  plan: Plan;
  /** The profile facts the plan is judged by, each with its source. */
  judgedAs: JudgedProfile;
  /** Plan parameters set aside by the policy: the plan's own `params`, and the facts that set one (`from`). */
  ignored: Record<string, number>;
  /** The parameters of `ignored` a plan fact set: assessment does not apply the fact. */
  factsSetAside: string[];
}

/**
 * Settles what lint trusts the plan to decide before it is assessed: the project's pins replace its
 * profile facts, and its own thresholds count only as the policy says ('allow' when none is given).
 */
export function settlePolicy(
  plan: Plan,
  methodology: Methodology,
  policy: { pin?: ProfilePins; planParams?: PlanParamsPolicy },
): SettledPlan {
  const { plan: profiled, judgedAs } = withPins(plan, policy.pin, methodology);
  const planParams = policy.planParams ?? 'allow';
  const { kept, ignored } = splitPlanParams(profiled, methodology, planParams);
  const settled = Object.keys(ignored).length > 0 ? { ...profiled, params: kept } : profiled;
  const facts = factParamsSetAside(settled, methodology, planParams);
  return { plan: settled, judgedAs, ignored: { ...ignored, ...facts }, factsSetAside: Object.keys(facts) };
}

/**
 * The plan facts that set a parameter (its `from`, such as the team's own response target) which the
 * policy sets aside: under 'tighten-only' those that would relax the threshold in force for the plan's
 * profile and its kept params, under 'ignore' all of them. A plan may promise a faster reply, not a slower one.
 */
function factParamsSetAside(plan: Plan, m: Methodology, policy: PlanParamsPolicy): Record<string, number> {
  const out: Record<string, number> = {};
  if (policy === 'allow') return out;
  let inForce: Readonly<Record<string, number>> | undefined;
  for (const [name, param] of Object.entries(m.params)) {
    const value = factParamValue(param, plan.data);
    if (value === undefined) continue;
    inForce ??= paramsInForce(m, plan);
    if (policy === 'ignore' || !isTighter(m, name, value, Object.hasOwn(inForce, name) ? inForce[name] : undefined)) out[name] = value;
  }
  return out;
}

/**
 * The parameters in force for a plan's type, formality and kept params: the same for most plans of a run,
 * so worked out once per combination and methodology.
 */
function paramsInForce(m: Methodology, plan: Pick<Plan, 'type' | 'formality' | 'params'>): Readonly<Record<string, number>> {
  let byProfile = inForceCache.get(m);
  if (!byProfile) inForceCache.set(m, (byProfile = new Map()));
  const key = JSON.stringify([plan.type ?? null, plan.formality ?? null, plan.params]);
  let params = byProfile.get(key);
  if (!params) byProfile.set(key, (params = resolveProfile(m, plan).params));
  return params;
}

const inForceCache = new WeakMap<Methodology, Map<string, Readonly<Record<string, number>>>>();

/** Whether `value` holds a parameter at least as strictly as `fallback`, by the way its rules read it. */
function isTighter(m: Methodology, name: string, value: number, fallback: number | undefined): boolean {
  const direction = paramDirection(m, name);
  return (
    value === fallback ||
    (direction === 'higher' && fallback !== undefined && value > fallback) ||
    (direction === 'lower' && fallback !== undefined && value < fallback)
  );
}

/**
 * Splits a plan's own parameters into those lint keeps and those it sets aside (the threshold in force for
 * the plan's profile applies): under 'tighten-only' a plan may raise the bar its type and formality set,
 * never lower it, not even back to the methodology's default.
 */
export function splitPlanParams(
  plan: Pick<Plan, 'params' | 'type' | 'formality'>,
  m: Methodology,
  policy: PlanParamsPolicy,
): { kept: Record<string, number>; ignored: Record<string, number> } {
  const kept: Record<string, number> = {};
  const ignored: Record<string, number> = {};
  const entries = Object.entries(plan.params);
  if (entries.length === 0) return { kept, ignored };
  const inForce = paramsInForce(m, { type: plan.type, formality: plan.formality, params: {} });
  for (const [name, value] of entries) {
    const tighter = isTighter(m, name, value, Object.hasOwn(inForce, name) ? inForce[name] : undefined);
    if (policy === 'allow' || (policy === 'tighten-only' && tighter)) kept[name] = value;
    else ignored[name] = value;
  }
  return { kept, ignored };
}

/** Where the plan names a methodology other than `judgeDir`: what it names and where. */
export function methodologyMismatch(plan: Plan, judgeDir: string): { named: string; line: number; col: number } | undefined {
  if (plan.methodologyRef === undefined) return undefined;
  const named = path.resolve(path.dirname(plan.file), plan.methodologyRef);
  if (realPath(named) === realPath(judgeDir)) return undefined;
  const pos = plan.source.locate(['methodology']);
  return { named: plan.methodologyRef, line: pos.line, col: pos.col };
}

/** 'built-in' for commready's own methodology, else the directory as given, written as a path (`asPath`). */
export function methodologyLocation(dir: string): string {
  return realPath(dir) === realPath(builtinChecklistsDir) ? 'built-in' : asPath(dir);
}

/**
 * A directory written so that it reads as a path: `./built-in` for a folder named `built-in`, which a run's
 * outputs would otherwise show as the label of commready's own methodology (the name of the judge is what
 * a CI log is read for).
 */
export function asPath(dir: string): string {
  const slashed = dir.split(path.sep).join('/');
  if (path.isAbsolute(dir) || /^\.\.?(?:\/|$)/.test(slashed)) return slashed;
  return `./${slashed}`;
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
