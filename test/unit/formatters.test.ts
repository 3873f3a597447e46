import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { escapeJsonText } from '../../src/report/format-json.js';
import { formatRun, FORMATS, plainPainter, type RunResult } from '../../src/report/types.js';
import { escapeData, escapeProperty, workflowCommand } from '../../src/report/format-github.js';
import { formatStepSummary } from '../../src/report/step-summary.js';
import { wrap } from '../../src/report/format-text.js';
import fc from 'fast-check';
import { builtinMethodology, miniMethodology, planFromYaml, validation } from '../helpers.js';
import { anyCodePoint, runs } from '../properties.js';

const m = miniMethodology();
const context = { toolVersion: '9.9.9', paint: plainPainter };
const plan = (name: string) =>
  planFromYaml(readFileSync(`test/fixtures/plans/${name}.yaml`, 'utf8'), m, `test/fixtures/plans/${name}.yaml`);
const assessed = (name: string) => assessPlan(plan(name), m, validation, { today: '2026-07-01' });

function lintRun(): RunResult {
  const thresholds = { failOn: 'blocker' as const };
  const plans = ['mini-complete', 'mini-empty'].map((n) => {
    const assessment = assessed(n);
    return { assessment, methodology: m, verdict: judgePlan(assessment, m, thresholds) };
  });
  return { command: 'lint', plans, thresholds };
}

function reportRun(name: string): RunResult {
  return { command: 'report', plans: [{ assessment: assessed(name), methodology: m }] };
}

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it. A missing golden file fails. */
function expectGolden(name: string, actual: string): void {
  const file = `test/golden/${name}`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('formatters', () => {
  it('registers every format', () => {
    expect(Object.keys(FORMATTERS).sort()).toEqual([...FORMATS].sort());
  });

  for (const run of [lintRun(), reportRun('mini-empty')]) {
    it(`json output of ${run.command} validates against schemas/report.schema.json`, () => {
      const parsed = JSON.parse(formatRun(FORMATTERS.json, run, context));
      expect(validation.report(parsed), JSON.stringify(validation.report.errors)).toBe(true);
    });
  }

  it('json output is deterministic, with sorted keys and no timestamps', () => {
    const a = formatRun(FORMATTERS.json, lintRun(), context);
    expect(formatRun(FORMATTERS.json, lintRun(), context)).toBe(a);
    const parsed = JSON.parse(a);
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(parsed.summary).toEqual({ plans: 2, passed: 1, failed: 1, notChecked: 0 });
    expect(parsed.plans[0].methodology).toEqual({ id: 'mini', title: 'Mini test methodology', version: '0.1.0' });
    expect(parsed.plans[1].findings[0]).toMatchObject({
      code: 'item-unmet',
      item: 'first.purpose',
      line: 1,
      col: 1,
      path: 'custom.purpose',
    });
  });

  it('text lint output matches its golden file', () => {
    expectGolden('lint.txt', formatRun(FORMATTERS.text, lintRun(), context));
  });

  it('text report output matches its golden file', () => {
    expectGolden('report-empty.txt', formatRun(FORMATTERS.text, reportRun('mini-empty'), context));
  });

  it('text report of a running volunteer group matches its golden file: both scores, its words, and every item its stage leaves out, with the reason', () => {
    const builtin = builtinMethodology();
    const file = 'examples/volunteer-meetup.yaml';
    const assessment = assessPlan(planFromYaml(readFileSync(file, 'utf8'), builtin, file), builtin, validation, { today: '2026-11-25' });
    const text = formatRun(FORMATTERS.text, { command: 'report', plans: [{ assessment, methodology: builtin }] }, context);
    expectGolden('report-volunteer-meetup.txt', text);
    expect(text).toMatch(/^Readiness 45\.9\/100 {3}Health 100\/100 \(2 of 6 measures\) {3}Level 3 Operating safely$/m);
    expect(text).toMatch(/launch\.soft-launch {2}\(stage\) Not judged once the community is running/);
    expect(text).toMatch(/governance\.sponsor {2}\(profile\) A volunteer group has no organisation behind it/);
    expect(text).toMatch(/host_hours_per_week_min: 2 \(default 20; set by the formality\)/);
    // A volunteer group is spoken to in its own words.
    expect(text).toMatch(/The value for members and the value for the organising group are both stated/);
    expect(text).not.toMatch(/\{word:/);
  });

  it('text report of a plan with a verdict, answers to look at and a level out of reach before launch matches its golden file', () => {
    const builtin = builtinMethodology();
    const file = 'examples/launch-ready.yaml';
    const assessment = assessPlan(planFromYaml(readFileSync(file, 'utf8'), builtin, file), builtin, validation, { today: '2026-11-25' });
    const verdict = judgePlan(assessment, builtin, { failOn: 'major' });
    expectGolden(
      'report-launch-ready.txt',
      formatRun(FORMATTERS.text, { command: 'report', plans: [{ assessment, methodology: builtin, verdict }] }, context),
    );
  });

  it('has every section the text report can print in some golden file, so a lost section fails a golden test', () => {
    const goldens = readdirSync('test/golden')
      .map((f) => readFileSync(`test/golden/${f}`, 'utf8'))
      .join('\n');
    for (const heading of [
      /^Readiness .* {3}Health .* {3}Level /m,
      /^Next level: /m,
      /^Phases \(readiness\)$/m,
      /^Health \(observed outcomes\)$/m,
      /^Gaps, in priority order \(\d+\)$/m,
      /^Shortest path to level .*\n {2}Meet /m,
      /^Shortest path to level .*\n {2}This level rests on outcomes observed/m,
      /^Answers and facts to look at$/m,
      /^Not applicable \(\d+\)$/m,
      /^Thresholds in force that differ from the methodology$/m,
      /^FAIL: /m,
    ]) {
      expect(goldens, String(heading)).toMatch(heading);
    }
  });

  it('text output carries no colour codes with the plain painter, and status words beside any symbol', () => {
    const text = formatRun(FORMATTERS.text, lintRun(), context);
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toMatch(/FAIL/);
    expect(text).toMatch(/PASS/);
  });
  it('lint --quiet lists only failing plans and their failing findings', () => {
    const run = { ...lintRun(), display: { quiet: true } };
    expectGolden('lint-quiet.txt', formatRun(FORMATTERS.text, run, context));
    const text = formatRun(FORMATTERS.text, run, context);
    expect(text).not.toMatch(/mini-complete\.yaml {2}PASS/);
    expect(text.split('\n').filter((l) => / {2}(blocker|major|minor) {2}/.test(l))).toHaveLength(3);
  });

  it('lint --max-findings lists at most that many findings and counts the others', () => {
    const text = formatRun(FORMATTERS.text, { ...lintRun(), display: { maxFindings: 1 } }, context);
    expect(text.split('\n').filter((l) => / {2}blocker {2}/.test(l))).toHaveLength(1);
    expect(text).toMatch(/^\+ 2 more findings not shown \(--max-findings 1\)$/m);
  });

  it('lint text wraps to the terminal width it is given, and only then', () => {
    const narrow = formatRun(FORMATTERS.text, lintRun(), { ...context, width: 60 });
    expect(Math.max(...narrow.split('\n').map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(narrow).toMatch(/^ {4}purpose is written: not met first\.purpose$/m);
    expect(
      formatRun(FORMATTERS.text, lintRun(), context)
        .split('\n')
        .some((l) => l.length > 60),
    ).toBe(true);
    expect(wrap('> ', 2, ['aaa', 'bbb', 'ccc'], 9)).toEqual(['> aaa bbb', '  ccc']);
    expect(wrap('> ', 2, ['aaa', 'bbb'], undefined)).toEqual(['> aaa bbb']);
    expect(wrap('> ', 2, ['aaa', '::error::x'], 9)).toEqual(['> aaa', '  \\x3a:error::x']);
  });

  it('github output matches its golden file: one error per failing finding, warnings for the rest', () => {
    const out = formatRun(FORMATTERS.github, lintRun(), context);
    expectGolden('lint-github.txt', out);
    const lines = out.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^::error file=test\/fixtures\/plans\/mini-empty\.yaml,line=1,col=1,title=first\.purpose \(blocker\)::A purpose is written\./,
    );
  });

  it('github output shows at most 10 errors and 10 warnings, and one notice for the rest', () => {
    const base = lintRun();
    const many = { ...base, plans: Array.from({ length: 5 }, () => base.plans[1]!) };
    const lines = formatRun(FORMATTERS.github, many, context).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::notice '))).toEqual([
      "::notice title=commready::5 more errors and 5 more warnings not shown as annotations; the step summary and 'commready report' list them",
    ]);
  });

  it("github output keeps what a plan's own word takes out of the gate visible: notices no warnings crowd out", () => {
    const builtin = builtinMethodology();
    const judged = (file: string, baselined?: string[]) => {
      const assessment = assessPlan(planFromYaml(readFileSync(file, 'utf8'), builtin, file), builtin, validation, { today: '2026-11-25' });
      return {
        assessment,
        methodology: builtin,
        verdict: judgePlan(assessment, builtin, { failOn: 'blocker' }),
        ...(baselined ? { baselined } : {}),
      };
    };
    // Two half-way plans fill the warnings first; then a plan with an n/a of its own and a waiver, and one whose gaps the baseline knows.
    const halfway = judged('examples/halfway.yaml');
    const strong = judged('examples/launch-ready.yaml');
    const known = judged('examples/halfway.yaml', ['audience.onboarding']);
    const run: RunResult = { command: 'lint', plans: [halfway, halfway, strong, known], thresholds: { failOn: 'blocker' } };
    const lines = formatRun(FORMATTERS.github, run, context).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    const notices = lines.filter((l) => l.startsWith('::notice file='));
    expect(notices.some((l) => /title=engagement\.scale-plan \([a-z]+%2C n\/a\)::Marked n\/a by the plan's own answer/.test(l))).toBe(true);
    expect(notices.some((l) => /%2C waived\)::Gap accepted until /.test(l))).toBe(true);
    expect(notices.some((l) => /title=audience\.onboarding \(blocker%2C known\)::Known \(in the baseline\)/.test(l))).toBe(true);
    // More than nine: the rest are counted in the closing notice, which says what they are.
    const many = formatRun(FORMATTERS.github, { ...run, plans: Array.from({ length: 12 }, () => known) }, context)
      .trimEnd()
      .split('\n');
    expect(many.filter((l) => l.startsWith('::notice file='))).toHaveLength(9);
    expect(many.filter((l) => l.startsWith('::notice title=commready::'))).toEqual([
      expect.stringMatching(
        /, and 3 more items the plans' own word takes out of the gate \(n\/a, waived or known\) not shown as annotations/,
      ),
    ]);
  });

  it("the step summary and the compact Markdown list what a passing plan's own word takes out of the gate", () => {
    const builtin = builtinMethodology();
    const file = 'examples/launch-ready.yaml';
    const assessment = assessPlan(planFromYaml(readFileSync(file, 'utf8'), builtin, file), builtin, validation, { today: '2026-11-25' });
    const judged = { assessment, methodology: builtin, verdict: judgePlan(assessment, builtin, { failOn: 'blocker' }) };
    expect(judged.verdict.passed).toBe(true);
    const run: RunResult = { command: 'lint', plans: [judged], thresholds: { failOn: 'blocker' } };
    const summary = formatRun(formatStepSummary, run, context);
    expect(summary).toContain("- 2 items taken out of the gate by the plan's own word");
    expect(summary).toMatch(/- line 802: `engagement\.scale-plan` n\/a by the plan's own answer \(minor\)/);
    expect(summary).toMatch(/- line 819: `platform\.data` waived until 2027-03-31 \(minor\)/);
    const compact = formatRun(FORMATTERS['markdown-compact'], run, context);
    expect(compact).toContain("**Taken out of the gate by the plan's own word (2):**");
    expect(compact).toMatch(/- `engagement\.scale-plan` n\/a by the plan's own answer \(minor, line 802\): One focused community/);
    // A gap the baseline knows is listed as known, on a plan that passes because of it.
    const halfway = 'examples/halfway.yaml';
    const h = assessPlan(planFromYaml(readFileSync(halfway, 'utf8'), builtin, halfway), builtin, validation, { today: '2026-11-25' });
    const knownRun: RunResult = {
      command: 'lint',
      plans: [{ assessment: h, methodology: builtin, baselined: [...h.gaps] }],
      thresholds: { failOn: 'none' },
    };
    expect(formatRun(FORMATTERS['markdown-compact'], knownRun, context)).toMatch(
      /- `audience\.onboarding` known in the baseline \(blocker, line \d+\)/,
    );
    // Known gaps are still open: the text's summary counts them and says how many the baseline knows, never 0 open.
    expect(formatRun(FORMATTERS.text, knownRun, context)).toMatch(
      /· open: (\d+) blockers \(\1 known from the baseline\), (\d+) majors \(\2 known from the baseline\), (\d+) minors \(\3 known from the baseline\)$/m,
    );
  });

  it('the compact Markdown shows health with the measures it rests on, where it rests on some of them', () => {
    const builtin = builtinMethodology();
    const file = 'examples/open-source.yaml';
    const one = readFileSync(file, 'utf8').replace(
      /^observed:\n(?:(?: {2}.*)?\n)+?(?=\S)/m,
      'observed:\n  as_of: 2026-11-15\n  member_share: 0.95\n\n',
    );
    const row = (text: string) => {
      const assessment = assessPlan(planFromYaml(text, builtin, file), builtin, validation, { today: '2026-12-07' });
      const run: RunResult = {
        command: 'lint',
        plans: [{ assessment, methodology: builtin, verdict: judgePlan(assessment, builtin, { failOn: 'blocker' }) }],
        thresholds: { failOn: 'blocker' },
      };
      return formatRun(FORMATTERS['markdown-compact'], run, context)
        .split('\n')
        .find((l) => l.startsWith(`| ${file} |`));
    };
    // One figure (read by two items) of seven measures: 100 on one of seven, not 100; on all seven, the score alone.
    expect(row(one)).toMatch(/\| 100 \(1 of 7\) \| \d+ \| \d+ \|$/);
    expect(row(readFileSync(file, 'utf8'))).toMatch(/\| 75 \| \d+ \| \d+ \|$/);
  });

  it('escapes workflow-command data and properties as the runner reads them', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    fc.assert(
      fc.property(
        fc.string({ unit: anyCodePoint, maxLength: 60 }),
        fc.string({ unit: anyCodePoint, maxLength: 60 }),
        fc.string({ unit: anyCodePoint, maxLength: 60 }),
        (file, title, message) => {
          const line = workflowCommand({ level: 'error', file, line: 3, col: 4, title, message });
          expect(line).not.toMatch(/[\n\r]/);
          const [head, ...rest] = line.split('::').slice(1);
          expect(head!.split(',').map((p) => p.split('=')[0])).toEqual(['error file', 'line', 'col', 'title']);
          expect(rest.join('::')).not.toMatch(/%(?!25|0D|0A)/);
        },
      ),
      { seed: 8, numRuns: runs(300) },
    );
  });

  it('the step summary is Markdown with a row per plan, naming the methodology', () => {
    const md = formatRun(formatStepSummary, lintRun(), context);
    expect(md).toMatch(/^\| test\/fixtures\/plans\/mini-empty\.yaml \| \*\*FAIL\*\* \| 0 \| 0 None \| mini 0\.1\.0 \|$/m);
    expect(md).toMatch(/^- line 1: `first\.purpose` A purpose is written: not met \(blocker\)$/m);
  });
  it('lint text and github output of a half-way plan match their golden files, at the real plan positions', () => {
    const thresholds = { failOn: 'minor' as const };
    const file = 'test/fixtures/positions/mini-partial.yaml';
    const assessment = assessPlan(planFromYaml(readFileSync(file, 'utf8'), m, file), m, validation, { today: '2026-07-01' });
    const run: RunResult = {
      command: 'lint',
      plans: [{ assessment, methodology: m, verdict: judgePlan(assessment, m, thresholds), methodologyLocation: 'test/fixtures/mini' }],
      thresholds,
    };
    const text = formatRun(FORMATTERS.text, run, context);
    expectGolden('lint-partial.txt', text);
    expectGolden('lint-partial-github.txt', formatRun(FORMATTERS.github, run, context));
    expect(text).toMatch(/mini-partial\.yaml:7:3 +blocker {2}Enough people with a host: partly met {2}first\.people$/m);
    expect(text).toMatch(/mini-partial\.yaml:15:5 {2}waived {3}A yearly review: waived until 2026-09-30 {2}second\.review$/m);
    expect(text).not.toMatch(/\+ \d+ minor gap/);
  });
});

describe('the HTML page, streamed', () => {
  it('of several plans: an overview row and an article per plan, in plan order; of one plan: the article alone', () => {
    const several = formatRun(FORMATTERS.html, lintRun(), context);
    expect(several.match(/<tr><td><a href="#plan-\d">/g)).toEqual(['<tr><td><a href="#plan-1">', '<tr><td><a href="#plan-2">']);
    const articles = [...several.matchAll(/<article id="(plan-\d)"[^>]*>\s*<(h\d)/g)].map((x) => `${x[1]} ${x[2]}`);
    expect(articles).toEqual(['plan-1 h2', 'plan-2 h2']);
    expect(several.indexOf('<table class="overview">')).toBeLessThan(several.indexOf('<article'));
    const one = formatRun(FORMATTERS.html, reportRun('mini-empty'), context);
    expect(one).not.toContain('<table class="overview">');
    expect([...one.matchAll(/<article id="(plan-\d)"[^>]*>\s*<(h\d)/g)].map((x) => `${x[1]} ${x[2]}`)).toEqual(['plan-1 h1']);
    expect(formatRun(FORMATTERS.html, { command: 'lint', plans: [] }, context)).toContain('<h1>commready lint: 0 plans</h1>');
  });
});

describe('json output of hostile text', () => {
  it('escapes C1 and bidi controls as \\u escapes: the same value, but nothing a terminal acts on', () => {
    const text = escapeJsonText('{"name":"a\u202eb\u0085c\u2066"}');
    expect(text).toBe('{"name":"a\\u202eb\\u0085c\\u2066"}');
    expect(JSON.parse(text)).toEqual({ name: 'a\u202eb\u0085c\u2066' });
  });

  it('escapes zero-width characters, tags and the older workflow command syntax the same way', () => {
    const value = { name: 'x##[error]forged\u200b\u{e0041}##[add-mask]y', list: [1] };
    const text = escapeJsonText(JSON.stringify(value, null, 2));
    expect(text).not.toMatch(/##\[|\u200b|\u{e0041}/u);
    expect(text).toMatch(/#\\u0023\[error\]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('leaves no line that starts a workflow command, even after a line or paragraph separator in a string', () => {
    const value = { a: '\u2028::error::forged', b: ['\u2029  ::warning::x', '\u0085::notice::y'], c: '\n::debug::z' };
    for (const text of [escapeJsonText(JSON.stringify(value, null, 2)), escapeJsonText(JSON.stringify(value))]) {
      expect(text).not.toMatch(/(^|[\n\r\u0085\u2028\u2029])\s*::/u);
      expect(JSON.parse(text)).toEqual(value);
    }
  });
});
