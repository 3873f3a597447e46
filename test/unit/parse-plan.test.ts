import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadPlan } from '../../src/io/load-plan.js';
import { MAX_FILE_SIZE_ENV } from '../../src/io/read-input.js';
import { checkPlan, parsePlan, readPlan } from '../../src/plan/parse-plan.js';
import type { Plan } from '../../src/plan/types.js';
import { inputErrorsOf, miniMethodology, planFromYaml, validation } from '../helpers.js';

const m = miniMethodology();

describe('parsePlan', () => {
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

describe('parsePlan with the methodology chosen from the plan', () => {
  const text = 'methodology: ./mini\ncommunity: { name: X }\nassessment:\n  first.valeus: { status: met }\n';

  it('hands the plan, with the methodology it names, to the chooser once and checks it against the choice', () => {
    const seen: (string | undefined)[] = [];
    const choose = (plan: Plan) => {
      seen.push(plan.methodologyRef);
      return m;
    };
    const errors = inputErrorsOf(() => parsePlan('plan.yaml', text, choose, validation));
    expect(seen).toEqual(['./mini']);
    expect(errors).toEqual([
      {
        file: 'plan.yaml',
        line: 4,
        col: 3,
        message: "unknown item id 'first.valeus' in methodology 'mini' (did you mean 'first.values'?)",
      },
    ]);
  });

  it('chooses no methodology for a plan whose shape is wrong', () => {
    let calls = 0;
    const errors = inputErrorsOf(() =>
      parsePlan('plan.yaml', 'methodology: ./mini\ncommunity: { name: [X] }\n', () => (calls++, m), validation),
    );
    expect(calls).toBe(0);
    expect(errors.map((e) => e.message)).toEqual(['community.name must be a string']);
  });

  it("lets the chooser's input error through as it is (a methodology directory that is not there)", () => {
    const refused = { file: 'plan.yaml', line: 1, col: 14, message: "methodology directory './mini' not found" };
    const choose = (): never => {
      throw new InputError([refused]);
    };
    expect(inputErrorsOf(() => parsePlan('plan.yaml', text, choose, validation))).toEqual([refused]);
  });
});

describe('loadPlan', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'commready-load-plan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file and checks it as parsePlan does, with the same positions', () => {
    const text = 'community: { name: X }\nassessment:\n  first.valeus: { status: met }\n';
    const file = path.join(dir, 'plan.yaml');
    writeFileSync(file, text);
    expect(inputErrorsOf(() => loadPlan(file, m, validation))).toEqual(inputErrorsOf(() => parsePlan(file, text, m, validation)));
    writeFileSync(file, 'community: { name: X }\nassessment:\n  first.values: { status: met }\n');
    expect(loadPlan(file, m, validation)).toMatchObject({ file, name: 'X' });
  });

  it('refuses a directory and a file over the size limit, before reading them as YAML', () => {
    const folder = path.join(dir, 'folder.yaml');
    mkdirSync(folder);
    expect(inputErrorsOf(() => loadPlan(folder, m, validation))).toEqual([{ file: folder, message: 'is a directory, not a file' }]);
    const big = path.join(dir, 'big.yaml');
    writeFileSync(big, `community: { name: ${'X'.repeat(100)} }\n`);
    const before = process.env[MAX_FILE_SIZE_ENV];
    process.env[MAX_FILE_SIZE_ENV] = '50';
    try {
      expect(inputErrorsOf(() => loadPlan(big, m, validation))[0]!.message).toMatch(/^file is too large \(more than 50 bytes/);
    } finally {
      if (before === undefined) delete process.env[MAX_FILE_SIZE_ENV];
      else process.env[MAX_FILE_SIZE_ENV] = before;
    }
  });
});

describe('the one way through for a plan', () => {
  it('is read (YAML and shape, no methodology) then checked against the methodology the caller chose; parsePlan is both', async () => {
    expect(Object.keys(await import('../../src/plan/parse-plan.js')).sort()).toEqual(['checkPlan', 'parsePlan', 'readPlan']);
    expect(Object.keys(await import('../../src/io/load-plan.js')).sort()).toEqual(['loadPlan', 'readPlanFile']);
    const text = 'community: { name: X }\nassessment:\n  first.values: { status: met }\n  no.such-item: { status: met }\n';
    // Reading needs no methodology: an unknown id is the methodology's business, not the shape's.
    const plan = readPlan('plan.yaml', text, validation);
    expect(plan.answers.has('no.such-item')).toBe(true);
    const checked = inputErrorsOf(() => checkPlan(plan, m, validation));
    expect(checked).toHaveLength(1);
    expect(checked[0]).toMatchObject({ file: 'plan.yaml', line: 4, col: 3 });
    expect(inputErrorsOf(() => parsePlan('plan.yaml', text, m, validation))).toEqual(checked);
  });

  it('carries its positions: every later step asks the parsed plan where a path is', () => {
    const plan = readPlan('plan.yaml', 'community:\n  name: X\nassessment:\n  first.values:\n    status: met\n', validation);
    expect(plan.source.locate(['assessment', 'first.values', 'status'])).toEqual({ line: 5, col: 5, exact: true });
    expect(plan.source.locate(['assessment', 'first.values', 'owner'])).toEqual({ line: 4, col: 3, exact: false });
  });
});
