// A scripted Asker for flow tests: each call takes the next step of the script and checks it is the
// kind of call expected; what was asked and shown is recorded.
import { InterruptedError } from '../../src/errors.js';
import type { Asker, AskRequest, InterviewEvent, Reply, RosterReply, RosterRequest } from '../../src/interview/asker.js';
import type { RosterEntry } from '../../src/interview/roster-entry.js';

export type Step =
  | { ask: string; reply: Reply }
  | { ask: string; interrupt: 'SIGINT' | 'SIGTERM' | 'SIGHUP' }
  | { roster: RosterReply }
  | { text: string }
  | { date: string }
  | { choose: string }
  | { confirm: boolean };

export class ScriptedAsker implements Asker {
  readonly asked: AskRequest[] = [];
  readonly rosters: RosterRequest[] = [];
  readonly events: InterviewEvent[] = [];
  readonly prompts: string[] = [];
  /** The choices offered at each `choose`, by their names. */
  readonly offered: string[][] = [];
  constructor(private readonly script: Step[]) {}

  private next<K extends 'ask' | 'roster' | 'text' | 'date' | 'choose' | 'confirm'>(kind: K, what: string): Step {
    const step = this.script.shift();
    if (!step) throw new Error(`script ended, but the interview called ${kind}(${what})`);
    if (!(kind in step)) throw new Error(`script expected ${JSON.stringify(step)}, but the interview called ${kind}(${what})`);
    return step;
  }

  get remaining(): number {
    return this.script.length;
  }

  async ask(request: AskRequest): Promise<Reply> {
    this.asked.push(request);
    const step = this.next('ask', request.question.id) as Extract<Step, { ask: string }>;
    if (step.ask !== request.question.id)
      throw new Error(`script expected question ${step.ask}, but the interview asked ${request.question.id}`);
    if ('interrupt' in step) throw new InterruptedError(step.interrupt, 'interrupted');
    return step.reply;
  }
  async roster(request: RosterRequest): Promise<RosterReply> {
    this.rosters.push(request);
    return (this.next('roster', request.message) as { roster: RosterReply }).roster;
  }
  /** Texts the asker's check refused, with the problem it gave; the next scripted text is then taken. */
  readonly refusedTexts: { text: string; problem: string }[] = [];
  async text(message: string, options?: { check?(text: string): string | undefined }): Promise<string> {
    this.prompts.push(message);
    const text = (this.next('text', message) as { text: string }).text;
    const problem = text.trim() === '' ? undefined : options?.check?.(text.trim());
    if (problem === undefined) return text;
    this.refusedTexts.push({ text, problem });
    return this.text(message, options);
  }
  async date(message: string): Promise<string> {
    this.prompts.push(message);
    return (this.next('date', message) as { date: string }).date;
  }
  async confirm(message: string): Promise<boolean> {
    this.prompts.push(message);
    return (this.next('confirm', message) as { confirm: boolean }).confirm;
  }
  async choose<T extends string>(message: string, choices: readonly { value: T; name: string }[]): Promise<T> {
    this.prompts.push(message);
    this.offered.push(choices.map((c) => c.name));
    const value = (this.next('choose', message) as { choose: string }).choose;
    if (!choices.some((c) => c.value === value)) throw new Error(`'${value}' is not one of ${choices.map((c) => c.value).join(', ')}`);
    return value as T;
  }
  show(event: InterviewEvent): void {
    this.events.push(event);
  }
  eventsOf<K extends InterviewEvent['kind']>(kind: K): Extract<InterviewEvent, { kind: K }>[] {
    return this.events.filter((e): e is Extract<InterviewEvent, { kind: K }> => e.kind === kind);
  }
}

export const answer = (value: unknown): Reply => ({ action: 'answer', value });
/** The roster typed as lines ("Ana: host, moderator"), or none. */
export const roster = (...people: RosterEntry[]): { roster: RosterReply } => ({ roster: { action: 'answer', value: people } });
export const act = (action: Exclude<Reply['action'], 'answer'>): Reply => ({ action }) as Reply;
