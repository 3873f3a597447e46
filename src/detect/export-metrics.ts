// Pure: the plan's observed facts from an export of conversations, over the plan's windows ending at
// as_of. Bots never count; the host team is whoever the export marks as staff (Discourse) or as the
// repository's owner, member or collaborator (GitHub).
import { kaplanMeierMedian, type Wait } from './chaoss.js';
import type { ExportData, Post } from './exports.js';
import { DAY, utcDate } from './git-history.js';
import { roundShare } from './history-proposals.js';
import type { Confidence, Evidence, ExportFacts, Note, Proposal, ProposalSource } from './types.js';

export interface ExportContext {
  data: ExportData;
  /** The export's file name as shown (a base name: never a path of this machine). */
  name: string;
  asOfTime: number;
  asOf: string;
}

const WORDS: Readonly<Record<ExportData['kind'], { source: ProposalSource; what: string; thread: string; threads: string }>> = {
  issues: { source: 'issues', what: 'GitHub issues export', thread: 'issue', threads: 'issues' },
  forum: { source: 'forum', what: 'Discourse export', thread: 'topic', threads: 'topics' },
};

/** Rounded to a tenth of an hour. */
function hours(seconds: number): number {
  return Math.round((seconds / 3600) * 10) / 10;
}

export function exportProposals(ctx: ExportContext): { proposals: Proposal[]; notes: Note[]; facts: ExportFacts } {
  const { data, name, asOf } = ctx;
  const T = ctx.asOfTime;
  const words = WORDS[data.kind];
  const proposals: Proposal[] = [];
  const notes: Note[] = [];
  // Every post up to as_of, in time order, and each author's first post.
  const posts: Post[] = [];
  for (const t of data.threads) {
    if (t.opener.at <= T) posts.push(t.opener);
    for (const r of t.replies) if (r.at <= T) posts.push(r);
  }
  posts.sort((a, b) => a.at - b.at);
  const firstPost = new Map<string, number>();
  for (const p of posts) if (!p.bot && p.regular && !firstPost.has(p.author)) firstPost.set(p.author, p.at);
  const earliest = posts[0]?.at;
  const latest = posts[posts.length - 1]?.at;
  const evidence = (days: number, items: number, people?: number): Evidence => ({
    kind: 'records',
    file: name,
    from: utcDate(T - days * DAY),
    to: asOf,
    items,
    ...(people !== undefined ? { people } : {}),
  });
  // An export that stops well before as_of cannot measure the windows that end there.
  const endsEarly = latest === undefined || latest < T - 7 * DAY;
  if (endsEarly)
    notes.push({ code: 'export-ends-early', file: name, data: { last: latest !== undefined ? utcDate(latest) : 'none', asOf } });
  const cap = (c: Confidence): Confidence => (endsEarly ? 'low' : c);
  const covers = (days: number): boolean => earliest !== undefined && earliest <= T - days * DAY;

  // Time to first response: threads opened by newcomers in the last 90 days; the first regular reply
  // by someone else, not a bot. Unanswered threads are censored at as_of.
  const waits: Wait[] = [];
  let answered = 0;
  for (const t of data.threads) {
    const o = t.opener;
    if (o.at > T || o.at <= T - 90 * DAY || o.bot || o.host || !o.regular) continue;
    if (firstPost.get(o.author) !== o.at) continue;
    let reply: number | undefined;
    for (const r of t.replies) {
      if (r.at < o.at || r.at > T || r.bot || !r.regular || r.author === o.author) continue;
      if (reply === undefined || r.at < reply) reply = r.at;
    }
    if (reply !== undefined) {
      answered++;
      waits.push({ time: reply - o.at, answered: true });
    } else waits.push({ time: T - o.at, answered: false });
  }
  const newcomersKnown = covers(90 + 365);
  if (waits.length === 0) notes.push({ code: 'no-newcomer-threads', file: name, data: { threads: words.threads } });
  else {
    if (!newcomersKnown)
      notes.push({ code: 'newcomers-approximated', file: name, data: { from: earliest !== undefined ? utcDate(earliest) : asOf } });
    const km = kaplanMeierMedian(waits);
    if (km && 'median' in km) {
      const value = hours(km.median);
      proposals.push({
        path: 'observed.first_response_hours',
        value: {
          value,
          as_of: asOf,
          source: `${words.what} ${name}: ${waits.length} ${waits.length === 1 ? words.thread : words.threads} opened by newcomers, ${utcDate(T - 90 * DAY)}..${asOf}, ${answered} answered; median by Kaplan-Meier, bots left out (commready detect)`,
        },
        confidence: cap(newcomersKnown ? 'high' : 'medium'),
        rule: 'export.first-response',
        source: words.source,
        evidence: [evidence(90, waits.length)],
        data: { items: waits.length, answered },
        ...(newcomersKnown ? {} : { raise: 'longer-export' as const }),
      });
    } else if (km && 'above' in km) {
      notes.push({ code: 'first-response-unanswered', file: name, data: { items: waits.length, answered, above: hours(km.above) } });
    }
  }

  // Member share: posts in the last 90 days not by the host team, of all posts not by bots.
  let all90 = 0;
  let members90 = 0;
  const active30 = new Set<string>();
  for (const p of posts) {
    if (p.bot || !p.regular || p.at <= T - 90 * DAY) continue;
    all90++;
    if (!p.host) members90++;
    if (!p.host && p.at > T - 30 * DAY) active30.add(p.author);
  }
  if (all90 > 0) {
    proposals.push({
      path: 'observed.member_share',
      value: {
        value: roundShare(members90 / all90),
        as_of: asOf,
        source: `${words.what} ${name}: ${members90} of ${all90} posts by members rather than the host team, ${utcDate(T - 90 * DAY)}..${asOf} (commready detect)`,
      },
      confidence: cap('medium'),
      rule: 'export.member-share',
      source: words.source,
      evidence: [evidence(90, all90)],
      data: { posts: all90, members: members90 },
    });
  }
  if (covers(30) || all90 > 0) {
    proposals.push({
      path: 'observed.active_contributors_30d',
      value: {
        value: active30.size,
        as_of: asOf,
        source: `${words.what} ${name}: members who posted, ${utcDate(T - 30 * DAY)}..${asOf}, host team and bots left out (commready detect)`,
      },
      confidence: cap('medium'),
      rule: 'export.active-posters',
      source: words.source,
      evidence: [evidence(30, 0, active30.size)],
      data: { people: active30.size },
    });
  }

  // Retention: members whose first post fell in (as_of − 180 d, as_of − 90 d] who posted again in the last 90 days.
  let cohort = 0;
  let retained = 0;
  const lastPost = new Map<string, number>();
  const hostAuthors = new Set<string>();
  for (const p of posts) {
    if (p.host) hostAuthors.add(p.author);
    if (!p.bot && p.regular) lastPost.set(p.author, p.at);
  }
  for (const [author, first] of firstPost) {
    if (hostAuthors.has(author) || first <= T - 180 * DAY || first > T - 90 * DAY) continue;
    cohort++;
    if ((lastPost.get(author) ?? 0) > T - 90 * DAY) retained++;
  }
  if (cohort > 0 && covers(180)) {
    const known = covers(180 + 365);
    const confidence: Confidence = cohort < 5 || !known ? 'low' : 'medium';
    proposals.push({
      path: 'observed.retention',
      value: {
        value: roundShare(retained / cohort),
        as_of: asOf,
        source: `${words.what} ${name}: ${retained} of ${cohort} members who first posted ${utcDate(T - 180 * DAY)}..${utcDate(T - 90 * DAY)} posted again by ${asOf} (commready detect)`,
      },
      confidence: cap(confidence),
      rule: 'export.retention',
      source: words.source,
      evidence: [evidence(180, cohort, cohort)],
      data: { cohort, retained },
      ...(cohort < 5 ? { raise: 'bigger-cohort' as const } : !known ? { raise: 'longer-export' as const } : {}),
    });
  }
  const facts: ExportFacts = {
    file: name,
    kind: data.kind,
    threads: data.threads.length,
    posts: posts.length,
    ...(earliest !== undefined ? { from: utcDate(earliest) } : {}),
    ...(latest !== undefined ? { to: utcDate(latest) } : {}),
    newcomerThreads90: waits.length,
    answered90: answered,
  };
  return { proposals, notes, facts };
}

/** The instant the latest post of the exports was made: the time base when there is no repository. */
export function latestPost(exports: readonly ExportData[]): number | undefined {
  let latest: number | undefined;
  for (const e of exports)
    for (const t of e.threads) {
      for (const p of [t.opener, ...t.replies]) if (latest === undefined || p.at > latest) latest = p.at;
    }
  return latest;
}
