// lint writes every format plan by plan. What a user must still get: one valid document per format (SARIF
// with a run per methodology and consistent indexes, JSON by its schema, JUnit by its XSD), files put in
// place only when the run completes, and a file left as it was when the run stops on an error.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneErrorLine, runCli } from './run-cli.js';
import { validation } from '../helpers.js';
import { checkSarif, xmllintTexts } from '../spec-checks.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-stream-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const TODAY = ['--today', '2026-07-01'];
const COMPLETE = readFileSync('test/fixtures/plans/mini-complete.yaml', 'utf8');

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

// Two plans under the built-in methodology, one between them under its own (a copy of the mini one, with
// one gap so that its run has a result).
cpSync('test/fixtures/mini', path.join(tmp, 'own'), { recursive: true });
const PLANS = [
  'examples/launch-ready.yaml',
  write('mini/plan.yaml', `${COMPLETE.replace('  sponsor: Acme\n', '')}methodology: ../own\n`),
  'examples/volunteer-meetup.yaml',
];

describe('lint streams every format and still writes one valid document each', () => {
  const out = (name: string) => path.join(tmp, 'out', name);
  mkdirSync(path.join(tmp, 'out'), { recursive: true });
  const r = runCli([
    'lint',
    ...PLANS,
    '--methodology-from-plan',
    '--fail-on',
    'none',
    ...TODAY,
    '--format',
    `json=${out('r.json')}`,
    '--format',
    `sarif=${out('r.sarif')}`,
    '--format',
    `junit=${out('r.xml')}`,
    '--format',
    `markdown=${out('r.md')}`,
  ]);

  it('runs and leaves no temporary file beside its outputs', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(tmp, 'out')).sort()).toEqual(['r.json', 'r.md', 'r.sarif', 'r.xml']);
  });

  it('JSON: every plan in order, the summary counted on the way, valid by the report schema', () => {
    const json = JSON.parse(readFileSync(out('r.json'), 'utf8'));
    expect(validation.report(json), JSON.stringify(validation.report.errors)).toBe(true);
    expect(json.plans.map((p: { file: string }) => p.file)).toEqual(PLANS);
    expect(json.summary).toEqual({ plans: 3, passed: 3, failed: 0, notChecked: 0 });
    // A gap's failed rules are listed once, on its item, not again in its finding's data.
    const plan = json.plans[2];
    const gap = plan.findings.find((f: { code: string }) => f.code === 'item-unmet');
    expect(gap.data).not.toHaveProperty('failed');
    expect(plan.items.find((i: { id: string }) => i.id === gap.item).failed.length).toBeGreaterThan(0);
  });

  it('SARIF: a run per methodology, in order of first use, each result pointing at its own artifact and rule', () => {
    const text = readFileSync(out('r.sarif'), 'utf8');
    expect(checkSarif(text)).toMatchObject({ ok: true });
    const log = JSON.parse(text);
    expect(log.runs.map((run: { properties: { methodology: { id: string } } }) => run.properties.methodology.id)).toEqual([
      'commready',
      'mini',
    ]);
    const [builtin, mini] = log.runs;
    expect(builtin.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual([PLANS[0], PLANS[2]]);
    expect(mini.artifacts).toHaveLength(1);
    for (const run of log.runs) {
      expect(run.results.length).toBeGreaterThan(0);
      for (const result of run.results) {
        const at = result.locations[0].physicalLocation.artifactLocation;
        expect(run.artifacts[at.index].location.uri).toBe(at.uri);
        expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      }
    }
    // The later plan of the built-in run has results too, written after the mini plan's run was held back.
    expect(
      builtin.results.some(
        (x: { locations: { physicalLocation: { artifactLocation: { index: number } } }[] }) =>
          x.locations[0]!.physicalLocation.artifactLocation.index === 1,
      ),
    ).toBe(true);
  });

  it('JUnit: valid by its XSD, suite ids unique across plans', () => {
    const xml = readFileSync(out('r.xml'), 'utf8');
    expect(xmllintTexts({ 'r.xml': xml }, 'JUnit.xsd')).toMatchObject({ ok: true });
    const ids = [...xml.matchAll(/<testsuite [^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(ids.map((_, i) => i));
  });

  it('Markdown: the run heading counts the plans named, each plan numbered', () => {
    const md = readFileSync(out('r.md'), 'utf8');
    expect(md.startsWith('# commready lint: 3 plans\n')).toBe(true);
    expect(md.match(/^## .*: readiness report \(plan \d\)$/gm)).toHaveLength(3);
  });
});

describe('a run stopped part way leaves every output file as it was', () => {
  it('a usage error at the second plan (its methodology lacks the --min-level) writes nothing', () => {
    const target = write('kept/report.json', 'the old report\n');
    const sarif = write('kept/report.sarif', 'the old log\n');
    const r = runCli([
      'lint',
      ...PLANS,
      '--methodology-from-plan',
      '--min-level',
      'launch-ready',
      ...TODAY,
      '--format',
      `json=${target}`,
      '--format',
      `sarif=${sarif}`,
    ]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/--min-level: methodology 'mini' has no level 'launch-ready'/);
    expect(readFileSync(target, 'utf8')).toBe('the old report\n');
    expect(readFileSync(sarif, 'utf8')).toBe('the old log\n');
    expect(readdirSync(path.dirname(target)).sort()).toEqual(['report.json', 'report.sarif']);
  });

  it('no plan judged: no output file is made, and the input errors are the answer', () => {
    const bad = write('bad/plan.yaml', 'community: [not, a, mapping\n');
    const target = path.join(tmp, 'bad', 'out.json');
    const r = runCli(['lint', bad, ...TODAY, '--format', `json=${target}`]);
    expect(r.code).toBe(2);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(path.dirname(bad))).toEqual(['plan.yaml']);
  });
});
