// Inputs made to cost: aliases that multiply errors, megabytes of invalid entries, hundreds of thousands of
// names, large reports. Each is judged or refused through the binary with output of a bounded shape (never
// "internal error"), and the other plans of the run are still printed. Shapes are asserted, not times: the
// helper's timeout is the only clock, generous because CI runs these beside every other test file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneErrorLine, runCli } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-large-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const MINI = ['--checklists', 'test/fixtures/mini', '--today', '2026-07-01'];
const GOOD = 'test/fixtures/plans/mini-complete.yaml';
const SLOW = 120_000;
const run = (args: readonly string[]) => runCli(args, {}, process.cwd(), {}, SLOW);

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

/** stderr's lines, checked to be one capped list: at most 50 positioned lines, then the count of the rest. */
function cappedList(stderr: string, file: string): { listed: string[]; more: number } {
  const lines = stderr.split('\n').filter(Boolean);
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
  const last = /^(.*): (\d+) more problems not listed \(commready lists the first 50 of a file\); fix these first$/.exec(lines.at(-1)!);
  expect(last, lines.at(-1)).not.toBeNull();
  expect(last![1]).toBe(file);
  const listed = lines.slice(0, -1);
  expect(listed).toHaveLength(50);
  return { listed, more: Number(last![2]) };
}

describe('inputs that multiply work', { timeout: 2 * SLOW }, () => {
  it('an aliased 34 KB plan whose errors multiply gets the first 50 problems and one line counting the rest', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `unknown_key_${i}: ${i}`).join(', ');
    let text = `community: { name: A }\npeople:\n  - &p { name: 1, ${keys} }\n${'  - *p\n'.repeat(900)}`;
    while (text.length < 34_000) text += '# the same person, over and over\n';
    const plan = write('aliased.yaml', text);
    const r = run(['lint', plan, GOOD, ...MINI]);
    expect(r.code).toBe(2);
    const { listed, more } = cappedList(r.stderr, plan);
    expect(listed[0]).toBe(`${plan}:3:10: people[0].name must be a string`);
    expect(listed[1]).toBe(`${plan}:3:19: unknown key 'unknown_key_0' in people[0]`);
    // 901 people with 41 problems each: 36,941 in all.
    expect(50 + more).toBe(901 * 41);
    expect(r.stdout).toMatch(/mini-complete\.yaml {2}PASS/);
  });

  it('5 MB of invalid list entries get the first 50 problems in file order and one line counting the rest', () => {
    const rows = 312_500;
    const plan = write('invalid-list.yaml', `community: { name: A }\npeople:\n${'  - { name: 1 }\n'.repeat(rows)}`);
    const r = run(['lint', plan, GOOD, ...MINI]);
    expect(r.code).toBe(2);
    const { listed, more } = cappedList(r.stderr, plan);
    expect(listed).toEqual(Array.from({ length: 50 }, (_, i) => `${plan}:${i + 3}:7: people[${i}].name must be a string`));
    expect(more).toBe(rows - 50);
    expect(r.stdout).toMatch(/mini-complete\.yaml {2}PASS/);
  });

  it('a 200 KB plan whose aliases expand past a million values is refused in one line, and so is one with over 1,000 aliases', () => {
    const numbers = Array.from({ length: 100_000 }, () => '1').join(',');
    let text = `community: { name: A }\nmeasures:\n  critical_functions:\n    - { function: f0, people: &many [${numbers}] }\n`;
    for (let i = 1; i < 300; i++) text += `    - { function: f${i}, people: *many }\n`;
    const expanding = write('expanding.yaml', text);
    const r = run(['lint', expanding, GOOD, ...MINI]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toBe(
      `${expanding}: holds more than 1000000 values (each use of an alias counted in full); commready reads at most 1000000 in a file`,
    );
    expect(r.stdout).toMatch(/mini-complete\.yaml {2}PASS/);

    const aliases = write(
      'aliases.yaml',
      `community: { name: A }\nx: &a 1\ncustom:\n  list: [${Array.from({ length: 1001 }, () => '*a').join(', ')}]\n`,
    );
    const many = run(['lint', aliases, ...MINI]);
    expect(many.code).toBe(2);
    expect(expectOneErrorLine(many.stderr)).toBe(
      `${aliases}:4:${10 + 4 * 1000}: the YAML uses more than 1000 aliases (*name); commready reads at most 1000 in a file`,
    );
  });

  it('130,000 roster names and 130,000 people named for a critical function are judged, and the other plan is still printed', () => {
    const n = 130_000;
    const people = Array.from({ length: n }, (_, i) => `  - { name: p${i} }\n`).join('');
    const holders = Array.from({ length: n }, (_, i) => `        - q${i}\n`).join('');
    const plan = write(
      'roster.yaml',
      `community: { name: Big, stage: running, opened: 2026-01-01 }\npeople:\n${people}measures:\n  critical_functions:\n    - function: hosting\n      people:\n${holders}`,
    );
    // As of a day after the example's founding members were invited: a day before, their invitations are not sent.
    const r = run(['lint', plan, 'examples/launch-ready.yaml', '--today', '2026-11-25']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/roster\.yaml {2}FAIL/);
    expect(r.stdout).toMatch(/launch-ready\.yaml {2}PASS/);
    expect(r.stdout).toMatch(/^2 plans: 1 passed, 1 failed/m);
  });
});

describe('diff of large reports', { timeout: 2 * SLOW }, () => {
  /** A real JSON report of one plan, as the template of larger ones. */
  function reportTemplate(): { plans: Record<string, unknown>[] } & Record<string, unknown> {
    const r = run(['report', GOOD, ...MINI, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { plans: Record<string, unknown>[] } & Record<string, unknown>;
  }

  it('two 5 MB reports: every gap closed and opened is listed, with its title', () => {
    const template = reportTemplate();
    const plan = template.plans[0]!;
    const item = (plan.items as Record<string, unknown>[])[0]!;
    const count = 14_000;
    const items = Array.from({ length: count }, (_, i) => ({
      ...item,
      id: `big.item-${i}`,
      title: `Item number ${i} of a large methodology`,
      // No row in the plan's table: the item carries every field (schema version 2).
      phase: 'big',
      severity: 'major',
      weight: 1,
      dimension: 'readiness',
    }));
    const ids = items.map((i) => i.id);
    const report = (gaps: string[]) => JSON.stringify({ ...template, plans: [{ ...plan, items, findings: [], gaps }] }, null, 2);
    const before = write('before.json', report(ids.slice(0, count / 2)));
    const after = write('after.json', report(ids.slice(count / 2)));
    expect(readFileSync(before).length).toBeGreaterThan(4_000_000);
    const r = run(['diff', before, after]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}gaps closed \(7000\)$/m);
    expect(r.stdout).toMatch(/^ {2}new gaps \(7000\)$/m);
    expect(r.stdout).toMatch(/^ {4}big\.item-0 {2}\w+ +Item number 0 of a large methodology$/m);
    expect(r.stdout).toMatch(/^ {4}big\.item-13999 {2}\w+ +Item number 13999 of a large methodology$/m);
    expect(r.stdout).toMatch(/^1 plan: 7000 gaps closed, 7000 new gaps, 0 answers gone stale$/m);
  });

  it('reports with 130,000 gap ids, as text and as Markdown', () => {
    const template = reportTemplate();
    const ids = Array.from({ length: 130_000 }, (_, i) => `g.${i}`);
    const report = (gaps: string[]) => JSON.stringify({ ...template, plans: [{ ...template.plans[0], findings: [], gaps }] });
    const before = write('many-gaps-before.json', report(ids));
    const after = write('many-gaps-after.json', report([]));
    for (const format of ['text', 'markdown']) {
      const out = path.join(tmp, `many-gaps.${format}`);
      const r = run(['diff', before, after, '--format', format, '-o', out]);
      expect(r.stderr, format).toBe('');
      expect(r.code, format).toBe(0);
      const lines = readFileSync(out, 'utf8').split('\n');
      expect(
        lines.filter((l) => /g\.\d+\b/.test(l)),
        format,
      ).toHaveLength(130_000);
      expect(
        lines.filter((l) => /g\.129999\b/.test(l)),
        format,
      ).toHaveLength(1);
      if (format === 'text') expect(lines).toContain('1 plan: 130000 gaps closed, 0 new gaps, 0 answers gone stale');
    }
  });
});
