// Pure: which way a methodology's parameter makes its rules stricter, read from the rules that use it.
import { findParamReferences } from './evidence-schema.js';
import { ruleParams, ruleSchemas, type ParamDirection } from './rule-kinds/index.js';
import { allItems, type Methodology } from './types.js';

export type { ParamDirection } from './rule-kinds/index.js';

const HIGHER = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains']);
const LOWER = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains']);

/**
 * The direction in which the parameter makes the methodology's rules stricter, read from the JSON Schema
 * keywords it fills in and from the thresholds each rule kind declares; undefined when it is unused or
 * used both ways (then no change can be proven stricter).
 */
export function paramDirection(m: Methodology, name: string): ParamDirection | undefined {
  // Asked for every plan of a run (lint's policy on plan values): read from the rules once per methodology.
  let known = directions.get(m);
  if (!known) directions.set(m, (known = new Map()));
  if (!known.has(name)) known.set(name, directionOf(m, name));
  return known.get(name);
}

const directions = new WeakMap<Methodology, Map<string, ParamDirection | undefined>>();

function directionOf(m: Methodology, name: string): ParamDirection | undefined {
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
      for (const { value, stricter } of ruleParams(rule)) if (typeof value === 'object' && value.$param === name) seen.add(stricter);
    }
  }
  if (seen.size !== 1 || seen.has('other')) return undefined;
  return [...seen][0] as ParamDirection;
}
