import { describe, expect, it } from 'vitest';
import { inputErrorsOf, miniMethodology, planFromYaml } from '../helpers.js';

const m = miniMethodology();

describe('parsePlanShape and checkPlanAgainstMethodology', () => {
  it('reads name, type, params and answers', () => {
    const plan = planFromYaml(
      'community: { name: X, type: customer }\nparams: { people_min: 2 }\nassessment:\n  first.values: { status: met }\n',
      m,
    );
    expect(plan).toMatchObject({ name: 'X', type: 'customer', params: { people_min: 2 } });
    expect(plan.answers.get('first.values')).toEqual({ status: 'met' });
  });

  it('reports a wrong type at the key, with the expected type', () => {
    const [d, ...rest] = inputErrorsOf(() => planFromYaml('community:\n  name: [not, a, string]\n', m));
    expect(rest).toEqual([]);
    expect(d).toEqual({ file: 'plan.yaml', line: 2, col: 3, message: 'community.name must be a string' });
  });

  it('reports a missing required key at its parent', () => {
    expect(inputErrorsOf(() => planFromYaml('community:\n  type: customer\n', m))).toEqual([
      { file: 'plan.yaml', line: 1, col: 1, message: "community is missing required key 'name'" },
    ]);
  });

  it('reports an unknown key with a suggestion', () => {
    const [d] = inputErrorsOf(() => planFromYaml('community:\n  name: X\n  nmae: Y\n', m));
    expect(d).toEqual({ file: 'plan.yaml', line: 3, col: 3, message: "unknown key 'nmae' in community (did you mean 'name'?)" });
  });

  it('reports an invalid answer status and an invalid date', () => {
    const errors = inputErrorsOf(() =>
      planFromYaml('community: { name: X }\nassessment:\n  first.values: { status: done, reviewed: 2026-02-30x }\n', m),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'assessment.first.values.status must be one of: met, partial, unmet, n/a',
      'assessment.first.values.reviewed must be a date (YYYY-MM-DD)',
    ]);
  });

  it('reports an unknown item id in the assessment, suggesting the nearest', () => {
    const [d] = inputErrorsOf(() => planFromYaml('community: { name: X }\nassessment:\n  first.valeus: { status: met }\n', m));
    expect(d).toEqual({
      file: 'plan.yaml',
      line: 3,
      col: 3,
      message: "unknown item id 'first.valeus' in methodology 'mini' (did you mean 'first.values'?)",
    });
  });

  it('names a retired item as retired', () => {
    const [d] = inputErrorsOf(() => planFromYaml('community: { name: X }\nassessment:\n  first.old: { status: met }\n', m));
    expect(d!.message).toBe("item 'first.old' is retired: Merged into first.people.");
  });

  it('reports an unknown community type and an unknown parameter', () => {
    const errors = inputErrorsOf(() => planFromYaml('community: { name: X, type: grasroots }\nparams: { people_minimum: 3 }\n', m));
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [1, "unknown community type 'grasroots' (did you mean 'grassroots'?)"],
      [2, "unknown parameter 'people_minimum' (did you mean 'people_min'?)"],
    ]);
  });

  it('rejects plan parameters outside what the rules can use, at the parameter', () => {
    const [d] = inputErrorsOf(() => planFromYaml('community: { name: X }\nparams:\n  people_min: 2.5\n', m));
    expect(d).toMatchObject({ line: 3, col: 3 });
    expect(d!.message).toMatch(/^params\.people_min: 2\.5 cannot be used in the rule of 'first\.people' \(.*minItems must be integer/);
  });

  it('rejects inherited object names as parameters', () => {
    expect(inputErrorsOf(() => planFromYaml('community: { name: X }\nparams: { constructor: 5 }\n', m))[0]!.message).toBe(
      "unknown parameter 'constructor'",
    );
  });

  it('refuses a document that is not a mapping', () => {
    expect(inputErrorsOf(() => planFromYaml('- a\n- b\n', m))[0]!.message).toBe('the document must be an object');
  });
});
