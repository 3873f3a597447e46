// Pure: the history's figures as proposals for the plan's observed facts (each `{ value, as_of, source }`)
// and for the points history shows (sign-off, release cadence), with what limits them as notes.
import { DAY, organisationFigures, releaseCadence, utcDate, type HistorySummary } from './git-history.js';
import type { Confidence, Evidence, HistoryFacts, Note, NoteCode, Proposal, ProposalRule } from './types.js';

export interface HistoryContext {
  summary: HistorySummary;
  /** How the commit is named in evidence and sources: `main at 1a3e64c2f0d1`. */
  rev: string;
  asOf: string;
  shallow: boolean;
  tags: readonly { name: string; time: number }[];
}

/** Rounded to two decimals: shares are written as the plan writes them (0.62). */
export function roundShare(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The observed-fact value the plan takes. */
function fact(value: number, asOf: string, source: string): { value: number; as_of: string; source: string } {
  return { value, as_of: asOf, source };
}

/** What every history detection reads: the summary, the windows it covers, and how to cite them. */
interface HistoryReading {
  s: HistorySummary;
  rev: string;
  asOf: string;
  /** as_of, Unix seconds: the end of every window. */
  T: number;
  shallow: boolean;
  releases: ReturnType<typeof releaseCadence>;
  /** A window of commits as evidence. */
  window: (days: number, commits: number, people: number) => Evidence;
  /** The source an observed fact names: the commit, the counts and the window. */
  source: (days: number, commits: number, people: number) => string;
  /** Whether the history reaches back over the window (a shallow clone that stops inside one cannot measure it). */
  covers: (days: number) => boolean;
  /** Whether the whole history is younger than the window: its figures cover only the days since the first commit. */
  young: (days: number) => boolean;
  /** The first day a window really covers: its start, or the first commit's day when the history is younger. */
  from: (days: number) => string;
}

function readingOf(ctx: HistoryContext): HistoryReading {
  const { summary: s, rev, asOf } = ctx;
  const T = s.asOfTime;
  const young = (days: number): boolean => !ctx.shallow && s.oldestTime !== undefined && s.oldestTime > T - days * DAY;
  const from = (days: number): string => utcDate(young(days) ? s.oldestTime! : T - days * DAY);
  return {
    s,
    rev,
    asOf,
    T,
    shallow: ctx.shallow,
    releases: releaseCadence(ctx.tags, T),
    window: (days, commits, people) => ({ kind: 'commits', rev, from: from(days), to: asOf, commits, people }),
    source: (days, commits, people) =>
      `git ${rev}: ${commits} commit${commits === 1 ? '' : 's'} by ${people} ${people === 1 ? 'person' : 'people'}, bots left out, ${from(days)}..${asOf} (commready detect)`,
    covers: (days) => !ctx.shallow || (s.oldestTime !== undefined && s.oldestTime <= T - days * DAY),
    young,
    from,
  };
}

/** Where the history detections put what they find, in the order they find it. */
interface HistoryFindings {
  proposals: Proposal[];
  notes: Note[];
}

/** What limits the figures: future-dated and malformed commits, bots left out, a shallow clone, shared names. */
function noteHistoryLimits(h: HistoryReading, out: HistoryFindings): void {
  const { s, asOf } = h;
  if (s.future > 0) out.notes.push({ code: 'future-commits', data: { commits: s.future, asOf } });
  if (s.malformed > 0) out.notes.push({ code: 'malformed-commits', data: { commits: s.malformed } });
  if (s.botCommits90 > 0 || s.bots > 0) out.notes.push({ code: 'bots-excluded', data: { bots: s.bots, commits: s.botCommits90 } });
  if (h.shallow) out.notes.push({ code: 'shallow-history', data: { since: s.oldestTime !== undefined ? utcDate(s.oldestTime) : asOf } });
  else if (h.young(90)) out.notes.push({ code: 'young-history', data: { since: h.from(90), days: 90 } });
  for (const shared of s.sharedNames.slice(0, 10)) {
    out.notes.push({ code: 'shared-name', data: { name: shared.name, identities: shared.identities } });
  }
  if (s.sharedNames.length > 10) out.notes.push({ code: 'shared-name', data: { more: s.sharedNames.length - 10 } });
}

/** Fewest contributions in the 90-day window for an absence factor above a low guess (as an export's 20 posts for a share). */
const MIN_CONTRIBUTIONS = 20;

/** `git.absence-factor`: the CHAOSS Contributor Absence Factor of the last 90 days (high). */
function proposeAbsenceFactor(h: HistoryReading, out: HistoryFindings): void {
  const { s } = h;
  if (!h.covers(90)) out.notes.push({ code: 'window-not-covered', data: { days: 90 } });
  else if (s.absence) {
    // One person under three addresses would make three of the people who do half the work.
    const unsure = s.ifNamesMerged.absence !== s.absence.factor;
    // One commit makes its author the whole project: a figure of a handful of contributions says little.
    const few = s.absence.total < MIN_CONTRIBUTIONS;
    // A history of ten days measured as if it were ninety: its people are whoever happened to start it.
    const young = h.young(90);
    out.proposals.push({
      path: 'observed.absence_factor',
      value: fact(s.absence.factor, h.asOf, h.source(90, s.humanCommits90, s.people90)),
      confidence: unsure || few || young ? 'low' : 'high',
      rule: 'git.absence-factor',
      source: 'git',
      evidence: [h.window(90, s.humanCommits90, s.people90)],
      data: {
        share: roundShare(s.absence.share),
        contributions: s.absence.total,
        factor: s.absence.factor,
        ...(unsure ? { ifMerged: s.ifNamesMerged.absence ?? 0 } : {}),
      },
      ...(unsure
        ? { raise: 'merge-shared-names' as const }
        : few
          ? { raise: 'more-commits' as const }
          : young
            ? { raise: 'longer-history' as const }
            : {}),
    });
  }
}

/** `git.active-contributors`: people with a contribution in the last 30 days (medium: commits cover part of the definition). */
function proposeActiveContributors(h: HistoryReading, out: HistoryFindings): void {
  const { s, asOf } = h;
  if (!h.covers(30)) return;
  // No person has committed up to as_of (only bots, or every commit later): a 0 would be a count of nothing.
  if (s.people === 0) {
    out.notes.push({ code: 'no-people', data: { asOf } });
    return;
  }
  const unsure = s.ifNamesMerged.active30 !== s.active30;
  const young = h.young(30);
  out.proposals.push({
    path: 'observed.active_contributors_30d',
    value: fact(s.active30, asOf, `git ${h.rev}: commit authors and co-authors, bots left out, ${h.from(30)}..${asOf} (commready detect)`),
    // Commits cover part of the plan's definition (posted, replied, hosted, committed); identities that
    // share a name and would count fewer people as one make it a guess.
    confidence: unsure || young ? 'low' : 'medium',
    rule: 'git.active-contributors',
    source: 'git',
    evidence: [h.window(30, 0, s.active30)],
    data: { people: s.active30, ...(unsure ? { ifMerged: s.ifNamesMerged.active30 } : {}) },
    raise: unsure ? 'merge-shared-names' : young ? 'longer-history' : 'add-exports',
  });
}

/** `git.retention`: newcomers of the quarter before last who contributed again in the last 90 days; not from a shallow clone. */
function proposeRetention(h: HistoryReading, out: HistoryFindings): void {
  const { s, T, asOf } = h;
  if (h.shallow || s.cohort === 0) return;
  // A history younger than 180 days counts its founders as the cohort's newcomers.
  const young = h.young(180);
  const confidence: Confidence = s.cohort < 5 || young ? 'low' : 'medium';
  out.proposals.push({
    path: 'observed.retention',
    value: fact(
      roundShare(s.retained / s.cohort),
      asOf,
      `git ${h.rev}: ${s.retained} of ${s.cohort} newcomers of ${h.from(180)}..${utcDate(T - 90 * DAY)} contributed again by ${asOf} (commready detect)`,
    ),
    confidence,
    rule: 'git.retention',
    source: 'git',
    evidence: [h.window(180, 0, s.cohort)],
    data: { cohort: s.cohort, retained: s.retained },
    ...(s.cohort < 5 ? { raise: 'bigger-cohort' as const } : young ? { raise: 'longer-history' as const } : {}),
  });
}

/** The last 90 days' organisations from an affiliation map, when there is one and the window is covered. */
function affiliationFigures(h: HistoryReading): { figures: ReturnType<typeof organisationFigures>; all: number } | undefined {
  const organisations = h.s.organisations;
  if (!organisations || !h.covers(90)) return undefined;
  const figures = organisationFigures(organisations.counts);
  return { figures, all: figures.known + organisations.unknown };
}

/** `git.organisation-share`: CHAOSS Organizational Diversity from an affiliation map; high when it covers 90% of contributions. */
function proposeOrganisationShare(h: HistoryReading, out: HistoryFindings): void {
  const { s, asOf } = h;
  const found = affiliationFigures(h);
  if (!found || found.all === 0) return;
  const { figures, all } = found;
  if (figures.share === null) {
    out.notes.push({ code: 'affiliations-unknown', data: { contributions: all } });
    return;
  }
  const coverage = figures.known / all;
  const young = h.young(90);
  out.proposals.push({
    path: 'observed.organisation_share',
    value: fact(
      roundShare(figures.share),
      asOf,
      `git ${h.rev} and an affiliation map: ${figures.known} of ${all} contributions with a known organisation, ${h.from(90)}..${asOf} (commready detect)`,
    ),
    confidence: coverage >= 0.9 && !young ? 'high' : 'low',
    rule: 'git.organisation-share',
    source: 'git',
    evidence: [h.window(90, s.humanCommits90, s.people90)],
    data: { coverage: roundShare(coverage), organisations: s.organisations!.counts.size, elephant: figures.elephant ?? 0 },
    ...(coverage < 0.9 ? { raise: 'affiliations-cover-more' as const } : young ? { raise: 'longer-history' as const } : {}),
  });
}

/** `git.domain-share`: without an affiliation map, the same by corporate e-mail domain: a guess, shown only. */
function proposeDomainShare(h: HistoryReading, out: HistoryFindings): void {
  const { s, asOf } = h;
  if (s.organisations || !h.covers(90)) return;
  const figures = organisationFigures(s.domains.counts);
  if (figures.share === null) return;
  const all = figures.known + s.domains.unknown;
  out.proposals.push({
    path: 'observed.organisation_share',
    value: fact(roundShare(figures.share), asOf, `git ${h.rev}: e-mail domains, ${h.from(90)}..${asOf}`),
    confidence: 'low',
    rule: 'git.domain-share',
    source: 'git',
    evidence: [h.window(90, s.humanCommits90, s.people90)],
    data: { coverage: roundShare(figures.known / all), domains: s.domains.counts.size },
    showOnly: true,
    raise: 'give-affiliations',
  });
}

/**
 * What shows that signing off is the project's rule and not one person's habit (`git commit -s` in their
 * configuration): this many commits of the last 90 days, signed off by this many people. Fewer
 * people for high confidence would let a small team's shared setup pass as a decision.
 */
const SIGN_OFF_MIN_COMMITS = 20;
const SIGN_OFF_MIN_SIGNERS = 3;
const SIGN_OFF_HIGH_SIGNERS = 5;

/**
 * `sign-off.history`: the DCO, when 95% or more of the last 90 days' commits carry their author's
 * sign-off, across 20 commits or more signed off by 3 people or more (high from 5).
 */
function proposeSignOff(h: HistoryReading, out: HistoryFindings): void {
  const { s, asOf } = h;
  if (s.humanCommits90 < SIGN_OFF_MIN_COMMITS || s.signers90 < SIGN_OFF_MIN_SIGNERS || !h.covers(90)) return;
  const share = s.signedOff90 / s.humanCommits90;
  if (share < 0.95) return;
  out.proposals.push({
    path: 'governance.contribution_terms',
    point: 'sign-off',
    value: `Developer Certificate of Origin: commits carry their author's Signed-off-by (${Math.round(share * 100)}% of ${s.humanCommits90} commits by ${s.signers90} people, ${h.from(90)}..${asOf})`,
    // A rule seen only over the few days a young history has is not yet shown to be the project's.
    confidence: h.young(90) ? 'low' : s.signers90 >= SIGN_OFF_HIGH_SIGNERS ? 'high' : 'medium',
    rule: 'sign-off.history',
    source: 'git',
    evidence: [h.window(90, s.humanCommits90, s.people90)],
    data: { share: roundShare(share), commits: s.humanCommits90, signers: s.signers90 },
  });
}

/** `git.release-cadence`: the last year's release tags, named by the median gap between them. */
function proposeReleaseCadence(h: HistoryReading, out: HistoryFindings): void {
  const { releases, T, asOf } = h;
  if (!releases.cadence) return;
  out.proposals.push({
    path: 'platform.rituals',
    value: [{ name: 'Release', cadence: releases.cadence }],
    confidence: 'medium',
    rule: 'git.release-cadence',
    source: 'git',
    evidence: [{ kind: 'tags', rev: h.rev, from: utcDate(T - 365 * DAY), to: asOf, tags: releases.releases }],
    data: { releases: releases.releases, medianDays: Math.round(releases.medianDays ?? 0) },
  });
}

/** One detection from the history: the rules it may propose by, the notes it may add, and the function. */
interface HistoryDetection {
  proposes: readonly ProposalRule[];
  notes: readonly NoteCode[];
  detect: (h: HistoryReading, out: HistoryFindings) => void;
}

/** Every detection from the history, in the order their proposals and notes are listed. */
const HISTORY_DETECTIONS: readonly HistoryDetection[] = [
  {
    proposes: [],
    notes: ['future-commits', 'malformed-commits', 'bots-excluded', 'shallow-history', 'young-history', 'shared-name'],
    detect: noteHistoryLimits,
  },
  { proposes: ['git.absence-factor'], notes: ['window-not-covered'], detect: proposeAbsenceFactor },
  { proposes: ['git.active-contributors'], notes: ['no-people'], detect: proposeActiveContributors },
  { proposes: ['git.retention'], notes: [], detect: proposeRetention },
  { proposes: ['git.organisation-share'], notes: ['affiliations-unknown'], detect: proposeOrganisationShare },
  { proposes: ['git.domain-share'], notes: [], detect: proposeDomainShare },
  { proposes: ['sign-off.history'], notes: [], detect: proposeSignOff },
  { proposes: ['git.release-cadence'], notes: [], detect: proposeReleaseCadence },
];

/** The figures shown for context, never written. */
function historyFacts(h: HistoryReading): HistoryFacts {
  const { s, T, releases } = h;
  const affiliations = affiliationFigures(h);
  const elephant = affiliations && affiliations.figures.share !== null && affiliations.all > 0 ? affiliations.figures.elephant : null;
  return {
    rev: h.rev,
    commits: s.commits,
    people: s.people,
    commits90: s.commits90,
    people90: s.people90,
    botCommits90: s.botCommits90,
    newContributors90: s.newContributors90,
    absenceByQuarter: s.absenceByQuarter,
    ...(elephant !== null ? { elephantFactor: elephant } : {}),
    ...(s.humanCommits90 > 0 ? { signOffShare: roundShare(s.signedOff90 / s.humanCommits90) } : {}),
    ...(s.firstTime !== undefined ? { firstCommit: utcDate(s.firstTime) } : {}),
    ...(s.lastCommitterTime !== undefined
      ? { lastCommit: utcDate(s.lastCommitterTime), daysSinceLastCommit: Math.floor((T - s.lastCommitterTime) / DAY) }
      : {}),
    activeWeeks13: s.activeWeeks13,
    releases365: releases.releases,
    ...(releases.last !== undefined ? { lastRelease: utcDate(releases.last) } : {}),
    shallow: h.shallow,
  };
}

/** The history's proposals and notes, from every detection of HISTORY_DETECTIONS in order, and its figures. */
export function historyProposals(ctx: HistoryContext): { proposals: Proposal[]; notes: Note[]; facts: HistoryFacts } {
  const reading = readingOf(ctx);
  const out: HistoryFindings = { proposals: [], notes: [] };
  for (const detection of HISTORY_DETECTIONS) detection.detect(reading, out);
  return { ...out, facts: historyFacts(reading) };
}
