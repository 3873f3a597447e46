// Dates a plan states that cannot be true, whatever day it is judged on: a date before any online
// community could have existed (a code of conduct adopted in 1066, a host who started in 1850). Each is
// an input error at the date. Dates merely implausible against today (an invitation not sent yet, a
// host who starts in five years) are the methodology's to judge, since the plan is read without a clock.
import { getPath } from '../methodology/plan-facts.js';
import { isIsoDate } from '../text/dates.js';
import type { DataPath } from '../source/yaml-source.js';
import type { At } from './figures-agree.js';
import type { Plan } from './types.js';

/**
 * The earliest date a plan may state: Usenet (1979-80) and the first bulletin boards are the oldest
 * online communities still recalled, and no one named in a plan today hosted, joined, briefed or
 * measured anything of this community before them.
 */
export const EARLIEST_PLAN_DATE = '1979-01-01';

/**
 * The earliest day an in-person or hybrid community may say it opened: a club can be older than the
 * internet (a chess club of 1901 is real), though not older than anyone who could remember opening it.
 */
export const EARLIEST_CLUB_OPENED = '1800-01-01';

export function checkDatesAgree(plan: Plan, at: At): void {
  const club = plan.data.community !== undefined && ['in-person', 'hybrid'].includes(String(getPath(plan.data, ['community', 'format'])));
  // `custom` holds the facts of a team's own methodology, whose dates may be history (a club founded in
  // 1850): only the dates whose meaning this tool knows are held to the floor.
  const { custom: _own, ...known } = plan.data as Record<string, unknown>;
  eachDate(known, [], (date, path) => {
    const opened = path.length === 2 && path[0] === 'community' && path[1] === 'opened';
    const floor = opened && club ? EARLIEST_CLUB_OPENED : EARLIEST_PLAN_DATE;
    if (date < floor)
      at(
        path,
        'dates',
        () =>
          `${shownPath(path)} is ${date}, before ${floor}: ${opened && club ? 'no one now in the community opened it then' : 'nothing of a community planned or run today was done then'}; write the real date`,
      );
  });
}

/**
 * Calls `visit` with every real calendar date (YYYY-MM-DD) held anywhere in the plan, and its path. One
 * path is kept and copied only for a date found: a plan may hold hundreds of thousands of values.
 */
function eachDate(value: unknown, path: (string | number)[], visit: (date: string, path: DataPath) => void): void {
  if (typeof value === 'string') {
    if (isIsoDate(value)) visit(value, [...path]);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      eachDate(value[i], path, visit);
      path.pop();
    }
    return;
  }
  for (const key of Object.keys(value)) {
    path.push(key);
    eachDate((value as Record<string, unknown>)[key], path, visit);
    path.pop();
  }
}

/** `a.b[2].c`, as the plan's paths are written in messages. */
function shownPath(path: DataPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}
