// The built-in methodology: valid, complete, stable ids, rules that can pass and fail, docs current.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { allItems } from '../../src/methodology/types.js';
import { paramValues, resolveParams } from '../../src/methodology/evidence-schema.js';
import { getPath } from '../../src/scoring/assess-plan.js';
import { checkRule, foldName } from '../../src/methodology/rule-kinds/index.js';
import { resolveProfile } from '../../src/scoring/resolve-profile.js';
import { renderItemGuide, renderMethodologyMarkdown } from '../../src/report/render-methodology.js';
import { builtinMethodology, planFromYaml, ruleContext, validation } from '../helpers.js';

/** Plan data holding `value` at a path. */
function withPath(segments: readonly string[], value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  segments.forEach((s, i) => {
    if (i === segments.length - 1) node[s] = value;
    else node = (node[s] = {}) as Record<string, unknown>;
  });
  return root;
}

const m = builtinMethodology();
const items = allItems(m);
const ids = JSON.parse(readFileSync('test/fixtures/builtin-item-ids.json', 'utf8')) as string[];

describe('the built-in methodology', () => {
  it('has seven phases and at least 70 items', () => {
    expect(m.phases).toHaveLength(7);
    expect(items.length).toBeGreaterThanOrEqual(70);
  });

  it('keeps every recorded item id, unless it is recorded as retired', () => {
    const current = new Set(items.map((i) => i.id));
    const retired = new Set(m.retired.map((r) => r.id));
    const lost = ids.filter((id) => !current.has(id) && !retired.has(id) && !Object.hasOwn(m.aliases, id));
    expect(lost, 'ids removed or renamed without being retired').toEqual([]);
    const unrecorded = items.map((i) => i.id).filter((id) => !ids.includes(id));
    expect(unrecorded, 'new ids: add them to test/fixtures/builtin-item-ids.json').toEqual([]);
  });

  it('gives every item a why, a guide, a question and public sources', () => {
    for (const item of items) {
      expect(item.why.length, item.id).toBeGreaterThan(40);
      expect(item.guidance.length, item.id).toBeGreaterThan(200);
      expect(item.question.message.length, item.id).toBeGreaterThan(10);
      expect(item.references.length, item.id).toBeGreaterThan(0);
      for (const r of item.references) expect(r.url, item.id).toMatch(/^https:\/\//);
    }
  });

  it('checks at least 85% of items from plan facts, and rates the rest against anchored descriptions', () => {
    const withEvidence = items.filter((i) => i.evidence.length > 0);
    expect(withEvidence.length / items.length).toBeGreaterThanOrEqual(0.85);
    for (const item of items.filter((i) => i.evidence.length === 0)) expect(item.rating, item.id).toBeDefined();
  });

  it('makes people and process the blockers, not software', () => {
    const blockers = items.filter((i) => i.severity === 'blocker').map((i) => i.id);
    for (const id of [
      'governance.host',
      'audience.founding-members',
      'audience.onboarding',
      'governance.code-of-conduct',
      'governance.reporting',
    ])
      expect(blockers).toContain(id);
    expect(blockers.some((id) => id.startsWith('launch.') && /response/.test(id))).toBe(true);
    expect(blockers.some((id) => id.startsWith('platform.'))).toBe(false);
  });

  it('has evidence rules that an empty value fails (no rule that cannot fail)', () => {
    const params = paramValues(m.params);
    for (const item of items) {
      for (const rule of item.evidence) {
        // A personal-data rule passes on a plan that holds none by design: it fails on one that does.
        if (rule.kind === 'personal-data') {
          const leaky = { people: [{ name: 'A', contact: 'a.person@gmail.com' }] };
          expect(checkRule(rule, ruleContext({ data: leaky, params, lists: {}, today: '2026-11-25', roster: null })).pass, item.id).toBe(
            false,
          );
          continue;
        }
        for (const empty of [null, '', [], {}]) {
          const data = withPath(rule.segments, empty);
          const lists = Object.fromEntries(Object.entries(m.lists).map(([n, l]) => [n, l.values]));
          const outcome = checkRule(rule, ruleContext({ data, params, lists, today: '2026-11-25', roster: null }));
          // A rule on an optional fact does not judge it left out: that counts neither way, never as met.
          if (rule.kind === 'date' && rule.optional)
            expect(outcome, `${item.id} ${rule.path}`).toMatchObject({ pass: true, unjudged: true });
          // An optional schema rule judges what is written: left out, neither way; written empty, not met.
          else if (rule.kind === 'schema' && rule.optional)
            expect(outcome.pass === false || outcome.unjudged === true, `${item.id} ${rule.path} meets ${JSON.stringify(empty)}`).toBe(
              true,
            );
          else expect(outcome.pass, `${item.id} ${rule.path} accepts ${JSON.stringify(empty)}`).toBe(false);
        }
      }
    }
  });

  it('has evidence rules that a real plan passes: each one is met by one of the bundled examples or judgement plans', () => {
    // The bundled examples, and the judgement fixtures for the types no example has (an internal community).
    const files = [
      ...readdirSync('examples').map((f) => `examples/${f}`),
      ...readdirSync('test/fixtures/judgements').map((f) => `test/fixtures/judgements/${f}`),
    ];
    const contexts = files
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => {
        const plan = planFromYaml(readFileSync(f, 'utf8'), m, f);
        return ruleContext({
          data: plan.data,
          params: resolveProfile(m, plan).params,
          lists: resolveProfile(m, plan).lists,
          today: '2026-11-25',
          roster: plan.roster ? new Set(plan.roster.map(foldName)) : null,
          ...(plan.size !== undefined ? { size: plan.size } : {}),
        });
      });
    const neverPassed: string[] = [];
    for (const item of items) {
      for (const rule of item.evidence) if (!contexts.some((c) => checkRule(rule, c).pass)) neverPassed.push(`${item.id} ${rule.path}`);
    }
    expect(neverPassed).toEqual([]);
  });

  it('has parameter thresholds that bite exactly at their value (at it passes, one step past fails)', () => {
    const values = paramValues(m.params);
    const examples = readdirSync('examples')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => parseYamlSource(`examples/${f}`, readFileSync(`examples/${f}`, 'utf8')).value);
    let checked = 0;
    for (const item of items) {
      for (const rule of item.evidence) {
        if (rule.kind === 'people' && typeof rule.min === 'object') {
          const limit = values[rule.min.$param]!;
          // Names of people: 'Person 1' would be a place on a roster, not a person.
          const names = (n: number) =>
            Array.from({ length: n }, (_, i) => (rule.field ? { [rule.field]: `Ana Lima ${i}` } : `Ana Lima ${i}`));
          const context = (n: number) =>
            ruleContext({ data: withPath(rule.segments, names(n)), params: values, lists: {}, today: '2026-11-25', roster: null });
          expect(checkRule(rule, context(limit)).pass, `${item.id} ${rule.path} at ${limit} people`).toBe(true);
          expect(checkRule(rule, context(limit - 1)).pass, `${item.id} ${rule.path} at ${limit - 1} people`).toBe(false);
          checked++;
          continue;
        }
        if (rule.kind !== 'schema') continue; // the other kinds' thresholds are tested in rule-kinds.test.ts
        const raw = rule.schema as Record<string, unknown>;
        const validate = validation.compileEvidence(resolveParams(rule.schema, values));
        const sample = examples.map((e) => getPath(e, rule.segments)).find((v) => v !== undefined && validate(v));
        for (const keyword of ['minItems', 'minimum', 'maximum'] as const) {
          const ref = raw[keyword] as { $param?: string } | undefined;
          if (!ref?.$param || sample === undefined) continue;
          const limit = values[ref.$param]!;
          const step = raw.type === 'integer' || m.params[ref.$param]!.integer ? 1 : 0.01;
          let at: unknown;
          let past: unknown;
          if (keyword === 'minItems' && Array.isArray(sample) && sample.length >= limit)
            [at, past] = [sample.slice(0, limit), sample.slice(0, limit - 1)];
          else if (keyword === 'minimum' && typeof sample === 'number') [at, past] = [limit, limit - step];
          else if (keyword === 'maximum' && typeof sample === 'number') [at, past] = [limit, limit + step];
          else continue;
          expect(validate(at), `${item.id} ${rule.path} at ${keyword} ${limit}`).toBe(true);
          expect(validate(past), `${item.id} ${rule.path} past ${keyword} ${limit}`).toBe(false);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it('maps every framework element to at least one item', () => {
    for (const fw of m.frameworks)
      for (const el of fw.elements)
        expect(
          items.some((i) => i.covers.includes(el.id)),
          el.id,
        ).toBe(true);
    expect(m.frameworks.map((f) => f.id)).toEqual(['cr', 'cc', 'chaoss', 'fb']);
    expect(m.frameworks.find((f) => f.id === 'cc')!.elements).toHaveLength(17);
    expect(m.frameworks.find((f) => f.id === 'cr')!.elements).toHaveLength(8);
  });

  it('has six levels; those above launch-ready rest on health: a minimum health score and gates on observed items only', () => {
    expect(m.levels.map((l) => l.id)).toEqual(['idea', 'ad-hoc', 'emergent', 'launch-ready', 'established', 'networked']);
    for (const level of m.levels.slice(0, 4)) expect(level.minHealth, level.id).toBeUndefined();
    for (const level of m.levels.slice(4)) {
      expect(level.minHealth, level.id).toBeGreaterThan(0);
      expect(level.minScore, level.id).toBe(m.levels[3]!.minScore);
      expect(
        level.gates.every((g) => g.kind === 'items-met'),
        level.id,
      ).toBe(true);
      const gated = level.gates.flatMap((g) => (g.kind === 'items-met' ? g.items : []));
      expect(gated.length, level.id).toBeGreaterThan(0);
      for (const id of gated) {
        const item = items.find((i) => i.id === id)!;
        expect(item.dimension, id).toBe('health');
        expect(
          item.evidence.every((r) => r.path.startsWith('observed.')),
          id,
        ).toBe(true);
      }
    }
  });

  it('judges health items on dated observations only, and only once there is something to observe', () => {
    const health = items.filter((i) => i.dimension === 'health');
    expect(health.length).toBeGreaterThanOrEqual(7);
    for (const item of health) {
      expect(item.stages, item.id).not.toContain('planning');
      for (const rule of item.evidence)
        expect(rule.kind === 'observed' || (rule.kind === 'relative' && rule.maxAge !== undefined), item.id).toBe(true);
    }
  });

  it('does not judge pre-launch mechanics of a running community, and says what judges it instead', () => {
    for (const id of [
      'launch.soft-launch',
      'launch.go-no-go',
      'launch.promotion',
      'launch.first-week',
      'platform.seed-content',
      'audience.founding-members',
      'launch.response-promise',
    ]) {
      expect(items.find((i) => i.id === id)!.stages, id).not.toContain('running');
    }
    expect(items.find((i) => i.id === 'launch.response-promise')!.stageNote).toMatch(/engagement\.first-response-observed/);
  });

  it('validates every phase file against the methodology schema', () => {
    for (const phase of m.phases) {
      const source = parseYamlSource(`checklists/${phase.id}.yaml`, readFileSync(`checklists/${phase.id}.yaml`, 'utf8'));
      expect(validation.phase(source.value), phase.id).toBe(true);
    }
  });

  it('has a docs/methodology.md that is generated from the checklists and up to date', () => {
    expect(readFileSync('docs/methodology.md', 'utf8'), "run 'npm run docs'").toBe(renderMethodologyMarkdown(m));
    expect(renderMethodologyMarkdown(m)).not.toMatch(/not covered/);
  });

  it('reaches every item id in docs, as an anchor', () => {
    const md = renderMethodologyMarkdown(m);
    for (const item of items) expect(md).toContain(`<a id="${item.id.replace(/\./g, '-')}"></a>`);
  });

  it('never prints raw JSON Schema in a guide or the course: every rule is described in words', () => {
    const texts = [renderMethodologyMarkdown(m), ...items.map((item) => renderItemGuide(item, m))];
    for (const text of texts) {
      expect(text).not.toMatch(/\{"(type|minItems|minimum|const|enum|\$param)"/);
      expect(text).not.toMatch(/\$param/);
      // Words of a profile are filled in, never shown as placeholders.
      expect(text).not.toMatch(/\{word:/);
    }
    expect(
      renderItemGuide(
        items.find((i) => i.id === 'governance.reporting')!,
        m,
      ),
    ).toMatch(
      /Checked: at least backup_people_min \(2 by default\) different people in the plan's roster hold the role 'conduct responder' \(or are named at governance\.code_of_conduct\.reporting\.responders\)\./,
    );
  });

  it("never asks, in a question's help, to write another plan path by hand: other questions ask it", () => {
    for (const item of items) {
      const mentioned = (item.question.help ?? '').match(/\b[a-z_]+(?:\.[a-z_]+)+\b/g) ?? [];
      for (const path of mentioned)
        expect(path === item.question.fills || !item.evidence.some((r) => r.path === path), `${item.id}: ${path}`).toBe(true);
    }
  });

  it('maps getPath safely over prototype keys', () => {
    expect(getPath({}, ['constructor'])).toBeUndefined();
    expect(getPath({ a: { b: 1 } }, ['a', 'b'])).toBe(1);
  });
});
