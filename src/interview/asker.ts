// The interview's only window on the user: a question in, a reply out; events out. Tests script it;
// the terminal implementation lives in inquirer-asker.ts.
import type { FillSpec, QuestionSpec } from './question-model.js';
import type { RosterEntry } from './roster-entry.js';

export const REPLY_ACTIONS = ['answer', 'why', 'no', 'na', 'dont-know', 'later', 'skip', 'back', 'jump'] as const;
export type ReplyAction = (typeof REPLY_ACTIONS)[number];
/** What a user may do instead of answering. */
export type OtherAction = Exclude<ReplyAction, 'answer'>;

/**
 * A reply. An answer may name people the user said are new ("someone new"): they join the roster as they
 * are; any other name not on the roster is confirmed first (a typo must not make a new person).
 */
export type Reply = { action: 'answer'; value: unknown; joining?: readonly string[] } | { action: OtherAction };

/** The parts of the interview, in the order they come. */
export const BLOCKS = ['screener', 'people', 'quick', 'rest', 'important', 'optional', 'selected', 'detour'] as const;
export type Block = (typeof BLOCKS)[number];

/**
 * Where a question stands: its block and its number there. Numbers count the paths this session asks in
 * the block, 1, 2, 3… without a gap; `questions` is those asked so far plus those still to come there.
 * A question asked again (back, a refused reply, back from a jump) keeps its number.
 */
export interface Position {
  block: Block;
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
  /**
   * Nothing is chosen in advance and Enter alone does not answer: a fact that switches points on or off
   * (minors, where members meet) must be said, never assumed.
   */
  noDefault?: boolean;
  /** What the answer must reach to meet the point, in force for this community ("72 or less"). */
  threshold?: string;
  /** The least number of entries of a list that meets the point (Enter means Done from there). */
  minimum?: number;
  /** The point this question is part of, in this community's words (its title states the thresholds in force). */
  point?: { id: string; title: string };
  /** The plan path, shown only when asked for (--show-paths). */
  path?: string;
  /** Names in the plan's roster, for a person question. */
  people: readonly string[];
  /** Those on the roster who hold the role a person question names: ticked (or pointed at) in advance. */
  holders?: readonly string[];
  /** What the user may do instead of answering. */
  actions: readonly OtherAction[];
  position: Position;
  phaseTitle: string;
  /** Why the previous entry was not accepted. */
  problem?: string;
  /**
   * Saves a list's entries as they are entered, before the list is done: nothing typed is lost if the
   * interview stops part way (Ctrl-C, a closed terminal). Entries the plan cannot hold are not saved.
   */
  keep?(entries: readonly Record<string, unknown>[]): void;
}

/** The roster question: who is involved, one line per person ("Name: role, role"). */
export interface RosterRequest {
  message: string;
  /** The people the plan already names, as lines ("Ana: host"). */
  current: readonly string[];
  /** Roles the methodology counts, suggested. */
  roles: readonly string[];
  /** A line as it is typed, in the profile's words ("Ana Lima: organiser, moderator"). */
  example: string;
  actions: readonly OtherAction[];
  position: Position;
  /** Told of the lines accepted so far, after each one: they are saved before the list is done (Ctrl-C part way loses none). */
  keep?(entries: readonly RosterEntry[]): void;
}

export type RosterReply = { action: 'answer'; value: readonly RosterEntry[] } | { action: OtherAction };

export interface ItemFeedback {
  itemId: string;
  title: string;
  status: string;
  /** What is still missing, in plain words (or as the rules say it, with --show-paths), with the threshold in force. */
  failed: readonly string[];
}

/** Things the interview tells the user, as data; interview-messages.ts turns them into words. */
export type InterviewEvent =
  | { kind: 'resume'; answers: number; next?: string }
  | {
      kind: 'block-start';
      block: Block;
      questions: number;
      minutes: number;
      /** The level the quick path reaches when every one of its points is met. */
      level?: string;
      /** Points that level also needs which were left open before (put off, or not in place): done too, it is reached. */
      pending?: number;
      /** Not even the next level fits the quick path: the level it starts on, and the questions it all takes. */
      toward?: { level: string; questions: number };
    }
  | { kind: 'why'; items: readonly { itemId: string; title: string; why: string; guidance: string }[]; help?: string }
  | { kind: 'feedback'; items: readonly ItemFeedback[]; score: number }
  | {
      kind: 'notice';
      code:
        | 'na-not-allowed'
        | 'na-needs-reason'
        | 'first-question'
        | 'later-needs-owner'
        | 'required'
        | 'deferred'
        | 'skipped-remembered'
        | 'roster-saved'
        | 'recorded-no';
      count?: number;
    }
  | {
      kind: 'summary';
      /** The quick path's end (more may follow), or the interview's. */
      final: boolean;
      level: string;
      score: number;
      blockers: readonly { itemId: string; title: string }[];
      nextLevel?: { title: string; items: readonly { itemId: string; title: string }[]; scoreAfter: number };
      /** Open points taken on for later: the to-do list. */
      todo: readonly { itemId: string; title: string; due: string; owner?: string }[];
      /** What the user said they don't know yet: the point (or the screener's question) and the items to ask again. */
      dontKnow: readonly { title: string; itemIds: readonly string[] }[];
      answered: number;
    }
  | { kind: 'report-written'; file: string };

export interface Asker {
  ask(request: AskRequest): Promise<Reply>;
  /** Who is involved: lines checked one by one as they are typed, Enter on an empty line when done. */
  roster(request: RosterRequest): Promise<RosterReply>;
  /** Free text; may come back empty. A text `check` finds a problem with is refused, with the problem said. */
  text(message: string, options?: { default?: string; check?(text: string): string | undefined }): Promise<string>;
  /** A date YYYY-MM-DD (the asker checks the form, and that it is not before `notBefore`). */
  date(message: string, options?: { default?: string; notBefore?: string }): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  /** One of the values; `choices` are value and label (and what it means). The first is the default. */
  choose<T extends string>(message: string, choices: readonly { value: T; name: string; description?: string }[]): Promise<T>;
  show(event: InterviewEvent): void;
}
