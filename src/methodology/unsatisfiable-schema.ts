// Pure: evidence schemas that no plan can satisfy. A rule on one never passes, so its item (a blocker,
// perhaps) can never be met; the methodology is refused rather than shipped with a gate nobody can pass.
// Only plain contradictions are found (no value at all, kinds of value the plan field cannot hold,
// bounds that cross); anything subtler is left to the author.

type SchemaNode = Record<string, unknown>;

/** JSON Schema's kinds of value, an integer counted as a number (the one overlap). */
type Kind = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'string';

const KINDS: readonly Kind[] = ['null', 'boolean', 'object', 'array', 'number', 'string'];

/** Bounds that cross when the first is above the second. */
const CROSSING: readonly (readonly [string, string])[] = [
  ['minimum', 'maximum'],
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
  ['minProperties', 'maxProperties'],
];

/**
 * Why no value passes `schema` (parameters already resolved), or undefined when one may. `planKinds` are
 * the kinds of value the plan schema allows at the rule's path, undefined where it does not say.
 */
export function whyNoValuePasses(schema: unknown, planKinds: ReadonlySet<Kind> | undefined): string | undefined {
  const own = ownContradiction(schema);
  if (own) return own;
  const kinds = kindsAccepted(schema);
  if (kinds === undefined) return undefined;
  if (kinds.size === 0) return 'its kinds of value exclude each other, so no value passes';
  if (planKinds !== undefined && ![...kinds].some((k) => planKinds.has(k)))
    return `it accepts only ${[...kinds].join(' or ')}, which the plan field never holds (${[...planKinds].join(' or ')})`;
  return undefined;
}

/** A schema that refuses every value by itself: `false`, `not: {}`, or bounds that cross; in allOf too. */
function ownContradiction(schema: unknown): string | undefined {
  if (schema === false) return 'the schema is false, so no value passes';
  if (!isNode(schema)) return undefined;
  if (schema.not === true || (isNode(schema.not) && Object.keys(schema.not).length === 0))
    return "'not' refuses every value, so no value passes";
  for (const [low, high] of CROSSING) {
    const a = schema[low];
    const b = schema[high];
    if (typeof a === 'number' && typeof b === 'number' && a > b) return `${low} ${a} is above ${high} ${b}, so no value passes`;
  }
  if (
    typeof schema.exclusiveMinimum === 'number' &&
    typeof schema.exclusiveMaximum === 'number' &&
    schema.exclusiveMinimum >= schema.exclusiveMaximum
  )
    return `exclusiveMinimum ${schema.exclusiveMinimum} is not below exclusiveMaximum ${schema.exclusiveMaximum}, so no value passes`;
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) {
      const why = ownContradiction(part);
      if (why) return why;
    }
  }
  return undefined;
}

/** The kinds of value a schema accepts (type, const, enum and allOf intersected), undefined for any. */
export function kindsAccepted(schema: unknown): Set<Kind> | undefined {
  if (!isNode(schema)) return undefined;
  let kinds: Set<Kind> | undefined;
  const narrow = (next: Set<Kind> | undefined): void => {
    if (next !== undefined) kinds = kinds === undefined ? next : new Set([...kinds].filter((k) => next.has(k)));
  };
  if (typeof schema.type === 'string' || Array.isArray(schema.type)) {
    const named = (Array.isArray(schema.type) ? schema.type : [schema.type]).map(kindOfTypeName);
    // An unknown type name is the schema compiler's to report, not a contradiction.
    if (!named.every(isKind)) return undefined;
    narrow(new Set(named));
  }
  if (Object.hasOwn(schema, 'const')) narrow(new Set([kindOfValue(schema.const)]));
  if (Array.isArray(schema.enum)) narrow(new Set(schema.enum.map(kindOfValue)));
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf) narrow(kindsAccepted(part));
  return kinds;
}

/** The kinds of value a plan schema node allows, its alternatives (anyOf/oneOf) included; undefined if any is open. */
export function kindsOfPlanNode(node: SchemaNode | undefined, alternatives: readonly SchemaNode[]): Set<Kind> | undefined {
  if (node === undefined) return undefined;
  const shapes = alternatives.length > 0 ? alternatives : [node];
  const kinds = new Set<Kind>();
  for (const shape of shapes) {
    const accepted = kindsAccepted(shape);
    if (accepted === undefined) return undefined;
    for (const k of accepted) kinds.add(k);
  }
  return kinds;
}

function kindOfTypeName(name: unknown): Kind | undefined {
  if (name === 'integer') return 'number';
  return KINDS.find((k) => k === name);
}

/** The kind of a value as JSON Schema's `type` names it. */
export function kindOfValue(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const kind = typeof value;
  return kind === 'boolean' || kind === 'number' || kind === 'string' ? kind : 'object';
}

function isKind(kind: Kind | undefined): kind is Kind {
  return kind !== undefined;
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type { Kind as ValueKind };
