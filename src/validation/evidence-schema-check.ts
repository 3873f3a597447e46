// Checks an author's evidence schema before ajv sees it: only an explicit allow-list of JSON Schema
// keywords, `$ref` only inside the schema, bounded nesting, and patterns that RE2 can run in linear time.
import { closestMatches } from '../text/closest-matches.js';

/** One problem, at a path inside the evidence schema (as written, before parameters are resolved). */
export interface EvidenceSchemaProblem {
  path: (string | number)[];
  message: string;
}

/** Evidence schemas deeper than this are refused: real rules are a few levels deep. */
export const MAX_SCHEMA_DEPTH = 32;
/** Longest `pattern` accepted, in characters. */
export const MAX_PATTERN_LENGTH = 1000;
/**
 * Largest RE2 program a pattern may compile to. RE2 matches in time linear in the value, but the factor
 * is the program's size: `[a-z]{1,1000}!$` (2,003 instructions) takes a quarter of a second on a 100 KB
 * value, and ten such rules in an untrusted methodology would hold up every plan for seconds. Real
 * patterns compile to a few dozen instructions.
 */
export const MAX_PATTERN_PROGRAM = 1000;

/** Compiles a pattern with the engine validation uses (throwing when it cannot) and says how large its program is. */
export type PatternCompiler = (pattern: string) => { programSize?: number } | void;

type KeywordKind = 'schema' | 'schema-list' | 'schema-map' | 'pattern-map' | 'pattern' | 'ref' | 'value';

/**
 * The keywords an evidence schema may use and what their value is. Anything else is refused, so a
 * keyword added to a later draft (or a vendor one) can never reach ajv unreviewed.
 */
export const EVIDENCE_KEYWORDS = {
  type: 'value',
  enum: 'value',
  const: 'value',
  minimum: 'value',
  maximum: 'value',
  exclusiveMinimum: 'value',
  exclusiveMaximum: 'value',
  multipleOf: 'value',
  minLength: 'value',
  maxLength: 'value',
  pattern: 'pattern',
  format: 'value',
  items: 'schema',
  prefixItems: 'schema-list',
  contains: 'schema',
  minContains: 'value',
  maxContains: 'value',
  minItems: 'value',
  maxItems: 'value',
  uniqueItems: 'value',
  properties: 'schema-map',
  patternProperties: 'pattern-map',
  additionalProperties: 'schema',
  propertyNames: 'schema',
  required: 'value',
  minProperties: 'value',
  maxProperties: 'value',
  dependentRequired: 'value',
  dependentSchemas: 'schema-map',
  allOf: 'schema-list',
  anyOf: 'schema-list',
  oneOf: 'schema-list',
  not: 'schema',
  if: 'schema',
  then: 'schema',
  else: 'schema',
  $defs: 'schema-map',
  $ref: 'ref',
  title: 'value',
  description: 'value',
  $comment: 'value',
  default: 'value',
  examples: 'value',
  deprecated: 'value',
} as const satisfies Record<string, KeywordKind>;

/** Keywords refused with a reason of their own, because authors reach for them. */
const REFUSED_BECAUSE: Record<string, string> = {
  $dynamicRef: 'dynamic references are not supported in evidence schemas',
  $dynamicAnchor: 'dynamic anchors are not supported in evidence schemas',
  $recursiveRef: 'recursive references are not supported in evidence schemas',
  $recursiveAnchor: 'recursive anchors are not supported in evidence schemas',
  $id: "an evidence schema cannot set '$id': it is compiled on its own, without a base URI",
  $schema: "an evidence schema cannot set '$schema': it is always JSON Schema 2020-12",
  $anchor: "anchors are not supported in evidence schemas; use '$defs' and '$ref: \"#/$defs/…\"'",
  $vocabulary: "'$vocabulary' belongs in meta-schemas, not evidence schemas",
  definitions: "'definitions' is draft-07; use '$defs'",
};

/**
 * Every problem of an evidence schema. `compilePattern` compiles a pattern with the engine validation
 * uses and throws when it cannot (for RE2: backreferences, lookaround), and gives its program's size;
 * `{ $param: name }` objects stand for numbers and are left to the parameter checks.
 */
export function checkEvidenceSchema(schema: unknown, compilePattern?: PatternCompiler): EvidenceSchemaProblem[] {
  const problems: EvidenceSchemaProblem[] = [];
  const defs = new Set<string>();
  // Iterative, so that a hostile nesting depth cannot overflow the stack before it is reported.
  const stack: { node: unknown; path: (string | number)[]; depth: number }[] = [{ node: schema, path: [], depth: 1 }];
  const refs: { ref: string; path: (string | number)[] }[] = [];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (typeof node === 'boolean') continue;
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      problems.push({ path, message: 'a schema must be an object (or true/false)' });
      continue;
    }
    if (depth > MAX_SCHEMA_DEPTH) {
      problems.push({ path, message: `the evidence schema is nested more than ${MAX_SCHEMA_DEPTH} levels deep` });
      continue;
    }
    const push = (child: unknown, childPath: (string | number)[]): void => {
      stack.push({ node: child, path: childPath, depth: depth + 1 });
    };
    for (const [keyword, value] of Object.entries(node as Record<string, unknown>).reverse()) {
      const at = [...path, keyword];
      const kind = Object.hasOwn(EVIDENCE_KEYWORDS, keyword) ? EVIDENCE_KEYWORDS[keyword as keyof typeof EVIDENCE_KEYWORDS] : undefined;
      if (kind === undefined) {
        const hint = closestMatches(keyword, Object.keys(EVIDENCE_KEYWORDS))[0];
        problems.push({
          path: at,
          message: REFUSED_BECAUSE[keyword] ?? `unsupported keyword '${keyword}'${hint ? ` (did you mean '${hint}'?)` : ''}`,
        });
        continue;
      }
      switch (kind) {
        case 'value':
          break;
        case 'schema':
          push(value, at);
          break;
        case 'schema-list':
          if (Array.isArray(value)) value.forEach((s, i) => push(s, [...at, i]));
          else problems.push({ path: at, message: `'${keyword}' must be a list of schemas` });
          break;
        case 'schema-map':
        case 'pattern-map':
          if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            problems.push({ path: at, message: `'${keyword}' must map names to schemas` });
            break;
          }
          for (const [name, sub] of Object.entries(value as Record<string, unknown>)) {
            if (kind === 'pattern-map') checkPattern(name, at, problems, compilePattern, [...at, name]);
            if (keyword === '$defs') defs.add(`#/$defs/${escapePointer(name)}`);
            push(sub, [...at, name]);
          }
          break;
        case 'pattern':
          if (typeof value === 'string') checkPattern(value, at, problems, compilePattern);
          break;
        case 'ref':
          if (typeof value !== 'string') problems.push({ path: at, message: "'$ref' must be a string" });
          else refs.push({ ref: value, path: at });
          break;
      }
    }
  }
  for (const { ref, path } of refs) {
    if (!ref.startsWith('#'))
      problems.push({ path, message: `'$ref' may only point inside the evidence schema ('#' or '#/$defs/…'), not to '${ref}'` });
    else if (ref !== '#' && !defs.has(ref))
      problems.push({ path, message: `'$ref' points to '${ref}', which is not one of this schema's '$defs'` });
  }
  const cycle = problems.length === 0 ? firstRefCycle(schema) : undefined;
  if (cycle) problems.push(cycle);
  return problems;
}

/** Keywords whose schemas apply to the same value as the schema that holds them (not to a part of it). */
const SAME_VALUE = {
  allOf: 'list',
  anyOf: 'list',
  oneOf: 'list',
  not: 'one',
  if: 'one',
  then: 'one',
  else: 'one',
  dependentSchemas: 'map',
} as const;

/**
 * A chain of `$ref`s that comes back to where it started without going down into a property or an item:
 * ajv follows it forever (while compiling, or at every validation) and stops with "Maximum call stack
 * size exceeded". A schema may refer to itself only below a property or an item. Runs on a schema whose
 * `$ref`s all point to '#' or to its `$defs`; walks without recursion.
 */
function firstRefCycle(schema: unknown): EvidenceSchemaProblem | undefined {
  if (!isSchemaObject(schema)) return undefined;
  const defs = isSchemaObject(schema.$defs) ? schema.$defs : {};
  const pathOf = (ref: string): (string | number)[] => (ref === '#' ? [] : ['$defs', unescapePointer(ref.slice('#/$defs/'.length))]);
  const schemaAt = (ref: string): unknown => (ref === '#' ? schema : defs[unescapePointer(ref.slice('#/$defs/'.length))]);
  /** The `$ref`s a schema applies to its own value, with where each is written. */
  const sameValueRefs = (ref: string): { to: string; path: (string | number)[] }[] => {
    const found: { to: string; path: (string | number)[] }[] = [];
    const stack: { node: unknown; path: (string | number)[] }[] = [{ node: schemaAt(ref), path: pathOf(ref) }];
    while (stack.length > 0) {
      const { node, path } = stack.pop()!;
      if (!isSchemaObject(node)) continue;
      if (typeof node.$ref === 'string') found.push({ to: node.$ref, path: [...path, '$ref'] });
      for (const [keyword, shape] of Object.entries(SAME_VALUE)) {
        const value = node[keyword];
        if (shape === 'one') stack.push({ node: value, path: [...path, keyword] });
        else if (shape === 'list' && Array.isArray(value))
          value.forEach((sub, i) => stack.push({ node: sub, path: [...path, keyword, i] }));
        else if (shape === 'map' && isSchemaObject(value))
          for (const [name, sub] of Object.entries(value)) stack.push({ node: sub, path: [...path, keyword, name] });
      }
    }
    return found;
  };
  const state = new Map<string, 'open' | 'done'>();
  const starts = ['#', ...Object.keys(defs).map((name) => `#/$defs/${escapePointer(name)}`)];
  for (const start of starts) {
    if (state.has(start)) continue;
    const chain: { ref: string; edges: { to: string; path: (string | number)[] }[]; next: number }[] = [
      { ref: start, edges: sameValueRefs(start), next: 0 },
    ];
    state.set(start, 'open');
    while (chain.length > 0) {
      const top = chain[chain.length - 1]!;
      const edge = top.edges[top.next++];
      if (!edge) {
        state.set(top.ref, 'done');
        chain.pop();
        continue;
      }
      if (state.get(edge.to) === 'open') {
        const loop = chain.slice(chain.findIndex((c) => c.ref === edge.to)).map((c) => `'${c.ref}'`);
        return {
          path: edge.path,
          message: `'$ref' cycle: ${loop.join(' → ')} → '${edge.to}' applies to the same value again and again; a schema may refer back to itself only below a property or an item`,
        };
      }
      if (state.has(edge.to)) continue;
      state.set(edge.to, 'open');
      chain.push({ ref: edge.to, edges: sameValueRefs(edge.to), next: 0 });
    }
  }
  return undefined;
}

function isSchemaObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function checkPattern(
  pattern: string,
  at: (string | number)[],
  problems: EvidenceSchemaProblem[],
  compilePattern: PatternCompiler | undefined,
  path: (string | number)[] = at,
): void {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    problems.push({ path, message: `the pattern is ${pattern.length} characters long; at most ${MAX_PATTERN_LENGTH}` });
    return;
  }
  if (!compilePattern) return;
  try {
    const size = compilePattern(pattern)?.programSize ?? 0;
    if (size > MAX_PATTERN_PROGRAM) {
      problems.push({
        path,
        message: `the pattern compiles to ${size} RE2 instructions; at most ${MAX_PATTERN_PROGRAM} (matching costs that many steps per character of a value): use + or * instead of large counted repetitions such as {1,1000}`,
      });
    }
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^error parsing regexp: /, '').split('\n')[0];
    problems.push({
      path,
      message: isRegExp(pattern)
        ? `pattern cannot run in linear time (RE2 refuses it: ${reason}); backreferences and lookaround are not supported`
        : `pattern is not a valid regular expression (${reason})`,
    });
  }
}

/** Whether JavaScript reads `pattern` (as ajv would, with the u flag): else it is no pattern at all, not a slow one. */
function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
