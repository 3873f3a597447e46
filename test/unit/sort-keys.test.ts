// sortKeys returns the value itself where it is already in order, and otherwise what the full copy gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortKeys } from '../../src/report/format-json.js';
import { runs } from '../properties.js';

/**
 * The deep copy sortKeys made before it kept values already in order, but into an object without a
 * prototype: into a plain one, an own key named __proto__ set the copy's prototype and was lost.
 */
function reference(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reference);
  if (value === null || typeof value !== 'object') return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = reference(v);
  }
  return out;
}

const values = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined), tie('list'), tie('record')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  record: fc.dictionary(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('10', '9', 'a', 'B', '__proto__')), tie('value'), {
    maxKeys: 5,
  }),
})).value;

describe('sortKeys', () => {
  it('gives the text the full copy gave, for any value', () => {
    fc.assert(
      fc.property(values, (v) => {
        expect(JSON.stringify(sortKeys(v))).toBe(JSON.stringify(reference(v)));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('returns a value already in order as it is, and copies one that is not', () => {
    const inOrder = { a: 1, b: [{ c: 2, d: 'x' }], e: { f: null } };
    expect(sortKeys(inOrder)).toBe(inOrder);
    const outOfOrder = { b: 1, a: 2 };
    expect(sortKeys(outOfOrder)).not.toBe(outOfOrder);
    expect(JSON.stringify(sortKeys(outOfOrder))).toBe('{"a":2,"b":1}');
    // A nested change copies the parents, and leaves the value given untouched.
    const nested = { a: [{ z: 1, y: 2 }], b: 3 };
    const sorted = sortKeys(nested) as typeof nested;
    expect(sorted).not.toBe(nested);
    expect(JSON.stringify(sorted)).toBe('{"a":[{"y":2,"z":1}],"b":3}');
    expect(JSON.stringify(nested)).toBe('{"a":[{"z":1,"y":2}],"b":3}');
    // Undefined is left out; an object that is not a plain one (a Date) is copied as its keys, as before.
    expect(JSON.stringify(sortKeys({ a: undefined, b: 1 }))).toBe('{"b":1}');
    expect(JSON.stringify(sortKeys(JSON.parse('{"z":1,"__proto__":{"polluted":true}}')))).toBe('{"__proto__":{"polluted":true},"z":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(sortKeys({ when: new Date(0) }))).toBe('{"when":{}}');
  });
});
