// Pure: what the interview asks, in order: the screener, the roster, then (planned once the screener
// and roster are answered, and again whenever the facts change) the quick path and the blocks offered
// after it; which entries are still wanted, and where a jump goes.
import { levelInStage } from '../methodology/types.js';
import type { Block, Position } from './asker.js';
import { answerSeconds, asksOf, decidingItems, planTiers, QUICK_PATH } from './interview-plan.js';
import {
  applies,
  data,
  inScope,
  isHandled,
  itemOpen,
  itemsOf,
  itemTitle,
  phaseTitle,
  profileNow,
  said,
  severitiesNow,
  sizeNow,
  statusOf,
  tierNow,
  type InterviewState,
} from './interview-state.js';
import { conditionHolds, valueAtPath, type QuestionSpec, type ValueSpec } from './question-model.js';
import { rosterOf } from './roster-entry.js';
import { STARTER_NAME } from '../plan/starter-plan.js';
import { minimumInForce } from './thresholds-in-force.js';

type Tier = 'rest' | 'important' | 'optional';
export type Entry =
  /** `number` is the question's first path's number in its block; `of` counts every path the block asks. */
  | { kind: 'question'; q: QuestionSpec; block: Block; number: number; of: number; detour?: boolean }
  | { kind: 'people'; detour?: boolean }
  | { kind: 'plan' }
  | { kind: 'block-start'; block: Block; questions: readonly QuestionSpec[] }
  | { kind: 'offer'; block: Tier; questions: readonly QuestionSpec[] }
  | { kind: 'checkpoint' };
export type QuestionEntry = Extract<Entry, { kind: 'question' }>;
/** How an entry ended: answered (or passed), gone back from, or a jump to other entries. */
export type Outcome = 'done' | 'back' | { jump: Entry[] };

/** Paths the screener always confirms on a new or unfinished plan: the profile and the stage. */
const CONFIRMED = ['community.type', 'community.formality', 'community.stage'];

/** The entries to go through, where the walk stands and what the user decided on the way. */
export interface Agenda {
  /** The screener's questions whose paths the plan schema knows. */
  readonly screenerAsked: readonly QuestionSpec[];
  /**
   * A plan begun in an earlier session that stopped inside the screener: its type, formality and stage
   * are confirmed again. One whose screener was gone through (a "Don't know yet" left open) is not.
   */
  readonly unfinished: boolean;
  readonly screenerEntries: readonly Entry[];
  readonly hasPersonQuestion: boolean;
  readonly entries: Entry[];
  /** The level the quick path reaches, in this community's words. */
  quickLevel: string | undefined;
  /** Blocks the user declined, decided on, or skipped in an earlier session. */
  readonly declined: Set<Block>;
  readonly decided: Set<Block>;
  readonly skipped: Set<Block>;
  /** The user chose to stop: nothing more is asked or offered. */
  stopped: boolean;
  /** The answers saved when the last summary was shown: the end shows none again if nothing changed since. */
  summarisedAt: number | undefined;
  /** Entries asked again whatever they hold: the one gone back to. */
  readonly forced: Set<Entry>;
  /** Questions answered in this session (the screener asks each once, unless gone back to). */
  readonly answeredNow: Set<QuestionSpec>;
  /** Entries done, for going back. */
  readonly history: Entry[];
  cursor: number;
}

/** The interview's state with its agenda. */
export type Session = InterviewState & { readonly agenda: Agenda };

export function createAgenda(s: InterviewState): Agenda {
  const { o } = s;
  const screenerAsked = o.screener.filter((q) => q.fills.every((f) => o.accepts(f.path)));
  const screenerEntries = numbered(screenerAsked, 'screener');
  let hasPerson: boolean | undefined;
  return {
    screenerAsked,
    unfinished: !o.newPlan && !pastScreener(s) && screenerAsked.some((q) => conditionHolds(q.when, data(s)) && !isHandled(s, q)),
    screenerEntries,
    // Worked out when first needed, after the screener: a new plan's first question does not wait for every question to be built.
    get hasPersonQuestion() {
      return (hasPerson ??= o.questions.some((q) => q.fills.some((f) => hasPersonField(f.value))));
    },
    entries: [...screenerEntries, { kind: 'people' }, { kind: 'plan' }],
    quickLevel: undefined,
    declined: new Set(),
    decided: new Set(),
    skipped: new Set(s.scope.all ? [] : (o.skippedBefore ?? [])),
    stopped: false,
    summarisedAt: undefined,
    forced: new Set(),
    answeredNow: new Set(),
    history: [],
    cursor: 0,
  };
}

/** Whether an earlier session went past the screener: someone on the roster, or a later question answered. */
export function pastScreener(s: InterviewState): boolean {
  const { o } = s;
  return rosterOf(data(s)).length > 0 || o.questions.some((q) => q.fills.every((f) => o.accepts(f.path)) && isHandled(s, q));
}

/** Question entries numbered by the paths they ask, so a question's number is the same in every session. */
export function numbered(questions: readonly QuestionSpec[], block: Block, detour = false): Entry[] {
  const of = asksOf(questions);
  let number = 1;
  return questions.map((q) => {
    const entry: Entry = { kind: 'question', q, block, number, of, ...(detour ? { detour: true } : {}) };
    number += q.fills.length;
    return entry;
  });
}

function hasPersonField(spec: ValueSpec): boolean {
  return spec.kind === 'person' || (spec.kind === 'records' && spec.fields.some((f) => hasPersonField(f.value)));
}

export function positionOf(e: QuestionEntry, fill = 0): Position {
  return { block: e.detour && e.block !== 'screener' ? 'detour' : e.block, question: e.number + fill, questions: e.of };
}

function screenerWanted(s: Session, q: QuestionSpec): boolean {
  if (!conditionHolds(q.when, data(s))) return false;
  // A narrowed interview asks only what the plan cannot do without.
  if (s.narrowed) return !isHandled(s, q);
  if (s.scope.all || s.o.newPlan) return true;
  if (s.agenda.unfinished && q.fills.some((f) => CONFIRMED.includes(f.path))) return true;
  // The name `commready init` writes when given none stands for the real one.
  if (q.fills.some((f) => f.path === 'community.name' && valueAtPath(data(s), f.path) === STARTER_NAME)) return true;
  return !isHandled(s, q);
}

/** The roster is asked of a new plan, or one without anyone on it, when a question names people. */
export function peopleWanted(s: Session): boolean {
  return s.o.accepts('people') && s.agenda.hasPersonQuestion && (s.o.newPlan === true || rosterOf(data(s)).length === 0);
}

/** Whether a question entry is asked when the walk reaches it. */
export function wanted(s: Session, e: QuestionEntry): boolean {
  const a = s.agenda;
  if (a.forced.has(e)) return true;
  if (e.detour) return conditionHolds(e.q.when, data(s)) && (e.block === 'screener' || applies(s, e.q));
  if (e.block === 'screener') return !a.answeredNow.has(e.q) && screenerWanted(s, e.q);
  if (a.declined.has(e.block) || a.stopped) return false;
  if (!applies(s, e.q)) return false;
  const { scope } = s;
  return (
    scope.all === true || (scope.onlyGaps === true ? e.q.feeds.length === 0 || e.q.feeds.some((id) => itemOpen(s, id)) : !isHandled(s, e.q))
  );
}

/** The questions after the screener that apply, each at its tier in force, in methodology order. */
export function applicable(s: Session): QuestionSpec[] {
  const onlyGaps = s.scope.onlyGaps;
  return s.o.questions
    .filter(
      (q) =>
        applies(s, q) && inScope(s, q) && (!onlyGaps || (q.feeds.length > 0 ? q.feeds.some((id) => itemOpen(s, id)) : !isHandled(s, q))),
    )
    .map((q) => {
      const tier = tierNow(s, q)!;
      const seconds = secondsInForce(s, q);
      return tier === q.tier && seconds === q.seconds ? q : { ...q, tier, seconds };
    });
}

/** The time a question takes as measured, a list's growing with the entries its point asks for. */
function secondsInForce(s: Session, q: QuestionSpec): number {
  return q.fills.reduce(
    (sum, f) =>
      sum +
      answerSeconds(f.value, f.value.kind === 'records' ? minimumInForce(f.path, itemsOf(s, q), profileNow(s).params, sizeNow(s)) : 1),
    0,
  );
}

/** The entries after the screener and the roster, planned as the plan's facts stand now. */
export function planTail(s: Session): Entry[] {
  const list = applicable(s);
  if (s.narrowed) return selectedTail(s, list);
  const stage = (s.assessment?.stage.id ?? valueAtPath(data(s), 'community.stage') ?? 'planning') as 'planning';
  const deciding = decidingItems(s.m, stage, severitiesNow(s) ?? new Map());
  // The screener and the roster count toward the quick path's questions; its minutes are the points' own.
  const spent = { questions: asksOf(s.agenda.screenerAsked) + (s.agenda.hasPersonQuestion ? 1 : 0), seconds: 0 };
  const tiers = planTiers(list, deciding, s.o.quickPath ?? QUICK_PATH, spent);
  const level = s.m.levels.find((l) => l.id === tiers.quickLevel);
  s.agenda.quickLevel = level ? said(s, levelInStage(level, stage).title) : undefined;
  return [
    { kind: 'block-start', block: 'quick', questions: tiers.quick },
    ...numbered(tiers.quick, 'quick'),
    { kind: 'checkpoint' },
    ...(['rest', 'important', 'optional'] as const).flatMap((block): Entry[] =>
      tiers[block].length === 0 ? [] : [{ kind: 'offer', block, questions: tiers[block] }, ...numbered(tiers[block], block)],
    ),
  ];
}

/** A narrowed interview: phase by phase, each phase's points that decide the level first. */
function selectedTail(s: Session, list: readonly QuestionSpec[]): Entry[] {
  const rank = { core: 0, major: 1, minor: 2 } as const;
  const phases = s.m.phases.map((p) => p.id);
  const ordered = list
    .map((q, i) => ({ q, i }))
    .sort((a, b) => phases.indexOf(a.q.phaseId) - phases.indexOf(b.q.phaseId) || rank[a.q.tier] - rank[b.q.tier] || a.i - b.i)
    .map((x) => x.q);
  return [{ kind: 'block-start', block: 'selected', questions: ordered }, ...numbered(ordered, 'selected')];
}

/** Where the plan's marker stands: the entries after it are planned, and planned again. */
export function markerIndex(s: Session): number {
  return s.agenda.entries.findIndex((x) => x.kind === 'plan');
}

export function replaceTail(s: Session, entries: readonly Entry[]): void {
  const agenda = s.agenda.entries;
  agenda.length = markerIndex(s) + 1;
  for (const e of entries) agenda.push(e);
}

/** Entries put in before the cursor's entry: a detour, then back to where it was. */
export function insertAt(s: Session, at: number, entries: readonly Entry[]): void {
  const agenda = s.agenda.entries;
  const after = agenda.splice(at);
  for (const e of entries) agenda.push(e);
  for (const e of after) agenda.push(e);
}

/** Where the user wants to go: the screener, the roster, a phase or a point; undefined to stay. */
export async function jumpTarget(s: Session): Promise<Entry[] | undefined> {
  const list = applicable(s);
  const phases = s.m.phases.filter((p) => list.some((q) => q.phaseId === p.id));
  // Counted as the questions are numbered once there: each path asked counts one.
  const open = (qs: readonly QuestionSpec[]): number => asksOf(qs.filter((q) => !isHandled(s, q)));
  const target = await s.asker.choose('Where to?', [
    { value: 'stay', name: 'Stay here' },
    { value: 'screener', name: 'About the community (type, stage, size…)' },
    ...(s.o.accepts('people') ? [{ value: 'people', name: 'Who is involved (the roster)' }] : []),
    ...phases.map((p) => {
      const qs = list.filter((q) => q.phaseId === p.id);
      const n = asksOf(qs);
      return { value: `phase:${p.id}`, name: `${phaseTitle(s, p.id)}: ${n} question${n === 1 ? '' : 's'}, ${open(qs)} open` };
    }),
    { value: 'point', name: 'A point, by name' },
  ]);
  if (target === 'stay') return undefined;
  if (target === 'people') return [{ kind: 'people', detour: true }];
  if (target === 'screener') return numbered(s.agenda.screenerAsked, 'screener', true);
  if (target.startsWith('phase:')) {
    const qs = list.filter((q) => q.phaseId === target.slice('phase:'.length));
    // The phase's open questions; all of them when every one is answered.
    return numbered(open(qs) > 0 ? qs.filter((q) => !isHandled(s, q)) : qs, 'detour', true);
  }
  const items = s.m.phases.flatMap((p) => p.items).filter((i) => list.some((q) => q.feeds.includes(i.id)));
  const id = await s.asker.choose(
    'Which point?',
    items.map((i) => ({ value: i.id, name: itemTitle(s, i.id), description: statusOf(s, i.id) ?? '' })),
  );
  return numbered(
    list.filter((q) => q.feeds.includes(id)),
    'detour',
    true,
  );
}
