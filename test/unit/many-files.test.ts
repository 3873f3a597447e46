// A folder of 130,000 plan files is listed without a stack overflow (the names were once spread into a
// call's arguments). The folder is a stand-in: making 130,000 real files takes longer than the listing,
// and linting that many plans is a matter of time, not of correctness.
import { describe, expect, it, vi } from 'vitest';

const COUNT = 130_000;
const names = Array.from({ length: COUNT }, (_, i) => `p${String(i).padStart(6, '0')}.yaml`).reverse();

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const isBig = (p: unknown): boolean => p === 'big-folder';
  return {
    ...fs,
    statSync: ((p: string, ...rest: unknown[]) =>
      isBig(p) ? { isDirectory: () => true } : (fs.statSync as (...a: unknown[]) => unknown)(p, ...rest)) as typeof fs.statSync,
    readdirSync: ((p: string, ...rest: unknown[]) =>
      isBig(p)
        ? names.map((name) => ({ name, isDirectory: () => false, isSymbolicLink: () => false }))
        : (fs.readdirSync as (...a: unknown[]) => unknown)(p, ...rest)) as typeof fs.readdirSync,
  };
});

const { resolveInputs } = await import('../../src/io/resolve-inputs.js');

describe('resolving inputs', () => {
  it('lists a folder of 130,000 plan files, in order', () => {
    const { files, problems } = resolveInputs(['big-folder']);
    expect(problems).toEqual([]);
    expect(files).toHaveLength(COUNT);
    expect(files[0]).toBe('big-folder/p000000.yaml');
    expect(files.at(-1)).toBe('big-folder/p129999.yaml');
  });
});
