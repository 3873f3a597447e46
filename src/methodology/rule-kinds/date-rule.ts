// Rule kind `date`: dates judged against the assessment date. A calendar must reach far enough ahead
// (the horizon computed from its entries, never taken from a claim) with enough entries still to come,
// a next date must not be overdue, a review must come shortly before what it decides, and an entry
// whose date has passed must say what happened (a goal's outcome).
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
  ruleBase,
  FAILED,
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
  aheadDays?: NumberOrParam;
  /** The stages (community.stage) at which `aheadDays` is judged: a launch date is ahead only while planning. */
  aheadStages?: readonly string[];
  pastNeeds?: string;
  /** Every date is today or before: the date something was done (a training, a briefing), never one to come. */
  done?: true;
  /** The latest date is at most this many days after today: a next survey in 2099 keeps no cadence. */
  aheadAtMost?: NumberOrParam;
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
  before?: { path: string; segments: readonly string[]; field?: string; where?: Readonly<Record<string, string>> };
  /**
   * `before.within_days`: each date comes at most this many days before that date, as a go/no-go review
   * decides on the facts of the days before the wave, not of years before. Held beside `before` because
   * a threshold that may name a parameter is a field of the rule (RuleParam).
   */
  beforeWithinDays?: NumberOrParam;
}

export const dateRule: RuleKindModule<DateRule> = {
  kind: 'date',
  build: (raw) => ({
    kind: 'date',
    ...ruleBase(raw),
    ...(typeof raw.field === 'string' ? { field: raw.field } : {}),
    ...(raw.ahead_days !== undefined ? { aheadDays: raw.ahead_days as NumberOrParam } : {}),
    ...(Array.isArray(raw.ahead_stages) ? { aheadStages: raw.ahead_stages.map(String) } : {}),
    ...(typeof raw.past_needs === 'string' ? { pastNeeds: raw.past_needs } : {}),
    ...(raw.done === true ? { done: true as const } : {}),
    ...(raw.ahead_at_most !== undefined ? { aheadAtMost: raw.ahead_at_most as NumberOrParam } : {}),
    ...(raw.upcoming_at_least !== undefined ? { upcomingAtLeast: raw.upcoming_at_least as NumberOrParam } : {}),
    ...(raw.before !== null && typeof raw.before === 'object' ? beforeFieldsOf(raw.before as Record<string, unknown>) : {}),
  }),
  params: [
    { key: 'ahead_days', field: 'aheadDays', stricter: 'higher' },
    { key: 'ahead_at_most', field: 'aheadAtMost', stricter: 'lower' },
    { key: 'upcoming_at_least', field: 'upcomingAtLeast', stricter: 'higher' },
    { key: 'before.within_days', field: 'beforeWithinDays', stricter: 'lower' },
  ],
  validate(rule, context) {
    const problems = pathProblem(rule, context);
    if (rule.aheadDays === undefined && !judgesBesidesAhead(rule))
      problems.push({
        path: ['kind'],
        message:
          "a date rule needs 'ahead_days', 'ahead_at_most', 'upcoming_at_least', 'done', 'past_needs' or 'before': otherwise it judges nothing",
      });
    // Below a day no date can be both a day before the later one and within the window.
    if (rule.beforeWithinDays !== undefined && numberOf(rule.beforeWithinDays, context.params) < 1)
      problems.push({
        path: ['before', 'within_days'],
        message: "'within_days' must be at least 1: a date comes at least a day before the later one",
      });
    if (rule.before?.where !== undefined && rule.before.field === undefined)
      problems.push({ path: ['before', 'where'], message: "'where' picks entries of a list of records: give their date 'field' too" });
    if (rule.before !== undefined && !context.planHasPath(rule.before.segments))
      problems.push({
        path: ['before', 'path'],
        message: `'before' path '${rule.before.path}' is not a field of the plan schema (use 'custom.…' for facts of your own)`,
      });
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
    const dates = datesAt(getPath(context.data, rule.segments), rule.segments, rule.field);
    // No date, nothing met: every rule fails on an empty value (one that only orders dates too).
    if (dates.length === 0) return FAILED;
    const notes: RuleNote[] = [];
    const problems: string[] = [];
    if (judgeAhead && rule.aheadDays !== undefined) {
      const needed = numberOf(rule.aheadDays, context.params);
      const latest = latestOf(dates);
      const ahead = daysBetween(context.today, latest.date);
      if (ahead < needed) {
        const which = dates.length === 1 ? latest.date : `the latest, ${latest.date},`;
        problems.push(ahead < 0 ? `${which} is ${dayCount(-ahead)} past` : `${which} is ${dayCount(ahead)} ahead, not ${needed}`);
        if (ahead < 0) notes.push({ code: 'date-past', path: latest.path, data: { asOf: latest.date, days: -ahead } });
      }
    }
    if (rule.done) {
      const ahead = dates.filter((d) => d.date > context.today);
      if (ahead.length > 0)
        problems.push(`${ahead.map((d) => d.date).join(', ')} ${ahead.length === 1 ? 'is' : 'are'} after today: not done yet`);
    }
    if (rule.aheadAtMost !== undefined) {
      const most = numberOf(rule.aheadAtMost, context.params);
      const latest = latestOf(dates);
      const ahead = daysBetween(context.today, latest.date);
      if (ahead > most) problems.push(`${latest.date} is ${dayCount(ahead)} ahead, more than ${most}`);
    }
    if (rule.upcomingAtLeast !== undefined) {
      const needed = numberOf(rule.upcomingAtLeast, context.params);
      const upcoming = dates.filter((d) => d.date >= context.today).length;
      if (upcoming < needed)
        problems.push(
          `${upcoming === 0 ? 'no' : upcoming} ${upcoming === 1 ? 'entry is' : 'entries are'} dated today or later, not ${needed}`,
        );
    }
    if (rule.pastNeeds !== undefined) {
      const record = getPath(context.data, rule.segments);
      const without: string[] = [];
      for (const d of dates) {
        const days = daysBetween(d.date, context.today);
        if (days <= 0 || d.index === undefined || !Array.isArray(record)) continue;
        const entry = record[d.index] as Record<string, unknown>;
        const told = entry[rule.pastNeeds];
        if (typeof told === 'string' ? saysWhatHappened(told) : told !== undefined && told !== null) continue;
        without.push(d.date);
        notes.push({ code: 'date-past', path: d.path, data: { asOf: d.date, days } });
      }
      if (without.length > 0)
        problems.push(
          `${without.length} past ${without.length === 1 ? 'its date' : 'their dates'} without ${rule.pastNeeds} (${without.slice(0, 3).join(', ')}${without.length > 3 ? ', ...' : ''})`,
        );
    }
    if (rule.before !== undefined)
      for (const problem of orderProblems(rule.before, rule.beforeWithinDays, dates, context)) problems.push(problem);
    return problems.length === 0
      ? notes.length === 0
        ? PASSED
        : { pass: true, notes }
      : { pass: false, detail: problems.join('; '), notes };
  },
  describe(rule, show) {
    const where = `${rule.path}${rule.field ? ` (each entry's ${rule.field})` : ''}`;
    const parts: string[] = [];
    const whileStages = rule.aheadStages ? ` while the community is ${rule.aheadStages.join(' or ')}` : '';
    if (rule.aheadDays !== undefined)
      parts.push(
        rule.aheadDays === 0
          ? `${where} is not past${whileStages}: its ${rule.field ? 'latest date is' : 'date is'} today or later`
          : `${where} reaches at least ${show(rule.aheadDays)} days after today${whileStages}`,
      );
    if (rule.done) parts.push(`every date of ${where} is today or before`);
    if (rule.aheadAtMost !== undefined) parts.push(`${where} is at most ${show(rule.aheadAtMost)} days after today`);
    if (rule.pastNeeds !== undefined) parts.push(`every entry of ${rule.path} dated before today has ${rule.pastNeeds}`);
    if (rule.upcomingAtLeast !== undefined)
      parts.push(
        rule.field
          ? `at least ${show(rule.upcomingAtLeast)} entries of ${rule.path} have their ${rule.field} today or later`
          : `at least ${show(rule.upcomingAtLeast)} dates of ${rule.path} are today or later`,
      );
    if (rule.before !== undefined)
      parts.push(
        `${where} comes at least a day${rule.beforeWithinDays !== undefined ? ` and at most ${show(rule.beforeWithinDays)} days` : ''} before ${boundWords(rule.before)}`,
      );
    return parts.join(', and ');
  },
  schemas: () => [],
};

/** Whether the rule judges anything besides `ahead_days`: what it has left to judge where that is not judged. */
function judgesBesidesAhead(rule: DateRule): boolean {
  return (
    rule.pastNeeds !== undefined ||
    rule.before !== undefined ||
    rule.done === true ||
    rule.aheadAtMost !== undefined ||
    rule.upcomingAtLeast !== undefined
  );
}

/** The entry with the latest date (the first of equals); `dates` is not empty. */
function latestOf(dates: readonly DatedEntry[]): DatedEntry {
  let latest = dates[0]!;
  for (const d of dates) if (d.date > latest.date) latest = d;
  return latest;
}

/** The rule's fields read from its `before` entry: the later date, and how many days before it at most. */
function beforeFieldsOf(raw: Record<string, unknown>): Pick<DateRule, 'before' | 'beforeWithinDays'> {
  const path = String(raw.path);
  const where = raw.where !== null && typeof raw.where === 'object' ? (raw.where as Record<string, unknown>) : undefined;
  return {
    before: {
      path,
      segments: path.split('.'),
      ...(typeof raw.field === 'string' ? { field: raw.field } : {}),
      ...(where ? { where: Object.fromEntries(Object.entries(where).map(([k, v]) => [k, String(v)])) } : {}),
    },
    ...(raw.within_days !== undefined ? { beforeWithinDays: raw.within_days as NumberOrParam } : {}),
  };
}

/** The entries of `before.where` in words: `the first entry of launch.waves with audience public`. */
function whereWords(where: Readonly<Record<string, string>>): string {
  return Object.entries(where)
    .map(([k, v]) => `${k} ${v}`)
    .join(' and ');
}

function boundWords(before: NonNullable<DateRule['before']>): string {
  const date = before.field ? ` (its ${before.field})` : '';
  return before.where
    ? `the first entry of ${before.path} with ${whereWords(before.where)}${date}, else its latest`
    : `the latest date of ${before.path}${before.field ? ` (each entry's ${before.field})` : ''}`;
}

/**
 * The date the rule's dates must come before: the first of the entries `where` picks, else (none of
 * them in the plan) the latest entry. Without a date where one is meant (an entry `where` picks, or
 * every entry, undated), `date` is undefined: an order that cannot be checked is not met. Undefined when
 * the path holds nothing (the item that asks for those entries judges that).
 */
function boundOf(before: NonNullable<DateRule['before']>, data: unknown): { date?: string; what: string } | undefined {
  const value = getPath(data, before.segments);
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return undefined;
  const all = datesAt(value, before.segments, before.field);
  if (before.where && Array.isArray(value)) {
    const where = before.where;
    const meant = (i: number): boolean => {
      const entry: unknown = value[i];
      return (
        entry !== null &&
        typeof entry === 'object' &&
        Object.entries(where).every(([k, v]) => String((entry as Record<string, unknown>)[k]) === v)
      );
    };
    const count = value.filter((_, i) => meant(i)).length;
    if (count > 0) {
      const what = `the ${before.path} entry with ${whereWords(where)}`;
      const picked = all.filter((d) => d.index !== undefined && meant(d.index));
      // One of them undated may be the first to open: no date can be shown to come before it.
      if (picked.length < count) return { what };
      let first = picked[0]!;
      for (const d of picked) if (d.date < first.date) first = d;
      return { date: first.date, what };
    }
  }
  if (all.length === 0) return { what: before.path };
  return { date: latestOf(all).date, what: `the last of ${before.path}` };
}

/**
 * What is wrong with the order of the dates and the date they must come before (`before`): a date not a
 * day before it, or more than `withinDays` days before it, or no such date to come before.
 */
function orderProblems(
  before: NonNullable<DateRule['before']>,
  withinDays: NumberOrParam | undefined,
  dates: readonly DatedEntry[],
  context: RuleContext,
): string[] {
  const problems: string[] = [];
  const bound = boundOf(before, context.data);
  if (bound === undefined) return problems;
  const until = bound.date;
  if (until === undefined) return [`${bound.what} has no date to come before`];
  const late = dates.filter((d) => d.date >= until);
  if (late.length > 0)
    problems.push(`${late.map((d) => d.date).join(', ')} ${late.length === 1 ? 'is' : 'are'} not a day before ${bound.what}, ${until}`);
  if (withinDays !== undefined) {
    const most = numberOf(withinDays, context.params);
    const early = dates.filter((d) => daysBetween(d.date, until) > most);
    if (early.length === 1)
      problems.push(
        `${early[0]!.date} is ${dayCount(daysBetween(early[0]!.date, until))} before ${bound.what}, ${until}: more than ${most}`,
      );
    else if (early.length > 1)
      problems.push(`${early.map((d) => d.date).join(', ')} are more than ${most} days before ${bound.what}, ${until}`);
  }
  return problems;
}

/**
 * Whether a past entry's field says what happened: anything written but a placeholder. An honest 'Not
 * done', 'Not yet completed' or 'Still being drafted' is what happened; 'TBD', 'none' or '?' is not.
 */
function saysWhatHappened(text: string): boolean {
  return text.trim() !== '' && (!isNonAnswer(text) || HONEST_OUTCOME.test(text));
}

/** An outcome that says nothing came of it, or not yet: an answer where a past date asks what happened. */
const HONEST_OUTCOME =
  /^[^\p{L}]*(?:not(?:\s+yet)?\s+(?:done|completed|finished|reached|met|achieved|started|delivered|launched|hired|published|held)|still\s+(?:being\s+\p{L}+|in\s+progress|open|ongoing)|in\s+progress|ongoing|missed|failed|dropped|cancell?ed|abandoned|postponed|delayed)(?![\p{L}])/iu;

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
