// Evidence validators are resolved and compiled once per schema and set of the values it uses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvidenceValidators, findParamReferences, paramNames } from '../../src/methodology/evidence-schema.js';
import { ruleSchemas } from '../../src/methodology/rule-kinds/index.js';
import { allItems } from '../../src/methodology/types.js';
import { builtinMethodology, validation } from '../helpers.js';

describe('paramNames', () => {
  const namesOfReferences = (schema: unknown) => [...new Set(findParamReferences(schema).map((r) => r.name))];

  it('gives the names findParamReferences finds, each once, in the same order', () => {
    const schemas = allItems(builtinMethodology()).flatMap((item) => item.evidence.flatMap(ruleSchemas));
    expect(schemas.some((schema) => paramNames(schema).length > 0)).toBe(true);
    for (const schema of schemas) expect(paramNames(schema)).toEqual(namesOfReferences(schema));
    const param = fc.constantFrom('a', 'b', 'c', 'constructor').map(($param) => ({ $param }));
    const tree = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        param,
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('$param', 'minimum', 'items', '__proto__'), tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (schema) => {
        expect(paramNames(schema)).toEqual(namesOfReferences(schema));
      }),
    );
  });
});

describe('EvidenceValidators', () => {
  it("compiles a schema once per distinct value of the parameters it uses, and applies each plan's values", () => {
    const compiled: unknown[] = [];
    const validators = new EvidenceValidators((schema) => {
      compiled.push(schema);
      return validation.compileEvidence(schema);
    });
    const schema = { type: 'number', minimum: { $param: 'floor' } };
    const at5 = validators.get(schema, { floor: 5, other: 1 });
    expect(validators.get(schema, { floor: 5, other: 2 })).toBe(at5); // an unused parameter changes nothing
    const at8 = validators.get(schema, { floor: 8 });
    expect(at8).not.toBe(at5);
    expect([at5(5), at5(4), at8(7), at8(8)]).toEqual([true, false, false, true]);
    expect(compiled).toEqual([
      { type: 'number', minimum: 5 },
      { type: 'number', minimum: 8 },
    ]);
  });

  it('compiles a schema without parameters once, whatever the values', () => {
    let compilations = 0;
    const validators = new EvidenceValidators((schema) => {
      compilations++;
      return validation.compileEvidence(schema);
    });
    const schema = { type: 'string', minLength: 1 };
    for (const floor of [1, 2, 3]) expect(validators.get(schema, { floor })('x')).toBe(true);
    expect(compilations).toBe(1);
  });
});
