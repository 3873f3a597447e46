import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemas } from '../../src/io/package-files.js';
import { planSchemaRef } from '../../src/io/plan-schema-ref.js';
import { describeEvent, scoreBar } from '../../src/interview/interview-messages.js';
import { planSchemaChoicesAt, planSchemaHasPath } from '../../src/methodology/plan-schema-paths.js';
import {
  checkEntered,
  conditionHolds,
  conditionPaths,
  pathSegments,
  promptFor,
  toEntered,
  valueAtPath,
  type Condition,
  type ValueSpec,
} from '../../src/interview/question-model.js';
import { questionsFromMethodology } from '../../src/interview/questions-from-methodology.js';
import { safeText } from '../../src/interview/safe-text.js';
import { screenerQuestions } from '../../src/interview/screener-questions.js';
import { gapReportFile } from '../../src/cli/commands/interview.js';
import { plainPainter } from '../../src/report/types.js';
import { allItems } from '../../src/methodology/types.js';
import { builtinMethodology, miniMethodology } from '../helpers.js';

const planSchema = loadSchemas().plan;

describe('answers as entered', () => {
  const cases: [ValueSpec, unknown, unknown][] = [
    [{ kind: 'short-text' }, '  Makers  ', 'Makers'],
    [{ kind: 'short-text', format: 'url' }, 'https://acme.example/a', 'https://acme.example/a'],
    [{ kind: 'number', minimum: 0, integer: true }, '12', 12],
    [{ kind: 'percentage' }, '33', 0.33],
    [{ kind: 'percentage' }, '12.5%', 0.125],
    [{ kind: 'yes-no' }, false, false],
    [{ kind: 'date' }, '2026-02-28', '2026-02-28'],
    [{ kind: 'one-choice', choices: [{ value: 'a', name: 'A' }] }, 'a', 'a'],
    [
      {
        kind: 'several-choices',
        choices: [
          { value: 'a', name: 'A' },
          { value: 'b', name: 'B' },
        ],
      },
      ['b', 'a', 'b'],
      ['b', 'a'],
    ],
    [{ kind: 'text-list' }, 'France, Spain ,,', ['France', 'Spain']],
    [{ kind: 'person' }, 'Ana', 'Ana'],
  ];
  it.each(cases)('%j takes %j and stores %j', (spec, entered, stored) => {
    expect(checkEntered(spec, entered)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ['50', 0.5],
    ['50%', 0.5],
    ['50 %', 0.5],
    [50, 0.5],
    ['100', 1],
    ['0', 0],
    ['1', 0.01],
    ['12.5', 0.125],
    ['33.33', 0.3333],
    ['57', 0.57],
    ['0.5%', 0.005],
    ['.5%', 0.005],
  ])('takes a percentage typed as %j and stores the fraction %j exactly', (entered, stored) => {
    expect(checkEntered({ kind: 'percentage' }, entered)).toEqual({ ok: true, value: stored });
  });

  it('refuses a bare fraction at a percentage prompt, saying what to type instead', () => {
    expect(checkEntered({ kind: 'percentage' }, '0.5')).toEqual({
      ok: false,
      problem: 'this asks for a percentage: type 50 for 50% (or 0.5% if you mean 0.5 percent)',
    });
    expect(checkEntered({ kind: 'percentage' }, 0.25)).toEqual({
      ok: false,
      problem: 'this asks for a percentage: type 25 for 25% (or 0.25% if you mean 0.25 percent)',
    });
    for (const bad of ['-5', '101', '50%%', 'half', ''])
      expect(checkEntered({ kind: 'percentage' }, bad), bad).toEqual({ ok: false, problem: 'enter a percentage from 0 to 100' });
  });

  it('shows a stored share as the percentage the prompt takes back unchanged', () => {
    for (const stored of [0, 0.005, 0.1, 0.125, 0.3333, 0.5, 0.57, 1]) {
      const shown = toEntered({ kind: 'percentage' }, stored);
      expect(checkEntered({ kind: 'percentage' }, shown), String(shown)).toEqual({ ok: true, value: stored });
    }
    expect(toEntered({ kind: 'percentage' }, 0.005)).toBe('0.5%');
  });

  it('asks a percentage in percent, whatever scale the wording states, and says how to type dates and lists', () => {
    expect(promptFor('What share of newcomers should convert (0 to 100)?', { kind: 'percentage' })).toBe(
      'What share of newcomers should convert? (in %, 0 to 100)',
    );
    expect(promptFor('What share of activity (0 to 1) came from members?', { kind: 'percentage' })).toBe(
      'What share of activity came from members? (in %, 0 to 100)',
    );
    expect(promptFor('By when?', { kind: 'date' })).toBe('By when? (a date: YYYY-MM-DD, e.g. 2026-09-30)');
    expect(promptFor('Where?', { kind: 'short-text', format: 'url' })).toBe('Where? (a web address: https://…)');
    expect(promptFor('Who?', { kind: 'person', several: true })).toBe('Who? (names, separated by commas)');
    expect(promptFor('Who?', { kind: 'text-list' })).toBe('Who? (separate with commas)');
    expect(promptFor('How many (0 to 1)?', { kind: 'number' })).toBe('How many (0 to 1)?');
  });

  const refused: [ValueSpec, unknown, string][] = [
    [{ kind: 'short-text' }, '   ', 'enter some text'],
    [{ kind: 'short-text', format: 'url' }, 'example.org', 'enter a web address such as https://forum.your-community.example/'],
    [
      { kind: 'short-text', format: 'url' },
      'https://example.com/coc',
      "'https://example.com/coc' leads nowhere a member could follow: enter the address members open",
    ],
    [
      { kind: 'short-text', format: 'url' },
      'http://localhost:3000',
      "'http://localhost:3000' leads nowhere a member could follow: enter the address members open",
    ],
    [
      { kind: 'short-text' },
      'tbd',
      `'tbd' counts as not written: choose "No, not in place yet" or "Don't know yet" instead (type ? for them)`,
    ],
    [
      { kind: 'text-list' },
      'none',
      `'none' counts as not written: choose "No, not in place yet" or "Don't know yet" instead (type ? for them)`,
    ],
    [{ kind: 'person', several: true }, ' , ', 'name at least one person'],
    [{ kind: 'number', minimum: 0 }, '-1', 'enter 0 or more'],
    [{ kind: 'number', integer: true }, '1.5', 'enter a whole number'],
    [{ kind: 'number' }, 'twelve', 'enter a number'],
    [{ kind: 'percentage' }, '140', 'enter a percentage from 0 to 100'],
    [{ kind: 'date' }, '2026-02-30', 'enter a date as YYYY-MM-DD'],
    [{ kind: 'one-choice', choices: [{ value: 'a', name: 'A' }] }, 'b', 'pick one of the choices'],
    [{ kind: 'several-choices', choices: [{ value: 'a', name: 'A' }] }, [], 'pick at least one'],
    [{ kind: 'text-list' }, ' , ', 'enter at least one, separated by commas'],
  ];
  it.each(refused)('%j refuses %j: %s', (spec, entered, problem) => {
    expect(checkEntered(spec, entered)).toEqual({ ok: false, problem });
  });

  it('checks lists of records field by field, nested lists included, keeping fields it does not know', () => {
    const spec: ValueSpec = {
      kind: 'records',
      fields: [
        { key: 'name', message: 'Name', value: { kind: 'short-text' } },
        { key: 'share', message: 'Share', value: { kind: 'percentage' }, optional: true },
        {
          key: 'steps',
          message: 'Steps',
          value: { kind: 'records', fields: [{ key: 'when', message: 'When', value: { kind: 'date' } }] },
          optional: true,
        },
      ],
    };
    expect(checkEntered(spec, [{ name: 'A', share: '50', steps: [{ when: '2026-01-01' }], extra: 'kept' }])).toEqual({
      ok: true,
      value: [{ name: 'A', share: 0.5, steps: [{ when: '2026-01-01' }], extra: 'kept' }],
    });
    expect(checkEntered(spec, [{ share: '50' }])).toEqual({ ok: false, problem: 'entry 1, Name: missing' });
    expect(checkEntered(spec, [{ name: 'A', steps: [{ when: 'soon' }] }])).toEqual({
      ok: false,
      problem: 'entry 1, Steps: entry 1, When: enter a date as YYYY-MM-DD',
    });
    expect(toEntered(spec, [{ name: 'A', share: 0.5 }])).toEqual([{ name: 'A', share: '50%' }]);
  });

  it('shows stored values as they are entered: percentages 0-100 with their sign, lists joined', () => {
    expect(toEntered({ kind: 'percentage' }, 0.33)).toBe('33%');
    expect(toEntered({ kind: 'text-list' }, ['a', 'b'])).toBe('a, b');
    expect(toEntered({ kind: 'short-text' }, undefined)).toBeUndefined();
  });
});

describe('conditions', () => {
  const data = { community: { type: 'grassroots', size: 40, regions: [] }, custom: { online: true } };
  const cases: [Condition, boolean][] = [
    [{ path: 'community.type', equals: 'grassroots' }, true],
    [{ path: 'community.type', in: ['customer', 'internal'] }, false],
    [{ path: 'community.size', atLeast: 50 }, false],
    [{ path: 'community.regions', answered: false }, true],
    [{ not: { path: 'custom.online', equals: true } }, false],
    [
      {
        all: [
          { path: 'community.size', atLeast: 10 },
          { path: 'custom.online', equals: true },
        ],
      },
      true,
    ],
    [
      {
        any: [
          { path: 'community.stage', equals: 'running' },
          { path: 'community.type', equals: 'customer' },
        ],
      },
      false,
    ],
  ];
  it.each(cases)('%j is %s', (condition, expected) => {
    expect(conditionHolds(condition, data)).toBe(expected);
  });
  it('lists the paths a condition reads, and reads item ids with their dot as one key', () => {
    expect(conditionPaths({ all: [{ path: 'a.b', equals: 1 }, { not: { path: 'c', answered: true } }] })).toEqual(['a.b', 'c']);
    expect(pathSegments('assessment.governance.host.status')).toEqual(['assessment', 'governance.host', 'status']);
    expect(valueAtPath({ assessment: { 'governance.host': { status: 'n/a' } } }, 'assessment.governance.host.status')).toBe('n/a');
  });
});

describe('questions from the built-in methodology', () => {
  const m = builtinMethodology();
  const questions = questionsFromMethodology(m, planSchema);

  it('asks every path the items fill once, feeding every item that fills it', () => {
    const paths = questions.flatMap((q) => q.fills.map((f) => f.path));
    expect(new Set(paths).size).toBe(paths.length);
    // Every evidence path of every item is asked (the methodology's own questions fill the rest).
    for (const item of allItems(m)) for (const rule of item.evidence) expect(paths, `${item.id} ${rule.path}`).toContain(rule.path);
    const fed = new Set(questions.flatMap((q) => q.feeds));
    expect([...fed].sort()).toEqual(
      allItems(m)
        .map((i) => i.id)
        .sort(),
    );
    const shared = questions.find((q) => q.fills[0]!.path === 'observed.member_share')!;
    expect(shared.feeds).toEqual(['engagement.member-share-observed', 'engagement.member-share-mature']);
    expect(shared.fills[0]!.value.kind).toBe('percentage');
  });

  it('every path it asks is one the plan schema accepts', () => {
    for (const q of questions) for (const f of q.fills) expect(planSchemaHasPath(planSchema, pathSegments(f.path)), f.path).toBe(true);
  });

  it("offers the schema's fixed values as choices instead of free text", () => {
    const waves = questions.find((q) => q.id === 'launch.soft-launch')!.fills[0]!.value;
    expect(waves.kind).toBe('records');
    const audience = waves.kind === 'records' ? waves.fields.find((f) => f.key === 'audience')! : undefined;
    // Shown with labels and the meaning the plan format gives each value, never as the file stores them.
    expect(audience?.value).toEqual({
      kind: 'one-choice',
      choices: [
        { value: 'founders', name: 'Founders', description: 'the founding members' },
        { value: 'invited', name: 'Invited', description: 'personally invited groups' },
        { value: 'public', name: 'Public', description: 'anyone in the audience' },
      ],
    });
    const relationship = questions.find((q) => q.id === 'purpose.brand-relationship')!.fills[0]!.value;
    expect(relationship.kind === 'one-choice' && relationship.choices.map((c) => c.name)).toEqual([
      'Independent',
      'Endorsed',
      'Sponsor branded',
    ]);
  });

  it('sorts items into tiers (blockers and gate items core) with time estimates, and skips what a type makes n/a', () => {
    const tier = (id: string) => questions.find((q) => q.feeds.includes(id))!.tier;
    expect(tier('purpose.statement')).toBe('core');
    expect(tier('measurement.active-observed')).toBe('core');
    expect(tier('purpose.values')).toBe('minor');
    expect(questions.every((q) => q.seconds > 0)).toBe(true);
    const minutes = questions.filter((q) => q.tier === 'core').reduce((s, q) => s + q.seconds, 0) / 60;
    expect(minutes).toBeGreaterThan(10);
    const naByType = questions.filter((q) => q.when !== undefined);
    expect(naByType.length).toBeGreaterThan(0);
    for (const q of naByType)
      for (const path of conditionPaths(q.when)) expect(['community.type', 'community.stage', 'community.formality']).toContain(path);
    expect(naByType.some((q) => conditionPaths(q.when).join() === 'community.type')).toBe(true);
    expect(questions.find((q) => q.id === 'engagement.member-share-target')!.message).not.toMatch(/0 to 1/);
  });

  it('rating items become a choice of met, partial or unmet written under assessment', () => {
    const mini = questionsFromMethodology(miniMethodology(), planSchema).find((q) => q.id === 'first.values')!;
    expect(mini.fills[0]!.path).toBe('assessment.first.values.status');
    expect(mini.fills[0]!.value).toMatchObject({
      kind: 'one-choice',
      choices: [{ value: 'met', description: 'Written and agreed.' }, { value: 'partial' }, { value: 'unmet' }],
    });
  });
});

describe('the screener', () => {
  it("fills the community fields, with the methodology's profiles as types; the plan schema decides what is asked today", () => {
    const screener = screenerQuestions(builtinMethodology());
    expect(screener.map((q) => q.fills[0]!.path)).toEqual([
      'community.name',
      'community.type',
      'community.stage',
      // The opening date asked in the stage's tense too: when it opens, or when it opened.
      'community.opened',
      'community.opened',
      'community.formality',
      // The size asked in the stage's tense: expected before it runs, as it is once running.
      'community.size',
      'community.size',
      'community.format',
      'community.minors',
      'community.regions',
    ]);
    const type = screener[1]!.fills[0]!.value;
    expect(type.kind === 'one-choice' && type.choices.map((c) => c.value)).toEqual([
      'customer',
      'internal',
      'open-source',
      'professional',
      'grassroots',
    ]);
    // The plan schema accepts every field the screener fills.
    expect(screener.every((q) => planSchemaHasPath(planSchema, pathSegments(q.fills[0]!.path)))).toBe(true);
    expect(screener.find((q) => q.id === 'screener.opened')!.when).toEqual({ path: 'community.stage', equals: 'launching' });
    expect(screener.find((q) => q.id === 'screener.opened-running')!.when).toEqual({ path: 'community.stage', equals: 'running' });
  });
});

describe('the plan schema lookup', () => {
  it('follows properties, items, additionalProperties and $ref', () => {
    expect(planSchemaHasPath(planSchema, ['purpose', 'goals', '*', 'metric'])).toBe(true);
    expect(planSchemaHasPath(planSchema, ['assessment', 'purpose.values', 'owner'])).toBe(true);
    expect(planSchemaHasPath(planSchema, ['assessment', 'purpose.values', 'due'])).toBe(true);
    expect(planSchemaHasPath(planSchema, ['assessment', 'purpose.values', 'deadline'])).toBe(false);
    expect(planSchemaHasPath(planSchema, ['community', 'nickname'])).toBe(false);
    expect(planSchemaHasPath(planSchema, ['custom', 'anything', 'below'])).toBe(true);
    expect(planSchemaChoicesAt(planSchema, ['assessment', 'x.y', 'status'])).toEqual(['met', 'partial', 'unmet', 'n/a']);
  });
});

describe('words and names', () => {
  it('makes plan text safe for a terminal', () => {
    expect(safeText('a\u001b[31mred\u0007\r')).toBe('a\\x1b[31mred\\x07\\r');
    expect(safeText('two\nlines\u202e', { multiline: true })).toBe('two\nlines\\u202e');
    expect(safeText('::error::forged')).toBe('\\x3a:error::forged');
  });
  it('draws score bars and sanitises event text', () => {
    expect(scoreBar(60, 10)).toBe('[██████░░░░] 60');
    expect(scoreBar(0, 4)).toBe('[░░░░] 0');
    expect(
      describeEvent(
        { kind: 'feedback', score: 10, items: [{ itemId: 'a.b', title: 'T\u001b[2J', status: 'unmet', failed: ['Add 3 more.'] }] },
        plainPainter,
      ),
    ).toEqual(['  • T\\x1b[2J: not met yet. Still: Add 3 more.']);
  });
  it('names the gap report after the plan, and points $schema at the published schema outside a project', () => {
    expect(gapReportFile(path.join('plans', 'acme.yaml'), 'md')).toBe(path.join('plans', 'acme.gaps.md'));
    expect(planSchemaRef('/nonexistent-dir/plan.yaml', '9.9.9')).toBe('https://unpkg.com/commready@9.9.9/schemas/plan.schema.json');
  });
});

describe('the interview modules', () => {
  it('only inquirer-asker.ts loads Inquirer or ora; the rest of interview/ does no I/O of its own', () => {
    const dir = 'src/interview';
    const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    // The value kinds' modules are checked too.
    expect(names).toContain(path.join('value-kinds', 'index.ts'));
    for (const name of names) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
        (x) => x[1] ?? x[2]!,
      );
      if (name === 'inquirer-asker.ts') {
        expect(specifiers).toContain('@inquirer/prompts');
        continue;
      }
      for (const spec of specifiers) expect(/^node:|^@inquirer|^ora$|\/io\/|\/cli\//.test(spec), `${name} imports ${spec}`).toBe(false);
      expect(/\bprocess\.|\bDate\.now\(|new Date\(\)/.test(text), `${name} uses the process or the clock`).toBe(false);
    }
  });
});
