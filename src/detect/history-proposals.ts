// Pure: the history's figures as proposals for the plan's observed facts (each `{ value, as_of, source }`)
// and for the points history shows (sign-off, release cadence), with what limits them as notes.
import { DAY, organisationFigures, releaseCadence, utcDate, type HistorySummary } from './git-history.js';
import type { Confidence, Evidence, HistoryFacts, Note, Proposal } from './types.js';

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

export function historyProposals(ctx: HistoryContext): { proposals: Proposal[]; notes: Note[]; facts: HistoryFacts } {
  const { summary: s, rev, asOf } = ctx;
  const T = s.asOfTime;
  const proposals: Proposal[] = [];
  const notes: Note[] = [];
  const window = (days: number, commits: number, people: number): Evidence => ({
    kind: 'commits',
    rev,
    from: utcDate(T - days * DAY),
    to: asOf,
    commits,
    people,
  });
  const source = (days: number, commits: number, people: number): string =>
    `git ${rev}: ${commits} commit${commits === 1 ? '' : 's'} by ${people} ${people === 1 ? 'person' : 'people'}, bots left out, ${utcDate(T - days * DAY)}..${asOf} (commready detect)`;
  // A shallow clone that stops inside a window cannot measure it.
  const covers = (days: number): boolean => !ctx.shallow || (s.oldestTime !== undefined && s.oldestTime <= T - days * DAY);
  if (s.future > 0) notes.push({ code: 'future-commits', data: { commits: s.future, asOf } });
  if (s.malformed > 0) notes.push({ code: 'malformed-commits', data: { commits: s.malformed } });
  if (s.botCommits90 > 0 || s.bots > 0) notes.push({ code: 'bots-excluded', data: { bots: s.bots, commits: s.botCommits90 } });
  if (ctx.shallow) notes.push({ code: 'shallow-history', data: { since: s.oldestTime !== undefined ? utcDate(s.oldestTime) : asOf } });
  for (const shared of s.sharedNames.slice(0, 10)) {
    notes.push({ code: 'shared-name', data: { name: shared.name, identities: shared.identities } });
  }
  if (s.sharedNames.length > 10) notes.push({ code: 'shared-name', data: { more: s.sharedNames.length - 10 } });

  if (!covers(90)) notes.push({ code: 'window-not-covered', data: { days: 90 } });
  else if (s.absence) {
    proposals.push({
      path: 'observed.absence_factor',
      value: fact(s.absence.factor, asOf, source(90, s.humanCommits90, s.people90)),
      confidence: 'high',
      rule: 'git.absence-factor',
      source: 'git',
      evidence: [window(90, s.humanCommits90, s.people90)],
      data: { share: roundShare(s.absence.share), contributions: s.absence.total, factor: s.absence.factor },
    });
  }
  if (covers(30)) {
    proposals.push({
      path: 'observed.active_contributors_30d',
      value: fact(
        s.active30,
        asOf,
        `git ${rev}: commit authors and co-authors, bots left out, ${utcDate(T - 30 * DAY)}..${asOf} (commready detect)`,
      ),
      // Commits cover part of the plan's definition (posted, replied, hosted, committed).
      confidence: 'medium',
      rule: 'git.active-contributors',
      source: 'git',
      evidence: [window(30, 0, s.active30)],
      data: { people: s.active30 },
      raise: 'add-exports',
    });
  }
  if (!ctx.shallow && s.cohort > 0) {
    const confidence: Confidence = s.cohort < 5 ? 'low' : 'medium';
    proposals.push({
      path: 'observed.retention',
      value: fact(
        roundShare(s.retained / s.cohort),
        asOf,
        `git ${rev}: ${s.retained} of ${s.cohort} newcomers of ${utcDate(T - 180 * DAY)}..${utcDate(T - 90 * DAY)} contributed again by ${asOf} (commready detect)`,
      ),
      confidence,
      rule: 'git.retention',
      source: 'git',
      evidence: [window(180, 0, s.cohort)],
      data: { cohort: s.cohort, retained: s.retained },
      ...(s.cohort < 5 ? { raise: 'bigger-cohort' as const } : {}),
    });
  }
  let elephant: number | undefined;
  if (s.organisations && covers(90)) {
    const figures = organisationFigures(s.organisations.counts);
    const all = figures.known + s.organisations.unknown;
    if (figures.share !== null && all > 0) {
      const coverage = figures.known / all;
      elephant = figures.elephant ?? undefined;
      proposals.push({
        path: 'observed.organisation_share',
        value: fact(
          roundShare(figures.share),
          asOf,
          `git ${rev} and an affiliation map: ${figures.known} of ${all} contributions with a known organisation, ${utcDate(T - 90 * DAY)}..${asOf} (commready detect)`,
        ),
        confidence: coverage >= 0.9 ? 'high' : 'low',
        rule: 'git.organisation-share',
        source: 'git',
        evidence: [window(90, s.humanCommits90, s.people90)],
        data: { coverage: roundShare(coverage), organisations: s.organisations.counts.size, elephant: figures.elephant ?? 0 },
        ...(coverage < 0.9 ? { raise: 'affiliations-cover-more' as const } : {}),
      });
    } else if (all > 0) notes.push({ code: 'affiliations-unknown', data: { contributions: all } });
  } else if (covers(90)) {
    const figures = organisationFigures(s.domains.counts);
    if (figures.share !== null) {
      const all = figures.known + s.domains.unknown;
      proposals.push({
        path: 'observed.organisation_share',
        value: fact(roundShare(figures.share), asOf, `git ${rev}: e-mail domains, ${utcDate(T - 90 * DAY)}..${asOf}`),
        confidence: 'low',
        rule: 'git.domain-share',
        source: 'git',
        evidence: [window(90, s.humanCommits90, s.people90)],
        data: { coverage: roundShare(figures.known / all), domains: s.domains.counts.size },
        showOnly: true,
        raise: 'give-affiliations',
      });
    }
  }
  if (s.humanCommits90 > 0 && covers(90)) {
    const share = s.signedOff90 / s.humanCommits90;
    if (share >= 0.95) {
      proposals.push({
        path: 'governance.contribution_terms',
        point: 'sign-off',
        value: `Developer Certificate of Origin: commits carry their author's Signed-off-by (${Math.round(share * 100)}% of ${s.humanCommits90} commits, ${utcDate(T - 90 * DAY)}..${asOf})`,
        confidence: s.humanCommits90 >= 20 ? 'high' : 'medium',
        rule: 'sign-off.history',
        source: 'git',
        evidence: [window(90, s.humanCommits90, s.people90)],
        data: { share: roundShare(share), commits: s.humanCommits90 },
      });
    }
  }
  const releases = releaseCadence(ctx.tags, T);
  if (releases.cadence) {
    proposals.push({
      path: 'platform.rituals',
      value: [{ name: 'Release', cadence: releases.cadence }],
      confidence: 'medium',
      rule: 'git.release-cadence',
      source: 'git',
      evidence: [{ kind: 'tags', rev, from: utcDate(T - 365 * DAY), to: asOf, tags: releases.releases }],
      data: { releases: releases.releases, medianDays: Math.round(releases.medianDays ?? 0) },
    });
  }
  const facts: HistoryFacts = {
    rev,
    commits: s.commits,
    people: s.people,
    commits90: s.commits90,
    people90: s.people90,
    botCommits90: s.botCommits90,
    newContributors90: s.newContributors90,
    absenceByQuarter: s.absenceByQuarter,
    ...(elephant !== undefined ? { elephantFactor: elephant } : {}),
    ...(s.humanCommits90 > 0 ? { signOffShare: roundShare(s.signedOff90 / s.humanCommits90) } : {}),
    ...(s.firstTime !== undefined ? { firstCommit: utcDate(s.firstTime) } : {}),
    ...(s.lastCommitterTime !== undefined
      ? { lastCommit: utcDate(s.lastCommitterTime), daysSinceLastCommit: Math.floor((T - s.lastCommitterTime) / DAY) }
      : {}),
    activeWeeks13: s.activeWeeks13,
    releases365: releases.releases,
    ...(releases.last !== undefined ? { lastRelease: utcDate(releases.last) } : {}),
    shallow: ctx.shallow,
  };
  return { proposals, notes, facts };
}
