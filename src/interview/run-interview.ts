// The interview flow: the screener, who is involved, then a quick path through the points that decide
// the level, and the next tiers as offers; saving after every answer and showing live feedback in plain
// words. Talks to the user only through an Asker. The steps: interview-state.ts (the plan as it stands),
// interview-agenda.ts (what is asked, in order), ask-question.ts (one question); here, the walk through
// the agenda and what it shows between questions.
import type { Document } from 'yaml';
import type { Methodology } from '../methodology/types.js';
import { isOpen, type PlanAssessment } from '../scoring/types.js';
import type { Asker, Block, InterviewEvent } from './asker.js';
import { askQuestion, later } from './ask-question.js';
import {
  createAgenda,
  entriesOf,
  insertAt,
  jumpTarget,
  markerIndex,
  pastScreener,
  pathsToAsk,
  peopleWanted,
  planTail,
  questionsToAsk,
  replaceTail,
  wanted,
  type Entry,
  type Outcome,
  type Session,
} from './interview-agenda.js';
import { minutesOf, type QuickPathBudget } from './interview-plan.js';
import {
  applies,
  commitChanges,
  createState,
  data,
  feedback,
  interrupted,
  isHandled,
  itemTitle,
  phaseTitle,
  profileKey,
  profileNow,
  said,
  type Change,
} from './interview-state.js';
import { rolesOf } from './person-fields.js';
import { isAnswered, pathSegments, valueAtPath, type QuestionSpec } from './question-model.js';
import { mergeRoster, rosterExample, rosterLine, rosterOf, type RosterEntry, type RosterPerson } from './roster-entry.js';

/** The result of handing a new plan text to the command: checked, assessed and saved, or refused. */
export type CommitOutcome = { ok: true; assessment: PlanAssessment } | { ok: false; problem: string };

export interface InterviewScope {
  /** Only this phase's questions (the screener still asks what the plan cannot do without). */
  phase?: string;
  /** Only questions feeding these items. */
  items?: readonly string[];
  /** Revisit answered questions too (and blocks skipped in an earlier session). */
  all?: boolean;
  /** Only questions whose items are open, answered or not. */
  onlyGaps?: boolean;
}

export interface InterviewOptions {
  methodology: Methodology;
  screener: readonly QuestionSpec[];
  questions: readonly QuestionSpec[];
  /** The plan schema: its keys and fixed values are the file's words, never shown in default mode. */
  planSchema: unknown;
  /** The plan as a yaml Document and the file's text it was read from (or the starter for a new file). */
  doc: Document;
  text: string;
  /** The assessment of the plan as read, if it was valid. */
  assessment?: PlanAssessment;
  /** Whether the plan schema accepts a path: questions for fields it does not know yet are not asked. */
  accepts(path: string): boolean;
  /** Checks, assesses and saves a new plan text; throws if it cannot be saved at all. */
  commit(text: string): CommitOutcome;
  scope?: InterviewScope;
  /** A plan this interview has just started from the starter: the screener asks every question. */
  newPlan?: boolean;
  /** The date a rating is reviewed on (YYYY-MM-DD), written beside it so that it can go stale. */
  today?: string;
  /** Aborted by a signal: stop before the next question. */
  signal?: AbortSignal;
  /** Writes the gap report next to the plan; returns the file written, or undefined if declined. */
  writeGapReport?: () => Promise<string | undefined>;
  gapReportName?: string;
  /** Plan paths beside questions and the rules' own wording in feedback (--show-paths). */
  showPaths?: boolean;
  /** Blocks skipped in an earlier session ('optional'): not offered again unless asked (--all). */
  skippedBefore?: readonly Block[];
  /** Told when the user skips a block, so that the next session does not offer it again. */
  rememberSkipped?(blocks: readonly Block[]): void;
  /** The quick path's size (default: about 30 questions and 10 minutes). */
  quickPath?: QuickPathBudget;
}

export interface InterviewResult {
  /** Answers written this session (values, n/a, no and later entries, the roster). */
  answered: number;
  dontKnow: readonly string[];
  /** Questions asked this session (each path asked counts one), and their estimated seconds. */
  asked: number;
  assessment?: PlanAssessment;
}

export async function runInterview(asker: Asker, o: InterviewOptions): Promise<InterviewResult> {
  const state = createState(asker, o);
  const s: Session = Object.assign(state, { agenda: createAgenda(state) });
  if (!o.newPlan) showResume(s);
  await walk(s);
  return finish(s);
}

/** A plan begun in an earlier session: how many answers it holds and where the interview goes on. */
function showResume(s: Session): void {
  const { o } = s;
  const handled = [...o.screener, ...o.questions].filter((q) => q.fills.every((f) => o.accepts(f.path)) && isHandled(s, q)).length;
  // A plan only `commready init` wrote is no session to come back to.
  if (!pastScreener(s)) return;
  // Where the walk will really go first: a screener question still wanted, else the first one planned.
  let next: string | undefined;
  if (s.agenda.screenerEntries.some((x) => x.kind === 'question' && wanted(s, x))) next = phaseTitle(s, 'screener');
  else {
    replaceTail(s, planTail(s));
    const first = s.agenda.entries.find(
      (x): x is Extract<Entry, { kind: 'question' }> => x.kind === 'question' && x.block !== 'screener' && wanted(s, x),
    );
    next = first ? phaseTitle(s, first.q.phaseId) : undefined;
  }
  s.asker.show({ kind: 'resume', answers: handled, ...(next ? { next } : {}) });
}

/** Goes through the agenda: plans, shows and offers what is not a question, asks what is wanted. */
async function walk(s: Session): Promise<void> {
  const a = s.agenda;
  while (a.cursor < a.entries.length) {
    if (s.o.signal?.aborted) throw interrupted(s.o.signal);
    const e = a.entries[a.cursor]!;
    if (e.kind !== 'question' && e.kind !== 'people') {
      await between(s, e);
      a.cursor++;
      continue;
    }
    const before = profileKey(s);
    const outcome = await ask(s, e);
    if (outcome === undefined) a.cursor++;
    else if (outcome === 'back') goBack(s);
    else if (typeof outcome === 'object') insertAt(s, a.cursor, outcome.jump);
    else done(s, e, before);
  }
}

/** An entry between questions: the plan made, a block's start, a checkpoint's summary, an offer. */
async function between(s: Session, e: Exclude<Entry, { kind: 'question' | 'people' }>): Promise<void> {
  const a = s.agenda;
  if (e.kind === 'plan') {
    // Planned here, after the screener and the roster: tiers follow the type, stage and facts given.
    replaceTail(s, planTail(s));
  } else if (e.kind === 'block-start') {
    // Counted as the block's questions are then numbered: the paths it will ask.
    const entries = entriesOf(s, e);
    const n = pathsToAsk(s, entries);
    if (n > 0 && !a.stopped) {
      const quick = e.block === 'quick';
      s.asker.show({
        kind: 'block-start',
        block: e.block,
        questions: n,
        minutes: minutesOf(questionsToAsk(s, entries)),
        ...(quick && a.quickLevel ? { level: a.quickLevel } : {}),
        ...(quick && a.quickLevel && a.quickPending > 0 ? { pending: a.quickPending } : {}),
        ...(quick && a.quickToward ? { toward: a.quickToward } : {}),
      });
    }
  } else if (e.kind === 'checkpoint') {
    if (!a.stopped && a.entries.slice(a.cursor + 1).some((x) => x.kind === 'offer' && !a.decided.has(x.block))) summary(s, false);
  } else if (!a.stopped) await offer(s, e);
}

/** Asks the roster or a question when it is wanted; undefined when it is passed over. */
async function ask(s: Session, e: Extract<Entry, { kind: 'question' | 'people' }>): Promise<Outcome | undefined> {
  const a = s.agenda;
  if (e.kind === 'people') {
    if (!e.detour && (s.narrowed || !peopleWanted(s))) return undefined;
    return askPeople(s, a.history.length > 0);
  }
  if (!wanted(s, e)) return undefined;
  const forced = a.forced.delete(e);
  const outcome = await askQuestion(s, e, a.history.length > 0, forced);
  if (outcome === 'done' && isHandled(s, e.q)) a.answeredNow.add(e.q);
  return outcome;
}

/** Back to the entry before, asked again whatever it holds. */
function goBack(s: Session): void {
  const a = s.agenda;
  const previous = a.history.pop()!;
  a.forced.add(previous);
  const at = a.entries.indexOf(previous);
  if (at >= 0) a.cursor = at;
  else insertAt(s, a.cursor, [previous]);
}

/** An entry done: remembered for going back; a change of facts plans the rest again. */
function done(s: Session, e: Entry, before: string): void {
  const a = s.agenda;
  a.history.push(e);
  // A change of type, formality, stage or facts puts other points in force: the rest is planned again.
  if (profileKey(s) !== before && a.cursor > markerIndex(s)) {
    const pending = a.entries.slice(a.cursor + 1).filter((x) => (x.kind === 'question' || x.kind === 'people') && x.detour);
    replaceTail(s, [...pending, ...planTail(s)]);
    a.cursor = markerIndex(s);
  }
  a.cursor++;
}

/** The end: the summary, the gap report if wanted, and what the session did. */
async function finish(s: Session): Promise<InterviewResult> {
  const { o, assessment } = s;
  // Stopped at the first offer, the checkpoint's summary just said it all.
  if (s.agenda.summarisedAt !== s.answered) summary(s, true);
  if (
    assessment &&
    o.writeGapReport &&
    (await s.asker.confirm(`Write the gap report next to the plan${o.gapReportName ? ` (${o.gapReportName})` : ''}?`, true))
  ) {
    const file = await o.writeGapReport();
    if (file) s.asker.show({ kind: 'report-written', file });
  }
  return { answered: s.answered, dontKnow: s.dontKnow, asked: s.asked, ...(s.assessment ? { assessment: s.assessment } : {}) };
}

/** Who is involved: the roster, one line per person; people new to it are added, roles given are set. */
async function askPeople(s: Session, canGoBack: boolean): Promise<Outcome> {
  const roles = rolesCounted(s);
  // People saved as each line is accepted: Ctrl-C part way loses none. The answer is counted once, when the list is done.
  let kept = false;
  const keep = (entries: readonly RosterEntry[]): void => {
    const now = rosterOf(data(s));
    const changes = rosterChanges(s, now, mergeRoster(now, entries));
    if (changes.length === 0) return;
    const answered = s.answered;
    if (commitChanges(s, changes).ok) kept = true;
    s.answered = answered;
  };
  for (;;) {
    s.asked++;
    const reply = await s.asker.roster({
      message: 'Who is involved? One line per person: their name, a colon, then their roles.',
      current: rosterOf(data(s)).map(rosterLine),
      roles,
      example: rosterExample(profileNow(s).words.host),
      actions: [...(canGoBack ? (['back'] as const) : []), 'skip', 'jump'],
      position: { block: 'people', question: 1, questions: 1 },
      keep,
    });
    if (reply.action === 'back') return canGoBack ? 'back' : 'done';
    if (reply.action === 'jump') {
      const target = await jumpTarget(s);
      if (target) return { jump: target };
      continue;
    }
    if (reply.action !== 'answer') return 'done';
    if (reply.value.length === 0) return 'done';
    const roster = rosterOf(data(s));
    const merged = mergeRoster(roster, reply.value);
    const byRole = answeredByRoles(s, merged);
    const changes = [...rosterChanges(s, roster, merged), ...byRole.flatMap((r) => r.changes)];
    if (changes.length === 0 && !kept) return 'done';
    const outcome = changes.length > 0 ? commitChanges(s, changes) : { ok: true };
    if (outcome.ok) {
      // Every line was saved as it was accepted: the answer still counts, once.
      if (changes.length === 0) s.answered++;
      s.asker.show({ kind: 'notice', code: 'roster-saved', count: rosterOf(data(s)).length });
      // What the roles just answered, as any answer's feedback says it.
      for (const r of byRole) feedback(s, r.q);
      return 'done';
    }
    s.asker.show({ kind: 'notice', code: 'required' });
  }
}

/**
 * The questions the roster answers: one person asked by role (the host, the sponsor), not answered yet,
 * when exactly one person on the roster holds that role. The name is written there, so that the point
 * counts them now and the question is not asked again.
 */
function answeredByRoles(s: Session, roster: readonly RosterPerson[]): { q: QuestionSpec; changes: Change[] }[] {
  const fold = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();
  const d = data(s);
  return s.o.questions.flatMap((q) => {
    if (!applies(s, q)) return [];
    const changes = q.fills.flatMap((f): Change[] => {
      const spec = f.value;
      if (spec.kind !== 'person' || spec.several || !spec.role || isAnswered(valueAtPath(d, f.path))) return [];
      const role = fold(spec.role);
      const holders = roster.filter((p) => (p.roles ?? []).some((r) => fold(r) === role));
      return holders.length === 1 ? [{ path: pathSegments(f.path), value: holders[0]!.name }] : [];
    });
    return changes.length > 0 ? [{ q, changes }] : [];
  });
}

/** The roles the checks count, of the points judged for this community (all of them before any assessment). */
function rolesCounted(s: Session): string[] {
  const judged = new Set(s.assessment?.items.filter((r) => r.status !== 'n/a' || r.basis === 'answer').map((r) => r.itemId));
  return rolesOf(s.m).filter((role) =>
    s.m.phases.some((p) =>
      p.items.some((i) => (judged.size === 0 || judged.has(i.id)) && i.evidence.some((r) => r.kind === 'people' && r.role === role)),
    ),
  );
}

/** The edits that turn the roster into `merged`: new people appended, new roles set; nothing else touched. */
function rosterChanges(s: Session, before: readonly RosterPerson[], merged: readonly RosterPerson[]): Change[] {
  const raw = valueAtPath(data(s), 'people');
  const people = Array.isArray(raw) ? raw : [];
  const changes: Change[] = [];
  merged.forEach((person, i) => {
    const old = before[i];
    if (!old) {
      changes.push({ path: ['people', people.length + (i - before.length)], value: person });
      return;
    }
    // The roster as read skips entries without a name: find this one's index in the plan.
    const at = people.indexOf(people.find((p: unknown) => (p as { name?: unknown })?.name === old.name));
    if (at >= 0 && JSON.stringify(old.roles ?? []) !== JSON.stringify(person.roles ?? []))
      changes.push({ path: ['people', at, 'roles'], value: person.roles });
  });
  return changes;
}

/** Where the plan stands: the level, the blockers, the next level, the to-do list. */
function summary(s: Session, final: boolean): void {
  const assessment = s.assessment;
  if (!assessment) return;
  s.agenda.summarisedAt = s.answered;
  s.asker.show({
    kind: 'summary',
    final,
    level: said(s, assessment.level.title),
    score: assessment.score,
    blockers: assessment.items
      .filter((i) => i.severity === 'blocker' && isOpen(i.status))
      .map((i) => ({ itemId: i.itemId, title: itemTitle(s, i.itemId) })),
    ...(assessment.nextLevel
      ? {
          nextLevel: {
            title: said(s, assessment.nextLevel.title),
            scoreAfter: assessment.nextLevel.scoreAfter,
            items: assessment.nextLevel.items.map((id) => ({ itemId: id, title: itemTitle(s, id) })),
          },
        }
      : {}),
    todo: assessment.items.flatMap((i) =>
      i.later
        ? [{ itemId: i.itemId, title: itemTitle(s, i.itemId), due: i.later.due, ...(i.later.owner ? { owner: i.later.owner } : {}) }]
        : [],
    ),
    dontKnow: toFindOut(s),
    answered: s.answered,
  });
}

/** The questions answered "Don't know yet", as the points they feed (a screener question, as asked). */
function toFindOut(s: Session): { title: string; itemIds: string[] }[] {
  return [...new Set(s.dontKnow)].flatMap((id) => {
    const q = [...s.o.screener, ...s.o.questions].find((x) => x.id === id);
    if (!q) return [];
    return [{ title: q.feeds.length > 0 ? itemTitle(s, q.feeds[0]!) : said(s, q.message), itemIds: [...q.feeds] }];
  });
}

type Offer = Extract<Entry, { kind: 'offer' }>;

/** A block after the quick path, offered: answered now, put off to an owner, skipped or the interview stopped. */
async function offer(s: Session, e: Offer): Promise<void> {
  const a = s.agenda;
  if (a.decided.has(e.block)) return;
  // Counted as the block's questions are then numbered: the paths it will ask.
  const entries = entriesOf(s, e);
  const n = pathsToAsk(s, entries);
  const left = questionsToAsk(s, entries);
  if (n === 0) return;
  if (a.skipped.has(e.block)) {
    a.decided.add(e.block);
    a.declined.add(e.block);
    s.asker.show({ kind: 'notice', code: 'skipped-remembered', count: n });
    return;
  }
  const minutes = minutesOf(left);
  for (;;) {
    const choice = await s.asker.choose(offerText(s, e, n, minutes), [
      { value: 'now', name: 'Answer them now' },
      ...(e.block === 'optional'
        ? [{ value: 'skip', name: 'Skip them (not offered again; --all asks them)' }]
        : [{ value: 'later', name: 'Later: name who answers them and by when' }]),
      { value: 'stop', name: 'Stop here for now (run the interview again to go on)' },
    ]);
    // The whole block to one owner and one date, asked once for the lot: the choice said so.
    if (
      choice === 'later' &&
      !(await later(
        s,
        left.flatMap((q) => q.feeds),
        n,
      ))
    )
      continue;
    a.decided.add(e.block);
    if (choice === 'now') {
      s.asker.show({ kind: 'block-start', block: e.block, questions: n, minutes });
      return;
    }
    a.declined.add(e.block);
    if (choice === 'stop') a.stopped = true;
    if (choice === 'skip') {
      s.o.rememberSkipped?.([...new Set([...(s.o.skippedBefore ?? []), e.block])]);
      s.asker.show({ kind: 'notice', code: 'deferred', count: n });
    }
    if (choice === 'later') s.asker.show({ kind: 'notice', code: 'deferred', count: n });
    return;
  }
}

/** What an offer says: which block, how many questions, about how long. */
function offerText(s: Session, e: Offer, n: number, minutes: number): string {
  const level = s.assessment?.nextLevel ? said(s, s.assessment.nextLevel.title) : undefined;
  return e.block === 'rest'
    ? `The rest of what decides the level${level ? ` (next: ${level})` : ''}: ${n} question${n === 1 ? '' : 's'}, about ${minutes} min.`
    : e.block === 'important'
      ? `Next, the important points: ${n} question${n === 1 ? '' : 's'}, about ${minutes} min.`
      : `Last, the optional points: ${n} question${n === 1 ? '' : 's'}, about ${minutes} min.`;
}

/** Seen by tests: the event kinds a session shows. */
export type { InterviewEvent };
