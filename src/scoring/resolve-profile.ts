// Pure: what a plan's community type and formality change, layered in order — the methodology's
// defaults, then the type's profile, then the formality's, then the plan's own parameters.
import { paramValues } from '../methodology/evidence-schema.js';
import { getPath } from '../methodology/plan-facts.js';
import type { Formality, FormalityProfile, Methodology, Profile, Severity } from '../methodology/types.js';
import type { Plan } from '../plan/types.js';

/** Where a value in force came from: the type's profile, the formality's, the plan's `params`, or a fact the plan states (a parameter's `from`). */
export type ParamOrigin = 'type' | 'formality' | 'plan' | 'fact';

export interface ResolvedProfile {
  type?: string;
  formality: Formality;
  /**
   * Whether the formality was written in the plan, taken from the type's default, or assumed (`funded`,
   * the stricter) because neither says: then a finding asks the plan to state it.
   */
  formalityFrom: 'plan' | 'type' | 'default';
  /** Parameter values in force. */
  params: Readonly<Record<string, number>>;
  /** Values that differ from the methodology's defaults, and where each came from. */
  changed: Readonly<Record<string, { value: number; origin: ParamOrigin }>>;
  severities: ReadonlyMap<string, Severity>;
  weights: ReadonlyMap<string, number>;
  /** Items the type or formality makes n/a, with the basis. */
  notApplicable: ReadonlyMap<string, string>;
  words: Readonly<Record<string, string>>;
  /** Named lists in force (`choice` rules): the methodology's, replaced by the type's, then the formality's. */
  lists: Readonly<Record<string, readonly string[]>>;
}

export function resolveProfile(methodology: Methodology, plan: Pick<Plan, 'type' | 'formality' | 'params'>): ResolvedProfile {
  const type: Profile | undefined = methodology.profiles.find((p) => p.id === plan.type);
  const formalityId: Formality = plan.formality ?? type?.formality ?? 'funded';
  const formality: FormalityProfile | undefined = methodology.formalities.find((f) => f.id === formalityId);
  const layers: { origin: ParamOrigin; params: Readonly<Record<string, number>> }[] = [
    { origin: 'type', params: type?.params ?? {} },
    { origin: 'formality', params: formality?.params ?? {} },
    { origin: 'plan', params: plan.params },
  ];
  const overrides: Record<string, number> = {};
  const changed: Record<string, { value: number; origin: ParamOrigin }> = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer.params)) {
      if (!Object.hasOwn(methodology.params, name)) continue;
      overrides[name] = value;
      if (methodology.params[name]!.value !== value) changed[name] = { value, origin: layer.origin };
      else delete changed[name];
    }
  }
  const severities = new Map<string, Severity>([...Object.entries(type?.severities ?? {}), ...Object.entries(formality?.severities ?? {})]);
  const weights = new Map<string, number>([...Object.entries(type?.weights ?? {}), ...Object.entries(formality?.weights ?? {})]);
  const notApplicable = new Map<string, string>();
  for (const entry of [...(type?.notApplicable ?? []), ...(formality?.notApplicable ?? [])])
    if (!notApplicable.has(entry.item)) notApplicable.set(entry.item, entry.reason);
  return {
    ...(type ? { type: type.id } : {}),
    formality: formalityId,
    formalityFrom: plan.formality ? 'plan' : type?.formality ? 'type' : 'default',
    params: paramValues(methodology.params, overrides),
    changed,
    severities,
    weights,
    notApplicable,
    words: { ...methodology.words, ...(type?.words ?? {}), ...(formality?.words ?? {}) },
    lists: {
      ...Object.fromEntries(Object.entries(methodology.lists).map(([n, l]) => [n, l.values])),
      ...(type?.lists ?? {}),
      ...(formality?.lists ?? {}),
    },
  };
}

/**
 * The profile with the parameters whose value a plan fact sets (a parameter's `from`, e.g. the team's own
 * running response target), held within the parameter's bounds. The same profile when the plan states none.
 */
export function withFactParams(
  methodology: Methodology,
  data: unknown,
  profile: ResolvedProfile,
  setAside: readonly string[] = [],
): ResolvedProfile {
  let params: Record<string, number> | undefined;
  let changed: Record<string, { value: number; origin: ParamOrigin }> | undefined;
  for (const [name, param] of Object.entries(methodology.params)) {
    const value = setAside.includes(name) ? undefined : factParamValue(param, data);
    if (value === undefined || value === profile.params[name]) continue;
    params ??= Object.assign(Object.create(null) as Record<string, number>, profile.params);
    changed ??= { ...profile.changed };
    params[name] = value;
    if (param.value !== value) changed[name] = { value, origin: 'fact' };
    else delete changed[name];
  }
  if (!params || !changed) return profile;
  return { ...profile, params, changed };
}

/** The value a plan fact gives a parameter (its `from`), held within the parameter's bounds; undefined when the plan states none. */
export function factParamValue(param: Methodology['params'][string], data: unknown): number | undefined {
  if (param.from === undefined) return undefined;
  const stated = getPath(data, param.from.split('.'));
  if (typeof stated !== 'number' || !Number.isFinite(stated)) return undefined;
  let value = stated;
  if (param.minimum !== undefined) value = Math.max(value, param.minimum);
  if (param.maximum !== undefined) value = Math.min(value, param.maximum);
  return value;
}
