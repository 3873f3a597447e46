// detect is loaded only when it runs: no module that lint, report or the command line itself imports
// statically reaches its code (the command table imports it with `await import()`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module a file reaches through static value imports (type-only imports and `import()` left out). */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
      stack.push(path.normalize(path.join(path.dirname(file), m[1]!.replace(/\.js$/, '.ts'))));
    }
    for (const m of text.matchAll(/^import\s+'(\.[^']+)'/gm))
      stack.push(path.normalize(path.join(path.dirname(file), m[1]!.replace(/\.js$/, '.ts'))));
  }
  return seen;
}

const DETECT_CODE =
  /^src\/(detect\/|io\/collect-detection|io\/git-repository|cli\/detect-|cli\/commands\/detect|interview\/detected-defaults)/;

describe('detect is lazy', () => {
  for (const entry of ['src/cli/main.ts', 'src/cli/commands/lint.ts', 'src/cli/commands/report.ts', 'src/index.ts']) {
    it(`is not reached from ${entry}`, () => {
      const reached = [...staticGraph(entry)].filter((f) => DETECT_CODE.test(f));
      expect(reached).toEqual([]);
    });
  }

  it('is reached from its own command (the check above would notice a renamed module)', () => {
    expect([...staticGraph('src/cli/commands/detect.ts')].filter((f) => DETECT_CODE.test(f)).length).toBeGreaterThan(10);
  });
});
