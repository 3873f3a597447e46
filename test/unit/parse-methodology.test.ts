import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMethodology } from '../../src/io/load-methodology.js';
import { allItems, findItem } from '../../src/methodology/types.js';
import { parseMethodology } from '../../src/methodology/parse-methodology.js';
import { RULE_KINDS } from '../../src/methodology/rule-kinds/index.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { inputErrorsOf, validation } from '../helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the mini methodology with one file edited. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'commready-m-'));
  dirs.push(dir);
  cpSync('test/fixtures/mini', dir, { recursive: true });
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return dir;
}

function errorsOf(dir: string) {
  return inputErrorsOf(() => loadMethodology(dir, validation)).map((d) => ({ ...d, file: path.basename(d.file) }));
}

describe('parseMethodology', () => {
  it('accepts the mini methodology and keeps phase and item order', () => {
    const m = loadMethodology('test/fixtures/mini', validation);
    expect(m.phases.map((p) => p.id)).toEqual(['first', 'second']);
    expect(allItems(m).map((i) => i.id)).toEqual([
      'first.purpose',
      'first.people',
      'first.values',
      'second.rules',
      'second.sponsor',
      'second.review',
    ]);
    expect(m.levels.map((l) => l.id)).toEqual(['none', 'started', 'ready']);
  });

  it('rejects an evidence rule whose schema is not a valid JSON Schema, at its position', () => {
    const dir = brokenCopy('first.yaml', (t) =>
      t.replace('schema: { type: string, minLength: 10 }', 'schema: { type: strong, minLength: 10 }'),
    );
    const [d, ...rest] = errorsOf(dir);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ file: 'first.yaml', line: 13, col: 9 });
    expect(d!.message).toMatch(/invalid evidence schema/);
  });

  it('rejects an unknown keyword in an evidence schema (a typo would make the rule always pass)', () => {
    const dir = brokenCopy('first.yaml', (t) => t.replace('minLength: 10', 'minLenght: 10'));
    expect(errorsOf(dir)[0]!.message).toMatch(/invalid evidence schema: .*minLenght/);
  });

  it('rejects a duplicate item id, naming the first definition', () => {
    const dir = brokenCopy('second.yaml', (t) => t.replace('id: second.review', 'id: second.rules'));
    const [d] = errorsOf(dir);
    expect(d!.message).toMatch(/duplicate item id 'second.rules' \(first defined at .*second.yaml:5\)/);
  });

  it('rejects a gate naming an unknown phase, with a suggestion', () => {
    const dir = brokenCopy('methodology.yaml', (t) => t.replace('phases: [first] }', 'phases: [frist] }'));
    const [d] = errorsOf(dir);
    expect(d).toMatchObject({ file: 'methodology.yaml', line: 16, col: 52 });
    expect(d!.message).toBe("unknown phase 'frist' (did you mean 'first'?)");
  });

  it('rejects a share gate on a severity no item has, which would pass on 0 of 0, at the severity', () => {
    const dir = brokenCopy('second.yaml', (t) => t.replace('severity: minor', 'severity: blocker'));
    const manifest = path.join(dir, 'methodology.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('severity: major, min: 0.5', 'severity: minor, min: 0.5'));
    expect(errorsOf(dir)).toEqual([
      { file: 'methodology.yaml', line: 23, col: 22, message: "no item has severity 'minor', so this condition holds nothing" },
    ]);
  });

  it('rejects a question that fills a path no evidence rule reads', () => {
    const dir = brokenCopy('first.yaml', (t) => t.replace('fills: custom.people }', 'fills: custom.members }'));
    expect(errorsOf(dir).map((d) => d.message)).toEqual([
      "evidence path 'custom.people' is filled by no interview question (add one to questions.yaml)",
      "question fills 'custom.members', which no evidence rule of 'first.people' reads (rules read: custom.people, custom.host)",
    ]);
  });

  it('rejects an item whose only rules judge optional facts, which an empty plan would meet', () => {
    const optional = (also: string) =>
      brokenCopy('second.yaml', (t) =>
        t.replace(
          '      - path: custom.rules_url\n        schema: { type: string, format: uri }\n',
          `${also}      - kind: date\n        path: custom.rules_url\n        optional: true\n        done: true\n`,
        ),
      );
    expect(errorsOf(optional('')).map((d) => d.message)).toEqual([
      "item 'second.rules' has only optional rules: add one that judges a fact the plan must give",
    ]);
    // Beside a rule on a fact the plan must give, it is a methodology like any other.
    const besides = optional(
      '      - path: custom.rules_url\n        schema: { type: string, format: uri }\n        message: Link them.\n',
    );
    expect(loadMethodology(besides, validation).phases[1]!.items[0]!.evidence.map((r) => r.kind)).toEqual(['schema', 'date']);
  });

  it('rejects an evidence path that the plan schema does not describe', () => {
    const dir = brokenCopy('second.yaml', (t) =>
      t.replace('path: custom.sponsor', 'path: sponsorship.name').replace('fills: custom.sponsor', 'fills: sponsorship.name'),
    );
    expect(errorsOf(dir)[0]!.message).toMatch(/evidence path 'sponsorship.name' is not a field of the plan schema/);
  });

  it('rejects a people rule on a field the plan schema does not mark as naming a person, so no person field escapes the roster', () => {
    const dir = brokenCopy('first.yaml', (t) =>
      t.replace(
        '      - path: custom.host\n        schema: { type: string, minLength: 2 }',
        '      - kind: people\n        path: purpose.values',
      ),
    );
    expect(errorsOf(dir).map((d) => d.message)).toContainEqual(
      expect.stringMatching(/people rule reads 'purpose.values', which the plan schema does not mark as a person's name/),
    );
    const ok = brokenCopy('first.yaml', (t) =>
      t.replace(
        '      - path: custom.host\n        schema: { type: string, minLength: 2 }',
        '      - kind: people\n        path: team.host.name',
      ),
    );
    expect(errorsOf(ok).map((d) => d.message)).not.toContainEqual(expect.stringMatching(/person's name/));
  });

  it('rejects an unknown parameter and an unknown framework element', () => {
    const dir = brokenCopy('first.yaml', (t) =>
      t.replace('$param: people_min', '$param: people_max').replace('covers: [fw.rules]', 'covers: [fw.rulez]'),
    );
    expect(errorsOf(dir).map((d) => d.message)).toContain("unknown parameter 'people_max' (did you mean 'people_min'?)");
  });

  it('rejects a message placeholder naming an unknown parameter', () => {
    const dir = brokenCopy('first.yaml', (t) => t.replace('{people_min}', '{people_mni}'));
    expect(errorsOf(dir)[0]!.message).toBe("message placeholder {people_mni}: unknown parameter 'people_mni' (did you mean 'people_min'?)");
  });

  it('rejects a title placeholder naming an unknown parameter, and accepts a known one', () => {
    const dir = brokenCopy('first.yaml', (t) =>
      t.replace('title: Enough people with a host', 'title: At least {people_mni} people with a host'),
    );
    expect(errorsOf(dir).map((d) => d.message)).toEqual([
      "title placeholder {people_mni}: unknown parameter 'people_mni' (did you mean 'people_min'?)",
    ]);
    const good = brokenCopy('first.yaml', (t) =>
      t.replace('title: Enough people with a host', 'title: At least {people_min} people with a host'),
    );
    expect(findItem(loadMethodology(good, validation), 'first.people')!.title).toBe('At least {people_min} people with a host');
  });

  it('rejects a parameter default outside its own bounds', () => {
    const dir = brokenCopy('methodology.yaml', (t) =>
      t.replace(
        'people_min: { value: 3, description: People needed. }',
        'people_min: { value: 0, minimum: 1, integer: true, description: People needed. }',
      ),
    );
    expect(errorsOf(dir)[0]!.message).toBe("parameter 'people_min': the default 0 must be at least 1");
  });

  it('rejects a framework element that no item covers', () => {
    const dir = brokenCopy('second.yaml', (t) => t.replace('covers: [fw.rules]', 'covers: [fw.people]'));
    expect(errorsOf(dir).map((d) => d.message)).toEqual(["framework element 'fw.rules' is covered by no item"]);
  });

  it('rejects reuse of a retired id and an item id outside its phase', () => {
    const dir = brokenCopy('first.yaml', (t) => t.replace('id: first.values', 'id: first.old'));
    expect(errorsOf(dir)[0]!.message).toBe("item id 'first.old' is retired and cannot be reused");
    const other = brokenCopy('first.yaml', (t) => t.replace('id: first.values', 'id: second.values'));
    expect(errorsOf(other)[0]!.message).toMatch(/must start with its phase id 'first.'/);
  });

  it('reports a missing phase file at the manifest line that lists it', () => {
    const dir = brokenCopy('methodology.yaml', (t) => t.replace('phases: [first, second]', 'phases: [first, second, third]'));
    expect(errorsOf(dir)[0]).toMatchObject({
      file: 'methodology.yaml',
      line: 6,
      message: "phase file 'third.yaml' was not found beside the manifest",
    });
  });

  it('reports schema errors in a phase file with line and column', () => {
    const dir = brokenCopy('second.yaml', (t) => t.replace('severity: minor', 'severity: tiny'));
    const [d] = errorsOf(dir);
    expect(d).toMatchObject({ file: 'second.yaml', line: 36, col: 5 });
    expect(d!.message).toBe('items[2].severity must be one of: blocker, major, minor');
  });
});

describe('parseMethodology on inline data (no file system)', () => {
  const manifest =
    'id: tiny\ntitle: Tiny\nversion: 1.0.0\nphases: [only]\nlevels:\n  - { id: zero, title: Zero, description: Start., min_score: 0 }\n';
  const phase = (schema: string) =>
    `id: only\ntitle: Only\nsummary: One.\nitems:\n  - id: only.one\n    title: One\n    why: Because.\n    guidance: Do it.\n    severity: minor\n    weight: 1\n    evidence:\n      - { path: custom.one, schema: ${schema}, message: Add it. }\n    na: false\n    question: { kind: text, message: One?, fills: custom.one }\n    references: [{ title: X, url: "https://acme.example/x" }]\n`;
  const files = (schema: string) => ({
    location: 'mem',
    manifest: parseYamlSource('mem/methodology.yaml', manifest),
    phases: new Map([['only', parseYamlSource('mem/only.yaml', phase(schema))]]),
  });

  it('builds the model from parsed sources', () => {
    const m = parseMethodology(files('{ type: string }'), validation);
    expect(m.phases[0]!.items[0]).toMatchObject({ id: 'only.one', phaseId: 'only', origin: { file: 'mem/only.yaml', line: 5, col: 5 } });
    expect(m.directories).toEqual(['mem']);
  });

  it('reports an invalid evidence schema at its position in the phase source', () => {
    const errors = inputErrorsOf(() => parseMethodology(files('{ type: text }'), validation));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'mem/only.yaml', line: 12 });
  });
});

describe('extending a methodology', () => {
  function extension(manifest: string, files: Record<string, string> = {}): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'commready-x-'));
    dirs.push(dir);
    const base = path.relative(dir, path.resolve('test/fixtures/mini'));
    writeFileSync(path.join(dir, 'methodology.yaml'), manifest.replace('BASE', base));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it('adds items to a base phase, disables items and changes weights and thresholds', () => {
    const dir = extension(
      `id: ours\ntitle: Ours\nversion: 1.0.0\nextends: BASE\nphases: [second]\noverrides:\n  items:\n    second.review: { disabled: true }\n    second.rules: { weight: 7, severity: blocker }\n  params: { people_min: 5 }\n  levels:\n    ready: { min_score: 90 }\n`,
      {
        'second.yaml': `id: second\ntitle: Second\nsummary: Ours.\nitems:\n  - id: second.meetups\n    title: Monthly meetups\n    why: Rhythm.\n    guidance: Meet.\n    severity: minor\n    weight: 1\n    evidence:\n      - { path: custom.meetups, schema: { const: true }, message: Plan meetups. }\n    na: false\n    question: { kind: confirm, message: Meetups?, fills: custom.meetups }\n    references: [{ title: X, url: "https://acme.example/x" }]\n`,
      },
    );
    const m = loadMethodology(dir, validation);
    expect(allItems(m).map((i) => i.id)).toEqual([
      'first.purpose',
      'first.people',
      'first.values',
      'second.rules',
      'second.sponsor',
      'second.meetups',
    ]);
    expect(allItems(m).find((i) => i.id === 'second.rules')).toMatchObject({ weight: 7, severity: 'blocker' });
    expect(m.params.people_min!.value).toBe(5);
    expect(m.levels.find((l) => l.id === 'ready')!.minScore).toBe(90);
    expect(m.id).toBe('ours');
  });

  it('lays its own profiles over the base ones by id: effects add up, new profiles join the end', () => {
    const dir = extension(
      `id: ours\ntitle: Ours\nversion: 1.0.0\nextends: BASE\nphases: []\nprofiles:\n  - id: grassroots\n    title: Grassroots, ours\n    description: Ours.\n    params: { people_min: 2 }\n  - { id: internal, title: Internal, description: Staff. }\n`,
    );
    const m = loadMethodology(dir, validation);
    expect(m.profiles.map((p) => p.id)).toEqual(['grassroots', 'customer', 'internal']);
    const grassroots = m.profiles.find((p) => p.id === 'grassroots')!;
    expect(grassroots.title).toBe('Grassroots, ours');
    expect(grassroots.params).toEqual({ people_min: 2 });
    expect(grassroots.notApplicable.map((n) => n.item)).toEqual(['second.sponsor']);
  });

  it('rejects overrides that put the levels out of order or make the first level unreachable', () => {
    const dir = extension(
      `id: ours\ntitle: Ours\nversion: 1.0.0\nextends: BASE\nphases: []\noverrides:\n  levels:\n    started: { min_score: 95 }\n    none: { min_score: 10 }\n`,
    );
    expect(errorsOf(dir).map((d) => [d.line, d.message])).toEqual([
      [8, "level 'ready' needs a lower score (80) than the level before it, 'started' (95)"], // at the override of 'started'
      [9, "the first level 'none' must have min_score 0, no min_health and no gates: it is where every plan starts"],
    ]);
  });

  it('rejects inherited object names and out-of-bound values as parameter overrides', () => {
    const dir = extension(`id: ours\ntitle: Ours\nversion: 1.0.0\nextends: BASE\nphases: []\noverrides:\n  params: { constructor: 5 }\n`);
    expect(errorsOf(dir)[0]!.message).toBe("unknown parameter 'constructor'");
  });

  it('points at extends when the base is missing or makes a cycle', () => {
    const missing = extension(`id: ours\ntitle: Ours\nversion: 1.0.0\nextends: ../nowhere\nphases: []\n`);
    expect(errorsOf(missing)[0]).toMatchObject({
      file: 'methodology.yaml',
      line: 4,
      col: 1,
      message: "'extends': no methodology.yaml in '../nowhere' (relative to this file)",
    });
    const a = extension(`id: a\ntitle: A\nversion: 1.0.0\nextends: BASE\nphases: []\n`);
    const b = extension(`id: b\ntitle: B\nversion: 1.0.0\nextends: ../${path.basename(a)}\nphases: []\n`);
    writeFileSync(path.join(a, 'methodology.yaml'), `id: a\ntitle: A\nversion: 1.0.0\nextends: ../${path.basename(b)}\nphases: []\n`);
    const [d] = errorsOf(a);
    expect(d).toMatchObject({ line: 4, col: 1 });
    expect(d!.message).toMatch(/^'extends' makes a cycle: /);
  });

  it('counts the merged items for a share gate: overrides that take every item of its severity away are refused', () => {
    const overrides = `overrides:\n  items:\n    first.values: { severity: minor }\n    second.rules: { disabled: true }\n`;
    // The base's own levels, inherited: the fault is the overrides'.
    const inherited = extension(`id: ours\ntitle: Ours\nversion: 1.0.0\nextends: BASE\nphases: []\n${overrides}`);
    expect(errorsOf(inherited)).toEqual([
      {
        file: 'methodology.yaml',
        line: 7,
        col: 3,
        message: "level 'ready' of the base has a share_met gate: no item has severity 'major', so this condition holds nothing",
      },
    ]);
    // Levels of its own: at the gate's severity.
    const own = extension(
      `id: ours\ntitle: Ours\nversion: 1.0.0\nextends: BASE\nphases: []\nlevels:\n  - { id: none, title: None, description: Start., min_score: 0 }\n  - { id: most, title: Most, description: Most majors., min_score: 50, gates: [{ share_met: { severity: major, min: 0.8 } }] }\n${overrides}`,
    );
    expect(errorsOf(own)).toEqual([
      { file: 'methodology.yaml', line: 8, col: 95, message: "no item has severity 'major', so this condition holds nothing" },
    ]);
    // One major item left is enough to count.
    const kept = extension(
      `id: ours\ntitle: Ours\nversion: 1.0.0\nextends: BASE\nphases: []\n${overrides.replace(/ *second.rules.*\n/, '')}`,
    );
    expect(loadMethodology(kept, validation).levels.map((l) => l.id)).toEqual(['none', 'started', 'ready']);
  });

  it('rejects overrides of unknown items', () => {
    const dir = extension(
      `id: ours\ntitle: Ours\nversion: 1.0.0\nextends: BASE\nphases: []\noverrides:\n  items:\n    second.rulez: { disabled: true }\n`,
    );
    expect(errorsOf(dir)[0]!.message).toMatch(/^unknown item 'second.rulez' \(did you mean 'second.rules'/);
  });
});

describe('validating the model: stages, dimensions, profiles, words and rule kinds', () => {
  const purposeRule = '    weight: 5\n    evidence:\n      - path: custom.purpose';
  const withBeforeEvidence = (line: string) => (t: string) =>
    t.replace(purposeRule, `    weight: 5\n${line}\n    evidence:\n      - path: custom.purpose`);

  it('reads stages, dimension and profile effects, with defaults', () => {
    const m = loadMethodology('test/fixtures/mini', validation);
    const purpose = allItems(m).find((i) => i.id === 'first.purpose')!;
    expect(purpose.stages).toEqual(['planning', 'launching', 'running']);
    expect(purpose.dimension).toBe('readiness');
    expect(purpose.evidence[0]!.kind).toBe('schema');
    expect(m.profiles.find((p) => p.id === 'customer')).toMatchObject({ params: {}, severities: {}, weights: {}, words: {} });
  });

  it('rejects an unknown stage, with its position', () => {
    const [d] = errorsOf(brokenCopy('first.yaml', withBeforeEvidence('    stages: [planing]')));
    expect(d).toMatchObject({ file: 'first.yaml', line: 11 });
    expect(d!.message).toMatch(/planning, launching, running/);
  });

  it('rejects a stage note on an item judged in every stage', () => {
    expect(errorsOf(brokenCopy('first.yaml', withBeforeEvidence('    stage_note: Judged elsewhere.')))[0]!.message).toMatch(
      /has a stage_note but no stages/,
    );
  });

  it('rejects a health item judged on plan facts instead of dated observations', () => {
    expect(errorsOf(brokenCopy('first.yaml', withBeforeEvidence('    dimension: health')))[0]!.message).toMatch(
      /health item 'first.purpose' must be judged on observed, dated facts only/,
    );
  });

  it('rejects a rule kind naming an unknown parameter, at the parameter', () => {
    const dir = brokenCopy('first.yaml', (t) =>
      t.replace(
        '      - path: custom.host\n        schema: { type: string, minLength: 2 }',
        '      - kind: people\n        path: custom.host\n        role: host\n        min: { $param: host_min }',
      ),
    );
    const [d] = errorsOf(dir);
    expect(d).toMatchObject({ file: 'first.yaml', line: 32 });
    expect(d!.message).toBe("unknown parameter 'host_min'");
  });

  it('rejects an unknown rule kind', () => {
    const dir = brokenCopy('first.yaml', (t) => t.replace('      - path: custom.host', '      - kind: vibes\n        path: custom.host'));
    expect(errorsOf(dir).map((e) => [e.line, e.message])).toEqual([
      [29, `items[1].evidence[1].kind must be one of: ${RULE_KINDS.join(', ')}`],
    ]);
  });

  it('rejects an unknown word placeholder in item text', () => {
    const dir = brokenCopy('first.yaml', (t) => t.replace('title: A purpose is written', 'title: The {word:hots} writes a purpose'));
    expect(errorsOf(dir)[0]!.message).toMatch(/placeholder \{word:hots\}: unknown word 'hots'/);
  });

  it('rejects profile effects on unknown items, unknown parameters, values out of bounds and unknown words', () => {
    const dir = brokenCopy('methodology.yaml', (t) =>
      t.replace(
        "  - { id: customer, title: Customer, description: A company's users. }",
        "  - id: customer\n    title: Customer\n    description: A company's users.\n    params: { people_min: 0.5, nobody_min: 2 }\n    severity: { first.nope: minor }\n    weight: { first.gone: 1 }\n    words: { hots: organiser }",
      ),
    );
    const messages = errorsOf(dir).map((d) => d.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown parameter 'nobody_min'/),
        expect.stringMatching(/unknown item 'first.nope'/),
        expect.stringMatching(/unknown item 'first.gone'/),
        expect.stringMatching(/unknown word 'hots'/),
      ]),
    );
  });

  it('rejects a level with a minimum health score when no item is judged on health', () => {
    const dir = brokenCopy('methodology.yaml', (t) => t.replace('    min_score: 80\n', '    min_score: 80\n    min_health: 50\n'));
    expect(errorsOf(dir)[0]!.message).toMatch(/level 'ready' has a min_health, but no item has dimension 'health'/);
  });
});

describe('interview questions as data (questions.yaml)', () => {
  it('reads the screener and the questions, with kinds from the plan schema, tiers and times', () => {
    const m = loadMethodology('test/fixtures/mini', validation);
    expect(m.screener.map((q) => q.id)).toEqual(['screener.name', 'screener.type']);
    expect(m.screener[0]).toMatchObject({
      required: true,
      tier: 'core',
      phaseId: 'screener',
      fills: [{ path: 'community.name', value: { kind: 'short-text' } }],
    });
    expect(m.questions[0]).toMatchObject({
      id: 'first.host',
      phaseId: 'first',
      feeds: ['first.people'],
      tier: 'core',
      seconds: 20,
      fills: [{ path: 'custom.host', value: { kind: 'person', role: 'host' } }],
    });
  });

  it('fails when an evidence path is filled by no question, at the rule', () => {
    const dir = brokenCopy('questions.yaml', (t) => t.replace('path: custom.host', 'path: custom.hosts'));
    const [d] = errorsOf(dir);
    expect(d).toMatchObject({
      file: 'first.yaml',
      line: 29,
      message: "evidence path 'custom.host' is filled by no interview question (add one to questions.yaml)",
    });
  });

  it('fails when a fixed-choice field is asked as free text, in questions.yaml or in an item question', () => {
    const dir = brokenCopy(
      'questions.yaml',
      (t) =>
        `${t}  - { id: first.type, phase: first, message: Type?, fills: [{ path: community.stage, value: { kind: short-text } }], feeds: [first.purpose] }\n`,
    );
    expect(errorsOf(dir).map((d) => d.message)).toContain(
      "'community.stage' is a fixed-choice field, asked as free text: ask it as one-choice or several-choices",
    );
  });

  it('fails on a condition naming an unknown field, an unknown phase, an unknown fed item and a path outside the plan', () => {
    const dir = brokenCopy(
      'questions.yaml',
      (t) =>
        `${t}  - id: first.more\n    phase: frist\n    message: More?\n    fills: [community.nmae]\n    feeds: [first.nope]\n    when: { path: community.sizes, at_least: 3 }\n`,
    );
    const messages = errorsOf(dir).map((d) => d.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "unknown phase 'frist' (did you mean 'first'?)",
        "unknown item 'first.nope' (did you mean 'first.people'?)",
        "'community.nmae' is not a field of the plan schema",
        "condition on 'community.sizes', which is not a field of the plan schema",
      ]),
    );
  });

  it('fails when a free-form field is asked without saying its kind', () => {
    const dir = brokenCopy('questions.yaml', (t) =>
      t.replace('fills: [{ path: custom.host, value: { kind: person, role: host } }]', 'fills: [custom.host]'),
    );
    expect(errorsOf(dir).map((d) => [d.file, d.message])).toEqual([
      ['first.yaml', "evidence path 'custom.host' is filled by no interview question (add one to questions.yaml)"],
      ['questions.yaml', "'custom.host' cannot be asked: its kind of answer is not in the plan schema: give it (value: { kind: … })"],
    ]);
  });
});

describe('the built-in interview questions', () => {
  const m = loadMethodology('checklists', validation, { snapshot: false });
  const fill = (path: string) => [...m.screener, ...m.questions].flatMap((q) => q.fills).find((f) => f.path === path)?.value;
  it('ask each plan field as the kind of value it is', () => {
    expect(fill('community.stage')).toMatchObject({
      kind: 'one-choice',
      choices: [{ value: 'planning' }, { value: 'launching' }, { value: 'running' }],
    });
    expect(fill('community.size')).toEqual({ kind: 'number', minimum: 1, maximum: 100000000, integer: true });
    expect(fill('community.minors')).toEqual({ kind: 'yes-no' });
    expect(fill('community.opened')).toEqual({ kind: 'date' });
    expect(fill('measures.survey.covers')!.kind).toBe('several-choices');
    expect(fill('engagement.conversion.target')).toEqual({ kind: 'percentage' });
    expect(fill('governance.ownership.assets')).toMatchObject({
      kind: 'records',
      // Those with admin access are people: picked from the roster, several at once.
      fields: [{ key: 'asset' }, { key: 'holders', value: { kind: 'person', several: true } }],
    });
    // Who approved the budget is someone from the roster too (or, as the plan allows, a board).
    expect(fill('purpose.budget.approved_by')).toEqual({ kind: 'person', role: 'budget approver' });
  });
  it('screen type, stage, formality, size, format, minors and regions, and skip launch questions once running', () => {
    expect(m.screener.flatMap((q) => q.fills.map((f) => f.path))).toEqual([
      'community.name',
      'community.type',
      'community.stage',
      // Asked once, in the stage's tense: when it opens (or opened) while launching, when it opened once running.
      'community.opened',
      'community.opened',
      'community.formality',
      // Asked once: as expected in the first year before opening, as it is today once running.
      'community.size',
      'community.size',
      'community.format',
      'community.minors',
      'community.regions',
    ]);
    expect(m.screener.filter((q) => q.fills.some((f) => f.path === 'community.size')).map((q) => [q.id, q.when])).toEqual([
      ['screener.size', { not: { path: 'community.stage', equals: 'running' } }],
      ['screener.size-running', { path: 'community.stage', equals: 'running' }],
    ]);
    expect(m.questions.find((q) => q.id === 'launch.public-criteria')!.when).toEqual({
      path: 'community.stage',
      in: ['planning', 'launching'],
    });
  });
});

describe('methodology 2.0 checks: unused parameters, length-only text, one roster, aliases, lists, conditions', () => {
  it('rejects a parameter that no evidence rule uses, at its definition', () => {
    const dir = brokenCopy('methodology.yaml', (t) =>
      t.replace(
        '  people_min: { value: 3, description: People needed. }',
        '  people_min: { value: 3, description: People needed. }\n  spare_min: { value: 2, description: Never used. }',
      ),
    );
    expect(errorsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'methodology.yaml',
        line: 9,
        message: "parameter 'spare_min' is used by no evidence rule: use it in a rule or remove it",
      }),
    ]);
  });

  it('rejects a text rule judged by length alone, where the methodology opts in with strict_text', () => {
    const dir = brokenCopy('methodology.yaml', (t) => `${t}strict_text: true\n`);
    const errors = errorsOf(dir);
    expect(errors.map((e) => [e.file, e.line])).toEqual([
      ['first.yaml', 13],
      ['first.yaml', 30],
      ['second.yaml', 27],
    ]);
    expect(errors[0]!.message).toMatch(/a text judged by its length rewards padding/);
    // Without the opt-in, the same rules are accepted.
    expect(() =>
      loadMethodology(
        brokenCopy('methodology.yaml', (t) => t),
        validation,
      ),
    ).not.toThrow();
  });

  it('rejects a people rule that counts several people without a roster role (a second list of people)', () => {
    const dir = brokenCopy('first.yaml', (t) =>
      t.replace(
        '      - path: custom.host\n        schema: { type: string, minLength: 2 }',
        '      - kind: people\n        path: custom.host\n        min: 2',
      ),
    );
    expect(errorsOf(dir)[0]).toMatchObject({ file: 'first.yaml', line: 29, message: expect.stringMatching(/must name the roster 'role'/) });
  });

  it('checks aliases: the old id must be free and the new one must exist', () => {
    const dir = brokenCopy(
      'methodology.yaml',
      (t) => `${t}aliases:\n  first.purpose: first.people\n  first.gone: first.nowhere\n  first.renamed: first.values\n`,
    );
    expect(errorsOf(dir).map((e) => e.message)).toEqual([
      "alias 'first.purpose' is still an item id: an alias names an id that was renamed",
      expect.stringMatching(/^alias 'first.gone' points to unknown item 'first.nowhere'/),
    ]);
  });

  it('rejects a choice rule naming an unknown list, and a list no rule uses', () => {
    const unknownList = brokenCopy('first.yaml', (t) =>
      t.replace(
        '      - path: custom.host\n        schema: { type: string, minLength: 2 }',
        '      - kind: choice\n        path: custom.host\n        list: areas',
      ),
    );
    expect(errorsOf(unknownList)[0]!.message).toMatch(/unknown list 'areas'/);
    const unused = brokenCopy('methodology.yaml', (t) => `${t}lists:\n  areas: { values: [a, b], description: Areas. }\n`);
    expect(errorsOf(unused)[0]!.message).toBe("list 'areas' is used by no 'choice' rule: use it in a rule or remove it");
  });

  it('reads applies_when conditions and rejects one on a path the plan cannot have', () => {
    const ok = brokenCopy(
      'first.yaml',
      withCondition('    applies_when: { community.minors: true, community.format: [in-person, hybrid] }'),
    );
    const purpose = allItems(loadMethodology(ok, validation)).find((i) => i.id === 'first.purpose')!;
    expect(purpose.appliesWhen.map((c) => [c.path, c.values])).toEqual([
      ['community.minors', [true]],
      ['community.format', ['in-person', 'hybrid']],
    ]);
    const bad = brokenCopy('first.yaml', withCondition('    applies_when: { community.shoe_size: 42 }'));
    expect(errorsOf(bad)[0]!.message).toBe("applies_when path 'community.shoe_size' is not a field of the plan schema");
  });

  it('rejects a phase with no items, which would judge nothing', () => {
    const dir = brokenCopy('second.yaml', (t) => `${t.slice(0, t.indexOf('items:'))}items: []\n`);
    const empty = errorsOf(dir).filter((d) => d.message.includes('no items'));
    expect(empty.map((d) => `${path.basename(d.file)}:${d.line}:${d.col} ${d.message}`)).toEqual([
      "second.yaml:4:1 phase 'second' has no items: it would judge nothing",
    ]);
  });

  it('rejects an applies_when value the plan field never holds: the item would never be judged', () => {
    const bad = brokenCopy(
      'first.yaml',
      withCondition('    applies_when: { community.format: [online, onlin], community.minors: "yes", community.size: 10 }'),
    );
    expect(errorsOf(bad).map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      '11:21 applies_when: the plan field \'community.format\' never holds "onlin", so the item is never judged there',
      '11:56 applies_when: the plan field \'community.minors\' never holds "yes", so the item is never judged there',
    ]);
  });

  it("rejects an applies_when community type that is none of the methodology's profiles, with the nearest", () => {
    const listed = brokenCopy('first.yaml', withCondition('    applies_when: { community.type: [customer, grasroots, 7] }'));
    expect(errorsOf(listed).map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`)).toEqual([
      "first.yaml:11:21 applies_when: the plan field 'community.type' never holds 7, so the item is never judged there",
      "first.yaml:11:48 applies_when: unknown community type 'grasroots' (did you mean 'grassroots'?), so the item is never judged there",
    ]);
    const single = brokenCopy('first.yaml', withCondition('    applies_when: { community.type: custmer }'));
    expect(errorsOf(single).map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      "11:21 applies_when: unknown community type 'custmer' (did you mean 'customer'?), so the item is never judged there",
    ]);
    const ok = brokenCopy('first.yaml', withCondition('    applies_when: { community.type: [customer, grassroots] }'));
    expect(findItem(loadMethodology(ok, validation), 'first.purpose')!.appliesWhen[0]!.values).toEqual(['customer', 'grassroots']);
  });

  it("rejects a profile's or formality's parameter that no rule reading it can use, at the profile", () => {
    const dir = brokenCopy('methodology.yaml', (t) =>
      t
        .replace('    description: No sponsor.', '    description: No sponsor.\n    params: { people_min: -2 }')
        .replace('frameworks:', 'formalities:\n  - { id: volunteer, title: V, description: V., params: { people_min: 1.5 } }\nframeworks:'),
    );
    expect(errorsOf(dir).map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      "28:15 parameter 'people_min': -2 cannot be used in the rule of 'first.people' (schema is invalid: data/minItems must be >= 0)",
      "33:59 parameter 'people_min': 1.5 cannot be used in the rule of 'first.people' (schema is invalid: data/minItems must be integer)",
    ]);
    const fine = brokenCopy('methodology.yaml', (t) =>
      t.replace('    description: No sponsor.', '    description: No sponsor.\n    params: { people_min: 2 }'),
    );
    expect(loadMethodology(fine, validation).profiles.find((p) => p.id === 'grassroots')!.params).toEqual({ people_min: 2 });
  });

  it('rejects a community type or a formality written twice in one manifest', () => {
    const dir = brokenCopy('methodology.yaml', (t) =>
      t
        .replace(
          "  - { id: customer, title: Customer, description: A company's users. }",
          "  - { id: customer, title: Customer, description: A company's users. }\n  - { id: customer, title: Clients, description: Again. }",
        )
        .replace(
          'frameworks:',
          'formalities:\n  - { id: volunteer, title: V, description: V. }\n  - { id: volunteer, title: W, description: W. }\nframeworks:',
        ),
    );
    expect(errorsOf(dir).map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      "31:7 duplicate community type 'customer' (first at profiles[1]): write it once",
      "34:7 duplicate formality 'volunteer' (first at formalities[0]): write it once",
    ]);
  });

  it('rejects a choice that its field never holds: a community type no profile has, a value outside the choices', () => {
    const dir = brokenCopy('questions.yaml', (t) =>
      t
        .replace('{ value: grassroots }', '{ value: grasroots }')
        .replace(
          'questions:\n',
          'questions:\n  - id: first.format\n    phase: first\n    message: Where?\n    fills: [{ path: community.format, value: { kind: one-choice, choices: [{ value: online }, { value: onlin }] } }]\n',
        ),
    );
    expect(errorsOf(dir).map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`)).toEqual([
      "questions.yaml:6:97 'community.type' never holds the choice \"grasroots\" (did you mean 'grassroots'?): an answer of it would make the plan invalid",
      "questions.yaml:11:97 'community.format' never holds the choice \"onlin\" (did you mean 'online'?): an answer of it would make the plan invalid",
    ]);
  });

  it('rejects a value kind whose answers no rule on its field accepts, nor the plan field holds', () => {
    const number = brokenCopy('questions.yaml', (t) => t.replace('value: { kind: person, role: host }', 'value: { kind: number }'));
    expect(errorsOf(number).map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`)).toEqual([
      "questions.yaml:11:43 a number answer is stored as number, which the rule of 'first.people' on 'custom.host' never accepts: ask for a kind of value it judges",
    ]);
    const size = brokenCopy('questions.yaml', (t) =>
      t.replace('path: custom.host, value: { kind: person, role: host }', 'path: community.size, value: { kind: short-text }'),
    );
    expect(errorsOf(size).map((d) => d.message)).toContain(
      "'community.size' holds number, but a short-text answer is stored as string: ask for a kind of value the field holds",
    );
  });

  it("rejects an item's question whose kind of answer its plan field never holds, at the kind", () => {
    const purpose = (rule: string, question: string) => (t: string) =>
      t
        .replace('path: custom.purpose\n        schema: { type: string, minLength: 10 }', rule)
        .replace('{ kind: text, message: Why does it exist?, fills: custom.purpose }', question);
    const sizeAskedAs = (kind: string) =>
      brokenCopy(
        'first.yaml',
        purpose(
          'path: community.size\n        schema: { type: integer, minimum: 1 }',
          `{ kind: ${kind}, message: How many?, fills: community.size }`,
        ),
      );
    const onSize = (kind: string) => errorsOf(sizeAskedAs(kind)).map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`);
    expect(onSize('text')).toEqual([
      "first.yaml:16:17 question of 'first.purpose': 'community.size' holds number, but a text answer is stored as string: ask for a kind of value the field holds",
    ]);
    expect(onSize('date')).toEqual([
      "first.yaml:16:17 question of 'first.purpose': 'community.size' holds number, but a date answer is stored as string: ask for a kind of value the field holds",
    ]);
    expect(findItem(loadMethodology(sizeAskedAs('number'), validation), 'first.purpose')!.question.fills).toBe('community.size');
    const listOnObject = brokenCopy(
      'first.yaml',
      purpose('path: purpose.budget\n        schema: { type: object }', '{ kind: list, message: What budget?, fills: purpose.budget }'),
    );
    expect(errorsOf(listOnObject).map((d) => d.message)).toEqual([
      "question of 'first.purpose': 'purpose.budget' holds object, but a list answer is stored as array: ask for a kind of value the field holds",
    ]);
    // A free-form field holds anything: the item's own rule says what it judges.
    const numberForText = brokenCopy('first.yaml', (t) =>
      t.replace('{ kind: text, message: Why does it exist?', '{ kind: number, message: Why does it exist?'),
    );
    expect(errorsOf(numberForText).map((d) => d.message)).toEqual([
      "question of 'first.purpose': a number answer is stored as number, which the rule of 'first.purpose' on 'custom.purpose' never accepts: ask for a kind of value it judges",
    ]);
  });

  it("rejects a list question's field whose kind of answer the entries' field never holds, and leaves fixed choices to the plan", () => {
    const waves = (fields: string) =>
      brokenCopy('first.yaml', (t) =>
        t
          .replace(
            'path: custom.purpose\n        schema: { type: string, minLength: 10 }',
            'path: launch.waves\n        schema: { type: array, minItems: 1 }',
          )
          .replace(
            '{ kind: text, message: Why does it exist?, fills: custom.purpose }',
            `\n      kind: list\n      message: Which waves?\n      fills: launch.waves\n      fields:\n${fields}`,
          ),
      );
    const wrong = waves(
      '        - { key: size, message: How many?, kind: date }\n        - { key: size, message: How many?, kind: confirm }\n        - { key: name, message: Name? }\n        - { key: date, message: When?, kind: number }\n',
    );
    expect(errorsOf(wrong).map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      "21:44 question of 'first.purpose', field 'size': 'launch.waves.*.size' holds number, but a date answer is stored as string: ask for a kind of value the field holds",
      "22:44 question of 'first.purpose', field 'size': 'launch.waves.*.size' holds number, but a confirm answer is stored as boolean: ask for a kind of value the field holds",
      "24:40 question of 'first.purpose', field 'date': 'launch.waves.*.date' holds string, but a number answer is stored as number: ask for a kind of value the field holds",
    ]);
    // The audience is one of the plan's fixed choices, offered as such whatever kind the field names.
    const right = waves(
      '        - { key: size, message: How many?, kind: number }\n        - { key: audience, message: Who?, kind: number }\n        - { key: date, message: When?, kind: date }\n',
    );
    expect(findItem(loadMethodology(right, validation), 'first.purpose')!.question.fields!.map((f) => f.key)).toEqual([
      'size',
      'audience',
      'date',
    ]);
  });

  it('rejects an applies_when formality that is not one', () => {
    const bad = brokenCopy('first.yaml', withCondition('    applies_when: { community.formality: volunter }'));
    expect(errorsOf(bad).map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      '11:21 applies_when: the plan field \'community.formality\' never holds "volunter", so the item is never judged there',
    ]);
  });
});

function withCondition(line: string): (t: string) => string {
  return (t) =>
    t.replace(
      '    weight: 5\n    evidence:\n      - path: custom.purpose',
      `    weight: 5\n${line}\n    evidence:\n      - path: custom.purpose`,
    );
}
