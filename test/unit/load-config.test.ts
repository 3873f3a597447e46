import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findConfig, loadConfig } from '../../src/io/load-config.js';
import { inputErrorsOf } from '../helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the project config', () => {
  it('is found in the working directory or above it in a repository; two in one folder is an error naming both', () => {
    const root = path.join(tmp, 'project');
    const deep = path.join(root, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, 'a', '.commreadyrc.yaml'), 'lint: { failOn: major }\n');
    expect(findConfig(deep)).toBe(path.join(root, 'a', '.commreadyrc.yaml'));
    writeFileSync(path.join(root, 'a', 'commready.config.yml'), 'lint: { failOn: minor }\n');
    expect(() => findConfig(deep)).toThrow(/two project configs in one folder: .*commready\.config\.yml and .*\.commreadyrc\.yaml/);
  });

  it('outside a repository is looked for only in the working directory, never in a folder above it', () => {
    const outside = path.join(tmp, 'no-repo');
    const checkout = path.join(outside, 'repo');
    mkdirSync(path.join(checkout, 'plans'), { recursive: true });
    writeFileSync(path.join(outside, 'commready.config.yaml'), 'lint: { failOn: none }\n');
    expect(findConfig(checkout)).toBeUndefined();
    expect(findConfig(path.join(checkout, 'plans'))).toBeUndefined();
    writeFileSync(path.join(checkout, 'commready.config.yaml'), 'lint: { failOn: major }\n');
    expect(findConfig(checkout)).toBe(path.join(checkout, 'commready.config.yaml'));
    expect(findConfig(path.join(checkout, 'plans'))).toBeUndefined();
  });

  it('stops at the repository root: a config above the folder holding .git is never found', () => {
    const repo = path.join(tmp, 'outer', 'repo');
    mkdirSync(path.join(repo, '.git', 'x'), { recursive: true });
    mkdirSync(path.join(repo, 'plans'), { recursive: true });
    writeFileSync(path.join(tmp, 'outer', 'commready.config.yaml'), 'lint: { failOn: none }\n');
    expect(findConfig(path.join(repo, 'plans'))).toBeUndefined();
    writeFileSync(path.join(repo, '.commreadyrc.yml'), 'lint: { failOn: major }\n');
    expect(findConfig(path.join(repo, 'plans'))).toBe(path.join(repo, '.commreadyrc.yml'));
  });

  it('is validated by schemas/config.schema.json, with positions', () => {
    const file = path.join(tmp, 'bad.yaml');
    writeFileSync(file, 'lint:\n  minScore: 120\n  quiet: true\n');
    expect(inputErrorsOf(() => loadConfig(file)).map((d) => [d.line, d.col, d.message])).toEqual([
      [2, 3, 'lint.minScore must be <= 100'],
      [3, 3, expect.stringMatching(/^unknown key 'quiet' in lint/)],
    ]);
  });

  it('resolves the methodology directory against the config file, and built-in means the default', () => {
    const file = path.join(tmp, 'ok.yaml');
    writeFileSync(
      file,
      `checklists: ${path.relative(tmp, path.resolve('test/fixtures/mini'))}\nlint: { failOn: major, minScore: 50, planParams: ignore }\n`,
    );
    expect(loadConfig(file)).toEqual({
      file,
      checklists: path.resolve('test/fixtures/mini'),
      lint: { failOn: 'major', minScore: 50, planParams: 'ignore' },
    });
    writeFileSync(file, 'checklists: built-in\n');
    expect(loadConfig(file)).toEqual({ file, lint: {} });
  });
  it('accepts the example in the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /```yaml\n((?:.*\n)*?)\s*```/
      .exec(readme.slice(readme.indexOf('# commready.config.yaml') - 20))![1]!
      .replace(/^ {2}/gm, '');
    const file = path.join(tmp, 'commready.config.yaml');
    writeFileSync(file, block);
    expect(loadConfig(file).lint).toEqual({
      failOn: 'major',
      minScore: 70,
      minLevel: 'launch-ready',
      planParams: 'tighten-only',
      maxFindings: 50,
    });
  });
});
