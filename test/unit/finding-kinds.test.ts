// Which findings are gaps and which are notes comes from one table: every code has exactly one kind, and
// scoring and the reports sort findings by it.
import { formatRun } from '../../src/report/types.js';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Methodology } from '../../src/methodology/types.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { plainPainter } from '../../src/report/types.js';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import {
  FINDING_CODES,
  FINDING_KINDS,
  isGapCode,
  isOpen,
  type FindingCode,
  type FindingKind,
  type PlanAssessment,
} from '../../src/scoring/types.js';
import { builtinMethodology, miniMethodology, planFromYaml, validation } from '../helpers.js';

const builtin = builtinMethodology();
const mini = miniMethodology();
const context = { toolVersion: '9.9.9', paint: plainPainter };

function assess(file: string, m: Methodology, today: string, text = readFileSync(file, 'utf8')): PlanAssessment {
  return assessPlan(planFromYaml(text, m, file), m, validation, { today });
}

/** Plans with gaps, waivers, answers set aside and facts to fix. */
const assessed: { assessment: PlanAssessment; methodology: Methodology }[] = [
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ assessment: assess(`examples/${f}`, builtin, '2026-11-25'), methodology: builtin })),
  ...['mini-complete', 'mini-empty'].map((n) => ({
    assessment: assess(`test/fixtures/plans/${n}.yaml`, mini, '2026-07-01'),
    methodology: mini,
  })),
  // Facts below the assessment, so a waiver comes before its item's gap in the findings' order.
  {
    assessment: assess(
      'notes.yaml',
      mini,
      '2026-07-01',
      [
        'community: { name: Notes }',
        'people: [{ name: Ana }]',
        'assessment:',
        '  first.values: { status: n/a }',
        '  first.purpose: { status: met, owner: Bea }',
        '  second.review: { status: met, reviewed: 2027-01-01 }',
        '  second.rules: { status: unmet, waiver: { reason: Budget decision in March, expires: 2026-01-01 } }',
        '  second.sponsor: { waiver: { reason: Budget decision in March, expires: 2027-01-01 } }',
        'custom: { rules_url: not a link, sponsor: "" }',
      ].join('\n'),
    ),
    methodology: mini,
  },
  {
    assessment: assess(
      'renamed.yaml',
      builtin,
      '2026-11-25',
      'version: 2\ncommunity: { name: Renamed, stage: planning }\nassessment:\n  measurement.bus-factor: { status: unmet, note: Nobody backs up the host yet. }\n',
    ),
    methodology: builtin,
  },
];

describe('the finding kinds table', () => {
  it('gives every finding code exactly one kind, and no other code one', () => {
    // A complete Record over the closed union: a code without a kind does not compile.
    const kinds: Readonly<Record<FindingCode, FindingKind>> = FINDING_KINDS;
    expect(Object.keys(kinds).sort()).toEqual([...FINDING_CODES].sort());
    expect(new Set(FINDING_CODES).size).toBe(FINDING_CODES.length);
  });

  it('is checked by the compiler: a table missing a code does not type-check', () => {
    const { 'id-renamed': dropped, ...rest } = FINDING_KINDS;
    // @ts-expect-error 'id-renamed' has no kind
    const incomplete: Record<FindingCode, FindingKind> = rest;
    expect(dropped).toBeDefined();
    expect(Object.keys(incomplete)).toHaveLength(FINDING_CODES.length - 1);
  });

  it('is exercised by the test plans: they raise findings of every kind', () => {
    const seen = new Set(assessed.flatMap((p) => p.assessment.findings.map((f) => FINDING_KINDS[f.code])));
    expect([...seen].sort()).toEqual(['answer', 'fact', 'gap', 'waiver']);
  });
});

describe('scoring and reports sort findings by kind', () => {
  it('gives every open item exactly one gap finding, carrying its points, and points to no other finding', () => {
    for (const { assessment: a } of assessed) {
      for (const r of a.items) {
        const gaps = a.findings.filter((f) => f.itemId === r.itemId && isGapCode(f.code));
        expect(
          gaps.map((f) => f.data.points),
          `${a.file} ${r.itemId}`,
        ).toEqual(isOpen(r.status) ? [r.points] : []);
      }
      expect(a.findings.filter((f) => !isGapCode(f.code) && f.data.points !== undefined)).toEqual([]);
    }
  });

  it('the text report places each gap at its gap finding, and lists every other finding as a note', () => {
    for (const { assessment: a, methodology } of assessed) {
      const text = formatRun(FORMATTERS.text, { command: 'report', plans: [{ assessment: a, methodology }] }, context);
      const sections = text.split('\n\n');
      const gapLines = (sections.find((s) => s.startsWith('Gaps, in priority order')) ?? '').split('\n').filter((l) => /^ +\d+\. /.test(l));
      expect(gapLines).toHaveLength(a.gaps.length);
      a.gaps.forEach((id, i) => {
        const gap = a.findings.find((f) => f.itemId === id && isGapCode(f.code))!;
        expect(gapLines[i]).toContain(`${id}  ${gap.location.line}:${gap.location.col}`);
      });
      const notes = sections.find((s) => s.startsWith('Answers and facts to look at'));
      const expected = a.findings.filter((f) => !isGapCode(f.code));
      expect(notes?.split('\n').slice(1) ?? [], a.file).toHaveLength(expected.length);
    }
  });

  it('SARIF places a waived item at the fact that fails it, not at the waiver above it', () => {
    const { assessment: a, methodology } = assessed.find((p) => p.assessment.file === 'notes.yaml')!;
    const sarif = JSON.parse(formatRun(FORMATTERS.sarif, { command: 'report', plans: [{ assessment: a, methodology }] }, context));
    for (const [id, waiver] of [
      ['second.sponsor', 'item-waived'],
      ['second.rules', 'waiver-expired'],
    ] as const) {
      const own = a.findings.filter((f) => f.itemId === id);
      // The waiver is the item's first finding, so skipping it is what is tested.
      expect(own.map((f) => f.code)).toEqual([waiver, 'item-unmet']);
      const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === id);
      expect(result.locations[0].physicalLocation.region).toEqual({ startLine: own[1]!.location.line, startColumn: own[1]!.location.col });
    }
  });
});
