// Lazy properties: computed once, on first read, then plain values; the schemas are read that way.
import { spawnSync } from 'node:child_process';
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

  it('keeps objects given the same lazy properties fast and on one shape, unlike getters of their own', () => {
    // The built module, in a Node that can ask V8 about the objects' shapes (maps).
    const code = `
      import { lazyProperties } from './dist/io/define-lazy.js';
      const keys = ['a', 'b', 'c', 'd'];
      const lazy = lazyProperties(keys, (target, key) => target.id + key);
      const [x, y] = [{ id: 'x' }, { id: 'y' }];
      lazy(x); lazy(y);
      const own = (o) => { for (const k of keys) Object.defineProperty(o, k, { get: () => k, enumerable: true, configurable: true }); return o; };
      const mine = own({ id: 'z' });
      console.log(JSON.stringify([%HasFastProperties(x), %HaveSameMap(x, y), %HasFastProperties(mine), x.a, y.b, x.a]));`;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    // Getters of their own turn an object into a slow dictionary: the check can fail.
    expect(JSON.parse(r.stdout)).toEqual([true, true, false, 'xa', 'yb', 'xa']);
  });

  it('leaves each schema unread until it is used', () => {
    const schemas = loadSchemas();
    for (const key of ['methodology', 'plan', 'report']) expect(Object.getOwnPropertyDescriptor(schemas, key)?.get, key).toBeDefined();
    expect(schemas.plan.$id).toBe('https://commready.dev/schemas/plan.schema.json');
    expect(Object.getOwnPropertyDescriptor(schemas, 'plan')?.get).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(schemas, 'report')?.get).toBeDefined();
  });
});
