// Pure: proposals from every source merged (one per plan path, the strongest kept and the others listed
// as alternatives), checked once more for personal data, and compared with the plan: what would be
// added, what confirms the plan, what conflicts with it, what was rejected before.
import { findPersonalDataIn } from '../text/personal-data.js';
import { daysBetween, isIsoDate } from '../text/dates.js';
import {
  CONFIDENCES,
  atLeast,
  type Action,
  type Confidence,
  type Note,
  type Proposal,
  type ProposalSource,
  type ReviewedProposal,
} from './types.js';

const SOURCE_ORDER: readonly ProposalSource[] = ['files', 'git', 'issues', 'forum'];

/** The key of a proposal's place in the plan: its path, and for a list of points, the point. */
export function proposalKey(p: Pick<Proposal, 'path' | 'point'>): string {
  return p.point === undefined ? p.path : `${p.path}[point=${p.point}]`;
}

/**
 * One proposal per place: the most confident (one that may be written before one shown only; then files,
 * git, issues, forum, in that order); the others become its alternatives. Order of first appearance is kept.
 */
export function mergeProposals(proposals: readonly Proposal[]): Proposal[] {
  const groups = new Map<string, Proposal[]>();
  for (const p of proposals) {
    const key = proposalKey(p);
    const group = groups.get(key) ?? [];
    group.push(p);
    groups.set(key, group);
  }
  const rank = (p: Proposal): number =>
    CONFIDENCES.indexOf(p.confidence) * 100 + (p.showOnly ? 50 : 0) + SOURCE_ORDER.indexOf(p.source) * 10;
  const merged: Proposal[] = [];
  for (const group of groups.values()) {
    const sorted = group.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i);
    const [best, ...rest] = sorted.map((x) => x.p);
    merged.push(
      rest.length === 0
        ? best!
        : { ...best!, alternatives: rest.map((r) => ({ value: r.value, source: r.source, confidence: r.confidence, rule: r.rule })) },
    );
  }
  return merged;
}

/**
 * The last guard before anything can reach a plan: a proposal whose value holds an e-mail address, a
 * phone number or a street address (a role mailbox included) is dropped, with a note naming its path.
 */
export function withoutPersonalData(proposals: readonly Proposal[]): { proposals: Proposal[]; notes: Note[] } {
  const kept: Proposal[] = [];
  const notes: Note[] = [];
  for (const p of proposals) {
    if (findPersonalDataIn(p.value).length > 0 || findPersonalDataIn(p.alternatives?.map((a) => a.value) ?? []).length > 0) {
      notes.push({ code: 'personal-address', data: { path: proposalKey(p), dropped: true } });
    } else kept.push(p);
  }
  return { proposals: kept, notes };
}

/** A stable 56-bit hash of a text (cyrb53), as 14 hex digits: identifies a proposal's evidence. */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}

/** What identifies a proposal's evidence: its place, its value and where it was found. */
export function evidenceHash(p: Proposal): string {
  return textHash(JSON.stringify({ key: proposalKey(p), value: p.value, evidence: p.evidence }));
}

/** A rejection recorded earlier: this place, with this evidence. */
export interface Rejection {
  path: string;
  evidence: string;
  reason?: string;
  date?: string;
}

/** What the plan holds, for the comparison. */
export interface PlanView {
  data: unknown;
  /** The day of the assessment (YYYY-MM-DD): an observed fact older than `maxAgeDays` before it is stale. */
  today: string;
  maxAgeDays: number;
}

function at(data: unknown, dotted: string): unknown {
  let node = data;
  for (const key of dotted.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** Blank: absent, null, white space, an empty list or map. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim().length === 0;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** The plan's value at a proposal's place (for a point, the entry's decision). */
export function currentValue(data: unknown, p: Pick<Proposal, 'path' | 'point'>): unknown {
  const value = at(data, p.path);
  if (p.point === undefined) return value;
  if (!Array.isArray(value)) return undefined;
  const entry = value.find((e) => e !== null && typeof e === 'object' && (e as Record<string, unknown>).point === p.point) as
    Record<string, unknown> | undefined;
  return entry?.decision;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return JSON.stringify(a) === JSON.stringify(b);
}

function isObservedFact(p: Proposal): p is Proposal & { value: { value: unknown; as_of: string } } {
  return p.path.startsWith('observed.') && p.value !== null && typeof p.value === 'object' && 'as_of' in p.value;
}

/** The plan's observed value and its date (its own `as_of`, else the section's). */
function observedCurrent(data: unknown, current: unknown): { value: unknown; asOf?: string } {
  const section = at(data, 'observed.as_of');
  const sectionAsOf = typeof section === 'string' ? section : undefined;
  if (current !== null && typeof current === 'object' && !Array.isArray(current) && 'value' in current) {
    const own = (current as Record<string, unknown>).as_of;
    const asOf = typeof own === 'string' ? own : sectionAsOf;
    return { value: (current as Record<string, unknown>).value, ...(asOf ? { asOf } : {}) };
  }
  return { value: current, ...(sectionAsOf ? { asOf: sectionAsOf } : {}) };
}

/** Compares each proposal with the plan (if any) and the rejections, and says what would happen to it. */
export function reviewProposals(
  proposals: readonly Proposal[],
  plan: PlanView | undefined,
  rejections: readonly Rejection[],
  minConfidence: Confidence,
): ReviewedProposal[] {
  return proposals.map((p): ReviewedProposal => {
    const hash = evidenceHash(p);
    const reviewed = (action: Action, current?: unknown): ReviewedProposal => ({
      ...p,
      action,
      evidenceHash: hash,
      ...(current !== undefined && !isEmptyValue(current) ? { current } : {}),
    });
    const current = plan ? currentValue(plan.data, p) : undefined;
    if (rejections.some((r) => r.path === proposalKey(p) && r.evidence === hash)) return reviewed('rejected', current);
    if (p.showOnly) return reviewed('show-only', current);
    const strong = atLeast(p.confidence, minConfidence);
    if (isEmptyValue(current)) return reviewed(strong ? 'add' : 'below-threshold');
    if (isObservedFact(p)) {
      const now = observedCurrent(plan!.data, current);
      if (sameValue(now.value, p.value.value)) return reviewed('confirm', current);
      if (!now.asOf || !isIsoDate(now.asOf)) return reviewed('undated', current);
      const stale = daysBetween(now.asOf, plan!.today) > plan!.maxAgeDays && now.asOf < p.value.as_of;
      return reviewed(stale ? (strong ? 'update' : 'below-threshold') : 'conflict', current);
    }
    return reviewed(sameValue(current, p.value) ? 'confirm' : 'conflict', current);
  });
}
