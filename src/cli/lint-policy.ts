// What lint trusts a plan to decide: which methodology judges it, and which of its own thresholds count.
import path from 'node:path';
import { findParamReferences } from '../methodology/evidence-schema.js';
import { allItems, type EvidenceRule, type Methodology, type NumberOrParam } from '../methodology/types.js';
import { ruleSchemas } from '../methodology/rule-kinds/index.js';
import { assertNever } from '../errors.js';
import type { PlanParamsPolicy } from '../io/load-config.js';
import { builtinChecklistsDir } from '../io/package-files.js';
import type { Plan } from '../plan/types.js';
import { resolveProfile } from '../scoring/resolve-profile.js';
import { locate } from '../source/yaml-source.js';
import { realPath } from '../io/real-path.js';

/** Which way a parameter gets stricter: a `minimum`-like bound gets stricter upward, a `maximum`-like one downward. */
export type ParamDirection = 'higher' | 'lower';

const HIGHER = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains']);
const LOWER = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains']);

/**
 * The direction in which the parameter makes the methodology's rules stricter, read from the JSON Schema
 * keywords it fills in; undefined when it is unused or used both ways (then no change can be proven stricter).
 */
export function paramDirection(m: Methodology, name: string): ParamDirection | undefined {
  const seen = new Set<ParamDirection | 'other'>();
  for (const item of allItems(m)) {
    for (const rule of item.evidence) {
      for (const schema of ruleSchemas(rule)) {
        for (const ref of findParamReferences(schema)) {
          if (ref.name !== name) continue;
          const keyword = String(ref.path[ref.path.length - 1]);
          seen.add(HIGHER.has(keyword) ? 'higher' : LOWER.has(keyword) ? 'lower' : 'other');
        }
      }
      // The other rule kinds name their parameters by role: counts to reach, limits not to pass.
      for (const [value, direction] of kindParams(rule)) if (typeof value === 'object' && value.$param === name) seen.add(direction);
    }
  }
  if (seen.size !== 1 || seen.has('other')) return undefined;
  return [...seen][0] as ParamDirection;
}

function kindParams(rule: EvidenceRule): [NumberOrParam | undefined, ParamDirection][] {
  switch (rule.kind) {
    case 'schema':
      return [];
    case 'observed':
      return [[rule.maxAge, 'lower']];
    case 'people':
      return [[rule.min, 'higher']];
    case 'relative':
      return [
        [rule.share, 'higher'],
        [rule.floor, 'higher'],
        [rule.maxAge, 'lower'],
      ];
    case 'cover':
      return [
        [rule.functions, 'higher'],
        [rule.holders, 'higher'],
        [rule.perPersonMax, 'lower'],
      ];
    case 'choice':
      return [[rule.min, 'higher']];
    case 'date':
      return [[rule.aheadDays, 'higher']];
    case 'personal-data':
      return [];
    default:
      return assertNever(rule, 'rule kind');
  }
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
