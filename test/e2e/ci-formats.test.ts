// The CI formats through the built binary: several formats in one run, the Markdown export of every bundled
// example checked by markdownlint, and a plan full of hostile text (in its fields and its file name).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { checkSarif, markdownlintTexts, tempDir, UNSAFE_OUTPUT, WORKFLOW_COMMAND_LINE, xmllint } from '../spec-checks.js';

const TODAY = ['--today', '2026-11-25'];
const EXAMPLES = readdirSync('examples').filter((f) => f.endsWith('.yaml'));

describe('the CI formats from the command line', () => {
  it('writes text to stdout and sarif, junit, markdown and badge to files in one lint run', () => {
    const dir = tempDir();
    const out = (name: string) => path.join(dir, name);
    const r = runCli([
      'lint',
      'examples/halfway.yaml',
      'examples/launch-ready.yaml',
      ...TODAY,
      '--format',
      'text',
      '--format',
      `sarif=${out('out.sarif')}`,
      '--format',
      `junit=${out('out.xml')}`,
      '--format',
      `markdown=${out('out.md')}`,
      '--format',
      `badge=${out('out.svg')}`,
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/examples\/halfway\.yaml\s+FAIL/);
    expect(r.stdout).toMatch(/examples\/launch-ready\.yaml\s+PASS/);

    const sarif = readFileSync(out('out.sarif'), 'utf8');
    expect(checkSarif(sarif)).toMatchObject({ ok: true });
    const run = JSON.parse(sarif).runs[0];
    expect(fileURLToPath(run.originalUriBaseIds.SRCROOT.uri)).toBe(`${process.cwd()}/`);
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual([
      'examples/halfway.yaml',
      'examples/launch-ready.yaml',
    ]);
    const lines = run.results.map(
      (x: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => x.locations[0]!.physicalLocation.region.startLine,
    );
    expect(new Set(lines).size).toBeGreaterThan(5);

    const junit = xmllint([out('out.xml')], 'JUnit.xsd');
    expect(junit.ok, junit.output).toBe(true);
    expect(readFileSync(out('out.xml'), 'utf8').match(/<testsuite /g)).toHaveLength(14);
    expect(xmllint([out('out.svg')])).toMatchObject({ ok: true });
    expect(readFileSync(out('out.svg'), 'utf8')).toContain('readiness (2 plans, lowest)');

    const md = markdownlintTexts({ 'lint.md': readFileSync(out('out.md'), 'utf8') });
    expect(md.ok, md.output).toBe(true);
  });

  it('exports the Markdown gap report of every bundled example, and each passes markdownlint', () => {
    const dir = tempDir();
    const texts: Record<string, string> = {};
    for (const example of EXAMPLES) {
      const file = path.join(dir, example.replace(/\.yaml$/, '.md'));
      const r = runCli(['report', `examples/${example}`, ...TODAY, '--format', `markdown=${file}`]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      texts[path.basename(file)] = readFileSync(file, 'utf8');
      expect(texts[path.basename(file)]!.replace(/\s+/g, ' ')).toContain(
        'by the methodology commready community-building methodology (`commready` version',
      );
    }
    expect(Object.keys(texts)).toHaveLength(6);
    const r = markdownlintTexts(texts);
    expect(r.ok, r.output).toBe(true);
  });

  it('lists the CI formats in the help of lint and report', () => {
    for (const command of ['lint', 'report']) {
      const r = runCli([command, '--help']);
      expect(r.stdout.replace(/\s+/g, ' ')).toContain('text, json, markdown, sarif, junit, badge');
    }
  });
});

const HOSTILE = [
  '\u001b[2J\u001b[Hspoof.yaml PASS score 100/100 \u0007',
  '\u001b]8;;javascript:alert(1)\u001b\\link\u001b]8;;\u001b\\ \u009b31m \u0085',
  '\u202eevil\u202c \u2066x\u2069 nul\u0000',
  'a\n::error file=plan.yaml,line=1::forged\n::warning::also',
  `${'long '.repeat(300)}[x](javascript:alert(1)) <img src=x onerror=alert(1)> | \` * _`,
];

function hostilePlan(text: string): string {
  const q = JSON.stringify(text);
  return [
    `community: { name: ${q}, type: grassroots, description: ${q} }`,
    'custom:',
    '  purpose: Members help each other ship better software.',
    'assessment:',
    `  first.values: { status: n/a, reviewed: 2026-06-01, note: ${q} }`,
    `  second.review: { status: unmet, reviewed: 2026-06-01, waiver: { reason: ${q}, expires: 2027-01-01, owner: ${q} } }`,
    '',
  ].join('\n');
}

describe('a plan full of hostile text, under a hostile file name', () => {
  const cases = HOSTILE.map((text, i) => {
    const dir = tempDir();
    const file = path.join(dir, `plan-${i}-\u001b[31m\u202e::error::.yaml`);
    writeFileSync(file, hostilePlan(text));
    return { i, file };
  });

  for (const format of ['markdown', 'sarif', 'junit', 'badge'] as const) {
    it(`reaches ${format} escaped, valid for its consumer`, () => {
      const texts: Record<string, string> = {};
      for (const { i, file } of cases) {
        const r = runCli(['report', file, '--checklists', 'test/fixtures/mini', ...TODAY, '--format', format]);
        expect(r.code, r.stderr).toBe(0);
        expect(UNSAFE_OUTPUT.exec(r.stdout), `hostile #${i}`).toBeNull();
        expect(WORKFLOW_COMMAND_LINE.exec(r.stdout), `hostile #${i}`).toBeNull();
        texts[`hostile-${i}.${format === 'markdown' ? 'md' : 'xml'}`] = r.stdout;
        if (format === 'sarif') expect(checkSarif(r.stdout), `hostile #${i}`).toMatchObject({ ok: true });
      }
      if (format === 'markdown') {
        const lint = markdownlintTexts(texts);
        expect(lint.ok, lint.output).toBe(true);
      }
      if (format === 'junit' || format === 'badge') {
        const dir = tempDir();
        const files = Object.entries(texts).map(([name, text]) => {
          writeFileSync(path.join(dir, name), text);
          return path.join(dir, name);
        });
        const check = xmllint(files, format === 'junit' ? 'JUnit.xsd' : undefined);
        expect(check.ok, check.output).toBe(true);
      }
    }, 60_000);
  }
});
