// Observed counts of people, the target for active contributors and the founders' wave, against the community's size: a plan
// whose figures cannot all be true (more active contributors, more people making half the work than half of it, or more
// member leaders than people the community counts) would raise its health, or meet a target, on a number it
// contradicts itself. Each is an input error at the figure.
import { getPath } from '../methodology/plan-facts.js';
import { isNonAnswer } from '../text/non-answer.js';
import { foldName, isStandInName } from '../text/person-name.js';
import type { DataPath } from '../source/yaml-source.js';
import type { Plan } from './types.js';

/** Reports a contradiction at a plan path: the path, the kind of problem, and its sentence, made when shown. */
export type At = (path: DataPath, kind: string, message: () => string) => void;

/** A figure written bare or as `{ value, as_of }`, with the path of its number. */
function figure(data: unknown, key: string): { value: number; path: DataPath } | undefined {
  const raw = getPath(data, ['observed', key]);
  if (typeof raw === 'number') return { value: raw, path: ['observed', key] };
  const value = getPath(raw, ['value']);
  return typeof value === 'number' ? { value, path: ['observed', key, 'value'] } : undefined;
}

export function checkFiguresAgree(plan: Plan, at: At): void {
  if (plan.size === undefined) return;
  const size = plan.size;
  // At every stage: the people a target counts are among the community's (expected) size, so a higher
  // target would meet a point the plan's own size says it cannot reach.
  const target = getPath(plan.data, ['measures', 'active_target']);
  if (typeof target === 'number' && target > size)
    at(
      ['measures', 'active_target'],
      'figures',
      () =>
        `measures.active_target is ${target}, more than community.size (${size}): the active contributors it aims for are among those the community counts, so one of the two is wrong`,
    );
  checkFoundersWave(plan.data, size, at);
  // While planning, the size is the audience expected in the first year, and nothing observed is judged.
  if (plan.stage === 'planning') return;
  const active = figure(plan.data, 'active_contributors_30d');
  if (active !== undefined && active.value > size)
    at(
      active.path,
      'figures',
      () =>
        `observed.active_contributors_30d is ${active.value}, more than community.size (${size}): the people active in the last 30 days are among those the community counts, so one of the two is wrong`,
    );
  // An in-person group counts everyone who came at least once in the last year: a session of the last 90
  // days draws from them. (Elsewhere the size counts members or contributors, and guests may attend.)
  const attendance = figure(plan.data, 'attendance');
  if (attendance !== undefined && attendance.value > size && getPath(plan.data, ['community', 'format']) === 'in-person')
    at(
      attendance.path,
      'figures',
      () =>
        `observed.attendance is ${attendance.value}, more than community.size (${size}): an in-person group counts everyone who came in the last year, so a typical session cannot draw more, and one of the two is wrong`,
    );
  // Half the contributions never need more than half the people who made them (everyone making the same
  // number), and those people are among the community's: a higher factor is no count of this community.
  const absence = figure(plan.data, 'absence_factor');
  const most = Math.ceil(size / 2);
  if (absence !== undefined && absence.value > most)
    at(
      absence.path,
      'figures',
      () =>
        `observed.absence_factor is ${absence.value}, more than half of community.size (${size}): the fewest people who made half the contributions are at most half of those who made them (${most} of ${size}), so one of the two is wrong`,
    );
  const leaders = leaderList(plan.data);
  if (leaders !== undefined) {
    // One person written twice is one leader (foldName), as the rules count them.
    const distinct = new Set(leaders.names.map(foldName)).size;
    if (distinct > size)
      at(
        leaders.path,
        'figures',
        () =>
          `observed.member_leaders names ${distinct} people, more than community.size (${size}): member leaders are members the community counts, so one of the two is wrong`,
      );
  }
}

/** The names of `observed.member_leaders`, written as a list or as `{ value: [...], as_of }`, with the list's path. */
function leaderList(data: unknown): { names: string[]; path: DataPath } | undefined {
  const raw = getPath(data, ['observed', 'member_leaders']);
  const path: DataPath = Array.isArray(raw) ? ['observed', 'member_leaders'] : ['observed', 'member_leaders', 'value'];
  const list = Array.isArray(raw) ? raw : getPath(raw, ['value']);
  if (!Array.isArray(list)) return undefined;
  const names: string[] = [];
  for (const entry of list) {
    const name = getPath(entry, ['name']);
    // 'TBD' and 'Moderator 3' name no one, as the rules read them.
    if (typeof name === 'string' && name.trim() !== '' && !isNonAnswer(name) && !isStandInName(name)) names.push(name);
  }
  return { names, path };
}

/**
 * A founders' wave lets in the founding members, who are members the community counts, so no wave of
 * founders is larger than its size. Invited and public waves are left alone: they count the people let
 * in, and many more may be invited than the members expected to stay.
 */
function checkFoundersWave(data: unknown, size: number, at: At): void {
  const waves = getPath(data, ['launch', 'waves']);
  if (!Array.isArray(waves)) return;
  waves.forEach((wave, index) => {
    const count = getPath(wave, ['size']);
    if (getPath(wave, ['audience']) === 'founders' && typeof count === 'number' && count > size)
      at(
        ['launch', 'waves', index, 'size'],
        'figures',
        () =>
          `launch.waves[${index}] lets in ${count} founders, more than community.size (${size}): founding members are among those the community counts, so one of the two is wrong`,
      );
  });
}
