// `commready detect` through the built binary: the issue's "done when" (a repository with a known history,
// an issues export and a plan with hand-written values, applied), JSON output, rejections, and the
// one-line errors of bad input.
import { chmodSync, copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, removeFixtures, tempDir } from '../detect/git-fixture.js';
import { AS_OF, knownRepo } from '../detect/known-repo.js';
import { expectOneErrorLine, runCli } from './run-cli.js';

afterAll(removeFixtures);

const ISSUES = path.resolve('test/fixtures/detect/gh-issues.json');
const TODAY = ['--today', '2026-08-22'];

function planCopy(): string {
  const file = path.join(tempDir(), 'plan.yaml');
  copyFileSync('test/fixtures/detect/plan.yaml', file);
  // The plan's own schema line points into this repository: keep it valid from the copy's folder.
  return file;
}

describe('commready detect (built binary)', () => {
  const repo = knownRepo();

  it('writes the figures the definitions give into empty or stale fields, with as_of the HEAD date, and keeps the rest', () => {
    const plan = planCopy();
    chmodSync(plan, 0o640);
    const before = readFileSync(plan, 'utf8');
    const result = runCli(['detect', repo, '--plan', plan, '--issues', ISSUES, '--apply', ...TODAY]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const after = readFileSync(plan, 'utf8');
    expect(after).toContain(`  absence_factor:\n    value: 2\n    as_of: ${AS_OF}\n`);
    expect(after).toContain(`  active_contributors_30d:\n    value: 2\n    as_of: ${AS_OF}\n`);
    expect(after).toContain('    adopted: 2025-10-24\n');
    expect(after).toContain('      decision: Licensed under MIT (LICENSE)\n');
    // Hand-written values and every comment stay as written.
    for (const line of before.split('\n')) if (!line.includes('absence_factor: {')) expect(after).toContain(line);
    expect(after).toContain('  first_response_hours: { value: 12, as_of: 2026-08-01, source: forum dashboard }');
    expect(after).not.toMatch(/@(example|project|lovelace|old)\./);
    expect(statSync(plan).mode & 0o777).toBe(0o640);
    // The diff is printed, and the proposals kept as conflicts are named.
    expect(result.stdout).toContain('+  active_contributors_30d:');
    expect(result.stdout).toContain('! observed.first_response_hours: 5 (as of 2026-08-20)');
    expect(result.stdout).toMatch(/Wrote \d+ values to /);
    // Written plans lint like any other (exit 1: thresholds, never 2: bad input).
    expect(runCli(['lint', plan, ...TODAY]).code).toBe(1);
  });

  it('gives byte-identical JSON on two runs on one commit, valid against its schema, in a dry run', async () => {
    const plan = planCopy();
    const a = runCli(['detect', repo, '--plan', plan, '--issues', ISSUES, '--format', 'json', ...TODAY]);
    const b = runCli(['detect', repo, '--plan', plan, '--issues', ISSUES, '--format', 'json', ...TODAY]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(readFileSync(plan, 'utf8')).toBe(readFileSync('test/fixtures/detect/plan.yaml', 'utf8'));
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const addFormats = (await import('ajv-formats')).default;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync('schemas/detect.schema.json', 'utf8')) as object);
    const json = JSON.parse(a.stdout) as { asOf: string; timeBase: string };
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json).toMatchObject({ asOf: AS_OF, timeBase: 'head' });
  });

  it('records a rejection beside the plan and does not offer it again', () => {
    const plan = planCopy();
    const rejected = runCli(['detect', repo, '--plan', plan, '--reject', 'community.name', '--reason', 'we use the long name', ...TODAY]);
    expect(rejected.code).toBe(0);
    const file = path.join(path.dirname(plan), '.commready', 'detect.yaml');
    expect(readFileSync(file, 'utf8')).toMatch(
      /path: community\.name\n\s+evidence: [0-9a-f]{14}\n\s+reason: we use the long name\n\s+date: 2026-08-22/,
    );
    const again = runCli(['detect', repo, '--plan', plan, '--format', 'json', ...TODAY]);
    const json = JSON.parse(again.stdout) as { proposals: { path: string; action: string }[] };
    expect(json.proposals.find((p) => p.path === 'community.name')!.action).toBe('rejected');
  });

  it('shows hostile names from the history escaped', () => {
    const hostile = buildRepo([
      { author: 'Eve \u001b]0;pwned\u0007 Hacker <eve@one.test>', time: 1_787_000_000 },
      { author: 'Eve \u001b]0;pwned\u0007 Hacker <eve@two.test>', time: 1_787_000_100 },
    ]);
    const result = runCli(['detect', hostile]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('Eve \\x1b]0;pwned\\x07 Hacker');
  });

  it('refuses bad input in one line, exit 2', () => {
    const notRepo = tempDir();
    const cases: [string[], RegExp][] = [
      [['detect', notRepo], /: not a git repository; detect reads one/],
      [['detect', repo, '--apply'], /^commready: --apply needs --plan/],
      [['detect', repo, '--as-of', '2026-13-01'], /^commready: --as-of must be a date/],
      [
        ['detect', repo, '--plan', planCopy(), '--reject', 'nowhere.at.all'],
        /^commready: --reject: nothing is proposed at 'nowhere\.at\.all'/,
      ],
      [['detect', path.join(notRepo, 'missing')], /missing: directory not found$/],
    ];
    const badJson = path.join(tempDir(), 'issues.json');
    writeFileSync(badJson, '[\n  { "number": 1,\n    oops }\n]\n');
    cases.push([['detect', repo, '--issues', badJson], /issues\.json:3:5: not valid JSON/]);
    const badShape = path.join(tempDir(), 'issues.json');
    writeFileSync(badShape, '{"issues": []}');
    cases.push([['detect', repo, '--issues', badShape], /issues\.json: expected a JSON array of issues/]);
    for (const [args, message] of cases) {
      const result = runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(expectOneErrorLine(result.stderr), args.join(' ')).toMatch(message);
    }
  });

  it('reads exports alone outside a repository, as of their latest post', () => {
    const result = runCli(['detect', tempDir(), '--issues', ISSUES, '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { asOf: string; timeBase: string; notes: { code: string }[] };
    expect(json).toMatchObject({ asOf: '2026-08-15', timeBase: 'exports' });
    expect(json.notes.map((n) => n.code)).toContain('not-a-repository');
    expect(existsSync(path.join(process.cwd(), '.commready'))).toBe(false);
  });
});
