// A list's entries are saved as they are entered: Ctrl-C part way through a list loses none of them.
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import type { AskRequest, Reply, RosterReply, RosterRequest } from '../../src/interview/asker.js';
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

/** Types two roster lines, each accepted as it is entered, then stops as Ctrl-C does (or, with `finish`, ends the list). */
class TypesTwoPeople extends AnsweringAsker {
  rosters = 0;
  constructor(private readonly finish: boolean) {
    super(true, false);
  }
  override async roster(request: RosterRequest): Promise<RosterReply> {
    this.rosters++;
    const lines = [
      { name: 'Ana Lima', roles: ['organiser'] },
      { name: 'Ben Ito', roles: ['moderator'] },
    ];
    request.keep?.(lines.slice(0, 1));
    request.keep?.(lines);
    if (!this.finish) throw new InterruptedError('SIGINT', 'interrupted');
    return { action: 'answer', value: lines };
  }
}

describe('the roster stopped part way', () => {
  it('has the people typed so far saved in the plan', async () => {
    const asker = new TypesTwoPeople(false);
    const s = interviewSession(asker, builtinPlan({ type: 'grassroots', formality: 'volunteer' }), builtinMethodology());
    await expect(runInterview(asker, s.options)).rejects.toBeInstanceOf(InterruptedError);
    expect(asker.rosters).toBe(1);
    expect(s.last().people).toEqual([
      { name: 'Ana Lima', roles: ['organiser'] },
      { name: 'Ben Ito', roles: ['moderator'] },
    ]);
  });

  it('saved line by line and then done, says the roster is saved, as a list typed in one go does', async () => {
    const asker = new TypesTwoPeople(true);
    const s = interviewSession(asker, builtinPlan({ type: 'grassroots', formality: 'volunteer' }), builtinMethodology());
    asker.ask = async () => {
      throw new InterruptedError('SIGINT', 'interrupted');
    };
    await expect(runInterview(asker, s.options)).rejects.toBeInstanceOf(InterruptedError);
    expect(s.last().people).toEqual([
      { name: 'Ana Lima', roles: ['organiser'] },
      { name: 'Ben Ito', roles: ['moderator'] },
    ]);
    expect(asker.eventsOf('notice').map((e) => e.code)).toContain('roster-saved');
  });
});
