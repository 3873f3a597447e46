// Pure: the plan's observed facts from an export of conversations, over the plan's windows ending at
// as_of. Bots never count; the host team is whoever the export marks as staff (Discourse) or as the
// repository's owner, member or collaborator (GitHub).
import { kaplanMeierMedian, type Wait } from './chaoss.js';
import type { ExportData, Post } from './exports.js';
import { DAY, utcDate } from './git-history.js';
import { roundShare } from './history-proposals.js';
import type { Confidence, Evidence, ExportFacts, Note, NoteCode, Proposal, ProposalRule, ProposalSource } from './types.js';

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

/** What every export detection reads: the posts up to as_of in time order, their span, and how to cite a window. */
interface ExportReading {
  ctx: ExportContext;
  /** as_of, Unix seconds: the end of every window. */
  T: number;
  words: (typeof WORDS)[ExportData['kind']];
  posts: Post[];
  /** Each author's first regular post (bots left out). */
  firstPost: Map<string, number>;
  earliest: number | undefined;
  latest: number | undefined;
  /** An export that stops well before as_of cannot measure the windows that end there: its figures are low. */
  endsEarly: boolean;
  /** Newcomers' threads of the last 90 days and their waits for a first reply. */
  newcomers: { waits: Wait[]; answered: number };
}

/** Every post up to as_of, in time order. */
function postsUpTo(data: ExportData, T: number): Post[] {
  const posts: Post[] = [];
  for (const t of data.threads) {
    if (t.opener.at <= T) posts.push(t.opener);
    for (const r of t.replies) if (r.at <= T) posts.push(r);
  }
  return posts.sort((a, b) => a.at - b.at);
}

/**
 * Time to first response: threads opened by newcomers in the last 90 days; the first regular reply by
 * someone else, not a bot. Unanswered threads are censored at as_of.
 */
function newcomerWaits(data: ExportData, T: number, firstPost: ReadonlyMap<string, number>): { waits: Wait[]; answered: number } {
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
  return { waits, answered };
}

function readingOf(ctx: ExportContext): ExportReading {
  const T = ctx.asOfTime;
  const posts = postsUpTo(ctx.data, T);
  const firstPost = new Map<string, number>();
  for (const p of posts) if (!p.bot && p.regular && !firstPost.has(p.author)) firstPost.set(p.author, p.at);
  const latest = posts[posts.length - 1]?.at;
  return {
    ctx,
    T,
    words: WORDS[ctx.data.kind],
    posts,
    firstPost,
    earliest: posts[0]?.at,
    latest,
    endsEarly: latest === undefined || latest < T - 7 * DAY,
    newcomers: newcomerWaits(ctx.data, T, firstPost),
  };
}

/** Records of the export over the window of `days` ending at as_of, as evidence. */
function recordsEvidence(x: ExportReading, days: number, items: number, people?: number): Evidence {
  return {
    kind: 'records',
    file: x.ctx.name,
    from: utcDate(x.T - days * DAY),
    to: x.ctx.asOf,
    items,
    ...(people !== undefined ? { people } : {}),
  };
}

/**
 * The fewest newcomer threads a median wait, and the fewest posts a share of posts, is more than a low
 * guess from: one thread answered in an hour is no community's response time.
 */
const MIN_THREADS = 5;
const MIN_POSTS = 20;

/** A confidence, made low when the export ends early. */
function capped(x: ExportReading, c: Confidence): Confidence {
  return x.endsEarly ? 'low' : c;
}

/** Whether the export reaches back over the window of `days`. */
function covers(x: ExportReading, days: number): boolean {
  return x.earliest !== undefined && x.earliest <= x.T - days * DAY;
}

/** Where the export detections put what they find, in the order they find it. */
interface ExportFindings {
  proposals: Proposal[];
  notes: Note[];
}

/** An export whose last post is more than 7 days before as_of: noted, and its figures made low. */
function noteEarlyEnd(x: ExportReading, out: ExportFindings): void {
  const { latest, endsEarly, ctx } = x;
  if (endsEarly)
    out.notes.push({
      code: 'export-ends-early',
      file: ctx.name,
      data: { last: latest !== undefined ? utcDate(latest) : 'none', asOf: ctx.asOf },
    });
}

/** Records the export held twice, counted once: said, so that a merged or overlapping export is looked at. */
function noteDuplicates(x: ExportReading, out: ExportFindings): void {
  const { ctx } = x;
  if (ctx.data.duplicates > 0)
    out.notes.push({ code: 'export-duplicates', file: ctx.name, data: { records: ctx.data.duplicates, kind: ctx.data.kind } });
}

/**
 * `export.first-response`: the Kaplan-Meier median wait of newcomers' threads for a first reply; high when
 * the export reaches a year before the window (newcomers known for sure). Fewer than half answered: a note.
 */
function proposeFirstResponse(x: ExportReading, out: ExportFindings): void {
  const { ctx, T, words } = x;
  const { waits, answered } = x.newcomers;
  if (waits.length === 0) {
    out.notes.push({ code: 'no-newcomer-threads', file: ctx.name, data: { threads: words.threads } });
    return;
  }
  const newcomersKnown = covers(x, 90 + 365);
  if (!newcomersKnown)
    out.notes.push({
      code: 'newcomers-approximated',
      file: ctx.name,
      data: { from: x.earliest !== undefined ? utcDate(x.earliest) : ctx.asOf },
    });
  const km = kaplanMeierMedian(waits);
  if (km && 'median' in km) {
    out.proposals.push({
      path: 'observed.first_response_hours',
      value: {
        value: hours(km.median),
        as_of: ctx.asOf,
        source: `${words.what} ${ctx.name}: ${waits.length} ${waits.length === 1 ? words.thread : words.threads} opened by newcomers, ${utcDate(T - 90 * DAY)}..${ctx.asOf}, ${answered} answered; median by Kaplan-Meier, bots left out (commready detect)`,
      },
      confidence: capped(x, waits.length < MIN_THREADS ? 'low' : newcomersKnown ? 'high' : 'medium'),
      rule: 'export.first-response',
      source: words.source,
      evidence: [recordsEvidence(x, 90, waits.length)],
      data: { items: waits.length, answered },
      ...(waits.length < MIN_THREADS ? { raise: 'bigger-sample' as const } : newcomersKnown ? {} : { raise: 'longer-export' as const }),
    });
  } else if (km && 'above' in km) {
    out.notes.push({ code: 'first-response-unanswered', file: ctx.name, data: { items: waits.length, answered, above: hours(km.above) } });
  }
}

/** Posts of the last 90 days not by bots, those of them by members (not the host team), and members who posted in the last 30 days. */
function recentPosts(x: ExportReading): { all90: number; members90: number; active30: Set<string> } {
  let all90 = 0;
  let members90 = 0;
  const active30 = new Set<string>();
  for (const p of x.posts) {
    if (p.bot || !p.regular || p.at <= x.T - 90 * DAY) continue;
    all90++;
    if (!p.host) members90++;
    if (!p.host && p.at > x.T - 30 * DAY) active30.add(p.author);
  }
  return { all90, members90, active30 };
}

/** `export.member-share`: the last 90 days' posts not by the host team, of all posts not by bots (medium). */
function proposeMemberShare(x: ExportReading, out: ExportFindings): void {
  const { ctx, T, words } = x;
  const { all90, members90 } = recentPosts(x);
  if (all90 === 0) return;
  out.proposals.push({
    path: 'observed.member_share',
    value: {
      value: roundShare(members90 / all90),
      as_of: ctx.asOf,
      source: `${words.what} ${ctx.name}: ${members90} of ${all90} posts by members rather than the host team, ${utcDate(T - 90 * DAY)}..${ctx.asOf} (commready detect)`,
    },
    confidence: capped(x, all90 < MIN_POSTS ? 'low' : 'medium'),
    rule: 'export.member-share',
    source: words.source,
    evidence: [recordsEvidence(x, 90, all90)],
    data: { posts: all90, members: members90 },
    ...(all90 < MIN_POSTS ? { raise: 'bigger-sample' as const } : {}),
  });
}

/** `export.active-posters`: members (not the host team, not bots) who posted in the last 30 days (medium). */
function proposeActivePosters(x: ExportReading, out: ExportFindings): void {
  const { ctx, T, words } = x;
  const { all90, active30 } = recentPosts(x);
  if (!covers(x, 30) && all90 === 0) return;
  out.proposals.push({
    path: 'observed.active_contributors_30d',
    value: {
      value: active30.size,
      as_of: ctx.asOf,
      source: `${words.what} ${ctx.name}: members who posted, ${utcDate(T - 30 * DAY)}..${ctx.asOf}, host team and bots left out (commready detect)`,
    },
    confidence: capped(x, 'medium'),
    rule: 'export.active-posters',
    source: words.source,
    evidence: [recordsEvidence(x, 30, 0, active30.size)],
    data: { people: active30.size },
  });
}

/** Members whose first post fell in (as_of − 180 d, as_of − 90 d], and how many of them posted again in the last 90 days. */
function memberCohort(x: ExportReading): { cohort: number; retained: number } {
  const { T } = x;
  let cohort = 0;
  let retained = 0;
  const lastPost = new Map<string, number>();
  const hostAuthors = new Set<string>();
  for (const p of x.posts) {
    if (p.host) hostAuthors.add(p.author);
    if (!p.bot && p.regular) lastPost.set(p.author, p.at);
  }
  for (const [author, first] of x.firstPost) {
    if (hostAuthors.has(author) || first <= T - 180 * DAY || first > T - 90 * DAY) continue;
    cohort++;
    if ((lastPost.get(author) ?? 0) > T - 90 * DAY) retained++;
  }
  return { cohort, retained };
}

/** `export.retention`: the share of the cohort who posted again (medium; low under 5 or without a year before the cohort). */
function proposeRetention(x: ExportReading, out: ExportFindings): void {
  const { ctx, T, words } = x;
  const { cohort, retained } = memberCohort(x);
  if (cohort === 0 || !covers(x, 180)) return;
  const known = covers(x, 180 + 365);
  const confidence: Confidence = cohort < 5 || !known ? 'low' : 'medium';
  out.proposals.push({
    path: 'observed.retention',
    value: {
      value: roundShare(retained / cohort),
      as_of: ctx.asOf,
      source: `${words.what} ${ctx.name}: ${retained} of ${cohort} members who first posted ${utcDate(T - 180 * DAY)}..${utcDate(T - 90 * DAY)} posted again by ${ctx.asOf} (commready detect)`,
    },
    confidence: capped(x, confidence),
    rule: 'export.retention',
    source: words.source,
    evidence: [recordsEvidence(x, 180, cohort, cohort)],
    data: { cohort, retained },
    ...(cohort < 5 ? { raise: 'bigger-cohort' as const } : !known ? { raise: 'longer-export' as const } : {}),
  });
}

/** One detection from an export: the rules it may propose by, the notes it may add, and the function. */
interface ExportDetection {
  proposes: readonly ProposalRule[];
  notes: readonly NoteCode[];
  detect: (x: ExportReading, out: ExportFindings) => void;
}

/** Every detection from an export, in the order their proposals and notes are listed. */
const EXPORT_DETECTIONS: readonly ExportDetection[] = [
  { proposes: [], notes: ['export-ends-early'], detect: noteEarlyEnd },
  { proposes: [], notes: ['export-duplicates'], detect: noteDuplicates },
  {
    proposes: ['export.first-response'],
    notes: ['no-newcomer-threads', 'newcomers-approximated', 'first-response-unanswered'],
    detect: proposeFirstResponse,
  },
  { proposes: ['export.member-share'], notes: [], detect: proposeMemberShare },
  { proposes: ['export.active-posters'], notes: [], detect: proposeActivePosters },
  { proposes: ['export.retention'], notes: [], detect: proposeRetention },
];

/** The figures shown for context, never written. */
function exportFacts(x: ExportReading): ExportFacts {
  const { ctx, earliest, latest } = x;
  return {
    file: ctx.name,
    kind: ctx.data.kind,
    threads: ctx.data.threads.length,
    posts: x.posts.length,
    ...(earliest !== undefined ? { from: utcDate(earliest) } : {}),
    ...(latest !== undefined ? { to: utcDate(latest) } : {}),
    newcomerThreads90: x.newcomers.waits.length,
    answered90: x.newcomers.answered,
  };
}

/** An export's proposals and notes, from every detection of EXPORT_DETECTIONS in order, and its figures. */
export function exportProposals(ctx: ExportContext): { proposals: Proposal[]; notes: Note[]; facts: ExportFacts } {
  const reading = readingOf(ctx);
  const out: ExportFindings = { proposals: [], notes: [] };
  for (const detection of EXPORT_DETECTIONS) detection.detect(reading, out);
  return { ...out, facts: exportFacts(reading) };
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
