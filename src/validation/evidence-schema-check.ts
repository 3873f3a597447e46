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
 * uses and throws when it cannot (for RE2: backreferences, lookaround); `{ $param: name }` objects
 * stand for numbers and are left to the parameter checks.
 */
export function checkEvidenceSchema(schema: unknown, compilePattern?: (pattern: string) => void): EvidenceSchemaProblem[] {
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
  return problems;
}

function checkPattern(
  pattern: string,
  at: (string | number)[],
  problems: EvidenceSchemaProblem[],
  compilePattern: ((pattern: string) => void) | undefined,
  path: (string | number)[] = at,
): void {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    problems.push({ path, message: `the pattern is ${pattern.length} characters long; at most ${MAX_PATTERN_LENGTH}` });
    return;
  }
  if (!compilePattern) return;
  try {
    compilePattern(pattern);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^error parsing regexp: /, '').split('\n')[0];
    problems.push({
      path,
      message: `pattern cannot run in linear time (RE2 refuses it: ${reason}); backreferences and lookaround are not supported`,
    });
  }
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
