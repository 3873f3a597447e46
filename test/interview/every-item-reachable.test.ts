// A property of the interview's questions over every item of the built-in methodology: for each evidence
// rule, some answer the interview can take makes it pass. The answer is taken from a bundled plan that
// meets the rule, cut down to what the question asks (record fields it does not ask are dropped), put
// through the question's own entry and conversion, and written back: the rule must still pass.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSchemas } from '../../src/io/package-files.js';
import { checkEntered, toEntered, type FillSpec, type ValueSpec } from '../../src/interview/question-model.js';
import { questionsFromMethodology } from '../../src/interview/questions-from-methodology.js';
import { checkRule, foldName, type RuleContext } from '../../src/methodology/rule-kinds/index.js';
import { getPath } from '../../src/methodology/plan-facts.js';
import { allItems } from '../../src/methodology/types.js';
import { resolveProfile } from '../../src/scoring/resolve-profile.js';
import { builtinMethodology, planFromYaml, ruleContext } from '../helpers.js';

const m = builtinMethodology();
const questions = questionsFromMethodology(m, loadSchemas().plan);
const fills = new Map<string, FillSpec>(questions.flatMap((q) => q.fills.map((f) => [f.path, f] as const)));

const plans = [
  ...readdirSync('examples').map((f) => `examples/${f}`),
  ...readdirSync('test/fixtures/judgements').map((f) => `test/fixtures/judgements/${f}`),
]
  .filter((f) => f.endsWith('.yaml'))
  .map((file) => planFromYaml(readFileSync(file, 'utf8'), m, file));

function contextOf(plan: (typeof plans)[number], data: unknown): RuleContext {
  const profile = resolveProfile(m, plan);
  return ruleContext({
    data,
    params: profile.params,
    lists: profile.lists,
    today: '2026-11-25',
    roster: plan.roster ? new Set(plan.roster.map(foldName)) : null,
    ...(plan.size !== undefined ? { size: plan.size } : {}),
  });
}

/** The value as the question can produce it: record fields it does not ask are dropped. */
function asked(spec: ValueSpec, value: unknown): unknown {
  if (spec.kind !== 'records' || !Array.isArray(value)) return value;
  return value.map((entry: unknown) => {
    if (entry === null || typeof entry !== 'object') return entry;
    const out: Record<string, unknown> = {};
    for (const field of spec.fields)
      if (Object.hasOwn(entry, field.key)) out[field.key] = asked(field.value, (entry as Record<string, unknown>)[field.key]);
    return out;
  });
}

function withValue(data: unknown, segments: readonly string[], value: unknown): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  let node = copy;
  segments.forEach((s, i) => {
    if (i === segments.length - 1) node[s] = value;
    else node = (node[s] ??= {}) as Record<string, unknown>;
  });
  return copy;
}

describe('the interview can meet every item', () => {
  it('for every evidence rule, an answer to its question makes the rule pass', () => {
    const unreachable: string[] = [];
    let checked = 0;
    for (const item of allItems(m)) {
      for (const rule of item.evidence) {
        const fill = fills.get(rule.path);
        if (!fill) {
          unreachable.push(`${item.id} ${rule.path}: no question`);
          continue;
        }
        const reached = plans.some((plan) => {
          if (!checkRule(rule, contextOf(plan, plan.data)).pass) return false;
          const stored = getPath(plan.data, rule.segments);
          // A measured fact is asked as its value; the date comes from its own question (observed.as_of).
          const bare =
            stored !== null && typeof stored === 'object' && !Array.isArray(stored) && 'value' in stored
              ? (stored as { value: unknown }).value
              : stored;
          const entered = checkEntered(fill.value, toEntered(fill.value, asked(fill.value, bare)));
          if (!entered.ok) return false;
          let data = withValue(plan.data, rule.segments, entered.value);
          if (bare !== stored)
            data = withValue(
              data,
              ['observed', 'as_of'],
              (stored as { as_of?: string }).as_of ?? getPath(plan.data, ['observed', 'as_of']),
            );
          return checkRule(rule, contextOf(plan, data)).pass;
        });
        if (reached) checked++;
        else unreachable.push(`${item.id} ${rule.path}: no answer the question takes passes the rule`);
      }
    }
    expect(unreachable).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('asks when observed figures were measured, so that an interviewed plan can be fresh', () => {
    expect(fills.get('observed.as_of')?.value).toEqual({ kind: 'date' });
  });
});
