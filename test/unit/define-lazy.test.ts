// Lazy properties: computed once, on first read, then plain values; the schemas are read that way.
import { describe, expect, it } from 'vitest';
import { defineLazy } from '../../src/io/define-lazy.js';
import { loadSchemas } from '../../src/io/package-files.js';

describe('defineLazy', () => {
  it('computes a property on its first read only, then holds it as a plain value', () => {
    const asked: string[] = [];
    const target = { kept: 1 } as { kept: number; a?: string; b?: string };
    defineLazy(target, ['a', 'b'], (key) => {
      asked.push(key);
      return key.toUpperCase();
    });
    expect(asked).toEqual([]);
    expect(target.a).toBe('A');
    expect(target.a).toBe('A');
    expect(asked).toEqual(['a']);
    expect(Object.getOwnPropertyDescriptor(target, 'a')).toMatchObject({ value: 'A', writable: true, enumerable: true });
    expect(Object.keys(target)).toEqual(['kept', 'a', 'b']);
    expect(JSON.stringify(target)).toBe('{"kept":1,"a":"A","b":"B"}');
    expect(asked).toEqual(['a', 'b']);
  });

  it('leaves each schema unread until it is used', () => {
    const schemas = loadSchemas();
    for (const key of ['methodology', 'plan', 'report']) expect(Object.getOwnPropertyDescriptor(schemas, key)?.get, key).toBeDefined();
    expect(schemas.plan.$id).toBe('https://commready.dev/schemas/plan.schema.json');
    expect(Object.getOwnPropertyDescriptor(schemas, 'plan')?.get).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(schemas, 'report')?.get).toBeDefined();
  });
});
