// What the published package holds: the LICENSE, the built code and the files the README promises.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the package', () => {
  it('ships an MIT LICENSE for "commready contributors", the built binary and the checklists', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'bin/commready.cjs',
        'dist/index.js',
        'checklists/methodology.yaml',
        'schemas/plan.schema.json',
      ]),
    );
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/'))).toBe(false);
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} commready contributors\n/);
  });
});
