// A list's entries are saved as they are entered: Ctrl-C part way through a list loses none of them.
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import type { AskRequest, Reply } from '../../src/interview/asker.js';
import { pathSegments } from '../../src/interview/question-model.js';
import { runInterview } from '../../src/interview/run-interview.js';
import { builtinMethodology } from '../helpers.js';
import { AnsweringAsker, answerFor } from './answering-asker.js';
import { builtinPlan, interviewSession } from './interview-session.js';

/** Answers until the first list, enters its first entry, then stops there as Ctrl-C does. */
class StopsInAList extends AnsweringAsker {
  list: AskRequest | undefined;
  entry: Record<string, unknown> | undefined;
  override async ask(request: AskRequest): Promise<Reply> {
    if (request.fill.value.kind !== 'records') return super.ask(request);
    this.list = request;
    this.entry = (answerFor(request.fill.value, request.people) as Record<string, unknown>[])[0];
    request.keep?.([this.entry!]);
    throw new InterruptedError('SIGINT', 'interrupted');
  }
}

describe('a list stopped part way', () => {
  it('has the entries given so far saved in the plan', async () => {
    const asker = new StopsInAList(true, false);
    const s = interviewSession(asker, builtinPlan({ type: 'customer', formality: 'funded' }), builtinMethodology());
    await expect(runInterview(asker, s.options)).rejects.toBeInstanceOf(InterruptedError);
    const list = asker.list!;
    expect(list.keep).toBeTypeOf('function');
    let saved: unknown = s.last();
    for (const segment of pathSegments(list.fill.path)) saved = (saved as Record<string, unknown>)[segment];
    expect(saved).toHaveLength(1);
    expect(saved).toEqual([
      expect.objectContaining(Object.fromEntries(Object.entries(asker.entry!).filter(([, v]) => typeof v === 'string'))),
    ]);
  });
});
