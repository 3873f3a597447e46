// Pure: what the interview asks, in order: the screener, the roster, then (planned once the screener
// and roster are answered, and again whenever the facts change) the quick path and the blocks offered
// after it; which entries are still wanted, and where a jump goes.
import { levelInStage } from '../methodology/types.js';
import type { Block, Position } from './asker.js';
import { answerSeconds, asksOf, byPoint, decidingItems, levelTargets, planTiers, QUICK_PATH } from './interview-plan.js';
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
import { conditionHolds, isAnswered, valueAtPath, type QuestionSpec, type ValueSpec } from './question-model.js';
import { rosterOf } from './roster-entry.js';
import { STARTER_NAME } from '../plan/starter-plan.js';
import { minimumInForce } from './thresholds-in-force.js';

type Tier = 'rest' | 'important' | 'optional';

/**
 * The questions numbered together (a block, or one jump's detour): the paths asked there this session,
 * by question id. Numbers count what is asked, so they run 1, 2, 3… without a gap, whatever was
 * answered before or is passed over.
 */
export interface Numbering {
  readonly asked: Map<string, Set<number>>;
}
export const newNumbering = (): Numbering => ({ asked: new Map() });

export type Entry =
  | { kind: 'question'; q: QuestionSpec; block: Block; numbering: Numbering; detour?: boolean }
  | { kind: 'people'; detour?: boolean }
  | { kind: 'plan' }
  | { kind: 'block-start'; block: Block; numbering: Numbering }
  | { kind: 'offer'; block: Tier; numbering: Numbering }
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
  /** Points the quick path's level also needs that no question left can meet (put off, or "No" before). */
  quickPending: number;
  /** The level the quick path only starts on (not even it fits), in words, and the questions it all takes. */
  quickToward: { level: string; questions: number } | undefined;
  /** Each block's numbering, kept when the rest is planned again so that numbers go on. */
  readonly numberings: Map<Block, Numbering>;
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
  const numberings = new Map<Block, Numbering>([['screener', newNumbering()]]);
  const screenerEntries = numbered(screenerAsked, 'screener', numberings.get('screener')!);
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
    quickToward: undefined,
    quickPending: 0,
    numberings,
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

/** Question entries numbered together. */
export function numbered(questions: readonly QuestionSpec[], block: Block, numbering: Numbering, detour = false): QuestionEntry[] {
  return questions.map((q) => ({ kind: 'question', q, block, numbering, ...(detour ? { detour: true } : {}) }));
}

/** A block's numbering: the same one each time the rest is planned. */
function numberingOf(s: Session, block: Block): Numbering {
  let n = s.agenda.numberings.get(block);
  if (!n) s.agenda.numberings.set(block, (n = newNumbering()));
  return n;
}

function hasPersonField(spec: ValueSpec): boolean {
  return spec.kind === 'person' || (spec.kind === 'records' && spec.fields.some((f) => hasPersonField(f.value)));
}

/**
 * The paths of a question the walk asks when it reaches it: all of them, or, for a question left half
 * done in an earlier session, the ones still open (unless it was gone back to, or all is asked again).
 */
export function fillsToAsk(s: Session, e: QuestionEntry, forced: boolean): number[] {
  const d = data(s);
  const answered = e.q.fills.map((f) => isAnswered(valueAtPath(d, f.path)));
  const goOn = !forced && !e.detour && e.block !== 'screener' && !s.scope.all && !s.scope.onlyGaps && answered.includes(false);
  return [...e.q.fills.keys()].filter((i) => !(goOn && answered[i]));
}

/** The entries numbered with `numbering`, in the agenda's order. */
function membersOf(s: Session, numbering: Numbering): QuestionEntry[] {
  return s.agenda.entries.filter((x): x is QuestionEntry => x.kind === 'question' && x.numbering === numbering);
}

/** How many paths the walk will ask of these entries, as the plan stands now. */
export function pathsToAsk(s: Session, entries: readonly QuestionEntry[]): number {
  return entries.reduce((n, x) => n + (wanted(s, x) ? fillsToAsk(s, x, s.agenda.forced.has(x)).length : 0), 0);
}

/** The questions the walk will ask of these entries, as the plan stands now. */
export function questionsToAsk(s: Session, entries: readonly QuestionEntry[]): QuestionSpec[] {
  return entries.filter((x) => wanted(s, x)).map((x) => x.q);
}

/** The entries a block start or an offer stands for. */
export function entriesOf(s: Session, e: Extract<Entry, { kind: 'block-start' | 'offer' }>): QuestionEntry[] {
  return membersOf(s, e.numbering).filter((x) => !x.detour);
}

/**
 * Where path `fill` of a question stands, as it is asked: after the paths asked before it in its block
 * this session, out of those plus the ones still to be asked there. Asked again (a reply refused, "why",
 * back from a jump), it keeps its number.
 */
export function positionOf(s: Session, e: QuestionEntry, fill: number, forced: boolean): Position {
  const { asked } = e.numbering;
  let own = asked.get(e.q.id);
  if (!own) asked.set(e.q.id, (own = new Set()));
  own.add(fill);
  const members = membersOf(s, e.numbering);
  const at = members.indexOf(e);
  const order = new Map(members.map((x, i) => [x.q.id, i]));
  let before = 0;
  // Paths asked of the questions before this one, and of any the block no longer lists (planned again);
  // not of one left by going back that the answers since no longer ask (a date for a stage not chosen).
  for (const [id, fills] of asked) {
    if (id === e.q.id || (order.get(id) ?? -1) >= at) continue;
    const left = members[order.get(id) ?? -1];
    if (left && !wanted(s, left) && !isHandled(s, left.q)) continue;
    before += fills.size;
  }
  const still = fillsToAsk(s, e, forced).filter((i) => i > fill && !own.has(i)).length;
  const after = at >= 0 ? pathsToAsk(s, members.slice(at + 1)) : 0;
  const question = before + [...own].filter((i) => i < fill).length + 1;
  return {
    block: e.detour && e.block !== 'screener' ? 'detour' : e.block,
    question,
    questions: before + own.size + still + after,
  };
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
  if (s.narrowed) return selectedTail(s, applicable(s));
  // What is left to ask: a question answered before is not asked again (unless all is).
  const list = applicable(s).filter((q) => s.scope.all === true || !isHandled(s, q));
  const stage = (s.assessment?.stage.id ?? valueAtPath(data(s), 'community.stage') ?? 'planning') as 'planning';
  // What each level needs, from the plan as assessed; the time a point takes is its questions' own.
  const secondsOf = (id: string): number => {
    const qs = list.filter((q) => q.feeds.includes(id));
    return qs.length === 0 ? Infinity : qs.reduce((n, q) => n + q.seconds, 0);
  };
  const deciding = s.assessment
    ? levelTargets(s.m, s.assessment.items, stage, secondsOf)
    : decidingItems(s.m, stage, severitiesNow(s) ?? new Map());
  // What this session has asked so far (the screener, the roster) counts toward the quick path's
  // questions; its minutes are the points' own.
  const spent = { questions: s.asked, seconds: 0 };
  const tiers = planTiers(list, deciding, s.o.quickPath ?? QUICK_PATH, spent);
  const titleOf = (id: string | undefined): string | undefined => {
    const level = s.m.levels.find((l) => l.id === id);
    return level ? said(s, levelInStage(level, stage).title) : undefined;
  };
  s.agenda.quickLevel = titleOf(tiers.quickLevel);
  s.agenda.quickPending = tiers.quickPending ?? 0;
  s.agenda.quickToward = tiers.toward ? { level: titleOf(tiers.toward.level)!, questions: tiers.toward.questions } : undefined;
  const quick = numberingOf(s, 'quick');
  return [
    { kind: 'block-start', block: 'quick', numbering: quick },
    ...numbered(tiers.quick, 'quick', quick),
    { kind: 'checkpoint' },
    ...(['rest', 'important', 'optional'] as const).flatMap((block): Entry[] => {
      if (tiers[block].length === 0) return [];
      const numbering = numberingOf(s, block);
      return [{ kind: 'offer', block, numbering }, ...numbered(tiers[block], block, numbering)];
    }),
  ];
}

/** A narrowed interview: phase by phase, each phase's points that decide the level first. */
function selectedTail(s: Session, list: readonly QuestionSpec[]): Entry[] {
  const rank = { core: 0, major: 1, minor: 2 } as const;
  const phases = s.m.phases.map((p) => p.id);
  const ordered = byPoint(
    list
      .map((q, i) => ({ q, i }))
      .sort((a, b) => phases.indexOf(a.q.phaseId) - phases.indexOf(b.q.phaseId) || rank[a.q.tier] - rank[b.q.tier] || a.i - b.i)
      .map((x) => x.q),
  );
  const numbering = numberingOf(s, 'selected');
  return [{ kind: 'block-start', block: 'selected', numbering }, ...numbered(ordered, 'selected', numbering)];
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
  if (target === 'screener') return numbered(s.agenda.screenerAsked, 'screener', newNumbering(), true);
  if (target.startsWith('phase:')) {
    const qs = list.filter((q) => q.phaseId === target.slice('phase:'.length));
    // The phase's open questions; all of them when every one is answered.
    return numbered(open(qs) > 0 ? qs.filter((q) => !isHandled(s, q)) : qs, 'detour', newNumbering(), true);
  }
  const items = s.m.phases.flatMap((p) => p.items).filter((i) => list.some((q) => q.feeds.includes(i.id)));
  const id = await s.asker.choose(
    'Which point?',
    items.map((i) => ({ value: i.id, name: itemTitle(s, i.id), description: statusOf(s, i.id) ?? '' })),
  );
  return numbered(
    list.filter((q) => q.feeds.includes(id)),
    'detour',
    newNumbering(),
    true,
  );
}
