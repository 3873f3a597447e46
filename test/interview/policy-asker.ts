// An Asker for flow tests of the built-in methodology: it answers each question from a policy (the
// screener's facts by path, a reply chosen by the test, else a value that fits), takes or declines the
// offers of further questions, and records everything as AnsweringAsker does.
import type { AskRequest, Reply, RosterReply, RosterRequest } from '../../src/interview/asker.js';
import type { RosterEntry } from '../../src/interview/roster-entry.js';
import { AnsweringAsker } from './answering-asker.js';

export interface Policy {
  /** Answers by plan path, whatever block asks them (`community.stage`: 'running'). */
  facts?: Readonly<Record<string, unknown>>;
  /** A reply of the test's own for a request; undefined falls back to the facts, then to a fitting value. */
  reply?(request: AskRequest): Reply | undefined;
  /** Who is involved, as typed in the roster question. */
  roster?: readonly RosterEntry[];
  /** How each offer of more questions is answered ('now', 'stop', 'skip', 'later'). */
  offers?: string;
  /** Answers to free-text and date prompts (an n/a reason, an owner's name, a Later date), in order. */
  texts?: string[];
  /** Choices made by message (the owner picked for Later, a jump target); else the first. */
  choices?: Readonly<Record<string, string>>;
}

export class PolicyAsker extends AnsweringAsker {
  readonly rosterRequests: RosterRequest[] = [];
  readonly prompts: string[] = [];
  constructor(private readonly policy: Policy) {
    super(false, false);
  }

  override async ask(request: AskRequest): Promise<Reply> {
    const own = this.policy.reply?.(request);
    const facts = this.policy.facts ?? {};
    if (own && own.action !== 'answer' && !request.actions.includes(own.action))
      throw new Error(`${request.question.id}: '${own.action}' is not offered (${request.actions.join(', ')})`);
    if (own || Object.hasOwn(facts, request.fill.path)) {
      this.asked.push(request);
      return own ?? { action: 'answer', value: facts[request.fill.path] };
    }
    return super.ask(request);
  }
  override async roster(request: RosterRequest): Promise<RosterReply> {
    this.rosterRequests.push(request);
    return { action: 'answer', value: [...(this.policy.roster ?? [])] };
  }
  override async text(message: string): Promise<string> {
    this.prompts.push(message);
    return this.policy.texts?.shift() ?? '';
  }
  override async date(message: string): Promise<string> {
    this.prompts.push(message);
    return this.policy.texts?.shift() ?? '2026-09-30';
  }
  override async choose<T extends string>(message: string, choices: readonly { value: T; name: string }[]): Promise<T> {
    this.prompts.push(message);
    const wanted = this.policy.choices?.[message] ?? (choices.some((c) => c.value === 'now') ? this.policy.offers : undefined);
    const found = choices.find((c) => c.value === wanted);
    if (wanted !== undefined && !found)
      throw new Error(`'${wanted}' is not offered at '${message}': ${choices.map((c) => c.value).join(', ')}`);
    return (found ?? choices[0]!).value;
  }
}
