// Pure: one interview's state and what the flow reads from it: the plan as it stands (saved after every
// answer), the profile and tiers in force, whether a question is answered or applies, the methodology's
// texts in this community's words, and how a set of changes is saved.
import type { Document } from 'yaml';
import { InterruptedError } from '../errors.js';
import { fillPlaceholders } from '../methodology/placeholders.js';
import { findItem, type Item, type Methodology } from '../methodology/types.js';
import {
  deletePlanValue,
  layoutOf,
  readPlanDocument,
  renderEditedPlan,
  setPlanValue,
  stringifyPlan,
  type PlanPath,
  type RenderedEdit,
} from '../plan/edit-plan.js';
import { isOpen, type PlanAssessment } from '../scoring/types.js';
import type { Asker, ItemFeedback } from './asker.js';
import { failedInWords } from './failed-in-force.js';
import { fileWordsOf, inProfileWords, plainRuleMessage, type FileWords } from './plain-words.js';
import { choiceListsOf, profileInForce, type ChoiceLists, type ProfileInForce } from './profile-in-force.js';
import { conditionHolds, isAnswered, valueAtPath, type FillSpec, type QuestionSpec } from './question-model.js';
import type { CommitOutcome, InterviewOptions, InterviewScope } from './run-interview.js';
import { rosterOf } from './roster-entry.js';
import { gateItems, severitiesInForce, tierInForce, type SeveritiesInForce } from './tiers-in-force.js';
import { kindOf, type SpecOf } from './value-kinds/index.js';
import type { ValueKind } from '../methodology/question-types.js';

/** One edit of the plan: a value set at a path, or removed (undefined). */
export type Change = { path: PlanPath; value: unknown };

/** A note an honest "No" writes, so that a later answer with the fact can take it back. */
export const NOT_IN_PLACE = 'Not in place yet:';

/** What the interview knows and has done so far; the plan's document changes with every answer saved. */
export interface InterviewState {
  readonly asker: Asker;
  readonly o: InterviewOptions;
  readonly m: Methodology;
  readonly scope: InterviewScope;
  /** Only a phase, some items or the open points: the screener asks only what the plan cannot do without. */
  readonly narrowed: boolean;
  /** The file's own words (keys, stored values), said in plain words by default. */
  readonly words: FileWords;
  readonly choiceLists: ChoiceLists;
  readonly gates: ReadonlySet<string>;
  doc: Document;
  text: string;
  assessment: PlanAssessment | undefined;
  /** Answers written this session, and questions asked (each path asked counts one). */
  answered: number;
  asked: number;
  readonly dontKnow: string[];
  /** The profile in force for a document, and the severities in force for an assessment: worked out once each. */
  profile?: { of: Document; inForce: ProfileInForce };
  inForce?: { of: PlanAssessment; severities: SeveritiesInForce };
  /** yaml's own rendering of a document, the base the next save's text is worked out from. */
  rendering?: { of: Document; text: string };
  /** The plan as plain data, read once per saved text (the agenda reads it for every entry it counts). */
  plainData?: { of: Document; text: string; data: unknown };
}

export function createState(asker: Asker, o: InterviewOptions): InterviewState {
  const scope = o.scope ?? {};
  const m = o.methodology;
  return {
    asker,
    o,
    m,
    scope,
    narrowed: scope.items !== undefined || scope.phase !== undefined || scope.onlyGaps === true,
    words: fileWordsOf(
      o.planSchema,
      Object.values(m.lists).map((l) => l.values),
    ),
    choiceLists: choiceListsOf(m),
    gates: gateItems(m),
    doc: o.doc,
    text: o.text,
    assessment: o.assessment,
    answered: 0,
    asked: 0,
    dontKnow: [],
  };
}

/** The plan as it stands, as plain data: read only, shared until the next save. */
export function data(s: InterviewState): unknown {
  const cached = s.plainData;
  if (cached?.of === s.doc && cached.text === s.text) return cached.data;
  const plain: unknown = s.doc.toJS() ?? {};
  s.plainData = { of: s.doc, text: s.text, data: plain };
  return plain;
}

export function profileNow(s: InterviewState): ProfileInForce {
  if (s.profile?.of !== s.doc) s.profile = { of: s.doc, inForce: profileInForce(s.m, data(s)) };
  return s.profile.inForce;
}

/** Methodology text in this community's words: placeholders filled, programme words in the profile's words. */
export function said(s: InterviewState, text: string): string {
  return inProfileWords(fillPlaceholders(text, profileNow(s).text), profileNow(s).words);
}

export function itemTitle(s: InterviewState, id: string): string {
  return said(s, s.assessment?.items.find((i) => i.itemId === id)?.title ?? findItem(s.m, id)?.title ?? id);
}

export function phaseTitle(s: InterviewState, phaseId: string): string {
  return phaseId === 'screener' ? 'About the community' : said(s, s.m.phases.find((p) => p.id === phaseId)?.title ?? phaseId);
}

export function itemsOf(s: InterviewState, q: QuestionSpec): Item[] {
  return q.feeds.flatMap((id) => findItem(s.m, id) ?? []);
}

/** Tiers follow the plan's profile, stage and facts as the latest assessment resolved them. */
export function severitiesNow(s: InterviewState): SeveritiesInForce | undefined {
  if (s.assessment && s.inForce?.of !== s.assessment) s.inForce = { of: s.assessment, severities: severitiesInForce(s.assessment) };
  return s.assessment ? s.inForce!.severities : undefined;
}

export function tierNow(s: InterviewState, q: QuestionSpec): QuestionSpec['tier'] | undefined {
  const now = severitiesNow(s);
  return now ? tierInForce(q, s.m, s.gates, now) : q.tier;
}

/** What the plan's facts put in force: a change means the questions after the screener are planned again. */
export function profileKey(s: InterviewState): string {
  const d = data(s);
  const facts = ['community.type', 'community.formality', 'community.stage', 'community.format', 'community.minors'].map((p) =>
    JSON.stringify(valueAtPath(d, p) ?? null),
  );
  return `${facts.join()}|${[...(severitiesNow(s)?.values() ?? [])].join()}`;
}

export function statusOf(s: InterviewState, id: string): string | undefined {
  return s.assessment?.items.find((i) => i.itemId === id)?.status;
}

export function itemOpen(s: InterviewState, id: string): boolean {
  const status = statusOf(s, id);
  return status === undefined || isOpen(status as never);
}

/** The plan's own answer for an item (`assessment.<id>`), if any. */
export function answerOf(s: InterviewState, id: string): Record<string, unknown> | undefined {
  const a = valueAtPath(data(s), `assessment.${id}`);
  return a && typeof a === 'object' ? (a as Record<string, unknown>) : undefined;
}

/** Every path answered, or every item it feeds answered for itself (n/a, an honest no, later). */
export function isHandled(s: InterviewState, q: QuestionSpec): boolean {
  const d = data(s);
  if (q.fills.every((f) => isAnswered(valueAtPath(d, f.path)))) return true;
  return q.feeds.length > 0 && q.feeds.every((id) => isAnswered(answerOf(s, id)?.status) || isAnswered(answerOf(s, id)?.due));
}

export function applies(s: InterviewState, q: QuestionSpec): boolean {
  return q.fills.every((f) => s.o.accepts(f.path)) && conditionHolds(q.when, data(s)) && tierNow(s, q) !== undefined;
}

export function inScope(s: InterviewState, q: QuestionSpec): boolean {
  return (
    (s.scope.phase === undefined || q.phaseId === s.scope.phase) &&
    (s.scope.items === undefined || q.feeds.some((id) => s.scope.items!.includes(id)))
  );
}

export function sizeNow(s: InterviewState): number | undefined {
  const size = valueAtPath(data(s), 'community.size');
  return typeof size === 'number' ? size : undefined;
}

/**
 * Saves the changes together: checked, assessed and written by the command, or refused with the reason.
 * The changes are applied to the plan's document itself (copying a whole plan for every answer costs more
 * than the rest of the edit); when nothing is saved, the document is read again from the saved text.
 */
export function commitChanges(s: InterviewState, changes: readonly Change[]): CommitOutcome {
  let saved = false;
  try {
    const edit = editedPlan(s, changes);
    if ('problem' in edit) return { ok: false, problem: edit.problem };
    // The same answer given again changes nothing: nothing is written, and it is no answer saved this session.
    const unchanged = edit.text === s.text && s.assessment !== undefined;
    const outcome = unchanged && s.assessment ? { ok: true as const, assessment: s.assessment } : s.o.commit(edit.text);
    if (outcome.ok) {
      // The document kept is the one the saved text holds: the very one changed where that is proven (the
      // file is yaml's own rendering, or the fast reader reads it as that document), else the text read
      // back. The next answer is applied to what the file holds.
      s.doc = edit.doc;
      s.rendering = { of: edit.doc, text: edit.rendering };
      s.text = edit.text;
      s.assessment = outcome.assessment;
      if (!unchanged) s.answered++;
      saved = true;
    }
    return outcome;
  } finally {
    // The document changed in place (it may be the same object): what was worked out from it is stale.
    s.profile = undefined;
    s.plainData = undefined;
    if (!saved) {
      s.doc = readPlanDocument(s.text);
      s.rendering = undefined;
    }
  }
}

/** The plan's document with the changes applied, and its new text; or why the plan cannot take them. */
function editedPlan(s: InterviewState, changes: readonly Change[]): RenderedEdit | { problem: string } {
  // The base of the new text is worked out before the document changes under it.
  const rendering = s.rendering?.of === s.doc ? s.rendering.text : stringifyPlan(s.doc, layoutOf(s.text));
  try {
    for (const c of changes) {
      if (c.value === undefined) deletePlanValue(s.doc, c.path);
      else setPlanValue(s.doc, c.path, c.value);
    }
    return renderEditedPlan(s.text, rendering, s.doc);
  } catch (error) {
    // The plan holds something else where the answer goes (a value written by hand): keep it, say so.
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Roster changes that add the people named (each with their role) where they are not on it yet. */
export function rosterAdditions(s: InterviewState, named: readonly { name: string; role: string | undefined }[]): Change[] {
  if (!s.o.accepts('people')) return [];
  const raw = valueAtPath(data(s), 'people');
  let length = Array.isArray(raw) ? raw.length : 0;
  const known = new Set(rosterOf(data(s)).map((p) => p.name.trim().replace(/\s+/g, ' ').toLowerCase()));
  const out: Change[] = [];
  for (const { name, role } of named) {
    const key = name.trim().replace(/\s+/g, ' ').toLowerCase();
    if (key.length === 0 || known.has(key)) continue;
    known.add(key);
    out.push({ path: ['people', length++], value: { name: name.trim(), roles: role ? [role] : [] } });
  }
  return out;
}

/** Where an answer with the fact takes back an earlier honest "No" for the point. */
export function withdrawNo(s: InterviewState, q: QuestionSpec): Change[] {
  return q.feeds.flatMap((id) => {
    const a = answerOf(s, id);
    if (typeof a?.note !== 'string' || !a.note.startsWith(NOT_IN_PLACE)) return [];
    return [
      { path: ['assessment', id, 'status'], value: undefined },
      { path: ['assessment', id, 'note'], value: undefined },
    ];
  });
}

/** What an item still lacks, as the user reads it. */
export function missing(s: InterviewState, id: string): string[] {
  const r = s.assessment?.items.find((i) => i.itemId === id);
  const item = findItem(s.m, id);
  if (!r || !item) return [];
  return failedInWords(item, r.failed, profileNow(s), s.words, s.o.showPaths);
}

/** Live feedback after an answer: where the points it feeds stand now, and the score. */
export function feedback(s: InterviewState, q: QuestionSpec): void {
  const assessment = s.assessment;
  if (!assessment) return;
  const items: ItemFeedback[] = q.feeds.flatMap((id) => {
    const r = assessment.items.find((i) => i.itemId === id);
    return r ? [{ itemId: id, title: itemTitle(s, id), status: r.status, failed: missing(s, id) }] : [];
  });
  if (items.length > 0) s.asker.show({ kind: 'feedback', items, score: assessment.score });
}

/** A methodology text as the question shows it: the file's stored values and paths in words, unless asked for. */
export function plain(s: InterviewState, text: string): string {
  return s.o.showPaths ? text : plainRuleMessage(text, s.words);
}

/** Why the plan refused an answer, without the place in the file it names ("launch.retros[0] must be a date"). */
export function plainProblem(s: InterviewState, problem: string): string {
  return s.o.showPaths
    ? problem
    : plain(s, problem.replace(/^the plan would not be valid: [a-z_]+(?:[.[][\w*\]-]+)+ /, 'the answer does not fit: it '));
}

/** A fill with its texts in plain words, as its kind has them ("Which point (main language, …)"). */
export function plainFill(s: InterviewState, fill: FillSpec): FillSpec {
  const value = kindOf(fill.value).inPlainWords(fill.value as SpecOf<ValueKind>, (text) => plain(s, text));
  return value === fill.value ? fill : { ...fill, value };
}

/** The interview stopped by a signal, named as the signal was. */
export function interrupted(signal: AbortSignal): InterruptedError {
  const reason = signal.reason;
  return new InterruptedError(reason === 'SIGTERM' || reason === 'SIGHUP' ? reason : 'SIGINT', 'interrupted');
}
