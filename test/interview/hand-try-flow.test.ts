// Defects found trying the interview by hand, on the built-in methodology: defaults that would choose for
// the user, resumes that ask again, advice that leads nowhere, counts that disagree.
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import type { AskRequest } from '../../src/interview/asker.js';
import { runInterview } from '../../src/interview/run-interview.js';
import { renderStarterPlan } from '../../src/plan/starter-plan.js';
import { builtinMethodology } from '../helpers.js';
import { interviewSession } from './interview-session.js';
import { PolicyAsker } from './policy-asker.js';

const m = builtinMethodology();
const starter = (type: string): string => renderStarterPlan(m, { schemaPath: 'plan.schema.json', name: 'Quillmark', type });

/** The request for `path` in a new plan's screener; the interview stops there. */
async function screenerRequest(type: string, path: string): Promise<AskRequest> {
  let seen: AskRequest | undefined;
  const asker = new PolicyAsker({
    facts: { 'community.type': type },
    reply: (r) => {
      if (r.fill.path !== path) return undefined;
      seen = r;
      throw new InterruptedError('SIGINT', 'interrupted');
    },
  });
  const s = interviewSession(asker, starter(type), m, { newPlan: true });
  await expect(runInterview(s.asker, s.options)).rejects.toBeInstanceOf(InterruptedError);
  return seen!;
}

describe('no answer chosen for the user where a wrong one is unsafe', () => {
  it('offers open source no formality: the pointer starts on nothing', async () => {
    const formality = await screenerRequest('open-source', 'community.formality');
    expect(formality.default).toBeUndefined();
    expect(formality.noDefault).toBe(true);
  }, 120_000);

  it.each([
    ['grassroots', 'volunteer'],
    ['customer', 'funded'],
  ])(
    'offers %s its own formality, %s',
    async (type, formality) => {
      const request = await screenerRequest(type, 'community.formality');
      expect([request.default, request.noDefault]).toEqual([formality, undefined]);
    },
    120_000,
  );
});
