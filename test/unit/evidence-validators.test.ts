// Evidence validators are resolved and compiled once per schema and set of the values it uses.
import { describe, expect, it } from 'vitest';
import { EvidenceValidators } from '../../src/methodology/evidence-schema.js';
import { validation } from '../helpers.js';

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
