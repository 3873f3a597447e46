import { describe, expect, it } from 'vitest';
import { loadSchemas } from '../../src/io/package-files.js';
import { assessPlanText } from '../../src/interview/assess-plan-text.js';
import type { QuestionSpec } from '../../src/interview/question-model.js';
import { questionsFromMethodology } from '../../src/interview/questions-from-methodology.js';
import { gateItems, severitiesInForce, tierInForce } from '../../src/interview/tiers-in-force.js';
import { miniMethodology, validation } from '../helpers.js';

const m = miniMethodology();
const gates = gateItems(m);
const questions = questionsFromMethodology(m, loadSchemas().plan);
const question = (id: string): QuestionSpec => questions.find((q) => q.id === id)!;

describe('tiers in force', () => {
  it("reads each item's severity from the assessment, and no severity where the profile makes it n/a", () => {
    const assessed = assessPlanText('plan.yaml', 'community:\n  name: Makers\n  type: grassroots\n', m, validation, '2026-07-01');
    if (!assessed.ok) throw new Error(assessed.problem);
    const severities = severitiesInForce(assessed.assessment);
    expect(severities.get('second.sponsor')).toBeNull();
    expect(severities.get('first.values')).toBe('major');
    expect(tierInForce(question('second.sponsor'), m, gates, severities)).toBeUndefined();
    expect(tierInForce(question('first.values'), m, gates, severities)).toBe('major');
  });

  it('follows a severity the profile changes, keeps a blocker core, and keeps the tier of a question that feeds no item', () => {
    const lowered = new Map([
      ['first.values', 'minor' as const],
      ['second.review', 'blocker' as const],
    ]);
    expect(question('first.values').tier).toBe('major');
    expect(tierInForce(question('first.values'), m, gates, lowered)).toBe('minor');
    expect(tierInForce(question('second.review'), m, gates, lowered)).toBe('core');
    const screener: QuestionSpec = { ...question('first.values'), id: 'test.screener', feeds: [], tier: 'core' };
    expect(tierInForce(screener, m, gates, new Map([['first.values', null]]))).toBe('core');
  });

  it('keeps a tier the methodology set itself, unless the plan judges none of its items', () => {
    // first.values is major: a core tier on a question that feeds it was written on purpose.
    const written: QuestionSpec = { ...question('first.values'), id: 'test.written', tier: 'core' };
    expect(tierInForce(written, m, gates, new Map([['first.values', 'minor']]))).toBe('core');
    expect(tierInForce(written, m, gates, new Map([['first.values', null]]))).toBeUndefined();
  });
});
