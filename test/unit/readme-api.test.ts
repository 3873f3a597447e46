// The README's programmatic API example must compile against the real API (its `commready` import
// mapped to src/index.ts), so the documentation cannot drift from the code.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

function readmeApiExample(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Programmatic API'));
  const block = section && /```ts\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md has no ```ts block under "## Programmatic API"');
  return block[1]!;
}

function compileErrors(source: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'commready-readme-'));
  try {
    const file = path.join(dir, 'example.ts');
    writeFileSync(file, `${source}\nexport {};\n`);
    const root = process.cwd();
    const program = ts.createProgram([file], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts'],
      types: ['node'],
      typeRoots: [path.join(root, 'node_modules', '@types')],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      paths: { commready: [path.join(root, 'src', 'index.ts')] },
      allowImportingTsExtensions: true,
    });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file || d.file === undefined)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the README's API example", { timeout: 120_000 }, () => {
  it('compiles against the real API', () => {
    expect(compileErrors(readmeApiExample())).toEqual([]);
  });

  it('would fail to compile if it used the API wrongly (the check can fail)', () => {
    const broken = readmeApiExample().replace('plans: [{ assessment, methodology, verdict }]', 'plans: [{ assessment, verdict }]');
    expect(compileErrors(broken).length).toBeGreaterThan(0);
  });
});
