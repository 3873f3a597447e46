// Hostile text (controls, CSI/OSC, C1, bidi overrides, NUL, CR, `::` commands, very long strings) in every
// plan text field, key, item id, file name and argument: no human-readable output or error line carries it raw.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { createPainter } from '../../src/cli/paint.js';
import { formatDiagnostic } from '../../src/errors.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { formatStepSummary } from '../../src/report/step-summary.js';
import { diffReports, formatDiffMarkdown, formatDiffText } from '../../src/report/diff-reports.js';
import { formatRun, plainPainter, type RunResult } from '../../src/report/types.js';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { inputErrorsOf, miniMethodology, planFromYaml, validation } from '../helpers.js';
import { unsafeParts } from '../output-safety-check.js';
import { anyCodePoint, runs } from '../properties.js';

const m = miniMethodology();
const tmp = mkdtempSync(path.join(tmpdir(), 'commready-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SNIPPETS = [
  '\u001b[2J',
  '\u001b[1A\u001b[2K\r',
  '\u001b]0;owned\u0007',
  '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\',
  '\u009b31m',
  '\u0085',
  '\u202e',
  '\u2066',
  '\u0000',
  '\r',
  '\n',
  '\n::error file=x.yaml,line=1::forged',
  '::warning::forged',
  '\u0007',
  '\u007f',
  'é',
  '::',
];
/** Arbitrary Unicode, hostile snippets and combinations of them; now and then very long. */
const hostile = fc.oneof(
  fc.string({ unit: anyCodePoint, minLength: 1, maxLength: 30 }),
  fc.constantFrom(...SNIPPETS),
  fc.array(fc.constantFrom(...SNIPPETS, 'a', ' ', 'Ω'), { minLength: 1, maxLength: 10 }).map((parts) => parts.join('')),
  fc.constantFrom(...SNIPPETS).map((s) => `${s}${'A'.repeat(5000)}${s}`),
);

const colourPainter = await createPainter(true, { env: {} });
const expectSafe = (text: string, colour = false): void => expect(unsafeParts(text, colour)).toEqual([]);

function planYaml(name: string, reason: string, note: string): string {
  return stringify({
    community: { name, type: 'customer' },
    custom: { purpose: 'Members help each other ship better software.' },
    assessment: {
      'first.values': { status: 'n/a', note },
      'second.review': { status: 'unmet', waiver: { reason, expires: '2026-12-31' } },
    },
  });
}

function run(command: 'lint' | 'report', yamlText: string, file: string): RunResult {
  const plan = planFromYaml(yamlText, m, file);
  const assessment = assessPlan(plan, m, validation, { today: '2026-07-01' });
  const thresholds = { failOn: 'minor' as const };
  return command === 'lint'
    ? {
        command,
        plans: [{ assessment, methodology: m, verdict: judgePlan(assessment, m, thresholds), methodologyLocation: file }],
        thresholds,
      }
    : { command, plans: [{ assessment, methodology: m }] };
}

describe('output safety', () => {
  it('plan text fields and file names never reach text output raw, with or without colour', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (name, reason, note, file) => {
        const text = planYaml(name, reason, note);
        for (const command of ['lint', 'report'] as const) {
          const r = run(command, text, file);
          expectSafe(formatRun(FORMATTERS.text, r, { toolVersion: '1', paint: plainPainter }));
          expectSafe(formatRun(FORMATTERS.text, r, { toolVersion: '1', paint: colourPainter, width: 60 }), true);
          const json = formatRun(FORMATTERS.json, r, { toolVersion: '1', paint: plainPainter });
          expect(JSON.parse(json).plans[0].community.name).toBe(name);
          for (const line of json.split('\n')) expect(line).not.toMatch(/^\s*::/);
          if (command === 'report') {
            const empty = JSON.parse(
              formatRun(FORMATTERS.json, run('report', stringify({ community: { name: note } }), file), {
                toolVersion: '1',
                paint: plainPainter,
              }),
            );
            const diff = diffReports(empty, JSON.parse(json));
            expectSafe(formatDiffText(diff, plainPainter));
            expectSafe(formatDiffText(diff, colourPainter), true);
            expectSafe(formatDiffMarkdown(diff));
          }
          if (command === 'lint') {
            const github = formatRun(FORMATTERS.github, r, { toolVersion: '1', paint: plainPainter });
            expect(unsafeParts(github.replace(/^::(error|warning|notice) /gm, ''))).toEqual([]);
            for (const line of github.trimEnd().split('\n'))
              expect(line).toMatch(
                /^(::(error|warning|notice) file=[^,\n]*,line=\d+,col=\d+,title=[^,:\n]*::|::notice title=commready::|commready: )/,
              );
            expectSafe(formatRun(formatStepSummary, r, { toolVersion: '1', paint: plainPainter }));
          }
        }
      }),
      { seed: 8, numRuns: runs(60) },
    );
  });

  it('hostile keys, ids and values in error paths give one safe line per diagnostic', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (key, value, file) => {
        const plans = [
          stringify({ community: { name: 'X' }, assessment: { [key]: { status: 'met' } } }),
          stringify({ community: { name: 'X' }, params: { [key]: 1 } }),
          stringify({ community: { name: 'X', type: value } }),
          stringify({ community: { name: 'X' }, [key]: value }),
          stringify({ community: { name: 'X' }, assessment: { 'first.values': { status: value } } }),
        ];
        for (const text of plans) {
          for (const d of inputErrorsOf(() => planFromYaml(text, m, file))) {
            const line = formatDiagnostic(d);
            expect(line).not.toMatch(/\n/);
            expectSafe(line);
          }
        }
      }),
      { seed: 8, numRuns: runs(60) },
    );
  });

  it('the whole command line (arguments, file names, errors) stays safe, on stdout and stderr', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (arg, reason) => {
        const fileName = arg.replace(/[/\u0000]/g, '_').slice(0, 60) || '_'; // at most 180 UTF-8 bytes: under NAME_MAX
        const file = path.join(tmp, `${fileName}.yaml`);
        writeFileSync(file, planYaml('Name', reason, 'Not for us.'));
        const out: string[] = [];
        const err: string[] = [];
        const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, today: () => '2026-07-01', columns: 70 };
        const MINI = ['--checklists', 'test/fixtures/mini'];
        const runs = [
          ['lint', file, ...MINI, '--fail-on', 'minor'],
          ['report', file, ...MINI],
          ['lint', file, ...MINI, '--color'],
          ['lint', arg, ...MINI],
          ['report', file, '--today', arg],
          ['explain', arg, ...MINI],
          ['guide', arg, ...MINI],
          [arg],
          ['lint', file, `--${arg}`],
          ['lint', file, '--format', arg],
          ['lint', file, '--min-level', arg, ...MINI],
        ];
        for (const args of runs) {
          out.length = 0;
          err.length = 0;
          const code = await main(args, io);
          expect([0, 1, 2]).toContain(code);
          expectSafe(out.join(''), args.includes('--color'));
          const stderr = err.join('');
          expectSafe(stderr);
          for (const line of stderr.split('\n').filter(Boolean)) expect(line, 'no stack trace').not.toMatch(/^\s+at /);
        }
        rmSync(file, { force: true });
      }),
      { seed: 8, numRuns: runs(25) },
    );
  });

  it('a waiver reason with cursor movement cannot make a failing plan look like it passed', () => {
    const spoof = '\u001b[1A\u001b[2K\rspoof.yaml  PASS  score 100/100  level 5 Networked\u001b[K';
    const text = stringify({
      community: { name: 'X' },
      assessment: { 'second.review': { status: 'unmet', waiver: { reason: spoof, expires: '2026-12-31' } } },
    });
    for (const paint of [plainPainter, colourPainter]) {
      const lint = formatRun(FORMATTERS.text, run('lint', text, 'spoof.yaml'), { toolVersion: '1', paint });
      expectSafe(lint, paint !== plainPainter);
      expect(lint).toMatch(/^(\u001b\[\d+m)*spoof\.yaml(\u001b\[\d+m)* {2}(\u001b\[\d+m)*FAIL/m);
      expect(lint).not.toMatch(/PASS/);
      const report = formatRun(FORMATTERS.text, run('report', text, 'spoof.yaml'), { toolVersion: '1', paint });
      expectSafe(report, paint !== plainPainter);
      expect(report).toMatch(/\\x1b\[1A\\x1b\[2K\\rspoof\.yaml {2}PASS/);
      expect(report).not.toMatch(/^spoof\.yaml {2}PASS/m);
    }
  });
  it('methodology text (titles, guides, questions, ids in errors) is shown escaped by explain, guide, checklists and their errors', async () => {
    const dir = path.join(tmp, 'hostile-methodology');
    cpSync('test/fixtures/mini', dir, { recursive: true });
    const EVIL = '"\\e]0;owned\\a\\e[2J\\u202e\\x85\\n::error::forged"';
    const phase = path.join(dir, 'first.yaml');
    writeFileSync(
      phase,
      readFileSync(phase, 'utf8')
        .replace('title: A purpose is written', `title: ${EVIL}`)
        .replace('guidance: Write it.', `guidance: ${EVIL}`)
        .replace('message: Why does it exist?', `message: ${EVIL}`),
    );
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, today: () => '2026-07-01' };
    for (const args of [
      ['explain', 'first.purpose'],
      ['guide', 'first'],
      ['guide'],
      ['checklists'],
      ['validate-checklists', dir],
      ['lint', 'test/fixtures/plans/mini-empty.yaml', '--fail-on', 'minor'],
      ['report', 'test/fixtures/plans/mini-empty.yaml'],
    ]) {
      out.length = 0;
      err.length = 0;
      const code = await main([...args, '--checklists', dir, '--color'], io);
      expect(code, `${args.join(' ')}: ${err.join('')}`).toBeLessThan(2);
      expectSafe(out.join(''), true);
      expect(out.join(''), args.join(' ')).not.toMatch(/\u001b\]|\u001b\[2J/);
    }
    out.length = 0;
    await main(['explain', 'first.purpose', '--checklists', dir], io);
    expect(out.join('')).toMatch(/^first\.purpose — \\x1b\]0;owned\\x07\\x1b\[2J\\u202e\\x85\\n::error::forged$/m);
    writeFileSync(phase, readFileSync(phase, 'utf8').replace('id: first.purpose', `id: ${EVIL}`));
    err.length = 0;
    expect(await main(['validate-checklists', dir], io)).toBe(2);
    for (const line of err.join('').trimEnd().split('\n')) expectSafe(line);
  });
  it('a key holding a newline cannot split one error into a forged second file:line:col line', () => {
    const text = 'community: { name: X }\n"asessment\\nplan.yaml:1:1: all good": {}\n';
    const diagnostics = inputErrorsOf(() => planFromYaml(text, m, 'plan.yaml'));
    expect(diagnostics).toHaveLength(1);
    const line = formatDiagnostic(diagnostics[0]!);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^plan\.yaml:2:1: unknown key 'asessment\\nplan\.yaml:1:1: all good'/);
  });
});
