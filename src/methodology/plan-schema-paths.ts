// Pure: the one walker of the plan's JSON Schema. Methodology validation asks it whether a path is a field
// a plan can have; the interview asks it which fields it may fill and which fixed choices to offer.
import type { Scalar } from './question-types.js';

type SchemaNode = Record<string, unknown>;

/**
 * Where a path leads: a field the schema describes (its node, references followed), or a place `freeDepth`
 * keys deep inside a free-form section (`additionalProperties: true`, like `custom`), where anything goes.
 */
type Place = { readonly node: SchemaNode } | { readonly freeDepth: number };

/** A list item: `*` or an index. Methodology paths never hold one (their pattern forbids it); the interview's do. */
const LIST_ITEM = /^(\*|\d+)$/;

/**
 * Walks `segments` down the plan schema. A value that takes several shapes (oneOf/anyOf, like a fact
 * written bare or as `{ value, as_of }`) has the properties and items of every shape. Where the two
 * walkers this replaces disagreed, each caller keeps the answer it relied on:
 * - below a scalar, or a key no shape of an anyOf has, is no field (validation refuses such paths; the
 *   interview's walker let anything under a node without properties, but was only given validated paths);
 * - `*` and indexes follow `items` (only the interview names list items, see LIST_ITEM);
 * - properties are own properties, so `constructor` is no field (validation's walker read the prototype);
 * - a reference that leads nowhere describes nothing (the interview's walker went on past it).
 */
function walkPlanSchema(planSchema: SchemaNode, segments: readonly string[]): Place | undefined {
  let node = deref(planSchema, planSchema);
  for (const [index, segment] of segments.entries()) {
    if (!node) return undefined;
    const shapes = [node, ...alternatives(planSchema, node)];
    if (LIST_ITEM.test(segment)) {
      const items = shapes.map((s) => s.items).find(isNode);
      node = items && deref(planSchema, items);
      continue;
    }
    const child = shapes.map((s) => ownNode(s.properties, segment)).find((c) => c !== undefined);
    if (child) {
      node = deref(planSchema, child);
      continue;
    }
    const extra = node.additionalProperties;
    if (extra === true) return { freeDepth: segments.length - index };
    node = isNode(extra) ? deref(planSchema, extra) : undefined;
  }
  return node && { node };
}

/** True when `segments` names a field the plan schema describes, or anything inside a free-form section. */
export function planSchemaHasPath(planSchema: SchemaNode, segments: readonly string[]): boolean {
  return walkPlanSchema(planSchema, segments) !== undefined;
}

/** True when `segments` lead inside a free-form section (`additionalProperties: true`, like `custom`). */
export function inFreeFormSection(planSchema: SchemaNode, segments: readonly string[]): boolean {
  const place = walkPlanSchema(planSchema, segments);
  return place !== undefined && 'freeDepth' in place;
}

/** The plan schema's node for a path (references followed), or undefined where the schema does not describe it. */
export function planSchemaNodeAt(planSchema: SchemaNode, segments: readonly string[]): SchemaNode | undefined {
  const place = walkPlanSchema(planSchema, segments);
  if (!place || 'node' in place) return place?.node;
  // A key of a free-form section has no schema to read a kind from: an empty node. Deeper keys are no
  // field here, as they were for questions before the walkers were one (a question fills `custom.x`,
  // not `custom.x.y`), although planSchemaHasPath accepts them for rules and conditions.
  return place.freeDepth === 1 ? {} : undefined;
}

/** The plan schema's node for a path and the shapes it may take (oneOf/anyOf), references followed. */
export function planSchemaShapesAt(
  planSchema: SchemaNode,
  segments: readonly string[],
): { node: SchemaNode; alternatives: SchemaNode[] } | undefined {
  const node = planSchemaNodeAt(planSchema, segments);
  return node && { node, alternatives: alternatives(planSchema, node) };
}

/** The fixed values (`enum`) the plan schema allows at a path, if it has any. */
export function planSchemaChoicesAt(planSchema: SchemaNode, segments: readonly string[]): readonly Scalar[] | undefined {
  const values = planSchemaNodeAt(planSchema, segments)?.enum;
  return Array.isArray(values) && values.every((v) => ['string', 'number', 'boolean'].includes(typeof v))
    ? (values as Scalar[])
    : undefined;
}

/** A node resolved for asking: references followed and, for a fact written bare or dated, the bare form. */
export function askableNode(planSchema: SchemaNode, node: SchemaNode): SchemaNode {
  const resolved = deref(planSchema, node) ?? node;
  const anyOf = resolved.anyOf as SchemaNode[] | undefined;
  if (Array.isArray(anyOf)) {
    const bare = anyOf.map((n) => deref(planSchema, n) ?? n).find((n) => n.type !== 'object');
    if (bare) return bare;
  }
  return resolved;
}

/** The node a local reference (`#/…`) points to, following chains; undefined for a reference that leads nowhere. */
function deref(root: SchemaNode, node: SchemaNode): SchemaNode | undefined {
  let current: SchemaNode | undefined = node;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
    const ref: string = current.$ref as string;
    if (!ref.startsWith('#/')) return undefined;
    current = ref
      .slice(2)
      .split('/')
      .reduce<SchemaNode | undefined>((n, key) => (n ? (n[key] as SchemaNode | undefined) : undefined), root);
  }
  return current;
}

/** The shapes of a value written more than one way (oneOf/anyOf), references followed. */
function alternatives(planSchema: SchemaNode, node: SchemaNode): SchemaNode[] {
  return (['oneOf', 'anyOf'] as const).flatMap((k) => {
    const branches = node[k];
    return Array.isArray(branches) ? branches.filter(isNode).map((b) => deref(planSchema, b) ?? b) : [];
  });
}

function ownNode(properties: unknown, key: string): SchemaNode | undefined {
  if (!isNode(properties) || !Object.hasOwn(properties, key)) return undefined;
  const child = properties[key];
  return isNode(child) ? child : undefined;
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { deref as derefPlanSchema };

/** A field of the plan that names a person (the schema's `personName`, or `keyPersonName` for a duty). */
export interface PersonField {
  /** The path, with `*` for every entry of a list. */
  segments: readonly string[];
  /** The person holds a duty the community cannot do without (`keyPersonName`): it counts toward their load. */
  key: boolean;
}

const PERSON = '#/$defs/personName';
const KEY_PERSON = '#/$defs/keyPersonName';
/** A person's name that need not be on the roster (a founding member): compared as a person, not checked. */
const ANY_PERSON = '#/$defs/anyPersonName';
/** An entry of the roster (`people`). */
const ROSTER_ENTRY = '#/$defs/person';
const personFieldsBySchema = new WeakMap<SchemaNode, readonly PersonField[]>();

/**
 * Every field of the plan that names a person, read from the schema's annotation (a `$ref` to
 * `personName` or `keyPersonName`), not from a list that can miss one. Made once per schema.
 */
export function personFields(planSchema: SchemaNode): readonly PersonField[] {
  let found = personFieldsBySchema.get(planSchema);
  if (found) return found;
  const out: PersonField[] = [];
  for (const { segments, ref } of marksIn(planSchema, [PERSON, KEY_PERSON])) out.push({ segments, key: ref === KEY_PERSON });
  found = Object.freeze(out);
  personFieldsBySchema.set(planSchema, found);
  return found;
}

/**
 * Every list of the plan whose entries are people, as dotted paths with `*` for each entry of an outer
 * list ('audience.founding_members', 'measures.critical_functions.*.people'): a list of names, or of
 * records whose `name` is a person's (personName, keyPersonName, anyPersonName), and the roster. Two
 * entries of such a list that name one person are one entry, however the name is written (foldName).
 */
export function peopleLists(planSchema: SchemaNode): readonly string[] {
  const lists = new Set<string>();
  for (const { segments } of marksIn(planSchema, [PERSON, KEY_PERSON, ANY_PERSON, ROSTER_ENTRY])) {
    const last = segments.length - 1;
    if (segments[last] === '*') lists.add(segments.slice(0, last).join('.'));
    else if (segments[last] === 'name' && segments[last - 1] === '*') lists.add(segments.slice(0, last - 1).join('.'));
  }
  return [...lists];
}

/** Where the plan schema refers to one of `refs`, with the reference found there. */
function marksIn(planSchema: SchemaNode, refs: readonly string[]): { segments: string[]; ref: string }[] {
  const out: { segments: string[]; ref: string }[] = [];
  const seen = new Set<SchemaNode>();
  const visit = (node: SchemaNode, path: string[]): void => {
    if (typeof node.$ref === 'string' && refs.includes(node.$ref)) {
      out.push({ segments: path, ref: node.$ref });
      return;
    }
    const resolved = deref(planSchema, node);
    // A definition reached again (a cycle, or a shared shape) is not walked twice on one path.
    if (!resolved || seen.has(resolved) || path.length > 12) return;
    seen.add(resolved);
    const props = resolved.properties;
    if (isNode(props)) for (const [key, child] of Object.entries(props)) if (isNode(child)) visit(child, [...path, key]);
    if (isNode(resolved.items)) visit(resolved.items, [...path, '*']);
    for (const shape of alternatives(planSchema, resolved)) visit(shape, path);
    seen.delete(resolved);
  };
  visit(planSchema, []);
  return out;
}
