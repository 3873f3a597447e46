// Pure: what an answer must reach to meet its point, in force for this community, said before the
// answer ("72 or less", "at least 5"). Read from the rules that judge the path the question fills, with
// the profile's parameters and the plan's size.
import { percentOf } from '../methodology/placeholders.js';
import type { EvidenceRule, Item, NumberOrParam } from '../methodology/types.js';
import type { ValueSpec } from './question-model.js';

type Params = Readonly<Record<string, number>>;

/** A bound the methodology tunes per community (`{ $param: … }`), as against a fixed one. */
function isParam(bound: unknown): bound is { $param: string } {
  return typeof bound === 'object' && bound !== null && typeof (bound as { $param?: unknown }).$param === 'string';
}

function resolve(value: unknown, params: Params): number | undefined {
  if (typeof value === 'number') return value;
  if (isParam(value)) return Object.hasOwn(params, value.$param) ? params[value.$param] : undefined;
  return undefined;
}

function rulesAt(path: string, items: readonly Item[]): EvidenceRule[] {
  return items.flatMap((i) => i.evidence.filter((r) => r.path === path));
}

/** The least number of entries of a list (or names) that meets its point, in force; undefined when none is set. */
export function minimumInForce(path: string, items: readonly Item[], params: Params, size?: number): number | undefined {
  let least: number | undefined;
  const raise = (n: number | undefined): void => {
    if (n !== undefined && n > (least ?? 0)) least = n;
  };
  for (const rule of rulesAt(path, items)) {
    if (rule.kind === 'schema') raise(resolve((rule.schema as { minItems?: unknown } | undefined)?.minItems, params));
    else if (rule.kind === 'people') raise(resolveNumber(rule.min, params));
    else if (rule.kind === 'cover') raise(resolveNumber(rule.functions, params));
    else if (rule.kind === 'choice') raise(resolveNumber(rule.min, params));
    else if (rule.kind === 'relative' && size !== undefined) {
      const share = resolveNumber(rule.share, params) ?? 0;
      raise(Math.max(Math.ceil(share * size), resolveNumber(rule.floor, params) ?? 0));
    }
  }
  return least !== undefined && least > 1 ? least : undefined;
}

function resolveNumber(value: NumberOrParam, params: Params): number | undefined {
  return resolve(value, params);
}

/**
 * What a typed number must reach to meet its point ("12 or more", "72 or less", "50% or more"), or a
 * list's least size ("at least 5"); undefined when the rules set no number.
 */
export function thresholdInForce(path: string, spec: ValueSpec, items: readonly Item[], params: Params, size?: number): string | undefined {
  if (spec.kind === 'records' || spec.kind === 'text-list' || spec.kind === 'several-choices' || (spec.kind === 'person' && spec.several)) {
    const least = minimumInForce(path, items, params, size);
    return least === undefined ? undefined : `at least ${least}`;
  }
  if (spec.kind !== 'number' && spec.kind !== 'percentage') return undefined;
  const shown = (n: number): string => (spec.kind === 'percentage' ? `${percentOf(n)}%` : String(n));
  for (const rule of rulesAt(path, items)) {
    if (rule.kind === 'relative' && size !== undefined) {
      const least = minimumInForce(path, items, params, size);
      if (least !== undefined) return `${least} or more`;
    }
    if (rule.kind !== 'schema' && rule.kind !== 'observed') continue;
    const schema = (rule.schema ?? {}) as Record<string, unknown>;
    const min = resolve(schema.minimum, params) ?? resolve(schema.exclusiveMinimum, params);
    const max = resolve(schema.maximum, params) ?? resolve(schema.exclusiveMaximum, params);
    // A bound that only keeps the number sensible (a share from 0, an hour count from 0, a reply from a
    // quarter of an hour: a floor under one of a count's units) says nothing.
    // Nor does a fixed bound beside a tuned one: a host's hours at least {param} and at most 168, the hours in a week.
    const tunedLow = isParam(schema.minimum ?? schema.exclusiveMinimum);
    const tunedHigh = isParam(schema.maximum ?? schema.exclusiveMaximum);
    const sensibleOnly = min !== undefined && (min <= 0 || (spec.kind === 'number' && min < 1));
    const low = min !== undefined && !sensibleOnly && !(tunedHigh && !tunedLow) ? min : undefined;
    const high = max !== undefined && !(spec.kind === 'percentage' && max >= 1) && !(tunedLow && !tunedHigh) ? max : undefined;
    if (low !== undefined && high !== undefined) return `between ${shown(low)} and ${shown(high)}`;
    if (low !== undefined) return `${shown(low)} or more`;
    if (high !== undefined) return `${shown(high)} or less`;
  }
  return undefined;
}
