// Pure: asking one question, path by path: the request as the profile in force shows it, then what the
// reply does (an answer checked and saved, why it matters, an honest no, n/a, later, skip, back, a jump).
// Also putting points off to an owner and a date, which a block offered later does too.
import { findItem, type Item } from '../methodology/types.js';
import { firstSteps } from '../report/report-view.js';
import type { AskRequest, OtherAction, Reply } from './asker.js';
import { confirmNewPeople } from './confirm-new-people.js';
import { honestNo, type HonestNo } from './honest-no.js';
import { fillsToAsk, jumpTarget, positionOf, type Outcome, type QuestionEntry, type Session } from './interview-agenda.js';
import {
  answerOf,
  commitChanges,
  data,
  feedback,
  interrupted,
  isHandled,
  itemsOf,
  itemTitle,
  missing,
  NOT_IN_PLACE,
  phaseTitle,
  plain,
  plainFill,
  plainProblem,
  profileNow,
  rosterAdditions,
  said,
  sizeNow,
  statusOf,
  withdrawNo,
  type Change,
} from './interview-state.js';
import { inProfileWords, plainRuleMessage } from './plain-words.js';
import { questionInForce } from './profile-in-force.js';
import {
  checkEntered,
  conditionHolds,
  isAnswered,
  pathSegments,
  toEntered,
  valueAtPath,
  type FillSpec,
  type QuestionSpec,
  type ValueSpec,
} from './question-model.js';
import { holdersOf, rosterOf } from './roster-entry.js';
import { minimumInForce, thresholdInForce } from './thresholds-in-force.js';
import { setPlanValue } from '../plan/edit-plan.js';
import { checkDueDate, kindOf } from './value-kinds/index.js';
import { personNameProblem } from './value-kinds/entered-text.js';
import type { CommitOutcome } from './run-interview.js';
import { givesReason } from '../text/non-answer.js';

/** What a question's paths share while they are asked. */
interface Asking {
  e: QuestionEntry;
  q: QuestionSpec;
  items: Item[];
  /** Items the user may call n/a. */
  naItems: string[];
  /** What the user may do instead of answering, before an honest "No" is added where it fits. */
  actions: OtherAction[];
  canGoBack: boolean;
  /** Gone back to: every path asked again. */
  forced: boolean;
}

/** One path's request as asked, with what its replies need. */
interface Asked {
  request: AskRequest;
  shown: QuestionSpec;
  fill: FillSpec;
  no: HonestNo;
}

/** What a reply leads to: the same path asked again (with why), the next path, or the question's end. */
type Step = { kind: 'again'; problem?: string } | { kind: 'next' } | { kind: 'end'; outcome: Outcome };
const AGAIN: Step = { kind: 'again' };
const NEXT: Step = { kind: 'next' };
const again = (problem: string): Step => ({ kind: 'again', problem });
const end = (outcome: Outcome): Step => ({ kind: 'end', outcome });

/**
 * Asks a question's paths one after another, each until its reply is taken. A question left half done
 * in an earlier session goes on at the parts still open, unless it was gone back to or all is asked again.
 */
export async function askQuestion(s: Session, e: QuestionEntry, canGoBack: boolean, forced = false): Promise<Outcome> {
  const q = e.q;
  const naItems = q.feeds.filter((id) => findItem(s.m, id)?.na === true);
  const actions: OtherAction[] = [
    ...(q.feeds.length > 0 || q.help ? (['why'] as const) : []),
    ...(naItems.length > 0 ? (['na'] as const) : []),
    ...(q.required ? [] : (['dont-know'] as const)),
    ...(q.feeds.length > 0 ? (['later'] as const) : []),
    ...(q.required ? [] : (['skip'] as const)),
    ...(canGoBack ? (['back'] as const) : []),
    'jump',
  ];
  const asking: Asking = { e, q, items: itemsOf(s, q), naItems, actions, canGoBack, forced };
  for (const index of fillsToAsk(s, e, forced)) {
    const outcome = await askFill(s, asking, index);
    if (outcome !== undefined) return outcome;
  }
  return 'done';
}

/** One path, asked until a reply is taken; the question's outcome when the reply ends it. */
async function askFill(s: Session, asking: Asking, index: number): Promise<Outcome | undefined> {
  let problem: string | undefined;
  /** An answer refused (or one the plan could not take): offered again as typed, so nothing entered is lost. */
  let retry: { value: unknown } | undefined;
  for (;;) {
    if (s.o.signal?.aborted) throw interrupted(s.o.signal);
    const asked = requestFor(s, asking, index, problem, retry);
    s.asked++;
    const reply: Reply = await s.asker.ask(asked.request);
    retry = reply.action === 'answer' ? { value: reply.value } : undefined;
    const step = await replied(s, asking, asked, reply);
    if (step.kind === 'again') {
      problem = step.problem;
      continue;
    }
    return step.kind === 'end' ? step.outcome : undefined;
  }
}

/** The request for one path, as the profile stands now: an answer to the screener may just have changed it. */
function requestFor(s: Session, asking: Asking, index: number, problem: string | undefined, retry: { value: unknown } | undefined): Asked {
  const { q, items } = asking;
  const profile = profileNow(s);
  const shown = questionInForce(q, profile, s.choiceLists);
  const fill = plainFill(s, shown.fills[index]!);
  const current = retry ? retry.value : (toEntered(fill.value, valueAtPath(data(s), fill.path)) ?? inferredDefault(s, fill.path));
  const no = honestNo(fill, items);
  // Where "No" is one of the choices (a yes-or-no, `not-insured`), it is answered there.
  const offerNo = q.feeds.length > 0 && !q.required && no.kind === 'unmet';
  const base = asking.actions;
  const actions: OtherAction[] = offerNo
    ? base.flatMap((a): OtherAction[] => (a === 'na' || (a === 'dont-know' && !base.includes('na')) ? ['no', a] : [a]))
    : base;
  const threshold = thresholdInForce(fill.path, fill.value, items, profile.params, sizeNow(s));
  const minimum = fill.value.kind === 'records' ? minimumInForce(fill.path, items, profile.params, sizeNow(s)) : undefined;
  const request: AskRequest = {
    question: shown,
    fill,
    message: plain(s, inProfileWords(fill.message ?? shown.message, profile.words)),
    ...(current !== undefined ? { default: current } : {}),
    // Nothing is chosen for the user: a yes, a choice or a person is said, never assumed.
    ...(current === undefined && kindOf(fill.value).neverAssumed ? { noDefault: true } : {}),
    ...(threshold ? { threshold } : {}),
    ...(minimum ? { minimum } : {}),
    ...(q.feeds.length > 0 ? { point: { id: q.feeds[0]!, title: itemTitle(s, q.feeds[0]!) } } : {}),
    ...(s.o.showPaths ? { path: fill.path } : {}),
    people: rosterOf(data(s)).map((p) => p.name),
    ...(fill.value.kind === 'person' && fill.value.role ? { holders: holdersIn(s, fill.value.role, q.fills[index]!.value) } : {}),
    actions,
    position: positionOf(s, asking.e, index, asking.forced),
    phaseTitle: phaseTitle(s, q.phaseId),
    ...(problem ? { problem } : {}),
    ...(fill.value.kind === 'records' ? { keep: (entries: readonly Record<string, unknown>[]) => keepEntries(s, fill, entries) } : {}),
  };
  return { request, shown, fill, no };
}

/**
 * Those on the roster holding the role, as the profile says it ("organiser") or as the methodology does
 * ("host"): a roster written before either is offered the same.
 */
function holdersIn(s: Session, role: string, asked: ValueSpec): string[] {
  const own = asked.kind === 'person' ? asked.role : undefined;
  const holders = holdersOf(data(s), role);
  for (const name of own && own !== role ? holdersOf(data(s), own) : []) if (!holders.includes(name)) holders.push(name);
  return holders;
}

/**
 * A list's entries saved as they are entered, before the list is done (Ctrl-C part way loses none); the
 * answer is counted once, when the list is done. Entries the plan cannot hold yet are not saved. Names
 * new to the roster join it only when the list is done and they are confirmed.
 */
function keepEntries(s: Session, fill: FillSpec, entries: readonly Record<string, unknown>[]): void {
  const checked = checkEntered(fill.value, entries);
  if (!checked.ok) return;
  const answered = s.answered;
  commitChanges(s, [{ path: pathSegments(fill.path), value: checked.value }]);
  s.answered = answered;
}

/** What the reply does; an action the question does not offer is refused with a notice. */
async function replied(s: Session, asking: Asking, asked: Asked, reply: Reply): Promise<Step> {
  const { q } = asking;
  if (reply.action !== 'answer' && reply.action !== 'back' && !asked.request.actions.includes(reply.action)) {
    s.asker.show({ kind: 'notice', code: reply.action === 'na' ? 'na-not-allowed' : 'required' });
    return AGAIN;
  }
  switch (reply.action) {
    case 'answer':
      return answered(s, asking, asked.fill, reply.value, reply.joining);
    case 'why':
      showWhy(s, asking.items, asked.shown);
      return AGAIN;
    case 'no':
      return saidNo(s, q, asked);
    case 'na':
      return notApplicable(s, asking);
    case 'dont-know':
      s.dontKnow.push(q.id);
      return end('done');
    case 'skip':
      return end('done');
    case 'later':
      return (await later(s, q.feeds)) ? end('done') : AGAIN;
    case 'back':
      if (asking.canGoBack) return end('back');
      s.asker.show({ kind: 'notice', code: 'first-question' });
      return AGAIN;
    case 'jump': {
      const target = await jumpTarget(s);
      return target ? end({ jump: target }) : AGAIN;
    }
  }
}

/**
 * An answer: checked, saved with what goes with it (people new to the roster, once confirmed); refused
 * with the reason the plan gives.
 */
async function answered(s: Session, asking: Asking, fill: FillSpec, value: unknown, joining?: readonly string[]): Promise<Step> {
  const checked = checkEntered(fill.value, value);
  if (!checked.ok) return again(checked.problem);
  const people = await confirmNewPeople(s, fill.path, fill.value, checked.value, joining);
  const segments = pathSegments(fill.path);
  const changes: Change[] = [{ path: segments, value: people.value }, ...withdrawNo(s, asking.q)];
  if (s.o.today && segments[0] === 'assessment' && segments.length === 3 && segments[2] === 'status') {
    changes.push({ path: ['assessment', segments[1]!, 'reviewed'], value: s.o.today });
  }
  for (const c of people.additions) changes.push(c);
  let outcome = commitChanges(s, changes);
  if (!outcome.ok && asking.e.block === 'screener') outcome = await withWhatItNeeds(s, asking.e, changes, outcome);
  if (!outcome.ok) return again(plainProblem(s, outcome.problem));
  feedback(s, asking.q);
  return NEXT;
}

/** Why the question matters: each point it feeds, why, and its first steps in plain words. */
function showWhy(s: Session, items: readonly Item[], shown: QuestionSpec): void {
  s.asker.show({
    kind: 'why',
    items: items.map((item) => ({
      itemId: item.id,
      title: itemTitle(s, item.id),
      why: s.o.showPaths ? said(s, item.why) : plainRuleMessage(said(s, item.why), s.words),
      // The guide speaks the file's language: by default its first steps in plain words, and where the rest is.
      guidance: s.o.showPaths
        ? said(s, item.guidance)
        : [
            ...firstSteps(item).map((step) => plainRuleMessage(said(s, step), s.words)),
            `The whole guide: commready explain ${item.id}`,
          ].join(' '),
    })),
    ...(shown.help ? { help: plain(s, said(s, shown.help)) } : {}),
  });
}

/** An honest "No": the value that says so where there is one, else the points unmet with what is missing. */
function saidNo(s: Session, q: QuestionSpec, asked: Asked): Step {
  const { no, fill } = asked;
  const changes: Change[] =
    no.kind === 'value'
      ? [{ path: pathSegments(fill.path), value: no.value }]
      : q.feeds
          .filter((id) => !isAnswered(answerOf(s, id)?.status))
          .map((id) => ({
            path: ['assessment', id],
            value: {
              ...(answerOf(s, id) ?? {}),
              status: statusOf(s, id) === 'partial' ? 'partial' : 'unmet',
              note: `${NOT_IN_PLACE} ${missing(s, id).join(' ')}`.trim(),
              ...reviewedToday(s),
            },
          }));
  if (changes.length > 0) {
    const outcome = commitChanges(s, changes);
    if (!outcome.ok) return again(plainProblem(s, outcome.problem));
    feedback(s, q);
  }
  return no.kind === 'unmet' ? end('done') : NEXT;
}

/** An answer the assessment reads carries the day it was given: one without a review date counts as stale. */
function reviewedToday(s: Session): { reviewed?: string } {
  return s.o.today ? { reviewed: s.o.today } : {};
}

/** The points do not apply to this community: saved with the reason, which must be given. */
async function notApplicable(s: Session, asking: Asking): Promise<Step> {
  const note = (await s.asker.text('Why does it not apply to this community?')).trim();
  // The reason the assessment accepts (givesReason): a note it would set aside is refused here.
  if (!givesReason(note)) {
    s.asker.show({ kind: 'notice', code: 'na-needs-reason' });
    return AGAIN;
  }
  const outcome = commitChanges(
    s,
    asking.naItems.map((id) => ({ path: ['assessment', id], value: { status: 'n/a', note, ...reviewedToday(s) } })),
  );
  if (!outcome.ok) return again(plainProblem(s, outcome.problem));
  feedback(s, asking.q);
  return end('done');
}

/**
 * An answer the plan cannot hold alone (a running community needs the day it opened): the screener's
 * questions it switches on are asked now, and everything is saved together, before anything is checked.
 */
async function withWhatItNeeds(s: Session, e: QuestionEntry, changes: readonly Change[], failed: CommitOutcome): Promise<CommitOutcome> {
  const pending = s.doc.clone();
  for (const c of changes) if (c.value !== undefined) setPlanValue(pending, c.path, c.value);
  const after = pending.toJS() ?? {};
  const entries = s.agenda.screenerEntries;
  const followers = entries
    .slice(entries.indexOf(e) + 1)
    .filter((f): f is QuestionEntry => f.kind === 'question')
    .filter((f) => conditionHolds(f.q.when, after) && !conditionHolds(f.q.when, data(s)) && !isHandled(s, f.q));
  const more: Change[] = [];
  let outcome = failed;
  // One at a time, only until the plan holds: a question the answer merely switches on is asked in its turn.
  for (const f of followers) {
    for (const fill of f.q.fills) {
      const value = await askFollower(s, f, fill);
      if (value === undefined) return failed;
      more.push({ path: pathSegments(fill.path), value: value.value });
      s.agenda.answeredNow.add(f.q);
    }
    outcome = commitChanges(s, [...changes, ...more]);
    if (outcome.ok) return outcome;
  }
  return outcome;
}

/** A path the answer needs, asked until it is given; undefined when the user does something else. */
async function askFollower(s: Session, f: QuestionEntry, fill: FillSpec): Promise<{ value: unknown } | undefined> {
  let problem: string | undefined;
  for (;;) {
    s.asked++;
    const reply = await s.asker.ask({
      question: f.q,
      fill,
      message: fill.message ?? f.q.message,
      people: [],
      actions: [],
      position: positionOf(s, f, f.q.fills.indexOf(fill), false),
      phaseTitle: phaseTitle(s, 'screener'),
      ...(problem ? { problem } : {}),
    });
    if (reply.action !== 'answer') return undefined;
    const checked = checkEntered(fill.value, reply.value);
    if (checked.ok) return { value: checked.value };
    problem = checked.problem;
  }
}

/** Stands for "someone new" among the names (no name holds this character). */
const NEW = '\u0000new';

/** Who answers the points put off: "it" for one question, "these 29 questions" for a block of them. */
async function askOwner(s: Session, questions: number): Promise<string | undefined> {
  const people = rosterOf(data(s)).map((p) => p.name);
  const who = `Who will answer ${questions > 1 ? `these ${questions} questions` : 'it'}?`;
  let owner: string;
  if (people.length > 0) {
    const picked = await s.asker.choose(who, [
      ...people.map((p) => ({ value: p, name: p })),
      { value: NEW, name: 'Someone new (joins the roster)' },
    ]);
    owner = picked === NEW ? (await s.asker.text('Their name', { check: personNameProblem })).trim() : picked;
  } else owner = (await s.asker.text(`${who} (a name)`, { check: personNameProblem })).trim();
  return owner.length > 0 ? owner : undefined;
}

/**
 * Puts the items off to an owner and a date, without a status: the facts keep judging them. A block put
 * off (`questions` of them) gets one owner and one date for the lot, asked once.
 */
export async function later(s: Session, itemIds: readonly string[], questions = 1): Promise<boolean> {
  const owner = await askOwner(s, questions);
  if (!owner) {
    s.asker.show({ kind: 'notice', code: 'later-needs-owner' });
    return false;
  }
  // A date gone by is refused (the terminal says why as it is typed): the point would be overdue at once.
  let due = await s.asker.date('By when? (a date: YYYY-MM-DD)', s.o.today ? { notBefore: s.o.today } : undefined);
  while (!checkDueDate(due, s.o.today).ok) due = await s.asker.date('By when? (a date: YYYY-MM-DD)', { notBefore: s.o.today! });
  const open = [...new Set(itemIds)].filter((id) => !isAnswered(answerOf(s, id)?.status) && statusOf(s, id) !== 'n/a');
  const changes: Change[] = open.flatMap((id): Change[] => [
    { path: ['assessment', id, 'owner'], value: owner },
    { path: ['assessment', id, 'due'], value: due },
  ]);
  if (changes.length === 0) return true;
  const outcome = commitChanges(s, [...changes, ...rosterAdditions(s, [{ name: owner, role: undefined }])]);
  if (!outcome.ok) s.asker.show({ kind: 'notice', code: 'later-needs-owner' });
  return outcome.ok;
}

/**
 * A value in force before anything is written: a type's own formality (grassroots: volunteer). A type
 * without one (open source) is offered none: the formality judged when unstated is no answer to suggest.
 */
function inferredDefault(s: Session, path: string): unknown {
  if (path !== 'community.formality') return undefined;
  const type = valueAtPath(data(s), 'community.type');
  return s.m.profiles.find((p) => p.id === type)?.formality;
}
