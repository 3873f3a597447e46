// The pure core must not touch the file system, the process, the terminal or the clock.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PURE = ['methodology', 'plan', 'scoring', 'report', 'validation', 'source', 'text'];
const FORBIDDEN = [/^node:/, /^(fs|path|os|child_process|process|tty)$/, /^chalk$/, /^ora$/, /^@inquirer\//, /\/io\//, /\/cli\//];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('the pure core', () => {
  for (const folder of PURE) {
    it(`src/${folder} imports nothing that does I/O`, () => {
      const files = sourceFiles(path.join('src', folder));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
        for (const spec of specifiers) expect(FORBIDDEN.some((re) => re.test(spec)), `${file} imports ${spec}`).toBe(false);
        expect(/\bprocess\.|\bDate\.now\(|new Date\(\)/.test(text), `${file} uses the process or the clock`).toBe(false);
      }
    });
  }

  it('the lint command never loads Inquirer or ora', () => {
    const lintGraph = ['src/cli/main.ts', 'src/cli/commands/lint.ts', 'src/cli/assess-files.ts', 'src/cli/write-outputs.ts', 'src/cli/shared.ts', 'src/cli/paint.ts', 'src/cli/io.ts'];
    for (const file of lintGraph) expect(readFileSync(file, 'utf8')).not.toMatch(/@inquirer|['"]ora['"]/);
  });
});
