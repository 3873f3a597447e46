import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

describe('the programmatic API', () => {
  it('loads a methodology, parses and assesses a plan, judges and formats it', () => {
    const m = api.loadMethodology('test/fixtures/mini');
    const plan = api.parsePlan('community: { name: API }\ncustom: { purpose: A purpose long enough. }\n', m);
    const assessment = api.assessPlan(plan, m, { today: '2026-07-01' });
    expect(assessment.items.find((i) => i.itemId === 'first.purpose')!.status).toBe('met');
    const verdict = api.judge(assessment, m, { failOn: 'blocker' });
    expect(verdict.passed).toBe(false);
    const json = JSON.parse(api.format('json', { command: 'lint', plans: [{ assessment, methodology: m, verdict }] }));
    expect(json.plans[0].passed).toBe(false);
    // Version 2 leaves an item's title to its plan's table; reportOfFile gives it back.
    expect(json.schemaVersion).toBe(2);
    expect(json.plans[0].items[0].title).toBeUndefined();
    const read = api.reportOfFile(json);
    expect('report' in read && read.report.plans[0]!.items.map((i) => i.title)).toEqual(assessment.items.map((i) => i.title));
  });

  it('throws InputError with positioned diagnostics for a bad plan', () => {
    expect.assertions(2);
    const m = api.loadMethodology('test/fixtures/mini');
    expect(() => api.parsePlan('community: { name: 1 }\n', m)).toThrow(api.InputError);
    try {
      api.parsePlan('community: { name: 1 }\n', m, 'x.yaml');
    } catch (error) {
      expect(api.formatDiagnostic((error as api.InputError).diagnostics[0]!)).toBe('x.yaml:1:14: community.name must be a string');
    }
  });

  it('loads the built-in methodology', () => {
    expect(api.loadBuiltinMethodology().id).toBe('commready');
  });
});
