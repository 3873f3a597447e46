// Hostile methodologies: patterns run on RE2 (linear time), unsupported keywords and outside $refs are
// refused with positions, and the precompiled validators use the same pattern engine.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAjv, loadRe2 } from '../../src/io/ajv-factory.js';
import { loadMethodology } from '../../src/io/load-methodology.js';
import { checkEvidenceSchema, MAX_SCHEMA_DEPTH } from '../../src/validation/evidence-schema-check.js';
import { methodologyLimitProblems } from '../../src/validation/methodology-limits.js';
import { planSchemaShapesAt } from '../../src/methodology/plan-schema-paths.js';
import { kindsOfPlanNode, whyNoValuePasses } from '../../src/methodology/unsatisfiable-schema.js';
import { MAX_DEPTH, parseYamlSource } from '../../src/source/yaml-source.js';
import { inputErrorsOf, validation } from '../helpers.js';

const require = createRequire(import.meta.url);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The mini methodology with the first item's first evidence schema replaced by `schemaYaml`. */
function withSchema(schemaYaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'commready-hostile-'));
  dirs.push(dir);
  cpSync('test/fixtures/mini', dir, { recursive: true });
  const file = path.join(dir, 'first.yaml');
  const text = readFileSync(file, 'utf8');
  const old = 'schema: { type: string, minLength: 10 }';
  expect(text).toContain(old);
  writeFileSync(
    file,
    text.replace(old, () => `schema: ${schemaYaml}`),
  );
  return dir;
}

const re2Compile = (pattern: string): void => {
  const re2 = loadRe2();
  re2.compile(re2.translateRegExp(pattern));
};
const EVIL = '^(a+)+$';
const evilInput = `${'a'.repeat(5000)}!`;

describe('evidence patterns', () => {
  it('run on RE2 at run time: a catastrophic pattern answers at once on a long value', () => {
    // A backtracking engine would not finish this before the end of the universe; RE2 is linear.
    const validate = validation.compileEvidence({ type: 'string', pattern: EVIL });
    expect(validate(evilInput)).toBe(false);
    expect(validate('aaaa')).toBe(true);
  });

  it('run on RE2 in standalone (precompiled) validators too', () => {
    const ajv = createAjv({ code: { source: true } });
    ajv.addSchema({ type: 'string', pattern: EVIL }, 'evil');
    const standalone = (require('ajv/dist/standalone/index.js') as { default: (a: unknown, m: Record<string, string>) => string }).default;
    const code = standalone(ajv, { evil: 'evil' });
    expect(code).not.toMatch(/new RegExp/);
    expect(code).toMatch(/require\("re2js"\)/);
    const mod = { exports: {} as Record<string, (v: unknown) => boolean> };
    new Function('module', 'exports', 'require', code)(mod, mod.exports, require);
    expect(mod.exports.evil!(evilInput)).toBe(false);
    expect(mod.exports.evil!('aaa')).toBe(true);
  });

  it('keep ECMAScript meaning for the usual constructs (search, not full match; classes; \\d; unicode)', () => {
    const v = (pattern: string) => validation.compileEvidence({ type: 'string', pattern });
    expect(v('b')('abc')).toBe(true);
    expect(v('^b')('abc')).toBe(false);
    expect(v('^\\d{4}-\\d{2}$')('2026-11')).toBe(true);
    expect(v('^\\p{L}+$')('Émilie')).toBe(true);
    expect(v('^https?://')('http://x')).toBe(true);
    expect(v('^(?<year>\\d{4})$')('2026')).toBe(true);
  });
});

describe('checkEvidenceSchema', () => {
  it('accepts every construct the built-in checklists use', () => {
    expect(
      checkEvidenceSchema(
        {
          type: 'array',
          minItems: { $param: 'x' },
          items: { type: 'object', required: ['a'], properties: { a: { type: 'string', pattern: '^x' } } },
          contains: { allOf: [{ const: 1 }] },
        },
        re2Compile,
      ),
    ).toEqual([]);
  });

  it('refuses dynamic and recursive references, $id and unknown keywords, with their paths', () => {
    const problems = checkEvidenceSchema(
      { properties: { a: { $dynamicRef: '#x' }, b: { $recursiveRef: '#' } }, $id: 'x', 'x-ui': 1 },
      re2Compile,
    );
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([['properties', 'a', '$dynamicRef'], ['properties', 'b', '$recursiveRef'], ['$id'], ['x-ui']]),
    );
    expect(problems).toHaveLength(4);
  });

  it('allows $ref only to its own $defs', () => {
    expect(checkEvidenceSchema({ $defs: { s: { type: 'string' } }, items: { $ref: '#/$defs/s' } })).toEqual([]);
    expect(checkEvidenceSchema({ items: { $ref: 'https://acme.example/s.json' } }).map((p) => p.path)).toEqual([['items', '$ref']]);
    expect(checkEvidenceSchema({ items: { $ref: '#/$defs/missing' } }).map((p) => p.path)).toEqual([['items', '$ref']]);
  });

  it('refuses patterns RE2 cannot run (backreferences, lookaround), in patternProperties keys too', () => {
    const problems = checkEvidenceSchema({ pattern: '(a)\\1', patternProperties: { '(?=x)y': true } }, re2Compile);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining([['pattern'], ['patternProperties', '(?=x)y']]));
    expect(problems).toHaveLength(2);
  });

  it('refuses a $ref cycle that never goes down into a property or an item, at the $ref that closes it', () => {
    const cycles: [unknown, (string | number)[]][] = [
      [{ $ref: '#' }, ['$ref']],
      [{ $defs: { a: { $ref: '#/$defs/a' } }, items: { $ref: '#/$defs/a' } }, ['$defs', 'a', '$ref']],
      [
        { $defs: { a: { not: { anyOf: [{ $ref: '#/$defs/b' }] } }, b: { then: { $ref: '#/$defs/a' } } }, $ref: '#/$defs/a' },
        ['$defs', 'b', 'then', '$ref'],
      ],
      [
        { $defs: { 'x/y': { dependentSchemas: { k: { $ref: '#/$defs/x~1y' } } } }, $ref: '#/$defs/x~1y' },
        ['$defs', 'x/y', 'dependentSchemas', 'k', '$ref'],
      ],
    ];
    for (const [schema, path] of cycles) {
      const problems = checkEvidenceSchema(schema, re2Compile);
      expect(
        problems.map((p) => p.path),
        JSON.stringify(schema),
      ).toEqual([path]);
      expect(problems[0]!.message).toMatch(/^'\$ref' cycle: /);
    }
    for (const recursive of [
      { $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } }, $ref: '#/$defs/node' },
      { type: 'array', items: { $ref: '#' } },
      { $defs: { a: { allOf: [{ $ref: '#/$defs/b' }] }, b: { type: 'string' } }, anyOf: [{ $ref: '#/$defs/a' }, { $ref: '#/$defs/b' }] },
    ])
      expect(checkEvidenceSchema(recursive, re2Compile), JSON.stringify(recursive)).toEqual([]);
  });

  it('refuses a pattern whose RE2 program is larger than the bound, with its size', () => {
    const sized = (pattern: string) => ({
      programSize: (require('re2js') as { RE2JS: { compile(p: string): { programSize(): number } } }).RE2JS.compile(pattern).programSize(),
    });
    expect(checkEvidenceSchema({ pattern: '^[a-z]{1,400}$' }, sized)).toEqual([]);
    const [problem, ...rest] = checkEvidenceSchema({ patternProperties: { '[a-z]{1,1000}': true } }, sized);
    expect(rest).toEqual([]);
    expect(problem!.path).toEqual(['patternProperties', '[a-z]{1,1000}']);
    expect(problem!.message).toMatch(/^the pattern compiles to 2001 RE2 instructions; at most 1000 /);
  });

  it('bounds nesting depth without recursing', () => {
    let deep: unknown = { type: 'string' };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    const problems = checkEvidenceSchema(deep);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toHaveLength(MAX_SCHEMA_DEPTH);
  });
});

describe('a methodology with a hostile evidence schema', () => {
  it('is refused at load with the position of a backreference pattern', () => {
    const dir = withSchema("{ type: string, pattern: '(a)\\1' }");
    const [d, ...rest] = inputErrorsOf(() => loadMethodology(dir, validation));
    expect(rest).toEqual([]);
    expect([path.basename(d!.file), d!.line, d!.col]).toEqual(['first.yaml', 13, 33]);
    expect(d!.message).toMatch(/RE2/);
  });

  it('is refused at load with the position of a $dynamicRef', () => {
    const dir = withSchema("{ type: object, properties: { a: { $dynamicRef: '#meta' } } }");
    const [d, ...rest] = inputErrorsOf(() => loadMethodology(dir, validation));
    expect(rest).toEqual([]);
    expect([path.basename(d!.file), d!.line, d!.col]).toEqual(['first.yaml', 13, 52]);
  });

  it('with a catastrophic but RE2-compatible pattern loads and validates in linear time', () => {
    const dir = withSchema(`{ type: string, pattern: '${EVIL}' }`);
    const m = loadMethodology(dir, validation);
    const rule = m.phases[0]!.items[0]!.evidence[0]!;
    if (rule.kind !== 'schema') throw new Error('expected a schema rule');
    expect(validation.compileEvidence(rule.schema)(evilInput)).toBe(false);
  });
});

describe('an evidence schema no plan can satisfy', () => {
  const refused = (dir: string) => inputErrorsOf(() => loadMethodology(dir, validation)).map((d) => `${d.line}:${d.col} ${d.message}`);

  it.each([
    ['false', 'the schema is false'],
    ['{ not: {} }', "'not' refuses every value"],
    ['{ type: string, minLength: 5, maxLength: 2 }', 'minLength 5 is above maxLength 2'],
    ['{ type: number, minimum: 10, maximum: { $param: people_min } }', 'minimum 10 is above maximum 3'],
    ['{ allOf: [{ type: string }, { type: array }] }', 'its kinds of value exclude each other'],
    ['{ allOf: [{ type: string }, { not: true }] }', "'not' refuses every value"],
  ])('is refused at its schema: %s', (schema, why) => {
    expect(refused(withSchema(schema))).toEqual([`13:9 no plan can meet this rule: ${why}, so no value passes`]);
  });

  it('is refused where it asks for a kind of value the plan field never holds', () => {
    const dir = withSchema('{ type: number }');
    for (const name of ['first.yaml', 'questions.yaml']) {
      const file = path.join(dir, name);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('custom.purpose', 'community.name'));
    }
    expect(refused(dir)).toEqual(['13:9 no plan can meet this rule: it accepts only number, which the plan field never holds (string)']);
  });

  it('leaves a schema that some value passes, a presence check included', () => {
    for (const schema of ['{}', 'true', "{ type: string, pattern: '.*' }", '{ enum: [a, 1] }', '{ type: [string, number], maxLength: 9 }'])
      expect(() => loadMethodology(withSchema(schema), validation)).not.toThrow();
  });
});

describe('whyNoValuePasses', () => {
  const kindsAt = (dotted: string) => {
    const shapes = planSchemaShapesAt(validation.schemas.plan as Record<string, unknown>, dotted.split('.'));
    return shapes && kindsOfPlanNode(shapes.node, shapes.alternatives);
  };

  it('reads the kinds of value a plan field holds, with every shape of a fact that may be dated', () => {
    expect(kindsAt('community.name')).toEqual(new Set(['string']));
    expect(kindsAt('custom.anything')).toBeUndefined();
    expect(kindsAt('observed.absence_factor')?.has('number')).toBe(true);
  });

  it('finds kinds the field never holds through type, const and enum, and an integer is a number', () => {
    const text = new Set(['string'] as const);
    expect(whyNoValuePasses({ const: 42 }, text)).toMatch(/accepts only number/);
    expect(whyNoValuePasses({ enum: [true, null] }, text)).toMatch(/accepts only boolean or null/);
    expect(whyNoValuePasses({ type: 'integer' }, new Set(['number'] as const))).toBeUndefined();
    expect(whyNoValuePasses({ type: 'number', exclusiveMinimum: 3, exclusiveMaximum: 3 }, undefined)).toMatch(/exclusiveMinimum 3/);
    expect(whyNoValuePasses({ type: 'number', minimum: 3, maximum: 3 }, undefined)).toBeUndefined();
    expect(whyNoValuePasses({ type: 'number' }, undefined)).toBeUndefined();
    // A type name that does not exist is the schema compiler's to report.
    expect(whyNoValuePasses({ type: 'strng' }, text)).toBeUndefined();
  });
});

describe('methodologyLimitProblems', () => {
  it('flags too many phases, items and rules, and too many bytes', () => {
    const items = (n: number, rules = 0) => ({
      items: Array.from({ length: n }, () => ({ evidence: Array.from({ length: rules }, () => ({})) })),
    });
    expect(methodologyLimitProblems({ phases: ['a'] }, new Map([['a', items(3, 2)]]), 100)).toEqual([]);
    const over = methodologyLimitProblems(
      { phases: Array.from({ length: 101 }, (_, i) => `p${i}`) },
      new Map([
        ['a', items(5001)],
        ['b', items(1, 51)],
      ]),
      21 * 1024 * 1024,
    );
    expect(over.map((p) => [p.file, p.path.join('.')])).toEqual([
      ['manifest', ''],
      ['manifest', 'phases'],
      ['b', 'items.0.evidence'],
      ['manifest', 'phases'],
    ]);
  });
});

describe('parseYamlSource depth', () => {
  it('refuses nesting past MAX_DEPTH at the first node too deep, and accepts it up to the bound', () => {
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(() => parseYamlSource('p.yaml', `x: ${nested(MAX_DEPTH - 1)}`)).not.toThrow();
    const [d] = inputErrorsOf(() => parseYamlSource('p.yaml', `x: ${nested(MAX_DEPTH + 5)}`));
    expect([d!.line, d!.col]).toEqual([1, MAX_DEPTH + 3]);
    expect(d!.message).toMatch(/nested more than 100 levels/);
  });
});
