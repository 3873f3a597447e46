// An Asker for whole-methodology flow tests: it asks "why" once per question, then answers with a value
// that fits the question's kind (or skips one the plan refuses), takes every offer now, and records
// every text the interview shows, in the words the terminal would print.
import type { Asker, AskRequest, InterviewEvent, Reply, RosterReply, RosterRequest } from '../../src/interview/asker.js';
import { describeEvent, describeRequest } from '../../src/interview/interview-messages.js';
import type { ValueSpec } from '../../src/interview/question-model.js';
import { plainPainter } from '../../src/report/types.js';

export class AnsweringAsker implements Asker {
  readonly asked: AskRequest[] = [];
  readonly events: InterviewEvent[] = [];
  /** Everything shown: each request and event as data, each event in words, each prompt and its choices. */
  readonly shown: string[] = [];
  /** What the terminal shows, in words only (no request data): prompts, choices, hints, events. */
  readonly screens: string[] = [];
  private readonly explained = new Set<string>();
  private readonly refused = new Map<string, number>();

  /** `explain`: ask "why" once per question before answering it. */
  constructor(
    private readonly confirmWith = false,
    private readonly explain = true,
  ) {}

  async ask(request: AskRequest): Promise<Reply> {
    this.asked.push(request);
    this.shown.push(JSON.stringify(request));
    this.screens.push(...describeRequest(request));
    const id = request.question.id;
    if (request.problem) {
      const count = (this.refused.get(id) ?? 0) + 1;
      this.refused.set(id, count);
      if (count > 3) throw new Error(`${id}: refused again and again: ${request.problem}`);
      if (request.actions.includes('skip')) return { action: 'skip' };
    }
    if (this.explain && request.actions.includes('why') && !this.explained.has(id)) {
      this.explained.add(id);
      return { action: 'why' };
    }
    return { action: 'answer', value: answerFor(request.fill.value, request.people) };
  }
  async roster(request: RosterRequest): Promise<RosterReply> {
    this.shown.push(request.message, request.example, ...request.roles);
    this.screens.push(request.message, request.example, ...request.roles);
    return {
      action: 'answer',
      value: [
        { name: 'Ana', roles: ['host', ...request.roles] },
        { name: 'Bo', roles: [...request.roles] },
      ],
    };
  }
  async text(message: string): Promise<string> {
    this.shown.push(message);
    this.screens.push(message);
    return '';
  }
  async date(message: string): Promise<string> {
    this.shown.push(message);
    this.screens.push(message);
    return '2026-09-30';
  }
  async confirm(message: string): Promise<boolean> {
    this.shown.push(message);
    this.screens.push(message);
    return this.confirmWith;
  }
  async choose<T extends string>(message: string, choices: readonly { value: T; name: string }[]): Promise<T> {
    this.shown.push(message, ...choices.map((c) => c.name));
    this.screens.push(message, ...choices.map((c) => c.name));
    return choices.find((c) => c.value === 'now')?.value ?? choices[0]!.value;
  }
  show(event: InterviewEvent): void {
    this.events.push(event);
    this.shown.push(JSON.stringify(event), ...describeEvent(event, plainPainter));
    this.screens.push(...describeEvent(event, plainPainter));
  }
  eventsOf<K extends InterviewEvent['kind']>(kind: K): Extract<InterviewEvent, { kind: K }>[] {
    return this.events.filter((e): e is Extract<InterviewEvent, { kind: K }> => e.kind === kind);
  }
}

/** A value as it would be entered for a kind of question: the first choice, a number within bounds, … */
export function answerFor(spec: ValueSpec, people: readonly string[] = []): unknown {
  switch (spec.kind) {
    case 'short-text':
      return spec.format === 'url' ? 'https://acme.example/plan' : 'Written down by the organisers';
    case 'long-text':
      return 'Written down at length by the organisers, with who does what, when and how it is checked.';
    case 'number':
      return Math.min(Math.max(3, spec.minimum ?? 3), spec.maximum ?? 3);
    case 'percentage':
      return 50;
    case 'yes-no':
      return true;
    case 'date':
      return '2026-08-01';
    case 'one-choice':
      return spec.choices[0]!.value;
    case 'several-choices':
      return [spec.choices[0]!.value];
    case 'text-list':
      return 'Ana, Bo, Cy';
    case 'person':
      return spec.several ? [...people.slice(0, 2), 'Cy'] : (people[0] ?? 'Ana');
    case 'records':
      return [Object.fromEntries(spec.fields.map((f) => [f.key, answerFor(f.value, people)]))];
  }
}
