// The threshold shown before an answer is the one the methodology sets for this community, not a bound
// that only keeps the number sensible.
import { describe, expect, it } from 'vitest';
import { thresholdInForce } from '../../src/interview/thresholds-in-force.js';
import { allItems } from '../../src/methodology/types.js';
import { resolveProfile } from '../../src/scoring/resolve-profile.js';
import { builtinMethodology } from '../helpers.js';

const builtin = builtinMethodology();
const items = allItems(builtin);
const number = { kind: 'number' } as const;
const paramsOf = (type: string) => resolveProfile(builtin, { type, params: {} }).params;

describe('the threshold in force, said before the answer', () => {
  it("states a host's hours between the tuned least and the tuned most one person keeps up, without the 168 hours of a week", () => {
    const params = paramsOf('customer');
    const least = params.host_hours_per_week_min;
    expect(typeof least).toBe('number');
    expect(thresholdInForce('team.host.hours_per_week', number, items, params)).toBe(
      `between ${least} and ${params.host_hours_per_week_max}`,
    );
  });

  it("leaves out a floor under one hour that only keeps a reply time a person's", () => {
    expect(paramsOf('customer').reply_hours_min).toBeLessThan(1);
    const hours = paramsOf('customer').first_response_hours_max;
    expect(thresholdInForce('launch.greeting.within_hours', number, items, paramsOf('customer'))).toBe(`${hours} or less`);
  });

  it('keeps a fixed bound that is the threshold itself, and a tuned highest', () => {
    const fixed = items
      .flatMap((i) => i.evidence)
      .find((r) => r.kind === 'schema' && r.path && /"maximum":30/.test(JSON.stringify(r.schema)));
    expect(fixed?.kind).toBe('schema');
    expect(thresholdInForce(fixed!.path!, number, items, paramsOf('customer'))).toBe('30 or less');
    const hours = paramsOf('grassroots').first_response_hours_max;
    expect(thresholdInForce('launch.response_time_hours', number, items, paramsOf('grassroots'))).toBe(`${hours} or less`);
  });
});
