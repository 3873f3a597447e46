import fc from 'fast-check';
import { parse as parseYaml, parseDocument, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deletePlanValue, getPlanValue, layoutOf, renderPlanEdit, setPlanValue, type PlanPath } from '../../src/plan/edit-plan.js';
import { matchLines } from '../../src/text/diff-lines.js';
import { runs } from '../properties.js';

// Written by hand, in ways yaml would not print itself: odd spacing, a folded scalar wrapped at 90
// columns, flow maps, quoted strings, comments everywhere.
const HAND_WRITTEN = `# Our plan — kept by the Makers' hosts.
version: 1

community:
  name:   "Riverside Makers"      # the name on the door
  type: grassroots
  description: >-
    Tinkerers, fixers and hobby builders in Riverside who meet at the library's workshop room
    to build, repair and teach each other.

# Why we exist
purpose:
  statement: 'People who fix things, together.'   # short for now
  objectives:
  -   objective: Keep 50 regulars
      area: engagement
  value: { members: "tools and help", sponsor: none }

team:    # who runs it
  host: { name: Ana, hours_per_week: 6 }
assessment: {}
# end of file
`;

function edit(text: string, changes: readonly [PlanPath, unknown][]): string {
  const before = parseDocument(text, { schema: 'core' });
  const after = before.clone();
  for (const [path, value] of changes) {
    if (value === undefined) deletePlanValue(after, path);
    else setPlanValue(after, path, value);
  }
  return renderPlanEdit(text, before, after);
}

/** The lines of `a` that are not in `b`, by position after a line diff. */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const match = matchLines(x, y);
  const kept = new Set(Array.from(match).filter((i) => i >= 0));
  return { removed: x.filter((_, i) => match[i]! < 0), added: y.filter((_, i) => !kept.has(i)) };
}

describe('editing a plan', () => {
  it('changes one answer and leaves every other byte, comment and key order as written', () => {
    const out = edit(HAND_WRITTEN, [[['team', 'host', 'hours_per_week'], 8]]);
    expect(changedLines(HAND_WRITTEN, out)).toEqual({
      removed: ['  host: { name: Ana, hours_per_week: 6 }'],
      added: ['  host: { name: Ana, hours_per_week: 8 }'],
    });
    expect(parseYaml(out).team.host.hours_per_week).toBe(8);
  });

  it('keeps a comment on the line of a changed scalar', () => {
    const out = edit(HAND_WRITTEN, [[['purpose', 'statement'], 'People who fix things, together, every Thursday.']]);
    const { removed, added } = changedLines(HAND_WRITTEN, out);
    expect(removed).toEqual(["  statement: 'People who fix things, together.'   # short for now"]);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^ {2}statement: 'People who fix things, together, every Thursday\.' +# short for now$/);
  });

  it('adds new keys and nested maps at the end of their section, creating sections as needed', () => {
    const out = edit(HAND_WRITTEN, [
      [['purpose', 'scope', 'primary'], 'Repairing household items'],
      [['launch', 'date'], '2026-09-01'],
    ]);
    const { removed, added } = changedLines(HAND_WRITTEN, out);
    expect(removed).toEqual([]);
    expect(added).toEqual(['  scope:', '    primary: Repairing household items', 'launch:', '  date: 2026-09-01']);
    expect(out.split('\n').filter((l) => l.includes('#'))).toEqual(HAND_WRITTEN.split('\n').filter((l) => l.includes('#')));
  });

  it('turns an empty flow map into a block one when it gets content, and writes lists of records', () => {
    const out = edit(HAND_WRITTEN, [[['assessment', 'purpose.values'], { status: 'n/a', note: 'We keep it simple.' }]]);
    expect(changedLines(HAND_WRITTEN, out)).toEqual({
      removed: ['assessment: {}'],
      added: ['assessment:', '  purpose.values:', '    status: n/a', '    note: We keep it simple.'],
    });
    const list = edit('audience: {}\n', [[['audience', 'personas'], [{ name: 'Nadia', needs: ['answers', 'peers'] }]]]);
    expect(parseYaml(list)).toEqual({ audience: { personas: [{ name: 'Nadia', needs: ['answers', 'peers'] }] } });
  });

  it('replaces a folded scalar that yaml would wrap differently, without touching the rest', () => {
    const out = edit(HAND_WRITTEN, [[['community', 'description'], 'Tinkerers of Riverside.']]);
    const { removed, added } = changedLines(HAND_WRITTEN, out);
    expect(removed).toEqual([
      "    Tinkerers, fixers and hobby builders in Riverside who meet at the library's workshop room",
      '    to build, repair and teach each other.',
    ]);
    expect(added).toEqual(['    Tinkerers of Riverside.']);
  });

  it('sets list items by index, deletes values, and reads values back', () => {
    const doc = parseDocument(HAND_WRITTEN, { schema: 'core' });
    setPlanValue(doc, ['purpose', 'objectives', 1], { objective: 'Teach 10 workshops', area: 'contribution' });
    setPlanValue(doc, ['purpose', 'objectives', 0, 'area'], 'success');
    expect(getPlanValue(doc, ['purpose', 'objectives'])).toEqual([
      { objective: 'Keep 50 regulars', area: 'success' },
      { objective: 'Teach 10 workshops', area: 'contribution' },
    ]);
    expect(deletePlanValue(doc, ['purpose', 'value'])).toBe(true);
    expect(deletePlanValue(doc, ['purpose', 'value'])).toBe(false);
    expect(getPlanValue(doc, ['purpose', 'value'])).toBeUndefined();
    expect(() => setPlanValue(doc, ['community', 'name', 'first'], 'x')).toThrow();
  });

  it('writes new lines in the indentation of a plan indented by four, every other line as written', () => {
    const text =
      'version: 3\n# ours\ncommunity:\n    name:   "Makers"   # on the door\n    regions: [FR, DE]\npeople:\n    - {name: Ana, roles: [host]}\n';
    const out = edit(text, [
      [['community', 'opened'], '2027-01-05'],
      [['purpose', 'statement', 'who'], 'Tinkerers'],
    ]);
    expect(out).toBe(
      `${text.replace('    regions: [FR, DE]\n', '    regions: [FR, DE]\n    opened: 2027-01-05\n')}purpose:\n    statement:\n        who: Tinkerers\n`,
    );
  });

  it('keeps the CRLF line breaks of a plan written with them, on the lines it adds too', () => {
    const text = 'version: 3\r\n# ours\r\ncommunity:\r\n  name: Makers   # on the door\r\n  regions: [FR]\r\n';
    const out = edit(text, [[['community', 'opened'], '2027-01-05']]);
    expect(out).toBe(`${text}  opened: 2027-01-05\r\n`);
  });

  it("reads the indentation of a plan from its first nested map, and takes yaml's own where the text shows none", () => {
    expect(layoutOf('a:\n- x\nb:\n    c: 1\n')).toEqual({ indent: 4 });
    expect(layoutOf('# c\r\na:   # why\r\n\r\n   b: 1\r\n')).toEqual({ indent: 3 });
    expect(layoutOf('a: 1\nb: [x]\ndescription: >-\n    folded\n')).toEqual({ indent: 2 });
    expect(layoutOf('a:\n             b: 1\n')).toEqual({ indent: 2 });
    expect(layoutOf('')).toEqual({ indent: 2 });
  });

  it('starts a document from nothing', () => {
    expect(parseYaml(edit('', [[['community', 'name'], 'Makers']]))).toEqual({ community: { name: 'Makers' } });
  });

  it('any sequence of answers reads back as the same data as yaml itself would write, and keeps every comment', () => {
    const paths: PlanPath[] = [
      ['community', 'name'],
      ['purpose', 'statement'],
      ['purpose', 'value', 'members'],
      ['team', 'host', 'hours_per_week'],
      ['launch', 'date'],
      ['assessment', 'team.host'],
      ['community', 'description'],
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.integer(),
      fc.boolean(),
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), value), { minLength: 1, maxLength: 6 }), (changes) => {
        let text = HAND_WRITTEN;
        let doc: Document = parseDocument(text, { schema: 'core' });
        for (const [path, v] of changes) {
          const next = doc.clone();
          if (v === undefined) deletePlanValue(next, path);
          else setPlanValue(next, path, v);
          text = renderPlanEdit(text, doc, next);
          expect(parseYaml(text)).toEqual(next.toJS());
          doc = next;
        }
        for (const comment of [
          '# the name on the door',
          '# Why we exist',
          '# who runs it',
          '# end of file',
          "# Our plan — kept by the Makers' hosts.",
        ])
          expect(text).toContain(comment);
      }),
      { seed: 7, numRuns: runs(150) },
    );
  });
});

describe('matching lines', () => {
  it('finds a longest common subsequence: matches are equal lines, in order, as many as the LCS', () => {
    const lcsLength = (a: string[], b: string[]): number => {
      const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = a.length - 1; i >= 0; i--)
        for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
      return t[0]![0]!;
    };
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', '', '  - x'), { maxLength: 25 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const match = matchLines(a, b);
        let last = -1;
        let count = 0;
        for (let i = 0; i < a.length; i++) {
          if (match[i]! < 0) continue;
          expect(match[i]!).toBeGreaterThan(last);
          expect(a[i]).toBe(b[match[i]!]);
          last = match[i]!;
          count++;
        }
        expect(count).toBe(lcsLength(a, b));
      }),
      { seed: 11, numRuns: runs(300) },
    );
  });
});
