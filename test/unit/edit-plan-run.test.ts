import fc from 'fast-check';
import { parse as parseYaml, parseDocument, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  deletePlanValue,
  expectedOf,
  holdsPlainly,
  readBack,
  readPlanDocument,
  renderEditedPlan,
  renderPlanEdit,
  setPlanValue,
  stringifyPlan,
  type PlanPath,
} from '../../src/plan/edit-plan.js';
import { runs } from '../properties.js';

// Written by hand in ways yaml would not print itself: spacing, flow maps, quotes, comments everywhere.
const HAND_WRITTEN = `# Our plan
version: 2
community:
  name:   "Riverside Makers"      # the name on the door
  regions: [FR]
  description: >-
    Tinkerers and fixers who meet at the library's workshop room
    to build, repair and teach each other.
# Why we exist
purpose:
  statement: 'People who fix things, together.'   # short for now
  value: { members: "tools and help", sponsor: none }
team:    # who runs it
  host: { name: Ana, hours_per_week: 6 }
assessment: {}
# end of file
`;

const PATHS: PlanPath[] = [
  ['community', 'name'],
  ['community', 'description'],
  ['purpose', 'statement'],
  ['purpose', 'value', 'members'],
  ['team', 'host', 'hours_per_week'],
  ['launch', 'date'],
  ['assessment', 'team.host'],
];
const VALUE = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(undefined),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
  fc.record({ status: fc.constantFrom('met', 'n/a'), note: fc.string({ maxLength: 30 }) }),
);

function apply(doc: Document, path: PlanPath, value: unknown): void {
  if (value === undefined) deletePlanValue(doc, path);
  else setPlanValue(doc, path, value);
}

describe('a run of plan edits, each applied to the document the last one read back', () => {
  it('keeps every hand-written line a fresh copy of the document for every edit keeps, and a document that reads as the text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...PATHS), VALUE), { minLength: 1, maxLength: 8 }), (changes) => {
        // The old way: the document copied for every edit, the whole text rendered from both.
        let copied: Document = parseDocument(HAND_WRITTEN, { schema: 'core' });
        let copiedText = HAND_WRITTEN;
        // The run: one document changed in place, the rendering carried from edit to edit.
        let doc = readPlanDocument(HAND_WRITTEN);
        let rendering = stringifyPlan(doc);
        let text = HAND_WRITTEN;
        for (const [path, value] of changes) {
          const next = copied.clone();
          apply(next, path, value);
          copiedText = renderPlanEdit(copiedText, copied, next);
          copied = next;

          apply(doc, path, value);
          const edit = renderEditedPlan(text, rendering, doc);
          // The changed value may be written in another style (the kept document has the file's), never another line.
          const lines = new Set(edit.text.split('\n'));
          const copiedLines = new Set(copiedText.split('\n'));
          expect(HAND_WRITTEN.split('\n').filter((l) => copiedLines.has(l) && !lines.has(l))).toEqual([]);
          expect(parseYaml(edit.text)).toEqual(next.toJS());
          // What the next edit starts from is the text read back, and yaml's rendering of exactly that.
          expect(edit.doc.toJS()).toEqual(parseYaml(edit.text));
          expect(edit.rendering).toBe(stringifyPlan(edit.doc));
          ({ doc, rendering, text } = edit);
        }
        // A comment goes with its value only when the value is deleted.
        const nameDeleted = changes.some(([path, value]) => value === undefined && path.join('.') === 'community.name');
        for (const comment of [
          '# Our plan',
          '# Why we exist',
          '# who runs it',
          '# end of file',
          ...(nameDeleted ? [] : ['# the name on the door']),
        ])
          expect(text).toContain(comment);
      }),
      { seed: 11, numRuns: runs(120) },
    );
  });

  it('changes only the line of the answer in a hand-written file, edit after edit', () => {
    let doc = readPlanDocument(HAND_WRITTEN);
    let rendering = stringifyPlan(doc);
    let text = HAND_WRITTEN;
    for (const hours of [7, 8, 9]) {
      setPlanValue(doc, ['team', 'host', 'hours_per_week'], hours);
      ({ doc, rendering, text } = renderEditedPlan(text, rendering, doc));
      expect(text).toBe(HAND_WRITTEN.replace('hours_per_week: 6', `hours_per_week: ${hours}`));
    }
  });

  it('refuses a rendering that is not the document before the edit, rather than write a wrong splice', () => {
    const doc = readPlanDocument(HAND_WRITTEN);
    setPlanValue(doc, ['team', 'host', 'hours_per_week'], 7);
    // A base that holds a comment the file does not: a splice against it would drop or invent lines.
    const wrongBase = stringifyPlan(readPlanDocument(`${HAND_WRITTEN}# another\n`));
    const edit = renderEditedPlan(HAND_WRITTEN, wrongBase, doc);
    expect(parseYaml(edit.text)).toEqual(doc.toJS());
    expect(edit.doc.toJS()).toEqual(doc.toJS());
  });

  it('refuses a splice that would keep another value as it was, and writes what the edit means instead', () => {
    const text = 'a: 1   # one\nb: 2\nc: [x]\n';
    const doc = readPlanDocument(text);
    setPlanValue(doc, ['a'], 5);
    setPlanValue(doc, ['b'], 5);
    // A base that already says b: 5, so the splice would keep the file's b: 2.
    const edit = renderEditedPlan(text, 'a: 1 # one\nb: 5\nc: [ x ]\n', doc);
    expect(parseYaml(edit.text)).toEqual({ a: 5, b: 5, c: ['x'] });
    expect(edit.text).toContain('# one');
  });
});

describe('the check that a new text holds the edited plan', () => {
  const after = readPlanDocument(HAND_WRITTEN);
  setPlanValue(after, ['team', 'host', 'hours_per_week'], 7);
  const rendering = stringifyPlan(after);
  const expected = expectedOf(after, rendering);
  const written = HAND_WRITTEN.replace('hours_per_week: 6', 'hours_per_week: 7');
  const checks = {
    'the fast reader': (text: string) => holdsPlainly(text, expected, after, rendering),
    yaml: (text: string) => readBack(text, expected),
  };

  it.each(Object.entries(checks))('by %s, takes the text with every line as the user wrote it', (_, check) => {
    expect(check(written)?.text).toBe(written);
  });

  it.each(Object.entries(checks))(
    'by %s, refuses a text with another value changed, a comment lost, added or moved past another',
    (_, check) => {
      for (const wrong of [
        written.replace('regions: [FR]', 'regions: [FR, BE]'),
        written.replace("'People who fix things, together.'", "'People who fix things.'"),
        written.replace('   # short for now', ''),
        written.replace('# Why we exist\n', ''),
        written.replace(
          "# Why we exist\npurpose:\n  statement: 'People who fix things, together.'   # short for now",
          "purpose:\n  statement: 'People who fix things, together.'   # short for now\n# Why we exist",
        ),
        written.replace('# end of file\n', '# end of file\n# end of file\n'),
        written.replace('team:    # who runs it', 'team:    # who runs it # really'),
      ]) {
        expect(wrong).not.toBe(written);
        expect(check(wrong)).toBeUndefined();
      }
    },
  );

  it('takes no text the exact check refuses: lines dropped, doubled, swapped, re-indented or rewritten in a splice', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...PATHS), VALUE), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('drop', 'double', 'swap', 'indent', 'outdent', 'digit', 'comment', 'uncomment', 'space'),
        fc.nat(),
        (changes, how, at) => {
          let doc = readPlanDocument(HAND_WRITTEN);
          let rendering = stringifyPlan(doc);
          let text = HAND_WRITTEN;
          for (const [path, value] of changes) {
            apply(doc, path, value);
            ({ doc, rendering, text } = renderEditedPlan(text, rendering, doc));
          }
          const want = expectedOf(doc, rendering);
          const lines = text.split('\n');
          const i = at % lines.length;
          const line = lines[i]!;
          const changed = {
            drop: () => lines.splice(i, 1),
            double: () => lines.splice(i, 0, line),
            swap: () => lines.splice(i, 2, ...lines.slice(i, i + 2).reverse()),
            indent: () => (lines[i] = `  ${line}`),
            outdent: () => (lines[i] = line.replace(/^ {2}/, '')),
            digit: () => (lines[i] = line.replace(/\d/, (d) => String((Number(d) + 1) % 10))),
            comment: () => (lines[i] = `${line} # added`),
            uncomment: () => (lines[i] = line.replace(/\s*#.*$/, '')),
            space: () => (lines[i] = line.replace(': ', ':   ')),
          }[how];
          changed();
          const mutated = lines.join('\n');
          const fast = holdsPlainly(mutated, want, doc, rendering);
          if (fast) {
            expect(readBack(mutated, want), mutated).toBeDefined();
            accepted++;
          } else refused++;
        },
      ),
      { seed: 3, numRuns: runs(200) },
    );
    // Both kinds happen: changes only in spacing are taken, the others refused.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(50);
  });
});
