// The precompiled plan validator is built without ajv's `verbose`; withErrorDetails must give exactly
// the errors a verbose validator gives, or diagnostics (suggested keys, chosen anyOf branches) change.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAjvFor } from '../../src/io/ajv-factory.js';
import { loadSchemas } from '../../src/io/package-files.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { withErrorDetails, type Validator } from '../../src/validation/schema-validation.js';
import { runs } from '../properties.js';

const schemas = loadSchemas();
const verbose = createAjvFor('plan', { verbose: true }).compile(schemas.plan);
const lean = withErrorDetails(createAjvFor('plan').compile(schemas.plan), () => schemas.plan);

const exampleFiles = readdirSync('examples')
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const examples = exampleFiles.map((f) => parseYamlSource(f, readFileSync(`examples/${f}`, 'utf8')).value);

/** Every path to a value inside `value` (objects and arrays), the root included. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...at, i])));
  if (value !== null && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...at, k])));
  return here;
}

/** A deep copy of `value` with the value at `path` replaced (or removed, for `undefined`). */
function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  const copy = structuredClone(value);
  if (path.length === 0) return by;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (by === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = by;
  return copy;
}

const examplePaths = examples.map((example) => pathsOf(example));

const wrongValues = [
  undefined,
  null,
  true,
  -1,
  1.5,
  99999999999,
  '',
  'not a date',
  'https://x.example/',
  [],
  [1, 'two'],
  {},
  { unexpected_key: 1 },
  { value: 'x', as_of: 'yesterday' },
  { name: 'x', nmae: 'y' },
];

type Wrong = (typeof wrongValues)[number];

/**
 * One mutation of the launch-ready example for each keyword the property must reach, tried first: whatever the
 * seed and however few the cases (the fast loop's), each keyword is reached.
 */
const EACH_KEYWORD: [(string | number)[], Wrong][] = [
  [['version'], null], // enum
  [['community'], undefined], // required
  [['community'], null], // type
  [['community'], { unexpected_key: 1 }], // additionalProperties
  [['community', 'url'], ''], // format
  [['governance', 'data_protection'], null], // anyOf
];

/** The errors with their details read (the lean validator looks them up when they are read). */
function errorsOf(validate: Validator, value: unknown): unknown {
  expect(validate(value)).toBe(verbose(value));
  return validate.errors?.map((e) => ({ ...e, schema: e.schema, parentSchema: e.parentSchema, data: e.data })) ?? null;
}

describe('withErrorDetails', () => {
  it('gives each error the schema, parent schema and data a verbose validator gives', () => {
    const keywords = new Set<string>();
    fc.assert(
      fc.property(
        fc
          .nat({ max: examples.length - 1 })
          .chain((e) => fc.tuple(fc.constant(e), fc.constantFrom(...examplePaths[e]!), fc.constantFrom(...wrongValues))),
        ([e, path, by]) => {
          const plan = replaced(examples[e], path, by);
          expect(errorsOf(lean, plan)).toEqual(errorsOf(verbose, plan));
          for (const error of verbose.errors ?? []) keywords.add(error.keyword);
        },
      ),
      {
        numRuns: runs(1500),
        examples: EACH_KEYWORD.map(([path, by]): [[number, (string | number)[], Wrong]] => [
          [exampleFiles.indexOf('launch-ready.yaml'), path, by],
        ]),
      },
    );
    // The mutations reach the keywords whose details diagnostics read, and the usual others.
    for (const keyword of ['anyOf', 'additionalProperties', 'required', 'type', 'format', 'enum']) expect([...keywords]).toContain(keyword);
  });

  it('has a plan schema whose $defs hold no $ref, so that every reference is inlined', () => {
    for (const [name, def] of Object.entries(schemas.plan.$defs as Record<string, unknown>))
      expect(JSON.stringify(def), name).not.toContain('"$ref"');
  });

  it('covers the errors diagnostics read details from, and is silent on valid plans', () => {
    const plan = replaced(examples[0], ['community', 'nmae'], 'x') as Record<string, unknown>;
    expect(lean(plan)).toBe(false);
    const extra = lean.errors!.find((error) => error.keyword === 'additionalProperties')!;
    expect(Object.keys((extra.parentSchema as { properties: object }).properties)).toContain('name');
    const expected = verbose(plan) ? undefined : verbose.errors!.find((error) => error.keyword === 'additionalProperties');
    expect({ ...extra, schema: extra.schema, parentSchema: extra.parentSchema, data: extra.data }).toEqual(expected);
    for (const example of examples) {
      expect(lean(example)).toBe(true);
      expect(lean.errors).toBeNull();
    }
  });
});
