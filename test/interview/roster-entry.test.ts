import { describe, expect, it } from 'vitest';
import { mergeRoster, parseRosterLine, rosterLine } from '../../src/interview/roster-entry.js';

describe('the roster as typed, one line per person', () => {
  it('reads a name, a colon and roles; a name alone holds no role yet', () => {
    expect(parseRosterLine('  Ana  Lima : host,  Moderator, host ')).toEqual({
      ok: true,
      entry: { name: 'Ana Lima', roles: ['host', 'moderator'] },
    });
    expect(parseRosterLine('Bo')).toEqual({ ok: true, entry: { name: 'Bo', roles: [] } });
  });

  it('refuses a line without a name, a non-answer, several people on one line, and contact details', () => {
    for (const line of [': host', 'tbd', 'Ana, Bo', 'Ana: host ana@example.org', 'Bo: greeter +33 6 12 34 56 78'])
      expect(parseRosterLine(line).ok, line).toBe(false);
  });

  it('merges into the roster: a known person (in any case) gains roles, a new one is added, nothing is removed', () => {
    const roster = [{ name: 'Ana Lima', roles: ['host'], note: 'kept' }, { name: 'Bo' }];
    expect(
      mergeRoster(roster, [
        { name: 'ana lima', roles: ['Host', 'moderator'] },
        { name: 'Cy', roles: ['greeter'] },
      ]),
    ).toEqual([{ name: 'Ana Lima', roles: ['host', 'moderator'], note: 'kept' }, { name: 'Bo' }, { name: 'Cy', roles: ['greeter'] }]);
    expect(rosterLine({ name: 'Ana Lima', roles: ['host', 'moderator'] })).toBe('Ana Lima: host, moderator');
  });
});
