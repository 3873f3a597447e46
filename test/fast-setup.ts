// The fast loop's one shortcut (vitest.fast.config.ts): the built-in methodology is built once per worker.
// Without it every test file builds it again, and so does every command a test runs in-process (`main`
// loads it per run), which was most of the loop's time. The full run (`npm test`) builds it as users do.
import path from 'node:path';
import { vi } from 'vitest';
import type { Methodology } from '../src/methodology/types.js';

vi.mock('../src/io/load-methodology.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/io/load-methodology.js')>();
  const { builtinChecklistsDir } = await import('../src/io/package-files.js');
  const builtin = path.resolve(builtinChecklistsDir);
  // By the directory as written: the methodology's file names (in messages and reports) come from it.
  const cached = new Map<string, Methodology>();
  const loadMethodology: typeof original.loadMethodology = (dir, validation, options, chain = []) => {
    // Only the built-in one, loaded on its own: fixtures and methodologies that extend it load as written.
    if (path.resolve(dir) !== builtin || chain.length > 0) return original.loadMethodology(dir, validation, options, chain);
    let m = cached.get(dir);
    if (!m) cached.set(dir, (m = original.loadMethodology(dir, validation, options, chain)));
    return m;
  };
  const loadBuiltinMethodology: typeof original.loadBuiltinMethodology = (validation) =>
    loadMethodology(original.displayPath(builtinChecklistsDir), validation);
  return { ...original, loadMethodology, loadBuiltinMethodology };
});
