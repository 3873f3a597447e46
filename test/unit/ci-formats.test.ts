// The markdown, sarif, junit and badge formats: golden files of one canonical assessment, validation by each
// format's consumer, hostile text through every format, and invariants on arbitrary Unicode.
import { formatRun } from '../../src/report/types.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { plainPainter, type FormatContext, type PlanResult, type RunResult } from '../../src/report/types.js';
import { firstSteps } from '../../src/report/report-view.js';
import { escapeMarkdown, wrapMarkdown } from '../../src/report/escape-markdown.js';
import { allItems, type Methodology } from '../../src/methodology/types.js';
import { builtinMethodology, miniMethodology, planFromYaml, validation } from '../helpers.js';
import { checkSarif, markdownlintTexts, UNSAFE_OUTPUT, WORKFLOW_COMMAND_LINE, xmllintTexts } from '../spec-checks.js';
import { anyCodePoint, runs } from '../properties.js';

const CI_FORMATS = ['markdown', 'sarif', 'junit', 'badge', 'markdown-compact', 'gitlab', 'html'] as const;
type CiFormat = (typeof CI_FORMATS)[number];
const EXTENSION = {
  markdown: 'md',
  sarif: 'sarif',
  junit: 'junit.xml',
  badge: 'badge.svg',
  'markdown-compact': 'compact.md',
  gitlab: 'gitlab.json',
  html: 'html',
} as const satisfies Record<CiFormat, string>;

const m = miniMethodology();
const context: FormatContext = { toolVersion: '9.9.9', paint: plainPainter, cwd: '/home/ana/community' };
const CANONICAL = 'test/fixtures/ci/canonical.yaml';

function canonical(): PlanResult {
  const plan = planFromYaml(readFileSync(CANONICAL, 'utf8'), m, CANONICAL);
  const assessment = assessPlan(plan, m, validation, { today: '2026-07-01' });
  return { assessment, methodology: m, verdict: judgePlan(assessment, m, { failOn: 'major' }) };
}

const reportRun = (): RunResult => ({ command: 'report', plans: [{ ...canonical(), verdict: undefined } as PlanResult] });

function expectGolden(name: string, actual: string): void {
  const file = `test/golden/${name}`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('the canonical assessment', () => {
  it('has findings at many real positions, not all 1:1', () => {
    const positions = new Set(canonical().assessment.findings.map((f) => `${f.location.line}:${f.location.col}`));
    expect(positions.size).toBeGreaterThanOrEqual(4);
    expect(positions.has('1:1')).toBe(false);
  });

  for (const format of CI_FORMATS) {
    it(`through ${format} matches its golden file`, () => {
      expectGolden(`canonical.${EXTENSION[format]}`, formatRun(FORMATTERS[format], reportRun(), context));
    });
  }

  it('through markdown passes markdownlint-cli2 with its default rules, alone and with several plans', () => {
    const lint: RunResult = {
      command: 'lint',
      plans: [canonical(), { ...canonical(), assessment: { ...canonical().assessment, file: 'other.yaml' } }],
      thresholds: { failOn: 'major' },
    };
    const several = formatRun(FORMATTERS.markdown, lint, context);
    // The second plan's gaps refer back to the guides written under the first (guides-once.test.ts).
    expect(several).toContain('**Guide:** given in full under plan 1');
    const r = markdownlintTexts({ 'one.md': formatRun(FORMATTERS.markdown, reportRun(), context), 'several.md': several });
    expect(r.ok, r.output).toBe(true);
  });

  it('through sarif validates against the SARIF 2.1.0 schema', () => {
    const r = checkSarif(formatRun(FORMATTERS.sarif, reportRun(), context));
    expect(r.ok, r.output).toBe(true);
  });

  it('through junit validates against the JUnit XSD, and the badge is well-formed XML', () => {
    expect(xmllintTexts({ 'report.xml': formatRun(FORMATTERS.junit, reportRun(), context) }, 'JUnit.xsd')).toMatchObject({ ok: true });
    expect(xmllintTexts({ 'badge.svg': formatRun(FORMATTERS.badge, reportRun(), context) })).toMatchObject({ ok: true });
  });
});

describe('sarif', () => {
  const sarif = () => JSON.parse(formatRun(FORMATTERS.sarif, reportRun(), context));

  it('has one rule per item with descriptions, help and a level from its severity', () => {
    const { rules } = sarif().runs[0].tool.driver;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(allItems(m).map((i) => i.id));
    const purpose = rules.find((r: { id: string }) => r.id === 'first.purpose');
    expect(purpose).toMatchObject({
      shortDescription: { text: 'A purpose is written' },
      fullDescription: { text: 'Everything follows from it.' },
      defaultConfiguration: { level: 'error' },
    });
    expect(purpose.help.text.length).toBeGreaterThan(0);
    expect(purpose.help.markdown).toContain('`custom.purpose`');
    expect(rules.find((r: { id: string }) => r.id === 'second.review').defaultConfiguration.level).toBe('note');
  });

  it('has one result per gap at its plan position, relative to the working directory, with the waiver as a suppression', () => {
    const run = sarif().runs[0];
    const gaps = canonical().assessment.gaps;
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(gaps);
    const purpose = run.results.find((r: { ruleId: string }) => r.ruleId === 'first.purpose');
    expect(purpose.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/ci/canonical.yaml', uriBaseId: 'SRCROOT', index: 0 },
      region: { startLine: 8, startColumn: 3 },
    });
    expect(run.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///home/ana/community/' } });
    const waived = run.results.find((r: { ruleId: string }) => r.ruleId === 'second.review');
    expect(waived.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: expect.stringContaining('owner Bo') }]);
    expect(run.properties.methodology).toEqual({ id: 'mini', version: '0.1.0', title: 'Mini test methodology' });
  });

  it('gives absolute plan paths relative to the working directory, percent-encoded', () => {
    const plan = canonical();
    const run: RunResult = {
      command: 'report',
      plans: [{ ...plan, assessment: { ...plan.assessment, file: '/home/ana/community/plans/our plan#1.yaml' } }],
    };
    const uri = JSON.parse(formatRun(FORMATTERS.sarif, run, context)).runs[0].artifacts[0].location.uri;
    expect(uri).toBe('plans/our%20plan%231.yaml');
    const outside = JSON.parse(formatRun(FORMATTERS.sarif, run, { ...context, cwd: '/home/bo' })).runs[0].artifacts[0].location.uri;
    expect(outside).toBe('../ana/community/plans/our%20plan%231.yaml');
  });

  it('keeps fingerprints stable when lines move, and distinct per rule and file', () => {
    const fingerprints = (run: RunResult) =>
      JSON.parse(formatRun(FORMATTERS.sarif, run, context)).runs[0].results.map(
        (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['commready/v1'],
      );
    const before = fingerprints(reportRun());
    const shifted = planFromYaml(`# a comment that moves every line\n\n${readFileSync(CANONICAL, 'utf8')}`, m, CANONICAL);
    const after = fingerprints({
      command: 'report',
      plans: [{ assessment: assessPlan(shifted, m, validation, { today: '2026-07-01' }), methodology: m }],
    });
    expect(after).toEqual(before);
    expect(new Set(before).size).toBe(before.length);
    const moved = canonical();
    expect(
      fingerprints({ command: 'report', plans: [{ ...moved, assessment: { ...moved.assessment, file: 'elsewhere.yaml' } }] }),
    ).not.toEqual(before);
  });
});

describe('junit', () => {
  const xml = () => formatRun(FORMATTERS.junit, reportRun(), context);

  it('has a suite per plan and phase, a case per item, failures for gaps and skips for n/a and waived items', () => {
    const text = xml();
    const suites = [...text.matchAll(/<testsuite name="([^"]*)"[^>]* tests="(\d+)" failures="(\d+)" errors="0" skipped="(\d+)"/g)].map(
      (s) => s.slice(1),
    );
    expect(suites).toEqual([
      ['test/fixtures/ci/canonical.yaml › First phase', '3', '3', '0'],
      ['test/fixtures/ci/canonical.yaml › Second phase', '3', '1', '2'],
    ]);
    expect(text).toContain('<skipped message="not applicable: A volunteer group has no sponsor.">');
    expect(text).toContain('waived until 2026-12-31 (risk owned by Bo): The first review is due after a year | not before.');
    expect(text.match(/<failure /g)).toHaveLength(4);
    const names = [...text.matchAll(/<testcase name="([^"]*)" classname="([^"]*)"/g)].map((c) => `${c[2]}/${c[1]}`);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('badge', () => {
  it('shows level and score, coloured by score, as wide as its text', () => {
    const svg = formatRun(FORMATTERS.badge, reportRun(), context);
    expect(svg).toContain('aria-label="readiness: level 0 None · 23.5/100"');
    expect(svg).toContain('fill="#e05d44"');
    const width = (s: string) => Number(/<svg [^>]*width="(\d+)"/.exec(s)![1]);
    const plan = canonical();
    const longer = formatRun(
      FORMATTERS.badge,
      {
        command: 'report',
        plans: [{ ...plan, assessment: { ...plan.assessment, level: { ...plan.assessment.level, title: 'A much longer level title' } } }],
      },
      context,
    );
    expect(width(longer)).toBeGreaterThan(width(svg));
  });
});

describe('markdown', () => {
  it('lists open blockers first, then the other gaps by phase, accepted risks and the next-level path', () => {
    const md = formatRun(FORMATTERS.markdown, reportRun(), context);
    const order = [
      '## Scores',
      '## Phase scores',
      '```mermaid',
      '| Phase |',
      '## Open blockers',
      '`first.purpose`',
      '## Gaps by phase',
      '### First phase (phase 1)',
      '`first.values`',
      '## Accepted risks',
      '## Path to level 1',
    ].map((s) => md.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md).toContain('xychart-beta');
    expect(md).toContain('bar [30.8,0]');
    // The guide travels with the report, collapsed: never a relative link to a file the reader lacks.
    expect(md).toContain('<details><summary>Guide to first.purpose</summary>');
    expect(md).not.toContain('docs/methodology.md');
    const linked = formatRun(FORMATTERS.markdown, reportRun(), { ...context, guideUrl: 'https://acme.example/guide/methodology.html' });
    expect(linked).toContain('(https://acme.example/guide/methodology.html#first-purpose)');
    expect(linked).not.toContain('<details>');
    expect(md).toContain('waived until 2026-12-31, risk owned by Bo');
    expect(md).toContain('`mini` version');
  });

  it('takes first steps from the guide: its Steps paragraph or its numbered list', () => {
    const builtin = builtinMethodology();
    const withSteps = allItems(builtin).filter((i) => /Steps:|^\s*1\.\s/m.test(i.guidance));
    expect(withSteps.length).toBeGreaterThan(20);
    for (const item of withSteps) {
      const steps = firstSteps(item);
      expect(steps.length, item.id).toBeGreaterThan(0);
      for (const s of steps) expect(s, item.id).not.toMatch(/\*\*|Common mistakes|```/);
    }
    expect(firstSteps({ guidance: 'Intro.\n\n1. Ask **five** people.\n2. Keep `one` need.\n\nEnd.' })).toEqual([
      'Ask five people.',
      'Keep one need.',
    ]);
  });
});

/** Every class of hostile text the issue names. */
const HOSTILE = [
  '\u001b[2J\u001b[1;1Hspoof.yaml PASS score 100/100',
  'bell\u0007 and \u001b]0;window title\u0007',
  '\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\',
  'C1 \u009b31m CSI and \u0085 NEL and \u009d OSC',
  'right-to-left \u202eevil\u202c and \u2066isolate\u2069',
  'nul\u0000byte',
  '::error::forged annotation',
  'first line\n::error file=plan.yaml,line=1::forged\r\n::warning::cr',
  'x'.repeat(3000),
  `long words ${'word '.repeat(400)}`,
  '| pipe | `tick` *star* _under_ [link](javascript:alert(1)) <script>alert(1)</script> ![i](data:text/html,x)',
  '<https://evil.example> https://bare.example www.evil.example mail@evil.example # not a heading',
  'lone \ud800 surrogate and \ufffe\uffff non-characters',
  '1. a list\n- an item\n===\n---\n> quote\n    code',
  'ends with a backslash \\',
];

/** The canonical run with `text` in every text field a plan or methodology gives, ids and file names included. */
function hostileRun(text: string, withIds: boolean): RunResult {
  const plan = canonical();
  const a = plan.assessment;
  const id = (x: string) => (withIds ? `${x}${text}` : x);
  const methodology: Methodology = {
    ...m,
    id: id(m.id),
    title: text,
    version: text,
    phases: m.phases.map((p) => ({
      ...p,
      id: id(p.id),
      title: text,
      items: p.items.map((i) => ({ ...i, id: id(i.id), phaseId: id(i.phaseId), title: text, why: text, guidance: `**Steps:** ${text}` })),
    })),
  };
  return {
    command: 'lint',
    thresholds: { failOn: 'major' },
    plans: [
      {
        methodology,
        verdict: plan.verdict!,
        assessment: {
          ...a,
          file: `plans/${text}.yaml`,
          community: { name: text, type: text },
          methodology: { id: id(a.methodology.id), version: text },
          level: { ...a.level, title: text },
          nextLevel: a.nextLevel ? { ...a.nextLevel, title: text, items: a.nextLevel.items.map(id) } : null,
          phases: a.phases.map((p) => ({ ...p, phaseId: id(p.phaseId) })),
          gaps: a.gaps.map(id),
          items: a.items.map((r) => ({
            ...r,
            itemId: id(r.itemId),
            phaseId: id(r.phaseId),
            failed: r.failed.map(() => ({ path: text, message: text })),
            ...(r.waiver ? { waiver: { ...r.waiver, reason: text, owner: text } } : {}),
            ...(r.naReason !== undefined ? { naReason: text } : {}),
          })),
          findings: a.findings.map((f) => ({
            ...f,
            itemId: id(f.itemId),
            phaseId: id(f.phaseId),
            location: { ...f.location, file: text, path: text },
            data: { ...f.data, reason: text },
          })),
        },
      },
    ],
  };
}

describe('hostile text in every field', () => {
  const outputs = HOSTILE.flatMap((text, i) => [false, true].map((withIds) => ({ i, withIds, run: hostileRun(text, withIds) })));

  it('never reaches any of the four formats raw, and never starts a line like a workflow command', () => {
    for (const { i, withIds, run } of outputs) {
      for (const format of CI_FORMATS) {
        const out = formatRun(FORMATTERS[format], run, context);
        expect(UNSAFE_OUTPUT.exec(out), `${format}, hostile #${i}, ids ${withIds}`).toBeNull();
        expect(WORKFLOW_COMMAND_LINE.exec(out), `${format}, hostile #${i}, ids ${withIds}`).toBeNull();
      }
    }
  });

  it('leaves markdown without links but its own, without raw HTML, and passing markdownlint', () => {
    const texts: Record<string, string> = {};
    for (const { i, withIds, run } of outputs) {
      const md = formatRun(FORMATTERS.markdown, run, context);
      // Code examples in guides are fenced: nothing in them is markup.
      const prose = md.replace(/^ *(`{3,})[\s\S]*?^ *\1$/gm, '');
      // Every `[`, `]` and `<` from the input is backslash-escaped, so only unescaped ones can be markup.
      expect(prose).not.toMatch(/(?<!\\)<(script|a |img|https?:)/i);
      // Without --guide-url, no link at all, and no HTML but the guides' own <details> and <summary>.
      expect([...prose.matchAll(/(?<!\\)\]\(([^)]*)\)/g)]).toEqual([]);
      for (const tag of prose.matchAll(/(?<!\\)<\/?([a-z]+)/g)) expect(['details', 'summary']).toContain(tag[1]);
      const linked = formatRun(FORMATTERS.markdown, run, { ...context, guideUrl: 'https://acme.example/m.md' }).replace(
        /^ *(`{3,})[\s\S]*?^ *\1$/gm,
        '',
      );
      const links = [...linked.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((l) => l[1]);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link).toMatch(/^https:\/\/acme\.example\/m\.md#[A-Za-z0-9%_.-]+$/);
      texts[`hostile-${i}-${withIds}.md`] = md;
      // Several plans in one document: headings stay unique and short.
      const plan = run.plans[0]!;
      const several: RunResult = {
        ...run,
        plans: Array.from({ length: 3 }, (_, n) => ({ ...plan, assessment: { ...plan.assessment, file: `${n}-${plan.assessment.file}` } })),
      };
      texts[`hostile-${i}-${withIds}-several.md`] = formatRun(FORMATTERS.markdown, several, context);
    }
    const r = markdownlintTexts(texts);
    expect(r.ok, r.output).toBe(true);
  }, 90_000);

  it('leaves sarif valid against its schema', () => {
    for (const { i, run } of outputs) {
      const r = checkSarif(formatRun(FORMATTERS.sarif, run, context));
      expect(r.ok, `hostile #${i}: ${r.output}`).toBe(true);
    }
  });

  it('leaves junit valid against its XSD, and the badge well-formed', () => {
    const junit: Record<string, string> = {};
    const badges: Record<string, string> = {};
    for (const { i, withIds, run } of outputs) {
      junit[`hostile-${i}-${withIds}.xml`] = formatRun(FORMATTERS.junit, run, context);
      badges[`hostile-${i}-${withIds}.svg`] = formatRun(FORMATTERS.badge, run, context);
    }
    const xsd = xmllintTexts(junit, 'JUnit.xsd');
    expect(xsd.ok, xsd.output).toBe(true);
    const svg = xmllintTexts(badges);
    expect(svg.ok, svg.output).toBe(true);
  });

  it('keeps the badge short whatever the level title', () => {
    const svg = formatRun(FORMATTERS.badge, hostileRun('x'.repeat(3000), false), context);
    expect(Number(/<svg [^>]*width="(\d+)"/.exec(svg)![1])).toBeLessThan(400);
  });
});

describe('arbitrary Unicode in every field', () => {
  const anyText = fc.oneof(
    fc.string({ unit: anyCodePoint, maxLength: 40 }),
    fc
      .array(
        fc.constantFrom(
          '\u001b',
          '\u0007',
          '\u0000',
          '\u009b',
          '\u202e',
          '\u2066',
          '\ud800',
          '\udc00',
          '\n',
          '\r',
          '\t',
          '::',
          '|',
          '`',
          '*',
          '_',
          '[',
          ']',
          '<',
          '>',
          '&',
          '"',
          "'",
          '\\',
          'javascript:',
          '-',
          '1.',
          ' ',
          'a',
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join('')),
  );

  it('every format stays free of unsafe characters and forged command lines; sarif stays parseable JSON', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, withIds) => {
        const run = hostileRun(text, withIds);
        for (const format of CI_FORMATS) {
          const out = formatRun(FORMATTERS[format], run, context);
          if (UNSAFE_OUTPUT.test(out) || WORKFLOW_COMMAND_LINE.test(out)) return false;
          if (format === 'sarif' || format === 'gitlab') JSON.parse(out);
          // HTML: no tag, attribute or entity from the input (every `<` and `&` escaped by escapeHtml).
          if (format === 'html' && (/<(?!\/?(?:[a-z][a-z0-9]*)[\s>/]|!doctype html>)/.test(out) || /&(?!(amp|lt|gt|quot|#\d+);)/.test(out)))
            return false;
          // XML: every `&` starts an entity, and no `<` comes from the input outside markup.
          if ((format === 'junit' || format === 'badge') && /&(?!(amp|lt|gt|quot|apos|#10);)/.test(out)) return false;
        }
        return true;
      }),
      { seed: 20261126, numRuns: runs(150) },
    );
  });
});

describe('edge runs', () => {
  it('sarif has one run per methodology, and a valid empty run when nothing was assessed', () => {
    const builtin = builtinMethodology();
    const other = planFromYaml('community: { name: Other }\n', builtin, 'other.yaml');
    const assessment = assessPlan(other, builtin, validation, { today: '2026-07-01' });
    const two: RunResult = {
      command: 'lint',
      plans: [canonical(), { assessment, methodology: builtin, verdict: judgePlan(assessment, builtin, { failOn: 'blocker' }) }],
      thresholds: { failOn: 'blocker' },
    };
    const log = formatRun(FORMATTERS.sarif, two, context);
    expect(checkSarif(log)).toMatchObject({ ok: true });
    const runs = JSON.parse(log).runs;
    // No category of commready's own: the upload's `category` applies (codeql-action sets it only where none is).
    for (const run of runs) expect(run).not.toHaveProperty('automationDetails');
    expect(runs[1].tool.driver.rules).toHaveLength(allItems(builtin).length);
    // No link to a guide nobody published; the guide is in help.markdown instead.
    expect(runs[1].tool.driver.rules[0]).not.toHaveProperty('helpUri');
    expect(runs[1].tool.driver.rules[0].help.markdown).toContain('**Guide:**');
    const named = JSON.parse(
      formatRun(FORMATTERS.sarif, two, { ...context, sarifCategory: 'plans-eu', guideUrl: 'https://acme.example/g.md' }),
    ).runs;
    expect(named.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual([
      'plans-eu/mini/',
      'plans-eu/commready/',
    ]);
    expect(named[1].tool.driver.rules[0].helpUri).toBe(`https://acme.example/g.md#${allItems(builtin)[0]!.id.replace('.', '-')}`);
    const one = JSON.parse(formatRun(FORMATTERS.sarif, { ...two, plans: [two.plans[1]!] }, { ...context, sarifCategory: 'plans-eu' })).runs;
    expect(one[0].automationDetails).toEqual({ id: 'plans-eu/' });
    const empty = formatRun(FORMATTERS.sarif, { command: 'lint', plans: [] }, context);
    expect(checkSarif(empty)).toMatchObject({ ok: true });
    expect(JSON.parse(empty).runs[0].results).toEqual([]);
  });

  it('junit, markdown and badge are valid with no plan at all', () => {
    const none: RunResult = { command: 'lint', plans: [], notChecked: 2 };
    expect(xmllintTexts({ 'none.xml': formatRun(FORMATTERS.junit, none, context) }, 'JUnit.xsd')).toMatchObject({ ok: true });
    expect(xmllintTexts({ 'none.svg': formatRun(FORMATTERS.badge, none, context) })).toMatchObject({ ok: true });
    const md = formatRun(FORMATTERS.markdown, none, context);
    expect(md).toContain('2 files could not be checked');
    expect(markdownlintTexts({ 'none.md': md })).toMatchObject({ ok: true });
  });
});

describe('markdown wrapping', () => {
  it('never lets a wrapped line start a list, a heading underline or a workflow command', () => {
    for (const word of ['1.', '2)', '-', '+', '===', '---', '::error::x']) {
      // Sixteen words fill the first line to 79 columns, so `word` begins the second.
      const lines = wrapMarkdown('', `${'word '.repeat(16)}${word} end`, '');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toHaveLength(79);
      expect(lines[1], word).toMatch(/^(\\[-+=:]|\d\\[.)])/);
      expect(lines[1]!.replace('\\', ''), word).toBe(`${word} end`);
    }
    expect(escapeMarkdown('see https://x.example or www.y.example, mail a@b.example')).toBe(
      'see https\\://x.example or www\\.y.example, mail a@<!---->b.example',
    );
  });

  it('wraps as joining word after word did, for any words, prefix, indent and width', () => {
    // The first way of wrapping, kept as the reference: words one by one onto the line.
    const reference = (prefix: string, content: string, indent: string, width: number): string[] => {
      const guard = (word: string): string => {
        if (/^[-+=:]/.test(word)) return `\\${word}`;
        const ordered = /^(\d{1,9})([.)])(.*)$/.exec(word);
        return ordered ? `${ordered[1]}\\${ordered[2]}${ordered[3]}` : word;
      };
      const lines: string[] = [];
      let line = prefix;
      let empty = true;
      for (const word of content.split(' ').filter((w) => w.length > 0)) {
        if (!empty && line.length + 1 + word.length > width) {
          lines.push(line);
          line = indent + guard(word);
        } else line = empty ? (prefix.trim().length === 0 ? prefix + guard(word) : line + word) : `${line} ${word}`;
        empty = false;
      }
      lines.push(line.trimEnd());
      return lines;
    };
    const word = fc.stringMatching(/^(?:[a-z]{1,12}|[-+=:][a-z]{0,3}|\d{1,3}[.)][a-z]?|\d{10}\.|x\ny)$/);
    const content = fc.array(fc.tuple(fc.constantFrom(' ', '  ', '   '), word), { maxLength: 40 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(
        fc.constantFrom('', '   ', '- ', '1. ', '**Why:** ', '  - '),
        fc.oneof(
          content,
          content.map((c) => ` ${c}  `),
        ),
        fc.constantFrom('', '  ', '     '),
        fc.integer({ min: 1, max: 90 }),
        (prefix, text, indent, width) => {
          expect(wrapMarkdown(prefix, text, indent, width)).toEqual(reference(prefix, text, indent, width));
        },
      ),
      { seed: 20261207, numRuns: runs(2000) },
    );
  });
});

describe('waiver owners', () => {
  it('reach the assessment and the json report, which still validates against its schema', () => {
    const json = JSON.parse(formatRun(FORMATTERS.json, reportRun(), context));
    expect(validation.report(json), JSON.stringify(validation.report.errors)).toBe(true);
    const review = json.plans[0].items.find((i: { id: string }) => i.id === 'second.review');
    expect(review.waiver).toEqual({
      reason: 'The first review is due after a year | not before.',
      expires: '2026-12-31',
      active: true,
      owner: 'Bo',
    });
  });
});
