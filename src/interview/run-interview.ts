// The interview flow: the screener, who is involved, then a quick path through the points that decide
// the level, and the next tiers as offers; saving after every answer and showing live feedback in plain
// words. Talks to the user only through an Asker.
import type { Document } from 'yaml';
import { InterruptedError } from '../errors.js';
import { fillPlaceholders } from '../methodology/placeholders.js';
import { findItem, levelInStage, type Item, type Methodology } from '../methodology/types.js';
import { deletePlanValue, renderPlanEdit, setPlanValue, type PlanPath } from '../plan/edit-plan.js';
import { STARTER_NAME } from '../plan/starter-plan.js';
import { isOpen, type PlanAssessment } from '../scoring/types.js';
import type { Asker, AskRequest, Block, InterviewEvent, ItemFeedback, OtherAction, Position, Reply } from './asker.js';
import { failedInWords } from './failed-in-force.js';
import { honestNo } from './honest-no.js';
import { answerSeconds, asksOf, decidingItems, minutesOf, planTiers, QUICK_PATH, type QuickPathBudget } from './interview-plan.js';
import { rolesOf } from './person-fields.js';
import { fileWordsOf, inProfileWords, plainRuleMessage, type FileWords } from './plain-words.js';
import { firstSteps } from '../report/report-view.js';
import { choiceListsOf, profileInForce, questionInForce, type ProfileInForce } from './profile-in-force.js';
import {
  checkEntered,
  conditionHolds,
  isAnswered,
  pathSegments,
  toEntered,
  valueAtPath,
  type FillSpec,
  type QuestionSpec,
  type ValueSpec,
} from './question-model.js';
import { mergeRoster, rosterLine, rosterOf, type RosterPerson } from './roster-entry.js';
import { minimumInForce, thresholdInForce } from './thresholds-in-force.js';
import { gateItems, severitiesInForce, tierInForce, type SeveritiesInForce } from './tiers-in-force.js';

/** The result of handing a new plan text to the command: checked, assessed and saved, or refused. */
export type CommitOutcome = { ok: true; assessment: PlanAssessment } | { ok: false; problem: string };

export interface InterviewScope {
  /** Only this phase's questions (the screener still asks what the plan cannot do without). */
  phase?: string;
  /** Only questions feeding these items. */
  items?: readonly string[];
  /** Revisit answered questions too (and blocks skipped in an earlier session). */
  all?: boolean;
  /** Only questions whose items are open, answered or not. */
  onlyGaps?: boolean;
}

export interface InterviewOptions {
  methodology: Methodology;
  screener: readonly QuestionSpec[];
  questions: readonly QuestionSpec[];
  /** The plan schema: its keys and fixed values are the file's words, never shown in default mode. */
  planSchema: unknown;
  /** The plan as a yaml Document and the file's text it was read from (or the starter for a new file). */
  doc: Document;
  text: string;
  /** The assessment of the plan as read, if it was valid. */
  assessment?: PlanAssessment;
  /** Whether the plan schema accepts a path: questions for fields it does not know yet are not asked. */
  accepts(path: string): boolean;
  /** Checks, assesses and saves a new plan text; throws if it cannot be saved at all. */
  commit(text: string): CommitOutcome;
  scope?: InterviewScope;
  /** A plan this interview has just started from the starter: the screener asks every question. */
  newPlan?: boolean;
  /** The date a rating is reviewed on (YYYY-MM-DD), written beside it so that it can go stale. */
  today?: string;
  /** Aborted by a signal: stop before the next question. */
  signal?: AbortSignal;
  /** Writes the gap report next to the plan; returns the file written, or undefined if declined. */
  writeGapReport?: () => Promise<string | undefined>;
  gapReportName?: string;
  /** Plan paths beside questions and the rules' own wording in feedback (--show-paths). */
  showPaths?: boolean;
  /** Blocks skipped in an earlier session ('optional'): not offered again unless asked (--all). */
  skippedBefore?: readonly Block[];
  /** Told when the user skips a block, so that the next session does not offer it again. */
  rememberSkipped?(blocks: readonly Block[]): void;
  /** The quick path's size (default: about 30 questions and 10 minutes). */
  quickPath?: QuickPathBudget;
}

export interface InterviewResult {
  /** Answers written this session (values, n/a, no and later entries, the roster). */
  answered: number;
  dontKnow: readonly string[];
  /** Questions asked this session (each path asked counts one), and their estimated seconds. */
  asked: number;
  assessment?: PlanAssessment;
}

/** Paths the screener always confirms on a new or unfinished plan: the profile and the stage. */
const CONFIRMED = ['community.type', 'community.formality', 'community.stage'];
/** A note an honest "No" writes, so that a later answer with the fact can take it back. */
const NOT_IN_PLACE = 'Not in place yet:';

type Change = { path: PlanPath; value: unknown };
type Tier = 'rest' | 'important' | 'optional';
type Entry =
  /** `number` is the question's first path's number in its block; `of` counts every path the block asks. */
  | { kind: 'question'; q: QuestionSpec; block: Block; number: number; of: number; detour?: boolean }
  | { kind: 'people'; detour?: boolean }
  | { kind: 'plan' }
  | { kind: 'block-start'; block: Block; questions: readonly QuestionSpec[] }
  | { kind: 'offer'; block: Tier; questions: readonly QuestionSpec[] }
  | { kind: 'checkpoint' };
type QuestionEntry = Extract<Entry, { kind: 'question' }>;
type Outcome = 'done' | 'back' | { jump: Entry[] };

export async function runInterview(asker: Asker, o: InterviewOptions): Promise<InterviewResult> {
  const scope = o.scope ?? {};
  const m = o.methodology;
  const narrowed = scope.items !== undefined || scope.phase !== undefined || scope.onlyGaps === true;
  let doc = o.doc;
  let text = o.text;
  let assessment = o.assessment;
  let answered = 0;
  let asked = 0;
  const dontKnow: string[] = [];
  const words: FileWords = fileWordsOf(
    o.planSchema,
    Object.values(m.lists).map((l) => l.values),
  );
  const itemsOf = (q: QuestionSpec): Item[] => q.feeds.flatMap((id) => findItem(m, id) ?? []);

  const data = (): unknown => doc.toJS() ?? {};
  const choiceLists = choiceListsOf(m);
  let profile: { of: Document; inForce: ProfileInForce } | undefined;
  const profileNow = (): ProfileInForce => {
    if (profile?.of !== doc) profile = { of: doc, inForce: profileInForce(m, data()) };
    return profile.inForce;
  };
  /** Methodology text in this community's words: placeholders filled, programme words in the profile's words. */
  const said = (text: string): string => inProfileWords(fillPlaceholders(text, profileNow().text), profileNow().words);
  const itemTitle = (id: string): string => said(assessment?.items.find((i) => i.itemId === id)?.title ?? findItem(m, id)?.title ?? id);
  const phaseTitle = (phaseId: string): string =>
    phaseId === 'screener' ? 'About the community' : said(m.phases.find((p) => p.id === phaseId)?.title ?? phaseId);

  // Tiers follow the plan's profile, stage and facts as the latest assessment resolved them.
  const gates = gateItems(m);
  let inForce: { of: PlanAssessment; severities: SeveritiesInForce } | undefined;
  const severitiesNow = (): SeveritiesInForce | undefined => {
    if (assessment && inForce?.of !== assessment) inForce = { of: assessment, severities: severitiesInForce(assessment) };
    return assessment ? inForce!.severities : undefined;
  };
  const tierNow = (q: QuestionSpec): QuestionSpec['tier'] | undefined => {
    const now = severitiesNow();
    return now ? tierInForce(q, m, gates, now) : q.tier;
  };
  /** What the plan's facts put in force: a change means the questions after the screener are planned again. */
  const profileKey = (): string => {
    const d = data();
    const facts = ['community.type', 'community.formality', 'community.stage', 'community.format', 'community.minors'].map((p) =>
      JSON.stringify(valueAtPath(d, p) ?? null),
    );
    return `${facts.join()}|${[...(severitiesNow()?.values() ?? [])].join()}`;
  };
  const statusOf = (id: string): string | undefined => assessment?.items.find((i) => i.itemId === id)?.status;
  const itemOpen = (id: string): boolean => {
    const status = statusOf(id);
    return status === undefined || isOpen(status as never);
  };
  const answerOf = (id: string): Record<string, unknown> | undefined => {
    const a = valueAtPath(data(), `assessment.${id}`);
    return a && typeof a === 'object' ? (a as Record<string, unknown>) : undefined;
  };
  /** Every path answered, or every item it feeds answered for itself (n/a, an honest no, later). */
  const isHandled = (q: QuestionSpec): boolean => {
    const d = data();
    if (q.fills.every((f) => isAnswered(valueAtPath(d, f.path)))) return true;
    return q.feeds.length > 0 && q.feeds.every((id) => isAnswered(answerOf(id)?.status) || isAnswered(answerOf(id)?.due));
  };
  const applies = (q: QuestionSpec): boolean =>
    q.fills.every((f) => o.accepts(f.path)) && conditionHolds(q.when, data()) && tierNow(q) !== undefined;
  const inScope = (q: QuestionSpec): boolean =>
    (scope.phase === undefined || q.phaseId === scope.phase) &&
    (scope.items === undefined || q.feeds.some((id) => scope.items!.includes(id)));

  // --- Saving ---------------------------------------------------------------------------------------
  const commitChanges = (changes: readonly Change[]): CommitOutcome => {
    const next = doc.clone();
    let nextText: string;
    try {
      for (const c of changes) {
        if (c.value === undefined) deletePlanValue(next, c.path);
        else setPlanValue(next, c.path, c.value);
      }
      nextText = renderPlanEdit(text, doc, next);
    } catch (error) {
      // The plan holds something else where the answer goes (a value written by hand): keep it, say so.
      return { ok: false, problem: error instanceof Error ? error.message : String(error) };
    }
    const outcome = o.commit(nextText);
    if (outcome.ok) {
      doc = next;
      text = nextText;
      assessment = outcome.assessment;
      answered++;
    }
    return outcome;
  };

  /** Roster changes that add the people named (each with their role) where they are not on it yet. */
  const rosterAdditions = (named: readonly { name: string; role: string | undefined }[]): Change[] => {
    if (!o.accepts('people')) return [];
    const raw = valueAtPath(data(), 'people');
    let length = Array.isArray(raw) ? raw.length : 0;
    const known = new Set(rosterOf(data()).map((p) => p.name.trim().replace(/\s+/g, ' ').toLowerCase()));
    const out: Change[] = [];
    for (const { name, role } of named) {
      const key = name.trim().replace(/\s+/g, ' ').toLowerCase();
      if (key.length === 0 || known.has(key)) continue;
      known.add(key);
      out.push({ path: ['people', length++], value: { name: name.trim(), roles: role ? [role] : [] } });
    }
    return out;
  };

  /** Where an answer with the fact takes back an earlier honest "No" for the point. */
  const withdrawNo = (q: QuestionSpec): Change[] =>
    q.feeds.flatMap((id) => {
      const a = answerOf(id);
      if (typeof a?.note !== 'string' || !a.note.startsWith(NOT_IN_PLACE)) return [];
      return [
        { path: ['assessment', id, 'status'], value: undefined },
        { path: ['assessment', id, 'note'], value: undefined },
      ];
    });

  // --- Words ------------------------------------------------------------------------------------------
  /** What an item still lacks, as the user reads it. */
  const missing = (id: string): string[] => {
    const r = assessment?.items.find((i) => i.itemId === id);
    const item = findItem(m, id);
    if (!r || !item) return [];
    return failedInWords(item, r.failed, profileNow(), words, o.showPaths);
  };
  const feedback = (q: QuestionSpec): void => {
    if (!assessment) return;
    const items: ItemFeedback[] = q.feeds.flatMap((id) => {
      const r = assessment!.items.find((i) => i.itemId === id);
      return r ? [{ itemId: id, title: itemTitle(id), status: r.status, failed: missing(id) }] : [];
    });
    if (items.length > 0) asker.show({ kind: 'feedback', items, score: assessment.score });
  };

  /** A methodology text as the question shows it: the file's stored values and paths in words, unless asked for. */
  const plain = (text: string): string => (o.showPaths ? text : plainRuleMessage(text, words));
  /** Why the plan refused an answer, without the place in the file it names ("launch.retros[0] must be a date"). */
  const plainProblem = (problem: string): string =>
    o.showPaths
      ? problem
      : plain(problem.replace(/^the plan would not be valid: [a-z_]+(?:[.[][\w*\]-]+)+ /, 'the answer does not fit: it '));
  /** A fill with its list's field prompts in plain words ("Which point (main language, …)"). */
  const plainFill = (fill: FillSpec): FillSpec => (fill.value.kind === 'records' ? { ...fill, value: plainRecords(fill.value) } : fill);
  const plainRecords = (spec: Extract<ValueSpec, { kind: 'records' }>): ValueSpec => ({
    ...spec,
    fields: spec.fields.map((f) => ({
      ...f,
      message: plain(f.message),
      value: f.value.kind === 'records' ? plainRecords(f.value) : f.value,
    })),
  });

  // --- Later, owners ----------------------------------------------------------------------------------
  const NEW = '\u0000new';
  const askOwner = async (): Promise<string | undefined> => {
    const people = rosterOf(data()).map((p) => p.name);
    let owner: string;
    if (people.length > 0) {
      const picked = await asker.choose('Who will answer it?', [
        ...people.map((p) => ({ value: p, name: p })),
        { value: NEW, name: 'Someone new (joins the roster)' },
      ]);
      owner = picked === NEW ? (await asker.text('Their name')).trim() : picked;
    } else owner = (await asker.text('Who will answer it? (a name)')).trim();
    return owner.length > 0 ? owner : undefined;
  };
  /** Puts the items off to an owner and a date, without a status: the facts keep judging them. */
  const later = async (itemIds: readonly string[]): Promise<boolean> => {
    const owner = await askOwner();
    if (!owner) {
      asker.show({ kind: 'notice', code: 'later-needs-owner' });
      return false;
    }
    const due = await asker.date('By when? (a date: YYYY-MM-DD)');
    const open = [...new Set(itemIds)].filter((id) => !isAnswered(answerOf(id)?.status) && statusOf(id) !== 'n/a');
    const changes: Change[] = open.flatMap((id): Change[] => [
      { path: ['assessment', id, 'owner'], value: owner },
      { path: ['assessment', id, 'due'], value: due },
    ]);
    if (changes.length === 0) return true;
    const outcome = commitChanges([...changes, ...rosterAdditions([{ name: owner, role: undefined }])]);
    if (!outcome.ok) asker.show({ kind: 'notice', code: 'later-needs-owner' });
    return outcome.ok;
  };

  // --- The agenda ---------------------------------------------------------------------------------------
  const screenerAsked = o.screener.filter((q) => q.fills.every((f) => o.accepts(f.path)));
  const unfinished = !o.newPlan && screenerAsked.some((q) => conditionHolds(q.when, data()) && !isHandled(q));
  const screenerEntries = numbered(screenerAsked, 'screener');
  const screenerWanted = (q: QuestionSpec): boolean => {
    if (!conditionHolds(q.when, data())) return false;
    // A narrowed interview asks only what the plan cannot do without.
    if (narrowed) return !isHandled(q);
    if (scope.all || o.newPlan) return true;
    if (unfinished && q.fills.some((f) => CONFIRMED.includes(f.path))) return true;
    // The name `commready init` writes when given none stands for the real one.
    if (q.fills.some((f) => f.path === 'community.name' && valueAtPath(data(), f.path) === STARTER_NAME)) return true;
    return !isHandled(q);
  };
  const hasPersonQuestion = o.questions.some((q) => q.fills.some((f) => f.value.kind === 'person' || hasPersonField(f.value)));
  const peopleWanted = (): boolean => o.accepts('people') && hasPersonQuestion && (o.newPlan === true || rosterOf(data()).length === 0);
  const agenda: Entry[] = [...screenerEntries, { kind: 'people' }, { kind: 'plan' }];

  /** The questions after the screener that apply, each at its tier in force, in methodology order. */
  const applicable = (): QuestionSpec[] =>
    o.questions
      .filter((q) => applies(q) && inScope(q) && (!scope.onlyGaps || (q.feeds.length > 0 ? q.feeds.some(itemOpen) : !isHandled(q))))
      .map((q) => {
        const tier = tierNow(q)!;
        const seconds = secondsInForce(q);
        return tier === q.tier && seconds === q.seconds ? q : { ...q, tier, seconds };
      });
  /** The time a question takes as measured, a list's growing with the entries its point asks for. */
  const secondsInForce = (q: QuestionSpec): number =>
    q.fills.reduce(
      (sum, f) =>
        sum + answerSeconds(f.value, f.value.kind === 'records' ? minimumInForce(f.path, itemsOf(q), profileNow().params, sizeNow()) : 1),
      0,
    );
  const sizeNow = (): number | undefined => {
    const size = valueAtPath(data(), 'community.size');
    return typeof size === 'number' ? size : undefined;
  };
  const planTail = (): Entry[] => {
    const list = applicable();
    if (narrowed) {
      // Phase by phase, each phase's points that decide the level first.
      const rank = { core: 0, major: 1, minor: 2 } as const;
      const phases = m.phases.map((p) => p.id);
      const ordered = list
        .map((q, i) => ({ q, i }))
        .sort((a, b) => phases.indexOf(a.q.phaseId) - phases.indexOf(b.q.phaseId) || rank[a.q.tier] - rank[b.q.tier] || a.i - b.i)
        .map((x) => x.q);
      return [{ kind: 'block-start', block: 'selected', questions: ordered }, ...numbered(ordered, 'selected')];
    }
    const stage = (assessment?.stage.id ?? valueAtPath(data(), 'community.stage') ?? 'planning') as 'planning';
    const deciding = decidingItems(m, stage, severitiesNow() ?? new Map());
    // The screener and the roster count toward the quick path's questions; its minutes are the points' own.
    const spent = { questions: asksOf(screenerAsked) + (hasPersonQuestion ? 1 : 0), seconds: 0 };
    const tiers = planTiers(list, deciding, o.quickPath ?? QUICK_PATH, spent);
    const level = m.levels.find((l) => l.id === tiers.quickLevel);
    quickLevel = level ? said(levelInStage(level, stage).title) : undefined;
    return [
      { kind: 'block-start', block: 'quick', questions: tiers.quick },
      ...numbered(tiers.quick, 'quick'),
      { kind: 'checkpoint' },
      ...(['rest', 'important', 'optional'] as const).flatMap((block): Entry[] =>
        tiers[block].length === 0 ? [] : [{ kind: 'offer', block, questions: tiers[block] }, ...numbered(tiers[block], block)],
      ),
    ];
  };
  let quickLevel: string | undefined;
  const declined = new Set<Block>();
  const decided = new Set<Block>();
  const skipped = new Set<Block>(scope.all ? [] : (o.skippedBefore ?? []));
  let stopped = false;

  /** Entries asked again whatever they hold: the one gone back to. */
  const forced = new Set<Entry>();
  /** Questions answered in this session (the screener asks each once, unless gone back to). */
  const answeredNow = new Set<QuestionSpec>();
  const wanted = (e: QuestionEntry): boolean => {
    if (forced.has(e)) return true;
    if (e.detour) return conditionHolds(e.q.when, data()) && (e.block === 'screener' || applies(e.q));
    if (e.block === 'screener') return !answeredNow.has(e.q) && screenerWanted(e.q);
    if (declined.has(e.block) || stopped) return false;
    if (!applies(e.q)) return false;
    return scope.all === true || (scope.onlyGaps === true ? e.q.feeds.length === 0 || e.q.feeds.some(itemOpen) : !isHandled(e.q));
  };

  // --- Asking one question ------------------------------------------------------------------------------
  const askQuestion = async (e: QuestionEntry, canGoBack: boolean): Promise<Outcome> => {
    const q = e.q;
    const items = itemsOf(q);
    const naItems = q.feeds.filter((id) => findItem(m, id)?.na === true);
    const baseActions: OtherAction[] = [
      ...(q.feeds.length > 0 || q.help ? (['why'] as const) : []),
      ...(naItems.length > 0 ? (['na'] as const) : []),
      ...(q.required ? [] : (['dont-know'] as const)),
      ...(q.feeds.length > 0 ? (['later'] as const) : []),
      ...(q.required ? [] : (['skip'] as const)),
      ...(canGoBack ? (['back'] as const) : []),
      'jump',
    ];
    for (const index of q.fills.keys()) {
      let problem: string | undefined;
      /** An answer refused (or one the plan could not take): offered again as typed, so nothing entered is lost. */
      let retry: { value: unknown } | undefined;
      for (;;) {
        if (o.signal?.aborted) throw interrupted(o.signal);
        // As the profile stands now: an answer to the screener may just have changed it.
        const shown = questionInForce(q, profileNow(), choiceLists);
        const fill = plainFill(shown.fills[index]!);
        const stored = valueAtPath(data(), fill.path);
        const current = retry ? retry.value : (toEntered(fill.value, stored) ?? inferredDefault(fill.path));
        const no = honestNo(fill, items);
        // Where "No" is one of the choices (a yes-or-no, `not-insured`), it is answered there.
        const offerNo = q.feeds.length > 0 && !q.required && no.kind === 'unmet';
        const actions: OtherAction[] = offerNo
          ? baseActions.flatMap((a): OtherAction[] => (a === 'na' || (a === 'dont-know' && !baseActions.includes('na')) ? ['no', a] : [a]))
          : baseActions;
        const people = rosterOf(data()).map((p) => p.name);
        const threshold = thresholdInForce(fill.path, fill.value, items, profileNow().params, sizeNow());
        const minimum = fill.value.kind === 'records' ? minimumInForce(fill.path, items, profileNow().params, sizeNow()) : undefined;
        const request: AskRequest = {
          question: shown,
          fill,
          message: plain(inProfileWords(fill.message ?? shown.message, profileNow().words)),
          ...(current !== undefined ? { default: current } : {}),
          // Nothing is chosen for the user: a yes, a choice or a person is said, never assumed.
          ...(current === undefined && (fill.value.kind === 'yes-no' || fill.value.kind === 'one-choice' || fill.value.kind === 'person')
            ? { noDefault: true }
            : {}),
          ...(threshold ? { threshold } : {}),
          ...(minimum ? { minimum } : {}),
          ...(q.feeds.length > 0 ? { point: { id: q.feeds[0]!, title: itemTitle(q.feeds[0]!) } } : {}),
          ...(o.showPaths ? { path: fill.path } : {}),
          people,
          actions,
          position: positionOf(e, index),
          phaseTitle: phaseTitle(q.phaseId),
          ...(problem ? { problem } : {}),
        };
        asked++;
        const reply: Reply = await asker.ask(request);
        problem = undefined;
        retry = reply.action === 'answer' ? { value: reply.value } : undefined;
        if (reply.action !== 'answer' && reply.action !== 'back' && !actions.includes(reply.action)) {
          asker.show({ kind: 'notice', code: reply.action === 'na' ? 'na-not-allowed' : 'required' });
          continue;
        }
        switch (reply.action) {
          case 'answer': {
            const checked = checkEntered(fill.value, reply.value);
            if (!checked.ok) {
              problem = checked.problem;
              continue;
            }
            const segments = pathSegments(fill.path);
            const changes: Change[] = [{ path: segments, value: checked.value }, ...withdrawNo(q)];
            if (o.today && segments[0] === 'assessment' && segments.length === 3 && segments[2] === 'status') {
              changes.push({ path: ['assessment', segments[1]!, 'reviewed'], value: o.today });
            }
            for (const c of newPeople(fill.value, checked.value)) changes.push(c);
            let outcome = commitChanges(changes);
            if (!outcome.ok && e.block === 'screener') outcome = await withWhatItNeeds(e, changes, outcome);
            if (!outcome.ok) {
              problem = plainProblem(outcome.problem);
              continue;
            }
            feedback(q);
            break;
          }
          case 'why':
            asker.show({
              kind: 'why',
              items: items.map((item) => ({
                itemId: item.id,
                title: itemTitle(item.id),
                why: o.showPaths ? said(item.why) : plainRuleMessage(said(item.why), words),
                // The guide speaks the file's language: by default its first steps in plain words, and where the rest is.
                guidance: o.showPaths
                  ? said(item.guidance)
                  : [
                      ...firstSteps(item).map((step) => plainRuleMessage(said(step), words)),
                      `The whole guide: commready explain ${item.id}`,
                    ].join(' '),
              })),
              ...(shown.help ? { help: plain(said(shown.help)) } : {}),
            });
            continue;
          case 'no': {
            const changes: Change[] =
              no.kind === 'value'
                ? [{ path: pathSegments(fill.path), value: no.value }]
                : q.feeds
                    .filter((id) => !isAnswered(answerOf(id)?.status))
                    .map((id) => ({
                      path: ['assessment', id],
                      value: {
                        ...(answerOf(id) ?? {}),
                        status: statusOf(id) === 'partial' ? 'partial' : 'unmet',
                        note: `${NOT_IN_PLACE} ${missing(id).join(' ')}`.trim(),
                      },
                    }));
            if (changes.length > 0) {
              const outcome = commitChanges(changes);
              if (!outcome.ok) {
                problem = plainProblem(outcome.problem);
                continue;
              }
              feedback(q);
            }
            if (no.kind === 'unmet') return 'done';
            break;
          }
          case 'na': {
            const note = (await asker.text('Why does it not apply to this community?')).trim();
            if (note.length === 0) {
              asker.show({ kind: 'notice', code: 'na-needs-reason' });
              continue;
            }
            const outcome = commitChanges(naItems.map((id) => ({ path: ['assessment', id], value: { status: 'n/a', note } })));
            if (!outcome.ok) {
              problem = plainProblem(outcome.problem);
              continue;
            }
            feedback(q);
            return 'done';
          }
          case 'dont-know':
            dontKnow.push(q.id);
            return 'done';
          case 'skip':
            return 'done';
          case 'later':
            if (!(await later(q.feeds))) continue;
            return 'done';
          case 'back':
            if (canGoBack) return 'back';
            asker.show({ kind: 'notice', code: 'first-question' });
            continue;
          case 'jump': {
            const target = await jumpTarget();
            if (target) return { jump: target };
            continue;
          }
        }
        break;
      }
    }
    return 'done';
  };

  /** A value in force before anything is written: a type's own formality (grassroots: volunteer). */
  const inferredDefault = (path: string): unknown =>
    path === 'community.formality' && isAnswered(valueAtPath(data(), 'community.type')) ? profileNow().formality : undefined;

  /** People named in an answer who are not on the roster yet join it, with the role of where they were named. */
  const newPeople = (spec: ValueSpec, value: unknown): Change[] => {
    if (spec.kind === 'person')
      return rosterAdditions(([] as unknown[]).concat(value).map((name) => ({ name: String(name), role: spec.role })));
    if (spec.kind !== 'records' || !Array.isArray(value)) return [];
    const named: { name: string; role: string | undefined }[] = [];
    for (const entry of value as Record<string, unknown>[])
      for (const field of spec.fields) {
        if (field.value.kind !== 'person' || entry[field.key] === undefined) continue;
        // A function's holders hold that function (a role named like it counts them); others, the field's role.
        const own = typeof entry.function === 'string' ? entry.function : typeof entry.role === 'string' ? entry.role : undefined;
        const role = field.value.role ?? own;
        for (const name of ([] as unknown[]).concat(entry[field.key])) named.push({ name: String(name), role });
      }
    return rosterAdditions(named);
  };

  /**
   * An answer the plan cannot hold alone (a running community needs the day it opened): the screener's
   * questions it switches on are asked now, and everything is saved together, before anything is checked.
   */
  const withWhatItNeeds = async (e: QuestionEntry, changes: readonly Change[], failed: CommitOutcome): Promise<CommitOutcome> => {
    const pending = doc.clone();
    for (const c of changes) if (c.value !== undefined) setPlanValue(pending, c.path, c.value);
    const after = pending.toJS() ?? {};
    const start = screenerEntries.indexOf(e);
    const followers = screenerEntries
      .slice(start + 1)
      .filter((f): f is QuestionEntry => f.kind === 'question')
      .filter((f) => conditionHolds(f.q.when, after) && !conditionHolds(f.q.when, data()) && !isHandled(f.q));
    if (followers.length === 0) return failed;
    const more: Change[] = [];
    for (const f of followers) {
      for (const fill of f.q.fills) {
        let problem: string | undefined;
        for (;;) {
          asked++;
          const reply = await asker.ask({
            question: f.q,
            fill,
            message: fill.message ?? f.q.message,
            people: [],
            actions: [],
            position: positionOf(f, f.q.fills.indexOf(fill)),
            phaseTitle: phaseTitle('screener'),
            ...(problem ? { problem } : {}),
          });
          if (reply.action !== 'answer') return failed;
          const checked = checkEntered(fill.value, reply.value);
          if (checked.ok) {
            more.push({ path: pathSegments(fill.path), value: checked.value });
            answeredNow.add(f.q);
            break;
          }
          problem = checked.problem;
        }
      }
    }
    return commitChanges([...changes, ...more]);
  };

  const positionOf = (e: QuestionEntry, fill = 0): Position => ({
    block: e.detour && e.block !== 'screener' ? 'detour' : e.block,
    question: e.number + fill,
    questions: e.of,
  });

  // --- Jumping ------------------------------------------------------------------------------------------
  const jumpTarget = async (): Promise<Entry[] | undefined> => {
    const list = applicable();
    const phases = m.phases.filter((p) => list.some((q) => q.phaseId === p.id));
    const open = (qs: readonly QuestionSpec[]): number => qs.filter((q) => !isHandled(q)).length;
    const target = await asker.choose('Where to?', [
      { value: 'stay', name: 'Stay here' },
      { value: 'screener', name: 'About the community (type, stage, size…)' },
      ...(o.accepts('people') ? [{ value: 'people', name: 'Who is involved (the roster)' }] : []),
      ...phases.map((p) => {
        const qs = list.filter((q) => q.phaseId === p.id);
        return { value: `phase:${p.id}`, name: `${phaseTitle(p.id)}: ${qs.length} questions, ${open(qs)} open` };
      }),
      { value: 'point', name: 'A point, by name' },
    ]);
    if (target === 'stay') return undefined;
    if (target === 'people') return [{ kind: 'people', detour: true }];
    const detour = (qs: readonly QuestionSpec[], block: Block): Entry[] => numbered(qs, block, true);
    if (target === 'screener') return detour(screenerAsked, 'screener');
    if (target.startsWith('phase:')) {
      const qs = list.filter((q) => q.phaseId === target.slice('phase:'.length));
      // The phase's open questions; all of them when every one is answered.
      return detour(open(qs) > 0 ? qs.filter((q) => !isHandled(q)) : qs, 'detour');
    }
    const items = m.phases.flatMap((p) => p.items).filter((i) => list.some((q) => q.feeds.includes(i.id)));
    const id = await asker.choose(
      'Which point?',
      items.map((i) => ({ value: i.id, name: itemTitle(i.id), description: statusOf(i.id) ?? '' })),
    );
    return detour(
      list.filter((q) => q.feeds.includes(id)),
      'detour',
    );
  };

  // --- The roster -----------------------------------------------------------------------------------------
  const askPeople = async (canGoBack: boolean): Promise<Outcome> => {
    const roster = rosterOf(data());
    const judged = new Set(assessment?.items.filter((r) => r.status !== 'n/a' || r.basis === 'answer').map((r) => r.itemId));
    const roles = rolesOf(m).filter((role) =>
      m.phases.some((p) =>
        p.items.some((i) => (judged.size === 0 || judged.has(i.id)) && i.evidence.some((r) => r.kind === 'people' && r.role === role)),
      ),
    );
    for (;;) {
      asked++;
      const reply = await asker.roster({
        message: 'Who is involved? One line per person: their name, a colon, then their roles.',
        current: roster.map(rosterLine),
        roles,
        actions: [...(canGoBack ? (['back'] as const) : []), 'skip', 'jump'],
        position: { block: 'people', question: 1, questions: 1 },
      });
      if (reply.action === 'back') return canGoBack ? 'back' : 'done';
      if (reply.action === 'jump') {
        const target = await jumpTarget();
        if (target) return { jump: target };
        continue;
      }
      if (reply.action !== 'answer') return 'done';
      if (reply.value.length === 0) return 'done';
      const merged = mergeRoster(roster, reply.value);
      const changes = rosterChanges(roster, merged);
      if (changes.length === 0) return 'done';
      const outcome = commitChanges(changes);
      if (outcome.ok) {
        asker.show({ kind: 'notice', code: 'roster-saved', count: rosterOf(data()).length });
        return 'done';
      }
      asker.show({ kind: 'notice', code: 'required' });
    }
  };
  /** The edits that turn the roster into `merged`: new people appended, new roles set; nothing else touched. */
  const rosterChanges = (before: readonly RosterPerson[], merged: readonly RosterPerson[]): Change[] => {
    const raw = valueAtPath(data(), 'people');
    const people = Array.isArray(raw) ? raw : [];
    const changes: Change[] = [];
    merged.forEach((person, i) => {
      const old = before[i];
      if (!old) {
        changes.push({ path: ['people', people.length + (i - before.length)], value: person });
        return;
      }
      // The roster as read skips entries without a name: find this one's index in the plan.
      const at = people.indexOf(people.find((p: unknown) => (p as { name?: unknown })?.name === old.name));
      if (at >= 0 && JSON.stringify(old.roles ?? []) !== JSON.stringify(person.roles ?? []))
        changes.push({ path: ['people', at, 'roles'], value: person.roles });
    });
    return changes;
  };

  // --- Events -----------------------------------------------------------------------------------------------
  const summary = (final: boolean): void => {
    if (!assessment) return;
    asker.show({
      kind: 'summary',
      final,
      level: said(assessment.level.title),
      score: assessment.score,
      blockers: assessment.items
        .filter((i) => i.severity === 'blocker' && isOpen(i.status))
        .map((i) => ({ itemId: i.itemId, title: itemTitle(i.itemId) })),
      ...(assessment.nextLevel
        ? {
            nextLevel: {
              title: said(assessment.nextLevel.title),
              scoreAfter: assessment.nextLevel.scoreAfter,
              items: assessment.nextLevel.items.map((id) => ({ itemId: id, title: itemTitle(id) })),
            },
          }
        : {}),
      todo: assessment.items.flatMap((i) =>
        i.later
          ? [{ itemId: i.itemId, title: itemTitle(i.itemId), due: i.later.due, ...(i.later.owner ? { owner: i.later.owner } : {}) }]
          : [],
      ),
      dontKnow,
      answered,
    });
  };

  const offer = async (e: Extract<Entry, { kind: 'offer' }>): Promise<void> => {
    if (decided.has(e.block)) return;
    const left = e.questions.filter((q) => applies(q) && (scope.all || !isHandled(q)));
    if (left.length === 0) return;
    if (skipped.has(e.block)) {
      decided.add(e.block);
      declined.add(e.block);
      asker.show({ kind: 'notice', code: 'skipped-remembered', count: left.length });
      return;
    }
    const minutes = minutesOf(left);
    const n = asksOf(left);
    const level = assessment?.nextLevel ? said(assessment.nextLevel.title) : undefined;
    const what =
      e.block === 'rest'
        ? `The rest of what decides the level${level ? ` (next: ${level})` : ''}: ${n} question${n === 1 ? '' : 's'}, about ${minutes} min.`
        : e.block === 'important'
          ? `Next, the important points: ${n} question${n === 1 ? '' : 's'}, about ${minutes} min.`
          : `Last, the optional points: ${n} question${n === 1 ? '' : 's'}, about ${minutes} min.`;
    for (;;) {
      const choice = await asker.choose(what, [
        { value: 'now', name: 'Answer them now' },
        ...(e.block === 'optional'
          ? [{ value: 'skip', name: 'Skip them (not offered again; --all asks them)' }]
          : [{ value: 'later', name: 'Later: name who answers them and by when' }]),
        { value: 'stop', name: 'Stop here for now (run the interview again to go on)' },
      ]);
      if (choice === 'later' && !(await later(left.flatMap((q) => q.feeds)))) continue;
      decided.add(e.block);
      if (choice === 'now') {
        asker.show({ kind: 'block-start', block: e.block, questions: asksOf(left), minutes });
        return;
      }
      declined.add(e.block);
      if (choice === 'stop') stopped = true;
      if (choice === 'skip') {
        o.rememberSkipped?.([...new Set([...(o.skippedBefore ?? []), e.block])]);
        asker.show({ kind: 'notice', code: 'deferred', count: left.length });
      }
      if (choice === 'later') asker.show({ kind: 'notice', code: 'deferred', count: left.length });
      return;
    }
  };

  // --- The loop -------------------------------------------------------------------------------------------
  const history: Entry[] = [];
  let cursor = 0;
  const markerIndex = (): number => agenda.findIndex((x) => x.kind === 'plan');
  const replaceTail = (entries: readonly Entry[]): void => {
    agenda.length = markerIndex() + 1;
    for (const e of entries) agenda.push(e);
  };
  /** Entries put in before the cursor's entry: a detour, then back to where it was. */
  const insertAt = (at: number, entries: readonly Entry[]): void => {
    const after = agenda.splice(at);
    for (const e of entries) agenda.push(e);
    for (const e of after) agenda.push(e);
  };

  if (!o.newPlan) {
    const handled = [...o.screener, ...o.questions].filter((q) => q.fills.every((f) => o.accepts(f.path)) && isHandled(q)).length;
    // A plan only `commready init` wrote is no session to come back to.
    const begun = rosterOf(data()).length > 0 || o.questions.some((q) => q.fills.every((f) => o.accepts(f.path)) && isHandled(q));
    if (begun) {
      let next: string | undefined;
      if (unfinished) next = phaseTitle('screener');
      else {
        replaceTail(planTail());
        const first = agenda.find((x): x is QuestionEntry => x.kind === 'question' && x.block !== 'screener' && wanted(x));
        next = first ? phaseTitle(first.q.phaseId) : undefined;
      }
      asker.show({ kind: 'resume', answers: handled, ...(next ? { next } : {}) });
    }
  }

  while (cursor < agenda.length) {
    if (o.signal?.aborted) throw interrupted(o.signal);
    const e = agenda[cursor]!;
    if (e.kind === 'plan') {
      // Planned here, after the screener and the roster: tiers follow the type, stage and facts given.
      replaceTail(planTail());
      cursor++;
      continue;
    }
    if (e.kind === 'block-start') {
      const left = e.questions.filter((q) => applies(q) && (scope.all || !isHandled(q)));
      if (left.length > 0 && !stopped) {
        const level = e.block === 'quick' ? quickLevel : undefined;
        asker.show({ kind: 'block-start', block: e.block, questions: asksOf(left), minutes: minutesOf(left), ...(level ? { level } : {}) });
      }
      cursor++;
      continue;
    }
    if (e.kind === 'checkpoint') {
      if (!stopped && agenda.slice(cursor + 1).some((x) => x.kind === 'offer' && !decided.has(x.block))) summary(false);
      cursor++;
      continue;
    }
    if (e.kind === 'offer') {
      if (!stopped) await offer(e);
      cursor++;
      continue;
    }
    const before = profileKey();
    let outcome: Outcome;
    if (e.kind === 'people') {
      if (!e.detour && (narrowed || !peopleWanted())) {
        cursor++;
        continue;
      }
      outcome = await askPeople(history.length > 0);
    } else {
      if (!wanted(e)) {
        cursor++;
        continue;
      }
      forced.delete(e);
      outcome = await askQuestion(e, history.length > 0);
      if (outcome === 'done' && isHandled(e.q)) answeredNow.add(e.q);
    }
    if (outcome === 'back') {
      const previous = history.pop()!;
      forced.add(previous);
      const at = agenda.indexOf(previous);
      if (at >= 0) cursor = at;
      else insertAt(cursor, [previous]);
      continue;
    }
    if (typeof outcome === 'object') {
      insertAt(cursor, outcome.jump);
      continue;
    }
    history.push(e);
    // A change of type, formality, stage or facts puts other points in force: the rest is planned again.
    if (profileKey() !== before && cursor > markerIndex()) {
      const pending = agenda.slice(cursor + 1).filter((x) => (x.kind === 'question' || x.kind === 'people') && x.detour);
      replaceTail([...pending, ...planTail()]);
      cursor = markerIndex();
    }
    cursor++;
  }

  summary(true);
  if (
    assessment &&
    o.writeGapReport &&
    (await asker.confirm(`Write the gap report next to the plan${o.gapReportName ? ` (${o.gapReportName})` : ''}?`, true))
  ) {
    const file = await o.writeGapReport();
    if (file) asker.show({ kind: 'report-written', file });
  }
  return { answered, dontKnow, asked, ...(assessment ? { assessment } : {}) };
}

/** Question entries numbered by the paths they ask, so a question's number is the same in every session. */
function numbered(questions: readonly QuestionSpec[], block: Block, detour = false): Entry[] {
  const of = asksOf(questions);
  let number = 1;
  return questions.map((q) => {
    const entry: Entry = { kind: 'question', q, block, number, of, ...(detour ? { detour: true } : {}) };
    number += q.fills.length;
    return entry;
  });
}

function hasPersonField(spec: ValueSpec): boolean {
  return spec.kind === 'person' || (spec.kind === 'records' && spec.fields.some((f) => hasPersonField(f.value)));
}

function interrupted(signal: AbortSignal): InterruptedError {
  const reason = signal.reason;
  return new InterruptedError(reason === 'SIGTERM' || reason === 'SIGHUP' ? reason : 'SIGINT', 'interrupted');
}

/** Seen by tests: the event kinds a session shows. */
export type { InterviewEvent };
