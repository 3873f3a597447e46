// The interview's only window on the user: a question in, a reply out; events out. Tests script it;
// the terminal implementation lives in inquirer-asker.ts.
import type { FillSpec, QuestionSpec } from './question-model.js';

export const REPLY_ACTIONS = ['answer', 'why', 'na', 'dont-know', 'skip', 'back', 'later'] as const;
export type ReplyAction = (typeof REPLY_ACTIONS)[number];

export type Reply = { action: 'answer'; value: unknown } | { action: Exclude<ReplyAction, 'answer'> };

export interface Position {
  phase: number;
  phases: number;
  question: number;
  questions: number;
}

export interface AskRequest {
  question: QuestionSpec;
  /** The path being asked (a question may fill several, one after another). */
  fill: FillSpec;
  message: string;
  /** The current value as it is entered (a percentage as 0-100), shown as the default. */
  default?: unknown;
  /** Names in the plan's roster, for a person question. */
  people: readonly string[];
  /** What the user may do instead of answering. */
  actions: readonly Exclude<ReplyAction, 'answer'>[];
  position: Position;
  phaseTitle: string;
  /** Why the previous entry was not accepted. */
  problem?: string;
}

export interface ItemFeedback {
  itemId: string;
  title: string;
  status: string;
  /** The failing rules' messages, which state the threshold in force. */
  failed: readonly string[];
}

/** Things the interview tells the user, as data; interview-messages.ts turns them into words. */
export type InterviewEvent =
  | { kind: 'phase-start'; phaseId: string; title: string; index: number; count: number; questions: number; minutes: number }
  | { kind: 'why'; items: readonly { itemId: string; title: string; why: string; guidance: string }[]; help?: string }
  | { kind: 'feedback'; items: readonly ItemFeedback[]; score: number }
  | {
      kind: 'notice';
      code: 'na-not-allowed' | 'na-needs-reason' | 'first-question' | 'later-needs-owner' | 'required' | 'deferred';
      count?: number;
    }
  | { kind: 'phase-score'; phaseId: string; title: string; phaseScore: number | null; score: number }
  | {
      kind: 'summary';
      level: string;
      score: number;
      blockers: readonly { itemId: string; title: string }[];
      nextLevel?: { title: string; items: readonly { itemId: string; title: string }[]; scoreAfter: number };
      dontKnow: readonly string[];
      answered: number;
    }
  | { kind: 'report-written'; file: string };

export interface Asker {
  ask(request: AskRequest): Promise<Reply>;
  /** Free text; may come back empty. */
  text(message: string, options?: { default?: string }): Promise<string>;
  /** A date YYYY-MM-DD (the asker checks the form). */
  date(message: string, options?: { default?: string }): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  /** One of the values; `choices` are value and label. */
  choose<T extends string>(message: string, choices: readonly { value: T; name: string }[]): Promise<T>;
  show(event: InterviewEvent): void;
}
