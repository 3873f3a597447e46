// Evidence schemas may hold `{ $param: name }` where a number goes; these resolve them.
import type { Param } from './types.js';

export interface ParamReference {
  name: string;
  /** Path of the `{ $param }` object inside the schema. */
  path: (string | number)[];
}

/** Every `{ $param: name }` inside a schema, with its path. */
export function findParamReferences(schema: unknown, path: (string | number)[] = []): ParamReference[] {
  if (Array.isArray(schema)) return schema.flatMap((v, i) => findParamReferences(v, [...path, i]));
  if (schema === null || typeof schema !== 'object') return [];
  const record = schema as Record<string, unknown>;
  if (isParamObject(record)) return [{ name: record.$param as string, path }];
  return Object.entries(record).flatMap(([k, v]) => findParamReferences(v, [...path, k]));
}

/**
 * The names of the parameters a schema uses, each once, in order of appearance: what
 * findParamReferences gives without the paths, at a fraction of the cost (every run does this for
 * every evidence schema it meets, cold).
 */
export function paramNames(schema: unknown, into: string[] = []): string[] {
  if (schema === null || typeof schema !== 'object') return into;
  if (Array.isArray(schema)) {
    for (const value of schema) paramNames(value, into);
    return into;
  }
  const record = schema as Record<string, unknown>;
  if (isParamObject(record)) {
    if (!into.includes(record.$param as string)) into.push(record.$param as string);
    return into;
  }
  for (const key in record) if (Object.hasOwn(record, key)) paramNames(record[key], into);
  return into;
}

function isParamObject(record: Record<string, unknown>): boolean {
  const keys = Object.keys(record);
  return keys.length === 1 && keys[0] === '$param' && typeof record.$param === 'string';
}

/** The schema with each `{ $param: name }` replaced by the parameter's value (unknown names stay as they are). */
export function resolveParams(schema: unknown, values: Readonly<Record<string, number>>): unknown {
  if (Array.isArray(schema)) return schema.map((v) => resolveParams(v, values));
  if (schema === null || typeof schema !== 'object') return schema;
  const record = schema as Record<string, unknown>;
  if (isParamObject(record)) {
    const value = values[record.$param as string];
    return value === undefined ? record : value;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = resolveParams(v, values);
  return out;
}

type Validate = (value: unknown) => boolean;

/**
 * Validators of evidence schemas as written (`{ $param }` inside), for any parameter values: each schema
 * is resolved and compiled (or looked up) once per distinct set of the values it uses, not once per
 * plan and rule. Keyed by the schema object, which the methodology holds for the whole run.
 */
export class EvidenceValidators {
  private readonly bySchema = new WeakMap<
    object,
    { names: readonly string[]; byValues: Map<string, Validate>; lastValues?: object; last?: Validate }
  >();

  constructor(private readonly compile: (schema: unknown) => Validate) {}

  get(schema: unknown, values: Readonly<Record<string, number>>): Validate {
    if (schema === null || typeof schema !== 'object') return this.compile(schema);
    let entry = this.bySchema.get(schema);
    if (!entry) {
      entry = { names: paramNames(schema), byValues: new Map() };
      this.bySchema.set(schema, entry);
    }
    // The same parameter values (one object per plan) asked again: the last answer.
    if (entry.lastValues === values) return entry.last!;
    // Called for every rule of every plan: most schemas use no parameter or one, keyed without an array.
    const { names } = entry;
    const key =
      names.length === 0 ? '' : names.length === 1 ? String(values[names[0]!]) : names.map((name) => String(values[name])).join('\u0000');
    let validator = entry.byValues.get(key);
    if (!validator) {
      validator = this.compile(names.length > 0 ? resolveParams(schema, values) : schema);
      entry.byValues.set(key, validator);
    }
    entry.lastValues = values;
    entry.last = validator;
    return validator;
  }
}

/** The parameters' values, with a plan's overrides applied. */
export function paramValues(
  params: Readonly<Record<string, Param>>,
  overrides: Readonly<Record<string, number>> = {},
): Record<string, number> {
  // No prototype: a `{ $param: constructor }` must not find Object's own members.
  const values = Object.create(null) as Record<string, number>;
  for (const [name, param] of Object.entries(params)) values[name] = Object.hasOwn(overrides, name) ? overrides[name]! : param.value;
  return values;
}

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** Names of the `{param}` placeholders in a message. */
export function messagePlaceholders(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** The message with each `{param}` replaced by the value in force, so it states the plan's own threshold. */
export function interpolateParams(message: string, values: Readonly<Record<string, number>>): string {
  return message.replace(PLACEHOLDER, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

const WORD = /\{word:([a-z][a-z0-9_]*)\}/g;

/** Names of the `{word:name}` placeholders in a text. */
export function wordPlaceholders(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => m[1]!);
}

/** The text with each `{word:name}` replaced by the profile's word, so a volunteer group reads "organiser", not "host". */
export function interpolateWords(text: string, words: Readonly<Record<string, string>>): string {
  return text.replace(WORD, (whole, name: string) => (Object.hasOwn(words, name) ? words[name]! : whole));
}
