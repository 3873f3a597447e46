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

  it('has the metadata a registry page and a bug report need, and exports usable from require and import', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown> & {
      exports: Record<string, Record<string, string>>;
      repository: { url: string };
      bugs: { url: string };
      files: string[];
    };
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/commready\.git$/);
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/[^/]+\/commready#readme$/);
    expect(pkg.bugs.url).toMatch(/^https:\/\/github\.com\/[^/]+\/commready\/issues$/);
    expect(pkg.files).toContain('CHANGELOG.md');
    expect(readFileSync('CHANGELOG.md', 'utf8')).toMatch(/^# Changelog\n[\s\S]*## \[Unreleased\]/);
    // `require` takes the `default` condition (Node 20.19+ loads the ES module), `import` the `import` one.
    expect(pkg.exports['.']).toMatchObject({ import: './dist/index.js', default: './dist/index.js' });
  });

  it('README promises no install from the registry before the package is published', () => {
    const readme = readFileSync('README.md', 'utf8');
    const install = readme.slice(readme.indexOf('## Installing'), readme.indexOf('## Using it'));
    expect(install).toMatch(/not on the npm registry yet/);
    const commands = [...install.matchAll(/^npm install (.+?)(?:\s+#.*)?$/gm)].map((m) => m[1]!.trim());
    expect(commands).toEqual(['--save-dev git+https://github.com/OWNER/commready.git#v0.1.0', '--save-dev ./commready-0.1.0.tgz']);
    expect(readme).not.toMatch(/npx --yes commready(?!@0\.1` will run it)/);
  });
});
