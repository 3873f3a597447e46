// The report of one plan as data for human-facing formats (Markdown now; text can share it): what to show,
// in which order, with no markup and no escaping, so each format renders and escapes it by its own rules.
import { gapFindingOf } from '../scoring/gap-finding.js';
import { findItem, type Item, type Methodology, type Severity } from '../methodology/types.js';
import type { ItemResult, ItemStatus, PlanAssessment } from '../scoring/types.js';
import { fillPlaceholders, type TextValues } from '../methodology/placeholders.js';
import { describeFailedRule, describeFinding, describeHealth, describeVerdictReason, planTextValues } from './messages.js';
import type { PlanResult } from './types.js';

/** One score of a plan: readiness (the plan) and health (observed outcomes). */
export interface ScoreView {
  key: string;
  label: string;
  /** 0-100, one decimal; null when there is nothing to score yet (health before launch, or nothing measured). */
  value: number | null;
  /** The score in words with what it rests on ("80/100 (3 of 7 measures)", "not measured (0 of 7 measures)"). */
  text: string;
  /** What the score rests on, where it rests on part of what could be measured: health's measures taken, of those that apply. */
  of?: { measured: number; of: number };
}

export interface PhaseView {
  id: string;
  title: string;
  /** 0-100, or null when every item of the phase is n/a. */
  score: number | null;
  met: number;
  partial: number;
  open: number;
  na: number;
}

export interface GapView {
  itemId: string;
  title: string;
  phaseId: string;
  severity: Severity;
  status: ItemStatus;
  /** Score points gained by meeting it. */
  points: number;
  why: string;
  /** What this plan still lacks, from the item's failed rules, or the finding's sentence. */
  todo: readonly string[];
  /** First steps from the item's guide, as plain text (markup removed). */
  firstSteps: readonly string[];
  /** The plan keys to fill. */
  planKeys: readonly string[];
  line: number;
  col: number;
  /** The fragment of the item's section in the methodology guide (docs/methodology.md). */
  guideAnchor: string;
  /** The item's whole guide, in the plan's words and thresholds, for formats that include it. */
  guide: readonly GuideBlock[];
}

export interface AcceptedRiskView {
  itemId: string;
  title: string;
  kind: 'waived' | 'n/a';
  justification: string;
  owner?: string;
  expires?: string;
}

/** An open item someone has taken on for later: a line of the plan's to-do list. */
export interface LaterView {
  itemId: string;
  title: string;
  status: ItemStatus;
  due: string;
  owner?: string;
  /** The due date is before the day of the assessment: the promise is broken, not pending. */
  overdue: boolean;
}

export interface PhaseGapsView {
  id: string;
  title: string;
  gaps: readonly GapView[];
}

export interface NextLevelView {
  index: number;
  title: string;
  minScore: number;
  scoreAfter: number;
  items: readonly { itemId: string; title: string }[];
}

export interface PlanReportView {
  file: string;
  community: { name: string; type?: string };
  /** The date the plan was assessed as of (YYYY-MM-DD), as the caller passed it. */
  date: string;
  methodology: { id: string; version: string; title: string; location?: string };
  scores: readonly ScoreView[];
  level: { index: number; title: string };
  nextLevel: NextLevelView | null;
  phases: readonly PhaseView[];
  /** Open blockers not covered by an active waiver, in priority order. */
  blockers: readonly GapView[];
  /** The other open items not covered by an active waiver, by phase, each phase in priority order. */
  gapsByPhase: readonly PhaseGapsView[];
  /** Active waivers and n/a items: gaps the team has accepted, with why, who and until when. */
  accepted: readonly AcceptedRiskView[];
  /** The to-do list: open items taken on for later, soonest first. */
  later: readonly LaterView[];
  verdict?: { passed: boolean; reasons: readonly string[] };
}

/** Builds the report view of one plan. Pure: every text is the plan's or methodology's own, unescaped. */
export function buildReportView(plan: PlanResult): PlanReportView {
  const { assessment: a, methodology: m } = plan;
  const results = new Map(a.items.map((r) => [r.itemId, r]));
  const phaseTitle = (id: string) => m.phases.find((p) => p.id === id)?.title ?? id;
  // Titles in the profile's words ("organiser", not "host"), as the assessment resolved them.
  const titleOf = (id: string) => results.get(id)?.title ?? fillPlaceholders(findItem(m, id)?.title ?? id, planTextValues(a, m));
  const open = a.gaps.map((id) => results.get(id)).filter((r): r is ItemResult => r !== undefined && !r.waiver?.active);
  const text = planTextValues(a, m);
  const gaps = open.map((r) => gapView(r, m, a, text));
  const others = gaps.filter((g) => g.severity !== 'blocker');
  return {
    file: a.file,
    community: a.community,
    date: a.today,
    methodology: {
      id: a.methodology.id,
      version: a.methodology.version,
      title: m.title,
      ...(plan.methodologyLocation ? { location: plan.methodologyLocation } : {}),
    },
    scores: [
      { key: 'readiness', label: 'Readiness', value: a.score, text: `${a.score}/100` },
      {
        key: 'health',
        label: 'Health',
        value: a.health,
        of: a.healthCoverage,
        text:
          a.healthCoverage.of === 0 ? 'not yet observed (nothing to observe before launch)' : describeHealth(a.health, a.healthCoverage),
      },
    ],
    level: { index: a.level.index, title: a.level.title },
    nextLevel: a.nextLevel
      ? {
          index: a.nextLevel.index,
          title: a.nextLevel.title,
          minScore: a.nextLevel.minScore,
          scoreAfter: a.nextLevel.scoreAfter,
          items: a.nextLevel.items.map((id) => ({ itemId: id, title: titleOf(id) })),
        }
      : null,
    phases: a.phases.map((p) => ({
      id: p.phaseId,
      title: phaseTitle(p.phaseId),
      score: p.score,
      met: p.counts.met,
      partial: p.counts.partial,
      open: p.counts.unmet + p.counts.unanswered + p.counts.stale + p.counts.unmeasured,
      na: p.counts['n/a'],
    })),
    blockers: gaps.filter((g) => g.severity === 'blocker'),
    gapsByPhase: m.phases
      .map((p) => ({ id: p.id, title: p.title, gaps: others.filter((g) => g.phaseId === p.id) }))
      .filter((p) => p.gaps.length > 0),
    accepted: a.items.flatMap((r): AcceptedRiskView[] => {
      const title = r.title;
      if (r.status === 'n/a') return [{ itemId: r.itemId, title, kind: 'n/a', justification: r.naReason ?? '' }];
      if (r.waiver?.active && r.status !== 'met') {
        return [
          {
            itemId: r.itemId,
            title,
            kind: 'waived',
            justification: r.waiver.reason,
            expires: r.waiver.expires,
            ...(r.waiver.owner ? { owner: r.waiver.owner } : {}),
          },
        ];
      }
      return [];
    }),
    later: laterList(a),
    ...(plan.verdict ? { verdict: { passed: plan.verdict.passed, reasons: plan.verdict.reasons.map(describeVerdictReason) } } : {}),
  };
}

/** The plan's to-do list: open items taken on for later, by date, then in the methodology's order. */
export function laterList(a: PlanAssessment): LaterView[] {
  return a.items
    .flatMap((r): LaterView[] =>
      r.later
        ? [
            {
              itemId: r.itemId,
              title: r.title,
              status: r.status,
              due: r.later.due,
              ...(r.later.owner ? { owner: r.later.owner } : {}),
              overdue: r.later.due < a.today,
            },
          ]
        : [],
    )
    .map((view, order) => ({ view, order }))
    .sort((x, y) => (x.view.due < y.view.due ? -1 : x.view.due > y.view.due ? 1 : x.order - y.order))
    .map((x) => x.view);
}

function gapView(r: ItemResult, m: Methodology, a: PlanAssessment, text: TextValues): GapView {
  const item = findItem(m, r.itemId);
  const finding = gapFindingOf(a, r.itemId);
  const failedPaths = [...new Set(r.failed.map((f) => f.path))];
  // The long texts (why, what to do, the first steps, the guide) are made when a format reads them: the
  // compact Markdown reads none, and made them for every gap of 10,000 plans.
  let why: string | undefined;
  let todo: string[] | undefined;
  let firstSteps: string[] | undefined;
  let guide: readonly GuideBlock[] | undefined;
  return {
    itemId: r.itemId,
    title: r.title,
    phaseId: r.phaseId,
    severity: r.severity,
    status: r.status,
    points: r.points,
    get why() {
      return (why ??= item ? fillPlaceholders(item.why, text).trim() : '');
    },
    get todo() {
      return (todo ??= r.failed.length > 0 ? r.failed.map(describeFailedRule) : finding ? [describeFinding(finding, m, text)] : []);
    },
    get firstSteps() {
      return (firstSteps ??= item ? stepsOf(item.guidance).map((step) => fillPlaceholders(step, text)) : []);
    },
    planKeys:
      failedPaths.length > 0
        ? failedPaths
        : finding
          ? [finding.location.path]
          : [item?.question.fills === 'assessment' || !item ? `assessment.${r.itemId}` : item.question.fills],
    line: finding?.location.line ?? 1,
    col: finding?.location.col ?? 1,
    guideAnchor: guideAnchor(r.itemId),
    get guide() {
      return (guide ??= item ? blocksOf(fillPlaceholders(item.guidance, text)) : []);
    },
  };
}

/**
 * A function of a text, remembered for the texts it was last given: a run of 10,000 plans asks for the
 * same hundred guides, in a few sets of words and thresholds, at every gap. Forgets all past `max` texts.
 */
function rememberedByText<T>(make: (text: string) => T, max = 2000): (text: string) => T {
  const made = new Map<string, T>();
  return (text) => {
    let value = made.get(text);
    if (value === undefined) {
      if (made.size >= max) made.clear();
      made.set(text, (value = make(text)));
    }
    return value;
  };
}

/** An item's guide as blocks, shared by every gap with the same text: read only. */
const blocksOf = rememberedByText((guidance): readonly GuideBlock[] => guideBlocks(guidance));
const stepsOf = rememberedByText((guidance): readonly string[] => firstSteps({ guidance }));

/** The anchor docs/methodology.md gives an item's section (see render-methodology.ts). */
export function guideAnchor(itemId: string): string {
  // Lone surrogates cannot be percent-encoded; they become U+FFFD first.
  const wellFormed = itemId.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  const encode = (run: string) => encodeURIComponent(run).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return wellFormed.replace(/\./g, '-').replace(/[^A-Za-z0-9_-]+/g, encode);
}

/**
 * The first steps an item's guide gives: its `**Steps:**` paragraph, or else its first numbered list.
 * Inline markup is removed, since each format escapes the words as plain text.
 */
export function firstSteps(item: Pick<Item, 'guidance'>): string[] {
  const paragraphs = item.guidance.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const steps = paragraphs.find((p) => /^\s*(\*\*|__)?Steps:?(\*\*|__)?:?\s/i.test(p));
  if (steps) {
    // The steps end where the next labelled part (`Common mistakes:`) begins, on its own line or after a sentence.
    const body = steps
      .replace(/^\s*(\*\*|__)?Steps:?(\*\*|__)?:?\s*/i, '')
      .split(/(?:\n|(?<=[.;!?])\s)\s*(?:\*\*|__)?[A-Z][A-Za-z]*(?: [a-z]+){0,3}:(?:\*\*|__)?\s/)[0]!;
    return [sentenceCase(plainText(body))].filter((s) => s.length > 0);
  }
  const list = paragraphs.find((p) => /^\s*1[.)]\s/.test(p));
  if (!list) return [];
  return list
    .split(/\n\s*(?=\d+[.)]\s)/)
    .map((entry) => sentenceCase(plainText(entry.replace(/^\s*\d+[.)]\s*/, ''))))
    .filter((s) => s.length > 0);
}

/** A step shown on its own, without the `Steps:` label it followed, starts as a sentence does. */
function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Markdown inline markup removed: emphasis markers, code ticks, link targets; white space collapsed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One block of an item's guide, as plain text: a paragraph, a list or a code example. */
export type GuideBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'ordered' | 'bullets'; items: readonly string[] }
  | { kind: 'code'; language: string; lines: readonly string[] };

/**
 * An item's guide (methodology Markdown) as blocks of plain text, so that every format renders and escapes it
 * by its own rules: paragraphs and lists with their inline markup removed, fenced code examples as they are.
 */
export function guideBlocks(guidance: string): GuideBlock[] {
  const blocks: GuideBlock[] = [];
  const lines = guidance.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list: { kind: 'ordered' | 'bullets'; items: string[] } | undefined;
  const flush = (): void => {
    if (paragraph.length > 0) {
      const text = plainText(paragraph.join(' '));
      if (text) blocks.push({ kind: 'paragraph', text });
    }
    if (list) blocks.push({ kind: list.kind, items: list.items.map(plainText).filter((s) => s.length > 0) });
    paragraph = [];
    list = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!); i++) code.push(lines[i]!);
      blocks.push({ kind: 'code', language: fence[2] ?? '', lines: code });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const item = /^\s*(?:(\d+)[.)]|[-*+])\s+(.*)$/.exec(line);
    if (item) {
      const kind = item[1] === undefined ? 'bullets' : 'ordered';
      if (paragraph.length > 0 || (list && list.kind !== kind)) flush();
      list ??= { kind, items: [] };
      list.items.push(item[2]!);
    } else if (list && /^\s+\S/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
