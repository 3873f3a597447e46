// What lint trusts a plan to decide: which methodology judges it, and which of its own thresholds count.
import path from 'node:path';
import { paramDirection } from '../methodology/param-direction.js';
import type { Methodology } from '../methodology/types.js';
import type { PlanParamsPolicy } from '../io/load-config.js';
import { builtinChecklistsDir } from '../io/package-files.js';
import type { Plan } from '../plan/types.js';
import { resolveProfile } from '../scoring/resolve-profile.js';
import { locate } from '../source/yaml-source.js';
import { realPath } from '../io/real-path.js';

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
  const inForce = resolveProfile(m, { type: plan.type, formality: plan.formality, params: {} }).params;
  for (const [name, value] of entries) {
    const fallback = Object.hasOwn(inForce, name) ? inForce[name] : undefined;
    const direction = paramDirection(m, name);
    const tighter =
      value === fallback ||
      (direction === 'higher' && fallback !== undefined && value > fallback) ||
      (direction === 'lower' && fallback !== undefined && value < fallback);
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
  const pos = locate(plan.source, ['methodology']);
  return { named: plan.methodologyRef, line: pos.line, col: pos.col };
}

/** 'built-in' for commready's own methodology, else the directory as given. */
export function methodologyLocation(dir: string): string {
  return realPath(dir) === realPath(builtinChecklistsDir) ? 'built-in' : dir;
}
