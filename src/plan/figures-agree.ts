// Observed counts of people against the community's size: a plan whose figures cannot all be true (more
// active contributors, or more people making half the work, than people the community counts) would
// raise its health on a number it contradicts itself. Each is an input error at the figure.
import { getPath } from '../methodology/plan-facts.js';
import type { DataPath } from '../source/yaml-source.js';
import type { Plan } from './types.js';

type At = (path: DataPath, kind: string, message: () => string) => void;

/** A figure written bare or as `{ value, as_of }`, with the path of its number. */
function figure(data: unknown, key: string): { value: number; path: DataPath } | undefined {
  const raw = getPath(data, ['observed', key]);
  if (typeof raw === 'number') return { value: raw, path: ['observed', key] };
  const value = getPath(raw, ['value']);
  return typeof value === 'number' ? { value, path: ['observed', key, 'value'] } : undefined;
}

export function checkFiguresAgree(plan: Plan, at: At): void {
  // While planning, the size is the audience expected in the first year, and nothing observed is judged.
  if (plan.size === undefined || plan.stage === 'planning') return;
  const size = plan.size;
  for (const [key, who] of [
    ['active_contributors_30d', 'the people active in the last 30 days'],
    ['absence_factor', 'the fewest people who made half the contributions'],
  ] as const) {
    const counted = figure(plan.data, key);
    if (counted !== undefined && counted.value > size)
      at(
        counted.path,
        'figures',
        () =>
          `observed.${key} is ${counted.value}, more than community.size (${size}): ${who} are among those the community counts, so one of the two is wrong`,
      );
  }
}
