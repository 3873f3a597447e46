// The interview flow: the screener, then the core pass phase by phase (majors now or later, minors
// optional), saving after every answer and showing live feedback. Talks to the user only through an Asker.
import type { Document } from 'yaml';
import { InterruptedError } from '../errors.js';
import { fillPlaceholders } from '../methodology/placeholders.js';
import { findItem, type Methodology } from '../methodology/types.js';
import { deletePlanValue, renderPlanEdit, setPlanValue, type PlanPath } from '../plan/edit-plan.js';
import { isOpen, type PlanAssessment } from '../scoring/types.js';
import type { Asker, AskRequest, ItemFeedback, Reply } from './asker.js';
import { failedInForce } from './failed-in-force.js';
import { choiceListsOf, profileInForce, questionInForce, type ProfileInForce } from './profile-in-force.js';
import { checkEntered, conditionHolds, isAnswered, pathSegments, toEntered, valueAtPath, type QuestionSpec } from './question-model.js';
import { gateItems, severitiesInForce, tierInForce, type SeveritiesInForce } from './tiers-in-force.js';

/** The result of handing a new plan text to the command: checked, assessed and saved, or refused. */
export type CommitOutcome = { ok: true; assessment: PlanAssessment } | { ok: false; problem: string };

export interface InterviewScope {
  /** Only this phase's questions (the screener still asks what the plan cannot do without). */
  phase?: string;
  /** Only questions feeding these items. */
  items?: readonly string[];
  /** Revisit answered questions too. */
  all?: boolean;
  /** Only questions whose items are open, answered or not. */
  onlyGaps?: boolean;
}

export interface InterviewOptions {
  methodology: Methodology;
  screener: readonly QuestionSpec[];
  questions: readonly QuestionSpec[];
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
  /**
   * A plan this interview has just started from the starter: the screener asks every question, the
   * starter's values (e.g. `stage: planning`) as defaults, with conditions read as each comes up.
   */
  newPlan?: boolean;
  /** The date a rating is reviewed on (YYYY-MM-DD), written beside it so that it can go stale. */
  today?: string;
  /** Aborted by a signal: stop before the next question. */
  signal?: AbortSignal;
  /** Writes the gap report next to the plan; returns the file written, or undefined if declined. */
  writeGapReport?: () => Promise<string | undefined>;
  gapReportName?: string;
}

export interface InterviewResult {
  /** Answers written this session (values, n/a and later entries). */
  answered: number;
  dontKnow: readonly string[];
  assessment?: PlanAssessment;
}

type Change = { path: PlanPath; value: unknown };
type Entry = { kind: 'question'; q: QuestionSpec } | { kind: 'offer'; tier: 'major' | 'minor'; questions: readonly QuestionSpec[] };
interface PhasePlan {
  id: string;
  title: string;
  entries: Entry[];
  /** The severities in force it was planned with, as a key: planned again when they change. */
  basis: string;
}

export async function runInterview(asker: Asker, o: InterviewOptions): Promise<InterviewResult> {
  const scope = o.scope ?? {};
  const m = o.methodology;
  let doc = o.doc;
  let text = o.text;
  let assessment = o.assessment;
  let answered = 0;
  const dontKnow: string[] = [];
  const deferred = new Set<string>();
  const decided = new Set<Entry>();

  const data = (): unknown => doc.toJS() ?? {};
  // What is shown follows the profile the plan holds now (the screener may have just changed it): its
  // words and thresholds for the placeholders (`{word:host}`, `{param}`), and its lists as the choices
  // of questions a `choice` rule reads.
  const choiceLists = choiceListsOf(m);
  let profile: { of: Document; inForce: ProfileInForce } | undefined;
  const profileNow = (): ProfileInForce => {
    if (profile?.of !== doc) profile = { of: doc, inForce: profileInForce(m, data()) };
    return profile.inForce;
  };
  const filled = (text: string): string => fillPlaceholders(text, profileNow().text);
  const itemTitle = (id: string): string => filled(findItem(m, id)?.title ?? id);
  // Tiers follow the plan's profile, stage and facts as the latest assessment resolved them; without an
  // assessment (a plan not yet valid) they stay as the methodology gives them.
  const gates = gateItems(m);
  let inForce: { of: PlanAssessment; severities: SeveritiesInForce; key: string } | undefined;
  const inForceNow = (): { severities: SeveritiesInForce; key: string } | undefined => {
    if (assessment && inForce?.of !== assessment) {
      const severities = severitiesInForce(assessment);
      inForce = { of: assessment, severities, key: [...severities.values()].join() };
    }
    return assessment ? inForce : undefined;
  };
  /** The question's tier now, or undefined when the plan judges none of its items. */
  const tierNow = (q: QuestionSpec): QuestionSpec['tier'] | undefined => {
    const now = inForceNow();
    return now ? tierInForce(q, m, gates, now.severities) : q.tier;
  };
  const itemOpen = (id: string): boolean => {
    const r = assessment?.items.find((i) => i.itemId === id);
    return r === undefined || isOpen(r.status);
  };
  const isHandled = (q: QuestionSpec): boolean => {
    const d = data();
    if (q.fills.every((f) => isAnswered(valueAtPath(d, f.path)))) return true;
    // An n/a or a "later" entry for every item it feeds also counts as handled.
    return q.feeds.length > 0 && q.feeds.every((id) => isAnswered(valueAtPath(d, `assessment.${id}.status`)));
  };
  const selected = (q: QuestionSpec): boolean => {
    if (!q.fills.every((f) => o.accepts(f.path))) return false;
    if (!conditionHolds(q.when, data())) return false;
    if (scope.items && !q.feeds.some((id) => scope.items!.includes(id))) return false;
    if (scope.onlyGaps) return q.feeds.length > 0 ? q.feeds.some(itemOpen) : !isHandled(q);
    return scope.all === true || !isHandled(q);
  };

  const phaseList: { id: string; title: string; questions: readonly QuestionSpec[] }[] = [
    { id: 'screener', title: 'About the community', questions: o.screener },
    ...m.phases
      .filter((p) => scope.phase === undefined || p.id === scope.phase)
      .map((p) => ({ id: p.id, title: p.title, questions: o.questions.filter((q) => q.phaseId === p.id) })),
  ];
  const plans: (PhasePlan | undefined)[] = [];
  const planPhase = (k: number): PhasePlan => {
    const phase = phaseList[k]!;
    const narrowed = scope.items !== undefined || scope.phase !== undefined || scope.onlyGaps === true;
    const chosen = phase.questions
      .filter((q) => {
        if (phase.id === 'screener' && o.newPlan) return q.fills.every((f) => o.accepts(f.path));
        return phase.id === 'screener' && narrowed ? selectedScreener(q) : selected(q);
      })
      // At the tier in force; items the plan does not judge (n/a by profile, stage or facts) are not asked.
      .flatMap((q) => {
        const tier = tierNow(q);
        return tier === undefined ? [] : [tier === q.tier ? q : { ...q, tier }];
      });
    const byTier = (tier: QuestionSpec['tier']) => chosen.filter((q) => q.tier === tier);
    const entries: Entry[] = byTier('core').map((q): Entry => ({ kind: 'question', q }));
    const direct = scope.items !== undefined || phase.id === 'screener';
    for (const tier of ['major', 'minor'] as const) {
      const list = byTier(tier);
      if (list.length === 0) continue;
      if (!direct) entries.push({ kind: 'offer', tier, questions: list });
      for (const q of list) entries.push({ kind: 'question', q });
    }
    return { id: phase.id, title: phase.title, entries, basis: inForceNow()?.key ?? '' };
  };
  // With a narrowed scope the screener only asks what is still missing.
  const selectedScreener = (q: QuestionSpec): boolean =>
    q.fills.every((f) => o.accepts(f.path)) && conditionHolds(q.when, data()) && !isHandled(q);

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

  const feedback = (q: QuestionSpec): void => {
    if (!assessment) return;
    const items: ItemFeedback[] = q.feeds.flatMap((id) => {
      const r = assessment!.items.find((i) => i.itemId === id);
      const item = findItem(m, id);
      if (!r || !item) return [];
      // In the unit the question asks (a share in %), with the specifics ("3 of 10").
      const failed = failedInForce(item, r.failed, profileNow().stored, profileNow().text);
      return [{ itemId: id, title: itemTitle(id), status: r.status, failed }];
    });
    asker.show({ kind: 'feedback', items, score: assessment.score });
  };

  const later = async (qs: readonly QuestionSpec[]): Promise<boolean> => {
    const owner = (await asker.text('Who will answer it? (a name)')).trim();
    if (owner.length === 0) {
      asker.show({ kind: 'notice', code: 'later-needs-owner' });
      return false;
    }
    const due = await asker.date('By when? (YYYY-MM-DD)');
    const withDue = o.accepts('assessment.x.y.due');
    const changes: Change[] = qs.flatMap((q) =>
      q.feeds
        .filter((id) => !isAnswered(valueAtPath(data(), `assessment.${id}.status`)))
        .map((id) => ({
          path: ['assessment', id],
          // The plan format has no `due` field yet; the date then goes into the note.
          value: withDue ? { status: 'unmet', owner, due } : { status: 'unmet', owner, note: `To answer by ${due}.` },
        })),
    );
    if (changes.length === 0) return true;
    const outcome = commitChanges(changes);
    if (!outcome.ok) asker.show({ kind: 'notice', code: 'later-needs-owner' });
    return outcome.ok;
  };

  /** Asks one question; returns 'back' when the user wants the previous one. */
  const askQuestion = async (
    q: QuestionSpec,
    position: AskRequest['position'],
    title: string,
    canGoBack: boolean,
  ): Promise<'done' | 'back'> => {
    const naItems = q.feeds.filter((id) => findItem(m, id)?.na === true);
    const actions: AskRequest['actions'] = [
      ...(q.feeds.length > 0 || q.help ? (['why'] as const) : []),
      ...(naItems.length > 0 ? (['na'] as const) : []),
      ...(q.required ? [] : (['dont-know', 'skip'] as const)),
      ...(q.tier !== 'core' && q.feeds.length > 0 ? (['later'] as const) : []),
      ...(canGoBack ? (['back'] as const) : []),
    ];
    for (const index of q.fills.keys()) {
      let problem: string | undefined;
      for (;;) {
        if (o.signal?.aborted) throw interrupted(o.signal);
        // As the profile stands now: an answer to the screener may just have changed it.
        const shown = questionInForce(q, profileNow(), choiceLists);
        const fill = shown.fills[index]!;
        const current = toEntered(fill.value, valueAtPath(data(), fill.path));
        const people = rosterNames(data());
        const reply: Reply = await asker.ask({
          question: shown,
          fill,
          message: fill.message ?? shown.message,
          ...(current !== undefined ? { default: current } : {}),
          people,
          actions,
          position,
          phaseTitle: filled(title),
          ...(problem ? { problem } : {}),
        });
        problem = undefined;
        if (reply.action === 'na' && naItems.length === 0) {
          asker.show({ kind: 'notice', code: 'na-not-allowed' });
          continue;
        }
        if (reply.action !== 'answer' && reply.action !== 'back' && !actions.includes(reply.action)) {
          if (q.required) asker.show({ kind: 'notice', code: 'required' });
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
            const changes: Change[] = [{ path: segments, value: checked.value }];
            if (o.today && segments[0] === 'assessment' && segments.length === 3 && segments[2] === 'status') {
              changes.push({ path: ['assessment', segments[1]!, 'reviewed'], value: o.today });
            }
            if (fill.value.kind === 'person' && !people.includes(checked.value as string) && o.accepts('people')) {
              const roster = (valueAtPath(data(), 'people') as unknown[] | undefined) ?? [];
              changes.push({
                path: ['people', roster.length],
                value: { name: checked.value, roles: fill.value.role ? [fill.value.role] : [] },
              });
            }
            const outcome = commitChanges(changes);
            if (!outcome.ok) {
              problem = outcome.problem;
              continue;
            }
            feedback(q);
            break;
          }
          case 'why':
            asker.show({
              kind: 'why',
              items: q.feeds.flatMap((id) => {
                const item = findItem(m, id);
                return item ? [{ itemId: id, title: filled(item.title), why: filled(item.why), guidance: filled(item.guidance) }] : [];
              }),
              ...(shown.help ? { help: shown.help } : {}),
            });
            continue;
          case 'na': {
            if (naItems.length === 0) {
              asker.show({ kind: 'notice', code: 'na-not-allowed' });
              continue;
            }
            const note = (await asker.text('Why does it not apply to this community?')).trim();
            if (note.length === 0) {
              asker.show({ kind: 'notice', code: 'na-needs-reason' });
              continue;
            }
            const outcome = commitChanges(naItems.map((id) => ({ path: ['assessment', id], value: { status: 'n/a', note } })));
            if (!outcome.ok) {
              problem = outcome.problem;
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
            if (!(await later([q]))) continue;
            return 'done';
          case 'back':
            if (canGoBack) return 'back';
            asker.show({ kind: 'notice', code: 'first-question' });
            continue;
        }
        break;
      }
    }
    return 'done';
  };

  const history: { k: number; j: number }[] = [];
  let k = 0;
  let j = 0;
  while (k < phaseList.length) {
    if (o.signal?.aborted) throw interrupted(o.signal);
    let plan = plans[k];
    if (!plan) {
      plan = plans[k] = planPhase(k);
      const count = plan.entries.filter((e) => e.kind === 'question').length;
      if (count > 0) {
        const seconds = plan.entries.reduce((s, e) => s + (e.kind === 'question' ? e.q.seconds : 0), 0);
        asker.show({
          kind: 'phase-start',
          phaseId: plan.id,
          title: filled(plan.title),
          index: k + 1,
          count: phaseList.length,
          questions: count,
          minutes: Math.max(1, Math.round(seconds / 60)),
        });
      }
    }
    if (j >= plan.entries.length) {
      if (plan.id !== 'screener' && plan.entries.length > 0 && assessment) {
        asker.show({
          kind: 'phase-score',
          phaseId: plan.id,
          title: filled(plan.title),
          phaseScore: assessment.phases.find((p) => p.phaseId === plan!.id)?.score ?? null,
          score: assessment.score,
        });
      }
      k++;
      j = 0;
      // Planned before going back: an answer since (type, formality, stage) may have changed its tiers.
      if (plans[k] && plans[k]!.basis !== (inForceNow()?.key ?? '')) plans[k] = undefined;
      continue;
    }
    const entry = plan.entries[j]!;
    if (entry.kind === 'offer') {
      if (!decided.has(entry)) {
        decided.add(entry);
        const minutes = Math.max(1, Math.round(entry.questions.reduce((s, q) => s + q.seconds, 0) / 60));
        const them = entry.questions.length === 1 ? 'it' : 'them';
        const choice = await asker.choose(
          entry.tier === 'major'
            ? `${entry.questions.length} important question${entry.questions.length === 1 ? '' : 's'} left in this phase (about ${minutes} min).`
            : `${entry.questions.length} optional question${entry.questions.length === 1 ? '' : 's'} left in this phase (about ${minutes} min).`,
          entry.tier === 'major'
            ? [
                { value: 'now', name: `Answer ${them} now` },
                { value: 'later', name: `Later: name who answers ${them} and by when` },
              ]
            : [
                { value: 'now', name: `Answer ${them} now` },
                { value: 'skip', name: `Skip ${them} this time` },
              ],
        );
        if (choice !== 'now') {
          if (choice === 'later' && !(await later(entry.questions))) {
            decided.delete(entry);
            continue;
          }
          for (const q of entry.questions) deferred.add(q.id);
          asker.show({ kind: 'notice', code: 'deferred', count: entry.questions.length });
        }
      }
      j++;
      continue;
    }
    const q = entry.q;
    // Conditions are read again here: an earlier answer in this session may have changed them.
    if (deferred.has(q.id) || !q.fills.every((f) => o.accepts(f.path)) || !conditionHolds(q.when, data()) || tierNow(q) === undefined) {
      j++;
      continue;
    }
    const questions = plan.entries.filter((e) => e.kind === 'question');
    const position = { phase: k + 1, phases: phaseList.length, question: questions.indexOf(entry) + 1, questions: questions.length };
    const result = await askQuestion(q, position, plan.title, history.length > 0);
    if (result === 'back') {
      const previous = history.pop()!;
      k = previous.k;
      j = previous.j;
      continue;
    }
    history.push({ k, j });
    j++;
  }

  if (assessment) {
    asker.show({
      kind: 'summary',
      level: filled(assessment.level.title),
      score: assessment.score,
      blockers: assessment.items
        .filter((i) => i.severity === 'blocker' && isOpen(i.status))
        .map((i) => ({ itemId: i.itemId, title: itemTitle(i.itemId) })),
      ...(assessment.nextLevel
        ? {
            nextLevel: {
              title: filled(assessment.nextLevel.title),
              scoreAfter: assessment.nextLevel.scoreAfter,
              items: assessment.nextLevel.items.map((id) => ({ itemId: id, title: itemTitle(id) })),
            },
          }
        : {}),
      dontKnow,
      answered,
    });
    if (
      o.writeGapReport &&
      (await asker.confirm(`Write the gap report next to the plan${o.gapReportName ? ` (${o.gapReportName})` : ''}?`, true))
    ) {
      const file = await o.writeGapReport();
      if (file) asker.show({ kind: 'report-written', file });
    }
  }
  return { answered, dontKnow, ...(assessment ? { assessment } : {}) };
}

function rosterNames(data: unknown): string[] {
  const people = valueAtPath(data, 'people');
  return Array.isArray(people)
    ? people.flatMap((p) =>
        p && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string' ? [(p as { name: string }).name] : [],
      )
    : [];
}

function interrupted(signal: AbortSignal): InterruptedError {
  const reason = signal.reason;
  return new InterruptedError(reason === 'SIGTERM' || reason === 'SIGHUP' ? reason : 'SIGINT', 'interrupted');
}
