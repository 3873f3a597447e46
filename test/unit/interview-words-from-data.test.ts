// The interview's words that come from data (the plan schema's descriptions, the question texts, the
// guides' steps) read as plain sentences on screen: field labels are whole, hints are said once, steps
// start as sentences, and the CLI's own lines break at word boundaries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { questionsFromMethodology } from '../../src/interview/questions-from-methodology.js';
import { entryHint, type FieldSpec, type QuestionSpec } from '../../src/interview/question-model.js';
import { loadSchemas } from '../../src/io/package-files.js';
import { allItems } from '../../src/methodology/types.js';
import { firstSentence } from '../../src/methodology/value-from-schema.js';
import { firstSteps } from '../../src/report/report-view.js';
import { builtinMethodology, fakeIo } from '../helpers.js';

const builtin = builtinMethodology();
const questions: QuestionSpec[] = questionsFromMethodology(builtin, loadSchemas().plan);
const fillsOf = (q: QuestionSpec) => q.fills;
const fieldsOf = (q: QuestionSpec): FieldSpec[] =>
  fillsOf(q).flatMap((fill) => (fill.value.kind === 'records' ? [...fill.value.fields] : []));

describe('field labels taken from the plan schema', () => {
  const labels = questions.flatMap((q) => fieldsOf(q).map((f) => ({ question: q.id, key: f.key, message: f.message })));

  it('are asked for list entries of the built-in methodology', () => {
    expect(labels.length).toBeGreaterThan(20);
  });

  it('never show a file key in backticks, nor a sentence cut at an abbreviation', () => {
    const bad = labels.filter((l) => /`|\b(?:e\.?g|i\.?e)\.?$/i.test(l.message));
    expect(bad).toEqual([]);
  });

  it("take the field's own words before the shared definition's (a rota's name is 'Who', not the roster rule)", () => {
    const rota = labels.find((l) => l.key === 'name' && /rota|cover/i.test(l.question + l.message));
    const roster = labels.filter((l) => /written as in the roster/.test(l.message));
    expect(roster).toEqual([]);
    expect(rota === undefined || !/roster/.test(rota.message)).toBe(true);
  });
});

describe('firstSentence', () => {
  it.each([
    ["When they are on duty, e.g. 'Mon-Wed, 09:00-17:00 CET'.", "When they are on duty, e.g. 'Mon-Wed, 09:00-17:00 CET'"],
    ['The level, e.g. critical. More words.', 'The level, e.g. critical'],
    ['Who. Then more.', 'Who'],
    ['Is it open? Yes.', 'Is it open?'],
    ['No full stop at all', 'No full stop at all'],
    ['Tools, i.e. the ones in use, etc. and the rest.', 'Tools, i.e. the ones in use, etc. and the rest'],
  ])('%j → %j', (text, label) => {
    expect(firstSentence(text)).toBe(label);
  });
});

describe('hints after a question', () => {
  it('are said once: no question text states how to separate entries, the entry hint does', () => {
    const twice = questions.flatMap((q) =>
      fillsOf(q)
        .map((fill) => `${fill.message ?? q.message}${entryHint(fill.value)}`)
        .filter((prompt) => (prompt.match(/comma/gi) ?? []).length > 1 || /separated by commas\)\?.*\(/.test(prompt)),
    );
    expect(twice).toEqual([]);
  });

  it('do not tell a question answered by ticking names to separate them with commas', () => {
    const tickable = questions.flatMap((q) =>
      fillsOf(q).filter((fill) => fill.value.kind === 'person' && fill.value.several && /comma/i.test(fill.message ?? q.message)),
    );
    expect(tickable).toEqual([]);
  });
});

describe('first steps of a guide', () => {
  it('start as a sentence once the Steps label is taken off', () => {
    expect(firstSteps({ guidance: 'Intro.\n\n**Steps:** agree the ladder; rehearse two cases.' })).toEqual([
      'Agree the ladder; rehearse two cases.',
    ]);
    const lower = allItems(builtin)
      .flatMap((item) => firstSteps(item))
      .filter((step) => /^[a-z]/.test(step));
    expect(lower).toEqual([]);
  });
});

describe("init's closing line in a terminal", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'commready-init-wrap-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('breaks at word boundaries at the terminal width', async () => {
    const io = fakeIo({ columns: 60 });
    const file = path.join(tmp, 'community-plan.yaml');
    expect(await main(['init', file], io)).toBe(0);
    const lines = io.out.join('').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    // Joined again, the words are whole: nothing was cut inside a word.
    expect(lines.join(' ')).toContain("or fill it in and run 'commready report");
  });
});
