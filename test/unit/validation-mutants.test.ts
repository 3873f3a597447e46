// Boundaries of the validation core that mutation testing found unguarded (`npm run test:mutation`):
// the size limits at exactly their bound, the evidence-schema checks' edges, and the way ajv errors
// become diagnostics (which key, which line, which words).
import { describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv';
import { createAjvFor } from '../../src/io/ajv-factory.js';
import { loadSchemas } from '../../src/io/package-files.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { METHODOLOGY_LIMITS, methodologyLimitProblems } from '../../src/validation/methodology-limits.js';
import {
  checkEvidenceSchema,
  MAX_PATTERN_LENGTH,
  MAX_PATTERN_PROGRAM,
  MAX_SCHEMA_DEPTH,
} from '../../src/validation/evidence-schema-check.js';
import {
  ajvErrorsToDiagnostics,
  createValidation,
  describePath,
  withErrorDetails,
  type AjvPurpose,
  type SchemaSet,
} from '../../src/validation/schema-validation.js';
import { COMMON_URI, withQuickUri } from '../../src/validation/formats.js';

describe('methodology size limits', () => {
  const L = METHODOLOGY_LIMITS;
  const items = (n: number, rules = 0) => Array.from({ length: n }, () => ({ evidence: Array.from({ length: rules }, () => ({})) }));

  it('accepts a methodology at exactly every bound', () => {
    const phases = new Map<string, unknown>([
      ['a', { items: items(L.rules / L.rulesPerItem, L.rulesPerItem) }],
      ['b', { items: items(L.items - L.rules / L.rulesPerItem) }],
    ]);
    expect(methodologyLimitProblems({ phases: Array.from({ length: L.phases }) }, phases, L.bytes)).toEqual([]);
  });

  it('refuses one over each bound, saying the count and the bound', () => {
    expect(methodologyLimitProblems({ phases: Array.from({ length: L.phases + 1 }) }, new Map(), L.bytes + 1)).toEqual([
      { file: 'manifest', path: [], message: `the methodology's files hold ${L.bytes + 1} bytes; at most ${L.bytes}` },
      { file: 'manifest', path: ['phases'], message: `the methodology lists ${L.phases + 1} phases; at most ${L.phases}` },
    ]);
    expect(
      methodologyLimitProblems({}, new Map([['p', { items: [{ evidence: [] }, { evidence: Array.from({ length: 51 }) }] }]]), 0),
    ).toEqual([{ file: 'p', path: ['items', 1, 'evidence'], message: 'the item has 51 evidence rules; at most 50' }]);
    const many = new Map<string, unknown>([
      ['a', { items: items(L.items) }],
      ['b', { items: items(1) }],
    ]);
    expect(methodologyLimitProblems(null, many, 0)).toEqual([
      { file: 'manifest', path: ['phases'], message: `the methodology has ${L.items + 1} items; at most ${L.items}` },
    ]);
    const rules = new Map<string, unknown>([
      ['a', { items: items(L.rules / L.rulesPerItem, L.rulesPerItem) }],
      ['b', { items: items(1, 1) }],
    ]);
    expect(methodologyLimitProblems(null, rules, 0)).toEqual([
      { file: 'manifest', path: ['phases'], message: `the methodology has ${L.rules + 1} evidence rules; at most ${L.rules}` },
    ]);
  });

  it('counts only lists: phases, items and rules written as something else are the schema check’s business', () => {
    expect(
      methodologyLimitProblems(
        { phases: 'x' },
        new Map<string, unknown>([
          ['a', { items: 'x' }],
          ['b', null],
          ['c', { items: [null, { evidence: 'x' }] }],
        ]),
        0,
      ),
    ).toEqual([]);
  });
});

describe('evidence schema checks', () => {
  const nested = (depth: number): unknown => (depth === 1 ? { type: 'string' } : { items: nested(depth - 1) });

  it('accepts nesting down to its depth bound and refuses one level deeper, at the level too deep', () => {
    expect(checkEvidenceSchema(nested(MAX_SCHEMA_DEPTH))).toEqual([]);
    const problems = checkEvidenceSchema(nested(MAX_SCHEMA_DEPTH + 1));
    expect(problems).toEqual([
      {
        path: Array.from({ length: MAX_SCHEMA_DEPTH }, () => 'items'),
        message: `the evidence schema is nested more than ${MAX_SCHEMA_DEPTH} levels deep`,
      },
    ]);
  });

  it('accepts a pattern of exactly its length bound and refuses a longer one, before compiling it', () => {
    const compiled: string[] = [];
    const compile = (p: string) => void compiled.push(p);
    expect(checkEvidenceSchema({ pattern: 'a'.repeat(MAX_PATTERN_LENGTH) }, compile)).toEqual([]);
    expect(checkEvidenceSchema({ pattern: 'a'.repeat(MAX_PATTERN_LENGTH + 1) }, compile)).toEqual([
      { path: ['pattern'], message: `the pattern is ${MAX_PATTERN_LENGTH + 1} characters long; at most ${MAX_PATTERN_LENGTH}` },
    ]);
    expect(compiled).toHaveLength(1);
    expect(checkEvidenceSchema({ patternProperties: { ['b'.repeat(MAX_PATTERN_LENGTH + 1)]: true } }).map((p) => p.path)).toEqual([
      ['patternProperties', 'b'.repeat(MAX_PATTERN_LENGTH + 1)],
    ]);
  });

  it('accepts a program of exactly its size bound and refuses a larger one', () => {
    const sized = (programSize: number | undefined) => () => (programSize === undefined ? undefined : { programSize });
    expect(checkEvidenceSchema({ pattern: 'x' }, sized(MAX_PATTERN_PROGRAM))).toEqual([]);
    expect(checkEvidenceSchema({ pattern: 'x' }, sized(undefined))).toEqual([]);
    const [problem, ...rest] = checkEvidenceSchema({ pattern: 'x' }, sized(MAX_PATTERN_PROGRAM + 1));
    expect(rest).toEqual([]);
    expect(problem!.path).toEqual(['pattern']);
    expect(problem!.message).toMatch(
      new RegExp(`^the pattern compiles to ${MAX_PATTERN_PROGRAM + 1} RE2 instructions; at most ${MAX_PATTERN_PROGRAM} `),
    );
  });

  it("words a pattern RE2 refuses by the engine's first line, without its prefix, whatever it throws", () => {
    const throwing = (thrown: unknown) => () => {
      throw thrown;
    };
    expect(checkEvidenceSchema({ pattern: '(a)\\1' }, throwing(new Error('error parsing regexp: invalid escape: `\\1`\nmore')))).toEqual([
      {
        path: ['pattern'],
        message:
          'pattern cannot run in linear time (RE2 refuses it: invalid escape: `\\1`); backreferences and lookaround are not supported',
      },
    ]);
    expect(checkEvidenceSchema({ pattern: 'x' }, throwing('plain words'))[0]!.message).toBe(
      'pattern cannot run in linear time (RE2 refuses it: plain words); backreferences and lookaround are not supported',
    );
    // A pattern no engine reads is said to be invalid, not slow.
    expect(checkEvidenceSchema({ pattern: '[z-a' }, throwing(new Error('error parsing regexp: missing closing ]: `[z-a`')))).toEqual([
      { path: ['pattern'], message: 'pattern is not a valid regular expression (missing closing ]: `[z-a`)' },
    ]);
    expect(checkEvidenceSchema({ pattern: 'x' }, throwing(new Error('see: error parsing regexp: x')))[0]!.message).toMatch(
      /RE2 refuses it: see: error parsing regexp: x\)/,
    );
  });

  it('leaves a pattern that is not a string to the meta-schema, and checks only length without an engine', () => {
    expect(checkEvidenceSchema({ pattern: 5 }, () => ({ programSize: MAX_PATTERN_PROGRAM + 1 }))).toEqual([]);
    expect(checkEvidenceSchema({ pattern: '(a)\\1' })).toEqual([]);
  });

  it('takes true and false as schemas and refuses anything else that is not an object', () => {
    expect(checkEvidenceSchema(true)).toEqual([]);
    expect(checkEvidenceSchema({ items: false, not: true })).toEqual([]);
    for (const bad of [null, 3, 'x', []])
      expect(checkEvidenceSchema({ items: bad })).toEqual([{ path: ['items'], message: 'a schema must be an object (or true/false)' }]);
    expect(checkEvidenceSchema(null)).toEqual([{ path: [], message: 'a schema must be an object (or true/false)' }]);
  });

  it('refuses a map keyword that does not map names to schemas, and checks each schema it maps', () => {
    for (const bad of [null, [], 'x'])
      expect(checkEvidenceSchema({ properties: bad })).toEqual([
        { path: ['properties'], message: "'properties' must map names to schemas" },
      ]);
    expect(checkEvidenceSchema({ dependentSchemas: { a: { nope: 1 } } }).map((p) => p.path)).toEqual([['dependentSchemas', 'a', 'nope']]);
  });

  it('says why a keyword authors reach for is refused, or which allowed one is closest', () => {
    expect(checkEvidenceSchema({ definitions: {} })).toEqual([
      { path: ['definitions'], message: "'definitions' is draft-07; use '$defs'" },
    ]);
    expect(checkEvidenceSchema({ $schema: 'x' })[0]!.message).toBe(
      "an evidence schema cannot set '$schema': it is always JSON Schema 2020-12",
    );
    expect(checkEvidenceSchema({ minLenght: 2 })).toEqual([
      { path: ['minLenght'], message: "unsupported keyword 'minLenght' (did you mean 'minLength'?)" },
    ]);
    expect(checkEvidenceSchema({ qqqqqqqqqqqq: 2 })).toEqual([{ path: ['qqqqqqqqqqqq'], message: "unsupported keyword 'qqqqqqqqqqqq'" }]);
    expect(checkEvidenceSchema({ toString: 1 })[0]!.path).toEqual(['toString']);
  });

  it("allows '#' and its own $defs (escaped as JSON pointers) as references, and nothing else", () => {
    expect(checkEvidenceSchema({ type: 'array', items: { $ref: '#' } })).toEqual([]);
    expect(checkEvidenceSchema({ $defs: { 'a/b~c': { type: 'string' } }, properties: { x: { $ref: '#/$defs/a~1b~0c' } } })).toEqual([]);
    expect(checkEvidenceSchema({ $defs: { 'a/b': { type: 'string' } }, properties: { x: { $ref: '#/$defs/a/b' } } })).toEqual([
      { path: ['properties', 'x', '$ref'], message: "'$ref' points to '#/$defs/a/b', which is not one of this schema's '$defs'" },
    ]);
    expect(checkEvidenceSchema({ properties: { x: { $ref: 'other.json#' } } })).toEqual([
      {
        path: ['properties', 'x', '$ref'],
        message: "'$ref' may only point inside the evidence schema ('#' or '#/$defs/…'), not to 'other.json#'",
      },
    ]);
    expect(checkEvidenceSchema({ $ref: 5 })).toEqual([{ path: ['$ref'], message: "'$ref' must be a string" }]);
  });

  it('looks for $ref cycles only in a schema with no other problem, through every keyword that applies to the same value', () => {
    // The cycle is there, but the unknown keyword is reported alone.
    expect(checkEvidenceSchema({ $ref: '#', bad: 1 }).map((p) => p.path)).toEqual([['bad']]);
    for (const keyword of ['not', 'if', 'then', 'else'])
      expect(checkEvidenceSchema({ $defs: { a: { [keyword]: { $ref: '#/$defs/a' } } }, $ref: '#/$defs/a' }).map((p) => p.path)).toEqual([
        ['$defs', 'a', keyword, '$ref'],
      ]);
    const cycle = checkEvidenceSchema({ $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' });
    expect(cycle).toEqual([
      {
        path: ['$defs', 'b', '$ref'],
        message:
          "'$ref' cycle: '#/$defs/a' → '#/$defs/b' → '#/$defs/a' applies to the same value again and again; a schema may refer back to itself only below a property or an item",
      },
    ]);
    // A chain that ends, and two ways to one definition, are no cycle; nor is a reference below a property.
    expect(
      checkEvidenceSchema({
        $defs: { a: { $ref: '#/$defs/b' }, b: { type: 'string' } },
        not: { $ref: '#/$defs/a' },
        if: { $ref: '#/$defs/b' },
      }),
    ).toEqual([]);
    expect(checkEvidenceSchema({ $defs: { a: { properties: { x: { $ref: '#/$defs/a' } } } }, $ref: '#/$defs/a' })).toEqual([]);
    expect(checkEvidenceSchema({ $defs: { a: { dependentSchemas: 'x' } } }).map((p) => p.path)).toEqual([
      ['$defs', 'a', 'dependentSchemas'],
    ]);
    expect(checkEvidenceSchema({ $defs: true })).toEqual([{ path: ['$defs'], message: "'$defs' must map names to schemas" }]);
  });
});

describe('ajv errors as diagnostics', () => {
  const ajv = createAjvFor('own');
  const SCHEMA = {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 2 },
      kind: { enum: ['a', 'b'] },
      fixed: { const: 'yes' },
      when: { type: 'string', format: 'date' },
      link: { type: 'string', format: 'uri' },
      mail: { type: 'string', format: 'email' },
      ip: { type: 'string', format: 'ipv4' },
      code: { type: 'string', pattern: '^[A-Z]+$' },
      either: { type: ['string', 'number'] },
      obj: { type: 'object' },
      count: { type: 'integer' },
      tags: { type: 'object', propertyNames: { pattern: '^[a-z]+$' } },
      both: { allOf: [{ required: ['x'] }, { required: ['x'] }] },
      cond: { if: { required: ['a'] }, then: { required: ['b'] } },
      shaped: {
        anyOf: [
          { type: 'string', minLength: 3 },
          { type: 'object', required: ['value'], properties: { value: { type: 'string' } } },
        ],
      },
      list: { type: 'array', items: { type: 'string' } },
      loose: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    },
    required: ['name'],
    additionalProperties: false,
  };
  const validate = ajv.compile(SCHEMA);

  /** Diagnostics as `line:col message`; a diagnostic points at the key of the value at fault. */
  function diagnose(yaml: string, basePath: (string | number)[] = []): string[] {
    const source = parseYamlSource('f.yaml', yaml);
    let value = source.value;
    for (const key of basePath) value = (value as Record<string | number, unknown>)[key];
    expect(validate(value)).toBe(false);
    return ajvErrorsToDiagnostics(validate.errors, source, basePath).map((d) => `${d.line}:${d.col} ${d.message}`);
  }

  it('words each kind of error and points at the value or the key at fault', () => {
    expect(diagnose('kind: c\nfixed: no\nname: x\n')).toEqual([
      '1:1 kind must be one of: a, b',
      '2:1 fixed must be "yes"',
      '3:1 name must NOT have fewer than 2 characters',
    ]);
    expect(diagnose('name: xy\nwhen: soon\nlink: nope\nmail: nope\nip: nope\n')).toEqual([
      '2:1 when must be a date (YYYY-MM-DD)',
      '3:1 link must be a URL (https://…)',
      '4:1 mail must be a email address',
      '5:1 ip must be a ipv4',
    ]);
    expect(diagnose('name: xy\neither: [1]\nobj: 1\ncount: x\ncode: abc\n')).toEqual([
      '2:1 either must be a string or a number',
      '3:1 obj must be an object',
      '4:1 count must be an integer',
      '5:1 code must match pattern "^[A-Z]+$"',
    ]);
  });

  it('points at the unknown key itself, suggesting the closest known one', () => {
    expect(diagnose('name: xy\nnmae: z\nzzzzzzzz: 1\n')).toEqual([
      "2:1 unknown key 'nmae' in the document (did you mean 'name'?)",
      "3:1 unknown key 'zzzzzzzz' in the document",
    ]);
  });

  it('names a missing key at the map that lacks it, once however many rules ask for it', () => {
    expect(diagnose('kind: a\n')).toEqual(["1:1 the document is missing required key 'name'"]);
    expect(diagnose('name: xy\nboth: { y: 1 }\n')).toEqual(["2:1 both is missing required key 'x'"]);
  });

  it("leaves out if's summary and propertyNames' own error, keeping the key the pattern refuses", () => {
    expect(diagnose('name: xy\ncond: { a: 1 }\ntags: { ok: 1, Bad: 2 }\n')).toEqual([
      "2:1 cond is missing required key 'b'",
      `3:16 key 'Bad' is not a valid name (must match pattern "^[a-z]+$")`,
    ]);
  });

  it('explains a value written one of two ways by the branch of its own shape only', () => {
    expect(diagnose('name: xy\nshaped: ab\n')).toEqual(['2:1 shaped must NOT have fewer than 3 characters']);
    expect(diagnose('name: xy\nshaped: { value: 3 }\n')).toEqual(['2:11 shaped.value must be a string']);
    expect(diagnose('name: xy\nshaped: {}\n')).toEqual(["2:1 shaped is missing required key 'value'"]);
    // A list is not a map: the scalar branch explains it.
    expect(diagnose('name: xy\nshaped: [1]\n')).toEqual(['2:1 shaped must be a string']);
    // With no branch of the value's shape, every branch's error stands, and the summary.
    expect(diagnose('name: xy\nloose: {}\n')).toEqual([
      '2:1 loose must be a string',
      '2:1 loose must be a number',
      '2:1 loose must match a schema in anyOf',
    ]);
  });

  it('prefixes the path of a value that sits inside the file, and names list entries by index', () => {
    expect(diagnose('inner:\n  name: xy\n  list:\n    - a\n    - 1\n', ['inner'])).toEqual(['5:7 inner.list[1] must be a string']);
  });

  it('reports one problem once, and two problems at one place twice', () => {
    const source = parseYamlSource('f.yaml', 'kind: c\n');
    const error = (over: Partial<ErrorObject>): ErrorObject => ({
      keyword: 'enum',
      instancePath: '/kind',
      schemaPath: '#/x',
      params: { allowedValues: ['a'] },
      ...over,
    });
    const messages = (errors: ErrorObject[]) => ajvErrorsToDiagnostics(errors, source).map((d) => d.message);
    expect(messages([error({}), error({})])).toEqual(['kind must be one of: a']);
    expect(messages([error({}), error({ params: { allowedValues: ['b'] } })])).toEqual([
      'kind must be one of: a',
      'kind must be one of: b',
    ]);
    const constant = (allowedValue: unknown) => error({ keyword: 'const', params: { allowedValue } });
    expect(messages([constant('a'), constant('b'), constant('a')])).toEqual(['kind must be "a"', 'kind must be "b"']);
    const typed = (type: string) => error({ keyword: 'type', params: { type } });
    expect(messages([typed('string'), typed('array')])).toEqual(['kind must be a string', 'kind must be an array']);
    const formatted = (format: string) => error({ keyword: 'format', params: { format } });
    expect(messages([formatted('date'), formatted('uri')])).toEqual(['kind must be a date (YYYY-MM-DD)', 'kind must be a URL (https://…)']);
    expect(
      messages([error({ keyword: 'minimum', message: 'must be >= 1' }), error({ keyword: 'minimum', message: 'must be >= 2' })]),
    ).toEqual(['kind must be >= 1', 'kind must be >= 2']);
    expect(messages([error({ keyword: 'minimum', params: {}, message: undefined })])).toEqual(['kind is invalid']);
    expect(messages([error({ keyword: 'pattern', params: {}, message: undefined })])).toEqual(['kind does not match its pattern']);
    expect(ajvErrorsToDiagnostics(null, source)).toEqual([]);
    expect(ajvErrorsToDiagnostics(undefined, source)).toEqual([]);
  });

  it("drops only the unchosen branch's errors that sit inside its anyOf, at its value or below it", () => {
    const source = parseYamlSource('f.yaml', 'a: {}\nab: 1\n');
    const e = (
      keyword: string,
      instancePath: string,
      schemaPath: string,
      message: string,
      over: Partial<ErrorObject> = {},
    ): ErrorObject => ({
      keyword,
      instancePath,
      schemaPath,
      params: {},
      message,
      ...over,
    });
    const anyOf = e('anyOf', '/a', '#/properties/a/anyOf', 'must match a schema in anyOf', {
      schema: [{ type: 'string' }, { type: 'object' }],
      data: {},
    });
    const errors = [
      e('minimum', '/ab', '#/properties/a/anyOf/0/minimum', 'outside the value'),
      e('minimum', '/a', '#/properties/other/0', 'outside the anyOf'),
      e('minLength', '/a', '#/properties/a/anyOf/0/minLength', 'unchosen'),
      e('maxLength', '/a/x', '#/properties/a/anyOf/0/properties/x/maxLength', 'unchosen, below'),
      e('minProperties', '/a', '#/properties/a/anyOf/1/minProperties', 'chosen'),
      anyOf,
    ];
    expect(ajvErrorsToDiagnostics(errors, source).map((d) => d.message)).toEqual([
      'a outside the anyOf',
      'a chosen',
      'ab outside the value',
    ]);
    // Without the schema (a validator built without ajv's `verbose`) nothing can be chosen: all stand.
    const lean = { ...anyOf, schema: undefined };
    expect(ajvErrorsToDiagnostics([errors[2]!, lean], source).map((d) => d.message)).toEqual([
      'a unchosen',
      'a must match a schema in anyOf',
    ]);
    // A null value is not a map: the scalar branch explains it.
    const nullData = { ...anyOf, data: null };
    expect(ajvErrorsToDiagnostics([errors[2]!, errors[4]!, nullData], source).map((d) => d.message)).toEqual(['a unchosen']);
  });

  it('words a propertyNames pattern error that ajv reports without the key', () => {
    const source = parseYamlSource('f.yaml', 'tags:\n  Bad: 1\n');
    const error: ErrorObject = {
      keyword: 'pattern',
      instancePath: '/tags',
      schemaPath: '#/properties/tags/propertyNames/pattern',
      params: {},
    };
    expect(ajvErrorsToDiagnostics([error], source)).toEqual([
      { file: 'f.yaml', line: 1, col: 1, message: "key 'tags' is not a valid name (bad pattern)" },
    ]);
    const keyed: ErrorObject = { ...error, params: { propertyName: 'Bad' }, message: 'must match' };
    expect(ajvErrorsToDiagnostics([keyed], source)).toEqual([
      { file: 'f.yaml', line: 2, col: 3, message: "key 'Bad' is not a valid name (must match)" },
    ]);
  });

  it('describes paths as a reader writes them', () => {
    expect(describePath([])).toBe('the document');
    expect(describePath(['a', 'b'])).toBe('a.b');
    expect(describePath(['a', 0, 'b'])).toBe('a[0].b');
    expect(describePath(['a', '12'])).toBe('a[12]');
    expect(describePath([3])).toBe('[3]');
    expect(describePath(['a1'])).toBe('a1');
  });
});

describe('errors looked up when read', () => {
  const schema = {
    type: 'object',
    properties: { 'a b': { type: 'string' }, n: { type: 'object', properties: { m: { minimum: 2 } } } },
    propertyNames: { maxLength: 3 },
  };
  const validate = withErrorDetails(createAjvFor('plan').compile(schema), () => schema);

  it('gives the schema, the parent schema and the data of each error, and no errors when valid', () => {
    expect(validate({ 'a b': 1, n: { m: 1 } })).toBe(false);
    const [space, min] = validate.errors!;
    expect(space).toMatchObject({ keyword: 'type', instancePath: '/a b', schema: 'string', parentSchema: { type: 'string' }, data: 1 });
    expect(min).toMatchObject({ keyword: 'minimum', schema: 2, parentSchema: { minimum: 2 }, data: 1 });
    expect(validate({ n: {} })).toBe(true);
    expect(validate.errors).toBeNull();
  });

  it('gives the key itself as the data of a propertyNames error', () => {
    expect(validate({ long: 1 })).toBe(false);
    const error = validate.errors!.find((e) => e.keyword === 'maxLength')!;
    expect(error.propertyName).toBe('long');
    expect(error.data).toBe('long');
  });

  it('finds nothing on a path that is not there', () => {
    const schemaFree = withErrorDetails(
      createAjvFor('plan').compile({ type: 'object', properties: { x: { type: 'string' } } }),
      () => ({}),
    );
    expect(schemaFree({ x: 1 })).toBe(false);
    expect(schemaFree.errors![0]!.schema).toBeUndefined();
    expect(schemaFree.errors![0]!.parentSchema).toBeUndefined();
  });
});

describe('the validation set', () => {
  const schemas = loadSchemas();

  function counted(extra: Partial<SchemaSet> = {}) {
    const made: AjvPurpose[] = [];
    const validation = createValidation({ ...schemas, ...extra } as SchemaSet, {
      createAjv: (purpose) => {
        made.push(purpose);
        return createAjvFor(purpose);
      },
    });
    return { validation, made };
  }

  it('makes each ajv instance once, when first needed', () => {
    const { validation, made } = counted();
    expect(made).toEqual([]);
    expect(typeof validation.manifest).toBe('function');
    expect(validation.phase).toBe(validation.phase);
    expect(typeof validation.questions).toBe('function');
    expect(typeof validation.course).toBe('function');
    expect(typeof validation.report).toBe('function');
    expect(made).toEqual(['own']);
    expect(validation.plan).toBe(validation.plan);
    expect(validation.plan({})).toBe(false);
    expect(made).toEqual(['own', 'plan']);
    expect(validation.schemas.plan).toBe(schemas.plan);
  });

  it('uses a precompiled plan validator and precompiled evidence validators when given', () => {
    const plan = Object.assign(() => true, { errors: null });
    const evidence = Object.assign(() => false, { errors: null });
    const made: AjvPurpose[] = [];
    const validation = createValidation(schemas, {
      createAjv: (purpose) => {
        made.push(purpose);
        return createAjvFor(purpose);
      },
      precompiled: { plan: plan as never, evidence: new Map([['{"type":"string"}', evidence as never]]) },
    });
    expect(validation.plan({ anything: 1 })).toBe(true);
    expect(validation.compileEvidence({ type: 'string' })).toBe(evidence);
    expect(made).toEqual([]);
  });

  it('compiles an evidence schema once per text, and refuses one with a problem, naming where', () => {
    const { validation, made } = counted();
    const v = validation.compileEvidence({ type: 'string', minLength: 2 });
    expect(validation.compileEvidence({ type: 'string', minLength: 2 })).toBe(v);
    expect(v('ab')).toBe(true);
    expect(v('a')).toBe(false);
    expect(made).toEqual(['evidence']);
    expect(() => validation.compileEvidence({ items: { qqqqqqqqqqqq: 1 } })).toThrow(
      /^items\.qqqqqqqqqqqq: unsupported keyword 'qqqqqqqqqqqq'$/,
    );
    expect(() => validation.compileEvidence(3)).toThrow(/^a schema must be an object \(or true\/false\)$/);
  });

  it("checks evidence patterns with the evidence instance's own engine, and its program size", () => {
    const { validation } = counted();
    expect(validation.checkEvidence({ pattern: '^[a-z]+$' })).toEqual([]);
    expect(validation.checkEvidence({ pattern: '(a)\\1' }).map((p) => p.path)).toEqual([['pattern']]);
    expect(validation.checkEvidence({ pattern: '[a-z]{1,1000}' })[0]!.message).toMatch(/RE2 instructions/);
  });

  it('says which part of the methodology schema is missing', () => {
    const { validation } = counted({ methodology: { ...schemas.methodology, $id: 'https://acme.example/m.json', $defs: {} } });
    expect(() => validation.manifest).toThrow('schema https://acme.example/m.json#/$defs/manifest is missing');
  });
});

describe('the quick URL test', () => {
  it('accepts the usual links and leaves everything else to the full format', () => {
    for (const url of ['https://acme.example', 'http://a.b:8080/x/y?q=1&r=%20#frag', 'git+ssh://host/repo.git', 'https://ex.org/a:b@c'])
      expect(COMMON_URI.test(url), url).toBe(true);
    for (const url of [
      'example.org',
      'https://ex ample.org',
      'https://ex.org/%zz',
      '1http://x',
      'mailto:a@b',
      'https://[::1]/',
      'https://u@h/',
      'https://h:x/',
    ])
      expect(COMMON_URI.test(url), url).toBe(false);
    const asked: string[] = [];
    const formats = withQuickUri({ uri: (value: string) => (asked.push(value), value === 'mailto:a@b'), date: 'kept' });
    expect(formats.date).toBe('kept');
    const uri = formats.uri as (value: string) => boolean;
    expect(uri('https://acme.example')).toBe(true);
    expect(asked).toEqual([]);
    expect(uri('mailto:a@b')).toBe(true);
    expect(uri('nope')).toBe(false);
    expect(asked).toEqual(['mailto:a@b', 'nope']);
  });
});
