import { describe, expect, it } from 'vitest';
import type { AskRequest } from '../../src/interview/asker.js';
import { renderGapReport } from '../../src/interview/gap-report.js';
import {
  choiceListsOf,
  profileInForce,
  questionInForce,
  type ChoiceLists,
  type ProfileInForce,
} from '../../src/interview/profile-in-force.js';
import type { FieldSpec, QuestionSpec, Scalar } from '../../src/interview/question-model.js';
import { questionsFromMethodology } from '../../src/interview/questions-from-methodology.js';
import { runInterview } from '../../src/interview/run-interview.js';
import { fileWordsIn, fileWordsOf, inProfileWords } from '../../src/interview/plain-words.js';
import { loadSchemas } from '../../src/io/package-files.js';
import { interpolateWords } from '../../src/methodology/evidence-schema.js';
import { findItem } from '../../src/methodology/types.js';
import { resolveProfile } from '../../src/scoring/resolve-profile.js';
import { builtinMethodology } from '../helpers.js';
import { rowsToRun } from '../properties.js';
import { AnsweringAsker } from './answering-asker.js';
import { builtinPlan, interviewSession } from './interview-session.js';
import { ScriptedAsker, act, answer, type Step } from './scripted-asker.js';

const builtin = builtinMethodology();
const COMBINATIONS = builtin.profiles.flatMap((p) => builtin.formalities.map((f) => [p.id, f.id] as const));
/** Each type once in the fast loop, the formalities in turn: twelve whole interviews are npm test's. */
const typeIndex = (type: string) => builtin.profiles.findIndex((p) => p.id === type);
const WHOLE_INTERVIEWS = rowsToRun(
  COMBINATIONS,
  ([type, formality]) => builtin.formalities[typeIndex(type) % builtin.formalities.length]!.id === formality,
);
const profileOf = (type: string, formality?: 'funded' | 'volunteer') =>
  resolveProfile(builtin, { type, ...(formality ? { formality } : {}), params: {} });
const skip = (id: string): Step => ({ ask: id, reply: act('skip') });

/** The choices the objectives question offers for an objective's value area. */
function areaChoices(request: AskRequest): Scalar[] {
  const spec = request.fill.value;
  if (spec.kind !== 'records') throw new Error(`purpose.objectives is asked as ${spec.kind}`);
  const area: FieldSpec | undefined = spec.fields.find((f) => f.key === 'area');
  if (area?.value.kind !== 'one-choice') throw new Error(`the value area is asked as ${area?.value.kind ?? 'nothing'}`);
  return area.value.choices.map((c) => c.value);
}

describe("the interview speaks in the words of the plan's profile", () => {
  it.each(WHOLE_INTERVIEWS)(
    'shows no {word:…} placeholder for type %s, formality %s: in questions, help, feedback, the summary and the gap report; no plan path or raw value on screen',
    async (type, formality) => {
      const reports: string[] = [];
      const asker = new AnsweringAsker(true);
      const s = interviewSession(asker, builtinPlan({ type, formality }), builtin, {
        writeGapReport: async () => {
          const assessment = s.options.commit(s.saves.at(-1)!);
          if (!assessment.ok) throw new Error(assessment.problem);
          reports.push(renderGapReport(assessment.assessment, builtin, 'markdown', '0.0.0'));
          reports.push(renderGapReport(assessment.assessment, builtin, 'text', '0.0.0'));
          return 'plan.gaps.md';
        },
      });
      await runInterview(asker, s.options);
      expect(asker.eventsOf('why').length).toBeGreaterThan(10);
      expect(asker.eventsOf('feedback').length).toBeGreaterThan(10);
      expect(asker.eventsOf('summary').filter((e) => e.final)).toHaveLength(1);
      expect(reports).toHaveLength(2);
      const leaks = [...asker.shown, ...reports].flatMap((text) => text.split('\n')).filter((line) => line.includes('{word:'));
      expect(leaks).toEqual([]);
      // What the terminal shows in default mode speaks plainly: no placeholder, plan path, key or stored value.
      const fileWords = fileWordsOf(
        loadSchemas().plan,
        Object.values(builtin.lists).map((l) => l.values),
      );
      // An item's id in the command that opens its whole guide (`commready explain governance.host`) is for typing.
      // An item's id in the command that opens its whole guide (`commready explain governance.host`) is for typing.
      const spoken = asker.screens
        .flatMap((text) => text.split('\n'))
        .map((line) => line.replace(/commready explain [\w.-]+/g, 'commready explain'))
        .flatMap((line) => fileWordsIn(line, fileWords).map((w) => `${w} in: ${line}`));
      expect(spoken).toEqual([]);
      // The texts that hold placeholders were shown, in this profile's words.
      const { words } = profileOf(type, formality);
      const hostTitle = interpolateWords(findItem(builtin, 'governance.host')!.title, words);
      expect(hostTitle).toContain(words.host);
      expect(asker.shown.some((text) => text.includes(hostTitle))).toBe(true);
      // Every word is said in this profile's form: the accountable host, who the members are, the roster's example.
      expect(hostTitle).toBe(`One named ${words.host_or_manager} is accountable, with defined authority`);
      expect(asker.screens.some((text) => text.includes(`Which channels will ${words.members} talk in?`))).toBe(true);
      expect(asker.screens).toContain(`Ana Lima: ${words.host}, moderator`);
      expect(Object.keys(words).sort()).toEqual(['host', 'host_or_manager', 'members', 'sponsor']);
    },
    60_000,
  );

  it('changes the words when the screener changes the type, also after going back', async () => {
    const s = interviewSession(
      new ScriptedAsker([
        { ask: 'screener.type', reply: answer('customer') },
        skip('screener.formality'),
        { ask: 'purpose.objectives', reply: act('why') },
        { ask: 'purpose.objectives', reply: act('back') },
        { ask: 'screener.formality', reply: act('back') },
        { ask: 'screener.type', reply: answer('grassroots') },
        skip('screener.formality'),
        { ask: 'purpose.objectives', reply: act('why') },
        skip('purpose.objectives'),
        { confirm: false },
      ]),
      builtinPlan({}),
      builtin,
      { scope: { items: ['purpose.objectives'] } },
    );
    await runInterview(s.asker, s.options);
    expect(s.asker.remaining).toBe(0);
    // A customer community is funded by default, a grassroots one run by volunteers.
    expect(s.asker.eventsOf('why').map((e) => e.items.map((i) => i.title))).toEqual([
      ['One or two objectives of the sponsor are written, each tied to a value area that fits the kind of community'],
      ['One or two objectives of the organising group are written, each tied to a value area that fits the kind of community'],
    ]);
  });
});

describe("the profile's words where they differ", () => {
  const sizeQuestions = builtin.screener.filter((q) => q.fills.some((f) => f.path === 'community.size'));
  const asked = (type: string, formality?: 'funded' | 'volunteer') => {
    const profile = profileInForce(builtin, { community: { type, ...(formality ? { formality } : {}) } });
    return sizeQuestions.map((q) => questionInForce(q, profile, choiceListsOf(builtin)).message);
  };

  it("asks an open-source project's size as its contributors, and every other type's as its members", () => {
    expect(sizeQuestions.length).toBeGreaterThan(0);
    expect(asked('open-source', 'volunteer').join(' ')).toMatch(/^How many contributors does it have/);
    for (const type of ['customer', 'internal', 'professional', 'grassroots']) {
      expect(asked(type).every((m) => m.startsWith('How many members does it have'))).toBe(true);
    }
  });

  it('says "members" in its plain sense as written, for open source too', () => {
    const words = profileInForce(builtin, { community: { type: 'open-source' } }).words;
    expect(words.members).toBe('contributors');
    expect(inProfileWords('Most registered members only read.', words)).toBe('Most registered members only read.');
  });

  it("gives a volunteer group's host the organiser's name: in the accountable host's title and as the role a new host joins with", () => {
    const volunteer = profileInForce(builtin, { community: { type: 'grassroots' } });
    const host = questionsFromMethodology(builtin, loadSchemas().plan).find((q) => q.fills.some((f) => f.path === 'team.host.name'))!;
    expect(interpolateWords(findItem(builtin, 'governance.host')!.title, volunteer.words)).toBe(
      'One named organiser is accountable, with defined authority',
    );
    expect(questionInForce(host, volunteer, choiceListsOf(builtin)).fills[0]!.value).toEqual({ kind: 'person', role: 'organiser' });
  });
});

describe("the value areas offered are those of the plan's profile", () => {
  it.each(COMBINATIONS)(
    'offers type %s, formality %s its own value areas, refuses others, and an answer from them meets the rule',
    async (type, formality) => {
      const areas = profileOf(type, formality).lists.value_areas!;
      const outsider = builtin.profiles.flatMap((p) => p.lists.value_areas ?? []).find((a) => !areas.includes(a))!;
      const objective = (area: string) => [{ objective: 'Keep fifty regulars coming every month', area }];
      const s = interviewSession(
        new ScriptedAsker([
          { ask: 'purpose.objectives', reply: answer(objective(outsider)) },
          { ask: 'purpose.objectives', reply: answer(objective(areas.at(-1)!)) },
          { confirm: false },
        ]),
        builtinPlan({ type, formality }),
        builtin,
        { scope: { items: ['purpose.objectives'] } },
      );
      const result = await runInterview(s.asker, s.options);
      expect(s.asker.remaining).toBe(0);
      expect(s.asker.asked.map(areaChoices)).toEqual([areas, areas]);
      expect(s.asker.asked[1]!.problem).toMatch(/pick one of the choices/);
      expect(s.saves).toHaveLength(1);
      expect(s.last().purpose.objectives).toEqual(objective(areas.at(-1)!));
      expect(result.assessment!.items.find((i) => i.itemId === 'purpose.objectives')).toMatchObject({ status: 'met', failed: [] });
    },
  );

  it('offers the areas of the type the screener puts in force, also after going back to change it', async () => {
    const s = interviewSession(
      new ScriptedAsker([
        { ask: 'screener.type', reply: answer('customer') },
        skip('screener.formality'),
        { ask: 'purpose.objectives', reply: act('back') },
        { ask: 'screener.formality', reply: act('back') },
        { ask: 'screener.type', reply: answer('grassroots') },
        skip('screener.formality'),
        { ask: 'purpose.objectives', reply: answer([{ objective: 'Keep fifty regulars coming every month', area: 'belonging' }]) },
        { confirm: false },
      ]),
      builtinPlan({}),
      builtin,
      { scope: { items: ['purpose.objectives'] } },
    );
    const result = await runInterview(s.asker, s.options);
    expect(s.asker.remaining).toBe(0);
    expect(s.asker.asked.filter((r) => r.question.id === 'purpose.objectives').map(areaChoices)).toEqual([
      profileOf('customer').lists.value_areas,
      profileOf('grassroots').lists.value_areas,
    ]);
    expect(result.assessment!.items.find((i) => i.itemId === 'purpose.objectives')).toMatchObject({ status: 'met' });
  });
});

describe('a question in the profile in force', () => {
  const question: QuestionSpec = {
    id: 'test.areas',
    message: 'What does the {word:sponsor} want?',
    help: 'Ask the {word:host}: at least {share_min}.',
    fills: [
      { path: 'custom.area', value: { kind: 'short-text' } },
      { path: 'custom.areas', value: { kind: 'text-list' }, message: 'And the {word:host}?' },
      {
        path: 'custom.kind',
        value: { kind: 'one-choice', choices: [{ value: 'x', name: 'By the {word:host}', description: '{word:sponsor}' }] },
      },
    ],
    feeds: [],
    tier: 'core',
    seconds: 10,
    phaseId: 'screener',
  };
  const lists: ChoiceLists = new Map([
    ['custom.area', new Map([['', 'value_areas']])],
    ['custom.areas', new Map([['', 'value_areas']])],
  ]);
  const words = { host: 'organiser', sponsor: 'organising group' };
  const profile: ProfileInForce = {
    words,
    lists: { value_areas: ['belonging', 'fun'] },
    text: { words, params: { share_min: '10%' } },
    stored: { words, params: { share_min: '0.1' } },
    params: { share_min: 0.1 },
    formality: 'volunteer',
  };

  it("fills the placeholders of its message, help, follow-ups and choices with the profile's words and thresholds", () => {
    const shown = questionInForce(question, profile, lists);
    expect([shown.message, shown.help, shown.fills[1]!.message]).toEqual([
      'What does the organising group want?',
      'Ask the organiser: at least 10%.',
      'And the organiser?',
    ]);
    expect(shown.fills[2]!.value).toEqual({
      kind: 'one-choice',
      choices: [{ value: 'x', name: 'By the organiser', description: 'organising group' }],
    });
  });

  it("offers a choice rule's list in force: one answer for a single value, several for a list", () => {
    const shown = questionInForce(question, profile, lists);
    const choices = [
      { value: 'belonging', name: 'Belonging' },
      { value: 'fun', name: 'Fun' },
    ];
    expect(shown.fills.slice(0, 2).map((f) => f.value)).toEqual([
      { kind: 'one-choice', choices },
      { kind: 'several-choices', choices },
    ]);
  });

  it('reads the type and formality the plan holds now, ignoring values the methodology does not know', () => {
    expect(profileInForce(builtin, { community: { type: 'grassroots' } }).words).toMatchObject({ host: 'organiser' });
    expect(profileInForce(builtin, { community: { type: 'grassroots', formality: 'funded' } }).words).toMatchObject({ host: 'host' });
    expect(profileInForce(builtin, { community: { type: 'nonesuch', formality: 'paid' } })).toEqual(profileInForce(builtin, {}));
    expect(choiceListsOf(builtin).get('purpose.objectives')).toEqual(new Map([['area', 'value_areas']]));
  });
});
