// Rule kind `date`: dates judged against the assessment date. A calendar must reach far enough ahead
// (the horizon computed from its entries, never taken from a claim) with enough entries still to come,
// a next date must not be overdue nor years away, a date of something done must be past and recent
// enough, a review must come shortly before what it decides (a retrospective shortly after), and an
// entry whose date has passed must say what happened (a goal's outcome).
import { daysBetween, isIsoDate } from '../../text/dates.js';
import { isNonAnswer } from '../../text/non-answer.js';
import { getPath } from '../plan-facts.js';
import type { NumberOrParam } from '../types.js';
import {
  numberOf,
  pathProblem,
  type RuleContext,
  type RuleKindModule,
  type RuleNote,
  type RuleProblem,
  type RuleValidateContext,
  ruleBase,
  FAILED,
  NOT_JUDGED,
  PASSED,
  type RuleBase,
} from './rule-kind.js';

/**
 * Dates judged against the assessment date: one date, a list of dates, or a list of records whose
 * `field` holds one. `aheadDays`: the latest reaches at least that many days after today (0: not past).
 * `pastNeeds`: an entry dated before today has that field filled (a goal's outcome).
 */
export interface DateRule extends RuleBase {
  kind: 'date';
  field?: string;
  /**
   * The entries of the list judged, by the values of their keys (`{ audience: founders }`): only their
   * dates are judged; none of them dated is nothing met.
   */
  where?: Readonly<Record<string, string>>;
  /**
   * The date may be left out: where the plan gives none (blank, a non-answer, an empty value), there is
   * nothing to judge, and the rule counts neither way (NOT_JUDGED). With a `field`, so may each entry's
   * date: only the dated entries are judged, and none dated is nothing to judge.
   */
  optional?: true;
  aheadDays?: NumberOrParam;
  /** The stages (community.stage) at which `aheadDays` is judged: a launch date is ahead only while planning. */
  aheadStages?: readonly string[];
  pastNeeds?: string;
  /** Every date is today or before: the date something was done (a training, a briefing), never one to come. */
  done?: true;
  /** With `done`: every date is at most this many days before today, as a training of 2009 trains nobody today. */
  doneWithinDays?: NumberOrParam;
  /** The latest date is at most this many days after today: a next survey in 2099 keeps no cadence. */
  aheadAtMost?: NumberOrParam;
  /**
   * The earliest date is at most this many days before today, while later ones may lie ahead: a
   * baseline dated 1900 was taken by no one, while one to be taken at launch is still to come.
   */
  pastAtMost?: NumberOrParam;
  /**
   * The next date (the earliest today or later) is at most this many days after today: a roadmap whose
   * next milestone is two years away has nothing for the coming months.
   */
  nextWithinDays?: NumberOrParam;
  /**
   * At least this many dates are today or later: a programme planned ahead has several entries to come,
   * not past ones and a single far-off date.
   */
  upcomingAtLeast?: NumberOrParam;
  /**
   * Each date here comes at least a day before a date at another path (a go/no-go review before the
   * public wave): `path` (dotted) and, for a list of records, the `field` that holds the date; `where`
   * picks the entries meant (`{ audience: public }`: the first of them to open), else the latest entry.
   */
  before?: DateBound;
  /**
   * `before.within_days`: each date comes at most this many days before that date, as a go/no-go review
   * decides on the facts of the days before the wave, not of years before. Held beside `before` because
   * a threshold that may name a parameter is a field of the rule (RuleParam).
   */
  beforeWithinDays?: NumberOrParam;
  /**
   * `before.at_least_days`: each date comes at least this many days before that date (a founders' wave
   * with weeks to fill the space before the public arrives, not a day). One day when not given.
   */
  beforeAtLeastDays?: NumberOrParam;
  /**
   * Each date here comes at least a day after a date at another path (a retrospective after the launch):
   * the first entry `where` picks, else the earliest entry.
   */
  after?: DateBound;
  /** `after.within_days`: each date comes at most this many days after that date (a launch retrospective, not a yearly review). */
  afterWithinDays?: NumberOrParam;
  /** `after.at_least_days`: each date comes at least this many days after that date; one day when not given. */
  afterAtLeastDays?: NumberOrParam;
}

/** The date at another plan path that a rule's dates are ordered against: `path` (dotted), the entries' date `field`, `where`. */
export interface DateBound {
  path: string;
  segments: readonly string[];
  field?: string;
  where?: Readonly<Record<string, string>>;
}

/** Which way the dates are ordered against a bound: before it (a review), or after it (a retrospective). */
type Side = 'before' | 'after';

export const dateRule: RuleKindModule<DateRule> = {
  kind: 'date',
  build: (raw) => ({
    kind: 'date',
    ...ruleBase(raw),
    ...(typeof raw.field === 'string' ? { field: raw.field } : {}),
    ...(isRecord(raw.where) ? { where: whereOf(raw.where) } : {}),
    ...(raw.optional === true ? { optional: true as const } : {}),
    ...(raw.ahead_days !== undefined ? { aheadDays: raw.ahead_days as NumberOrParam } : {}),
    ...(Array.isArray(raw.ahead_stages) ? { aheadStages: raw.ahead_stages.map(String) } : {}),
    ...(typeof raw.past_needs === 'string' ? { pastNeeds: raw.past_needs } : {}),
    ...(raw.done === true ? { done: true as const } : {}),
    ...(raw.done_within_days !== undefined ? { doneWithinDays: raw.done_within_days as NumberOrParam } : {}),
    ...(raw.ahead_at_most !== undefined ? { aheadAtMost: raw.ahead_at_most as NumberOrParam } : {}),
    ...(raw.past_at_most !== undefined ? { pastAtMost: raw.past_at_most as NumberOrParam } : {}),
    ...(raw.next_within_days !== undefined ? { nextWithinDays: raw.next_within_days as NumberOrParam } : {}),
    ...(raw.upcoming_at_least !== undefined ? { upcomingAtLeast: raw.upcoming_at_least as NumberOrParam } : {}),
    ...(isRecord(raw.before) ? { before: boundOf(raw.before) } : {}),
    ...(isRecord(raw.before) && raw.before.within_days !== undefined ? { beforeWithinDays: raw.before.within_days as NumberOrParam } : {}),
    ...(isRecord(raw.after) ? { after: boundOf(raw.after) } : {}),
    ...(isRecord(raw.after) && raw.after.within_days !== undefined ? { afterWithinDays: raw.after.within_days as NumberOrParam } : {}),
    ...(isRecord(raw.before) && raw.before.at_least_days !== undefined
      ? { beforeAtLeastDays: raw.before.at_least_days as NumberOrParam }
      : {}),
    ...(isRecord(raw.after) && raw.after.at_least_days !== undefined ? { afterAtLeastDays: raw.after.at_least_days as NumberOrParam } : {}),
  }),
  params: [
    { key: 'ahead_days', field: 'aheadDays', stricter: 'higher' },
    { key: 'ahead_at_most', field: 'aheadAtMost', stricter: 'lower' },
    { key: 'past_at_most', field: 'pastAtMost', stricter: 'lower' },
    { key: 'next_within_days', field: 'nextWithinDays', stricter: 'lower' },
    { key: 'upcoming_at_least', field: 'upcomingAtLeast', stricter: 'higher' },
    { key: 'done_within_days', field: 'doneWithinDays', stricter: 'lower' },
    { key: 'before.within_days', field: 'beforeWithinDays', stricter: 'lower' },
    { key: 'after.within_days', field: 'afterWithinDays', stricter: 'lower' },
    { key: 'before.at_least_days', field: 'beforeAtLeastDays', stricter: 'higher' },
    { key: 'after.at_least_days', field: 'afterAtLeastDays', stricter: 'higher' },
  ],
  validate(rule, context) {
    const problems = pathProblem(rule, context);
    if (rule.aheadDays === undefined && !judgesBesidesAhead(rule))
      problems.push({
        path: ['kind'],
        message:
          "a date rule needs 'ahead_days', 'ahead_at_most', 'past_at_most', 'next_within_days', 'upcoming_at_least', 'done', 'past_needs', 'before' or 'after': otherwise it judges nothing",
      });
    if (rule.where !== undefined && rule.field === undefined)
      problems.push({ path: ['where'], message: "'where' picks entries of a list of records: give their date 'field' too" });
    if (rule.doneWithinDays !== undefined && !rule.done)
      problems.push({
        path: ['done_within_days'],
        message: "'done_within_days' says how long ago something done may have been done: give 'done: true' too",
      });
    // A bound under a day leaves nothing done before today.
    if (rule.doneWithinDays !== undefined && numberOf(rule.doneWithinDays, context.params) < 1)
      problems.push({ path: ['done_within_days'], message: "'done_within_days' must be at least 1" });
    for (const [side, bound, within, atLeast] of [
      ['before', rule.before, rule.beforeWithinDays, rule.beforeAtLeastDays],
      ['after', rule.after, rule.afterWithinDays, rule.afterAtLeastDays],
    ] as const)
      if (bound !== undefined) for (const problem of boundProblems(side, bound, within, atLeast, context)) problems.push(problem);
    if (rule.aheadStages !== undefined && rule.aheadDays === undefined)
      problems.push({ path: ['ahead_stages'], message: "'ahead_stages' says when 'ahead_days' is judged: give 'ahead_days' too" });
    if (rule.pastNeeds !== undefined && rule.field === undefined)
      problems.push({
        path: ['past_needs'],
        message: "'past_needs' names a field of a list's entries: give the entries' date 'field' too",
      });
    return problems;
  },
  check(rule, context) {
    const stage = getPath(context.data, ['community', 'stage']);
    // Judged at the stages named, and where the stage is not stated (an unknown fact fails closed).
    const judgeAhead =
      rule.aheadDays !== undefined && (rule.aheadStages === undefined || typeof stage !== 'string' || rule.aheadStages.includes(stage));
    // Nothing to judge at this stage (a launch date once the doors are open).
    if (!judgeAhead && !judgesBesidesAhead(rule)) return PASSED;
    // A date the plan need not give, and does not: nothing to judge (a non-answer is reported as such).
    if (rule.optional && leftOut(context.fact(rule.segments))) return NOT_JUDGED;
    const value = getPath(context.data, rule.segments);
    const all = datesAt(value, rule.segments, rule.field);
    const dates = rule.where && Array.isArray(value) ? all.filter((d) => picks(rule.where!, value[d.index!])) : all;
    // A list whose entries may go undated and none is: nothing to judge, as for a date left out.
    if (dates.length === 0 && rule.optional && rule.field !== undefined) return NOT_JUDGED;
    // No date, nothing met: every rule fails on an empty value (one that only orders dates too).
    if (dates.length === 0)
      return rule.where && Array.isArray(value) && value.length > 0
        ? { pass: false, detail: `no entry of ${rule.path} with ${whereWords(rule.where)} is dated (${rule.field})`, notes: [] }
        : FAILED;
    const notes: RuleNote[] = [];
    const problems: string[] = [];
    if (judgeAhead && rule.aheadDays !== undefined)
      aheadProblems(numberOf(rule.aheadDays, context.params), dates, context, problems, notes);
    if (rule.done) doneProblems(rule, dates, context, problems);
    if (rule.aheadAtMost !== undefined) {
      const most = numberOf(rule.aheadAtMost, context.params);
      const latest = latestOf(dates);
      const ahead = daysBetween(context.today, latest.date);
      if (ahead > most) problems.push(`${latest.date} is ${dayCount(ahead)} ahead, more than ${most}`);
    }
    if (rule.pastAtMost !== undefined) {
      const most = numberOf(rule.pastAtMost, context.params);
      const earliest = earliestOf(dates);
      const ago = daysBetween(earliest.date, context.today);
      if (ago > most) problems.push(`${earliest.date} is ${dayCount(ago)} ago, more than ${most}`);
    }
    if (rule.nextWithinDays !== undefined) {
      const most = numberOf(rule.nextWithinDays, context.params);
      const ahead = dates.filter((d) => d.date >= context.today);
      // None ahead at all is for `ahead_days` or `upcoming_at_least` to say.
      if (ahead.length > 0) {
        const next = earliestOf(ahead);
        const days = daysBetween(context.today, next.date);
        // A next date already beyond `ahead_at_most` has been said to be too far.
        const said = rule.aheadAtMost !== undefined && days > numberOf(rule.aheadAtMost, context.params);
        if (days > most && !said) problems.push(`the next date, ${next.date}, is ${dayCount(days)} ahead, more than ${most}`);
      }
    }
    if (rule.upcomingAtLeast !== undefined) {
      const needed = numberOf(rule.upcomingAtLeast, context.params);
      const upcoming = dates.filter((d) => d.date >= context.today).length;
      if (upcoming < needed)
        problems.push(
          upcoming === 0 && needed === 1
            ? 'no entry is dated today or later'
            : `${upcoming === 0 ? 'no' : upcoming} ${upcoming === 1 ? 'entry is' : 'entries are'} dated today or later, not ${needed}`,
        );
    }
    if (rule.pastNeeds !== undefined) pastProblems(rule.pastNeeds, value, dates, context, problems, notes);
    if (rule.before !== undefined)
      for (const problem of orderProblems('before', rule.before, rule.beforeWithinDays, rule.beforeAtLeastDays, dates, context))
        problems.push(problem);
    if (rule.after !== undefined)
      for (const problem of orderProblems('after', rule.after, rule.afterWithinDays, rule.afterAtLeastDays, dates, context))
        problems.push(problem);
    return problems.length === 0
      ? notes.length === 0
        ? PASSED
        : { pass: true, notes }
      : { pass: false, detail: problems.join('; '), notes };
  },
  describe(rule, show) {
    const where = datesWords(rule);
    const parts: string[] = [];
    const whileStages = rule.aheadStages ? ` while the community is ${rule.aheadStages.join(' or ')}` : '';
    if (rule.aheadDays !== undefined)
      parts.push(
        rule.aheadDays === 0
          ? `${where} is not past${whileStages}: its ${rule.field ? 'latest date is' : 'date is'} today or later`
          : `${where} reaches at least ${show(rule.aheadDays)} days after today${whileStages}`,
      );
    if (rule.upcomingAtLeast !== undefined) parts.push(upcomingWords(rule, rule.upcomingAtLeast, show));
    if (rule.done)
      parts.push(
        `every date of ${where} is today or before${rule.doneWithinDays !== undefined ? ` and at most ${show(rule.doneWithinDays)} days before today` : ''}`,
      );
    if (rule.aheadAtMost !== undefined) parts.push(`${where} is at most ${show(rule.aheadAtMost)} days after today`);
    if (rule.pastAtMost !== undefined) parts.push(`${where} is at most ${show(rule.pastAtMost)} days before today`);
    if (rule.nextWithinDays !== undefined)
      parts.push(`the next of ${where} still to come is at most ${show(rule.nextWithinDays)} days after today`);
    if (rule.pastNeeds !== undefined)
      parts.push(`every entry of ${rule.path} dated before today has ${rule.pastNeeds}, which says what came of it`);
    for (const [side, bound, within, atLeast] of [
      ['before', rule.before, rule.beforeWithinDays, rule.beforeAtLeastDays],
      ['after', rule.after, rule.afterWithinDays, rule.afterAtLeastDays],
    ] as const)
      if (bound !== undefined)
        parts.push(
          `${where} comes at least ${atLeast !== undefined ? `${show(atLeast)} days` : 'a day'}${within !== undefined ? ` and at most ${show(within)} days` : ''} ${side} ${boundWords(side, bound)}`,
        );
    const words = parts.join(', and ');
    return rule.optional ? `where the plan gives ${rule.path}, ${words}` : words;
  },
  schemas: () => [],
};

/** Whether the rule judges anything besides `ahead_days`: what it has left to judge where that is not judged. */
function judgesBesidesAhead(rule: DateRule): boolean {
  return (
    rule.pastNeeds !== undefined ||
    rule.before !== undefined ||
    rule.after !== undefined ||
    rule.done === true ||
    rule.aheadAtMost !== undefined ||
    rule.pastAtMost !== undefined ||
    rule.nextWithinDays !== undefined ||
    rule.upcomingAtLeast !== undefined
  );
}

/** The dates the rule judges, in words: `launch.waves (the date of each entry with audience founders)`. */
function datesWords(rule: DateRule): string {
  if (!rule.field) return rule.path;
  return rule.where
    ? `${rule.path} (the ${rule.field} of each entry with ${whereWords(rule.where)})`
    : `${rule.path} (each entry's ${rule.field})`;
}

/** `upcoming_at_least` in words: `at least one entry of purpose.goals has its due today or later`. */
function upcomingWords(rule: DateRule, needed: NumberOrParam, show: (value: NumberOrParam) => string): string {
  const one = needed === 1;
  const count = one ? 'one' : show(needed);
  const list = rule.where ? `${rule.path} with ${whereWords(rule.where)}` : rule.path;
  if (!rule.field) return `at least ${count} ${one ? 'date' : 'dates'} of ${list} ${one ? 'is' : 'are'} today or later`;
  return one
    ? `at least one entry of ${list} has its ${rule.field} today or later`
    : `at least ${count} entries of ${list} have their ${rule.field} today or later`;
}

/** `ahead_days`: the latest date reaches that many days after today; a latest date past is a note at it. */
function aheadProblems(needed: number, dates: readonly DatedEntry[], context: RuleContext, problems: string[], notes: RuleNote[]): void {
  const latest = latestOf(dates);
  const ahead = daysBetween(context.today, latest.date);
  if (ahead >= needed) return;
  const which = dates.length === 1 ? latest.date : `the latest, ${latest.date},`;
  problems.push(ahead < 0 ? `${which} is ${dayCount(-ahead)} past` : `${which} is ${dayCount(ahead)} ahead, not ${needed}`);
  if (ahead < 0) notes.push({ code: 'date-past', path: latest.path, data: { asOf: latest.date, days: -ahead } });
}

/** `done` and `done_within_days`: every date is today or before, and not longer ago than the bound. */
function doneProblems(rule: DateRule, dates: readonly DatedEntry[], context: RuleContext, problems: string[]): void {
  const ahead = dates.filter((d) => d.date > context.today);
  if (ahead.length > 0) problems.push(`${listed(ahead)} ${isOrAre(ahead)} after today: not done yet`);
  if (rule.doneWithinDays === undefined) return;
  const most = numberOf(rule.doneWithinDays, context.params);
  const old = dates.filter((d) => daysBetween(d.date, context.today) > most);
  if (old.length === 0) return;
  problems.push(
    isOrAre(old) === 'is'
      ? `${old[0]!.date} is ${dayCount(daysBetween(old[0]!.date, context.today))} ago, more than ${most}`
      : `${listed(old)} are more than ${most} days ago`,
  );
}

/** `past_needs`: every entry dated before today says what came of it; each one that does not is a note at its date. */
function pastProblems(
  needs: string,
  value: unknown,
  dates: readonly DatedEntry[],
  context: RuleContext,
  problems: string[],
  notes: RuleNote[],
): void {
  const without: DatedEntry[] = [];
  for (const d of dates) {
    const days = daysBetween(d.date, context.today);
    if (days <= 0 || d.index === undefined || !Array.isArray(value)) continue;
    const told = (value[d.index] as Record<string, unknown>)[needs];
    if (typeof told === 'string' ? saysWhatHappened(told) : told !== undefined && told !== null) continue;
    without.push(d);
    notes.push({ code: 'date-past', path: d.path, data: { asOf: d.date, days } });
  }
  if (without.length > 0)
    problems.push(`${without.length} past ${without.length === 1 ? 'its date' : 'their dates'} without ${needs} (${listed(without)})`);
}

/** The entry with the latest date (the first of equals); `dates` is not empty. */
function latestOf(dates: readonly DatedEntry[]): DatedEntry {
  let latest = dates[0]!;
  for (const d of dates) if (d.date > latest.date) latest = d;
  return latest;
}

/** The entry with the earliest date (the first of equals); `dates` is not empty. */
function earliestOf(dates: readonly DatedEntry[]): DatedEntry {
  let earliest = dates[0]!;
  for (const d of dates) if (d.date < earliest.date) earliest = d;
  return earliest;
}

/** A fact as rules read it (blanks and non-answers taken out) that gives nothing: missing, or an empty list or record. */
function leftOut(fact: unknown): boolean {
  if (fact === undefined) return true;
  return Array.isArray(fact) ? fact.length === 0 : isRecord(fact) && Object.keys(fact).length === 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A `where` entry as the rule keeps it: each value as text, as a plan's entry is compared. */
function whereOf(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
}

/** A `before` or `after` entry read: the other date's path, its entries' date field, and the entries meant. */
function boundOf(raw: Record<string, unknown>): DateBound {
  const path = String(raw.path);
  return {
    path,
    segments: path.split('.'),
    ...(typeof raw.field === 'string' ? { field: raw.field } : {}),
    ...(isRecord(raw.where) ? { where: whereOf(raw.where) } : {}),
  };
}

/** What a methodology author must fix in a `before` or `after` entry. */
function boundProblems(
  side: Side,
  bound: DateBound,
  within: NumberOrParam | undefined,
  atLeast: NumberOrParam | undefined,
  context: RuleValidateContext,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const least = atLeast !== undefined ? numberOf(atLeast, context.params) : 1;
  if (least < 1)
    problems.push({
      path: [side, 'at_least_days'],
      message: `'at_least_days' must be at least 1: a date on the same day is not ${side} the other one`,
    });
  // A window that ends before it starts leaves no date that meets it.
  else if (atLeast !== undefined && within !== undefined && numberOf(within, context.params) < least)
    problems.push({ path: [side, 'within_days'], message: `'within_days' must be at least 'at_least_days' (${least})` });
  // Below a day no date can be both a day before (after) the other one and within the window.
  if (within !== undefined && numberOf(within, context.params) < 1)
    problems.push({
      path: [side, 'within_days'],
      message: `'within_days' must be at least 1: a date comes at least a day ${side} the ${side === 'before' ? 'later' : 'earlier'} one`,
    });
  if (bound.where !== undefined && bound.field === undefined)
    problems.push({ path: [side, 'where'], message: "'where' picks entries of a list of records: give their date 'field' too" });
  if (!context.planHasPath(bound.segments))
    problems.push({
      path: [side, 'path'],
      message: `'${side}' path '${bound.path}' is not a field of the plan schema (use 'custom.…' for facts of your own)`,
    });
  return problems;
}

/** Whether a list's entry is one `where` picks: a record whose keys hold those values. */
function picks(where: Readonly<Record<string, string>>, entry: unknown): boolean {
  return isRecord(entry) && Object.entries(where).every(([k, v]) => String(entry[k]) === v);
}

/** The entries a `where` picks, in words: `audience public` (`the first entry of launch.waves with audience public`). */
function whereWords(where: Readonly<Record<string, string>>): string {
  return Object.entries(where)
    .map(([k, v]) => `${k} ${v}`)
    .join(' and ');
}

function boundWords(side: Side, bound: DateBound): string {
  const fallback = side === 'before' ? 'latest' : 'earliest';
  const date = bound.field ? ` (its ${bound.field})` : '';
  if (bound.where) return `the first entry of ${bound.path} with ${whereWords(bound.where)}${date}, else its ${fallback}`;
  return bound.field
    ? `the ${fallback} date of ${bound.path} (each entry's ${bound.field})`
    : `${bound.path} (the ${fallback} date, where it holds several)`;
}

/**
 * The date the rule's dates are ordered against: the first of the entries `where` picks, else (none of
 * them in the plan) the latest entry for `before`, the earliest for `after`. Without a date where one is
 * meant (an entry `where` picks, or every entry, undated), `date` is undefined: an order that cannot be
 * checked is not met. Undefined when the path holds nothing (the item that asks for those entries judges that).
 */
function boundDateOf(side: Side, bound: DateBound, data: unknown): { date?: string; what: string } | undefined {
  const value = getPath(data, bound.segments);
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return undefined;
  const all = datesAt(value, bound.segments, bound.field);
  if (bound.where && Array.isArray(value)) {
    const where = bound.where;
    const count = value.filter((entry) => picks(where, entry)).length;
    if (count > 0) {
      const what = `the ${bound.path} entry with ${whereWords(where)}`;
      const picked = all.filter((d) => d.index !== undefined && picks(where, value[d.index]));
      // One of them undated may be the first to open: no date can be shown to come before (after) it.
      if (picked.length < count) return { what };
      return { date: earliestOf(picked).date, what };
    }
  }
  if (all.length === 0) return { what: bound.path };
  if (!Array.isArray(value)) return { date: all[0]!.date, what: bound.path };
  return side === 'before'
    ? { date: latestOf(all).date, what: `the last of ${bound.path}` }
    : { date: earliestOf(all).date, what: `the first of ${bound.path}` };
}

/**
 * What is wrong with the order of the dates and the date they must come before (after): a date not a
 * day before (after) it, or more than `withinDays` days before (after) it, or no such date to order against.
 */
function orderProblems(
  side: Side,
  bound: DateBound,
  withinDays: NumberOrParam | undefined,
  atLeastDays: NumberOrParam | undefined,
  dates: readonly DatedEntry[],
  context: RuleContext,
): string[] {
  const problems: string[] = [];
  const found = boundDateOf(side, bound, context.data);
  if (found === undefined) return problems;
  const other = found.date;
  if (other === undefined) return [`${found.what} has no date to come ${side}`];
  // Days from each date to the other one's, counted the way the order runs: positive when in order.
  const gap = (d: DatedEntry): number => (side === 'before' ? daysBetween(d.date, other) : daysBetween(other, d.date));
  const least = atLeastDays !== undefined ? numberOf(atLeastDays, context.params) : 1;
  const wrong = dates.filter((d) => gap(d) < least);
  if (wrong.length > 0)
    problems.push(`${listed(wrong)} ${isOrAre(wrong)} not ${least === 1 ? 'a day' : `${least} days`} ${side} ${found.what}, ${other}`);
  if (withinDays !== undefined) {
    const most = numberOf(withinDays, context.params);
    const far = dates.filter((d) => gap(d) > most);
    if (far.length > 0)
      problems.push(
        isOrAre(far) === 'is'
          ? `${far[0]!.date} is ${dayCount(gap(far[0]!))} ${side} ${found.what}, ${other}: more than ${most}`
          : `${listed(far)} are more than ${most} days ${side} ${found.what}, ${other}`,
      );
  }
  return problems;
}

/**
 * Whether a past entry's field says what came of it, read as every fact of the plan is: a non-answer
 * ('tbd', 'none', 'not done', 'ongoing') counts as not written, here as in the non-answer finding that
 * says so. Work still under way ('Still in progress', 'On track') is no outcome either: once the date has
 * passed, the entry says what was reached by then (reached, missed, dropped, postponed to a new date).
 */
function saysWhatHappened(text: string): boolean {
  return text.trim() !== '' && !isNonAnswer(text) && !STILL_UNDER_WAY.test(text);
}

/** An entry still being worked on, in its first words: the state of the work, not what came of it. */
const STILL_UNDER_WAY =
  /^[^\p{L}]*(?:still|ongoing|on-?going|in\s+progress|under\s*way|on\s+track|pending|continuing|not\s+yet|wip|work\s+in\s+progress)(?![\p{L}])/iu;

/** The dates in a detail: each once, the first three, in the plan's order ('2011-05-02, 2012-01-10, ...'). */
function listed(dates: readonly DatedEntry[]): string {
  const unique = [...new Set(dates.map((d) => d.date))];
  return `${unique.slice(0, 3).join(', ')}${unique.length > 3 ? ', ...' : ''}`;
}

/** The verb for the dates listed: one date (however many entries hold it) is, several are. */
function isOrAre(dates: readonly DatedEntry[]): 'is' | 'are' {
  return dates.every((d) => d.date === dates[0]!.date) ? 'is' : 'are';
}

function dayCount(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

interface DatedEntry {
  date: string;
  path: (string | number)[];
  /** The entry's index in a list. */
  index?: number;
}

/** The real calendar dates at a path: one date, a list of dates, or a list of records whose `field` holds one. */
function datesAt(value: unknown, segments: readonly string[], field: string | undefined): DatedEntry[] {
  const out: DatedEntry[] = [];
  const take = (v: unknown, path: (string | number)[], index?: number): void => {
    if (typeof v === 'string' && isIsoDate(v)) out.push(index === undefined ? { date: v, path } : { date: v, path, index });
  };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const entry: unknown = value[i];
      if (field === undefined) take(entry, [...segments, i], i);
      else if (entry !== null && typeof entry === 'object' && !Array.isArray(entry))
        take((entry as Record<string, unknown>)[field], [...segments, i, field], i);
    }
  } else take(value, [...segments]);
  return out;
}
