// Pure: one streaming pass over `git log` records (newest first) into per-identity aggregates, then the
// CHAOSS figures over the plan's windows. Nothing per commit is kept but the first-parent chain's ids, so
// memory grows with the number of people, not of commits.
import { affiliationAt, corporateDomain, type Affiliations } from './affiliations.js';
import { contributorAbsenceFactor, elephantFactor, organisationShare } from './chaoss.js';
import { identityKey, isBot, isDistinctiveName, parseNameAddress } from './identities.js';
import { applyMailmap, type Mailmap } from './mailmap.js';

export const DAY = 86_400;

/**
 * The `git log -z` format read: id, parents, author name, address and time, committer time, then the
 * Co-authored-by and Signed-off-by trailers (unfolded, values only, separated by U+001E). Names and
 * addresses are read raw: the mailmap is applied here, to authors and co-authors alike.
 */
export const GIT_LOG_FORMAT =
  '%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%ct%x1f%(trailers:key=Co-authored-by,valueonly,unfold,separator=%x1e)%x1f%(trailers:key=Signed-off-by,valueonly,unfold,separator=%x1e)';
const FIELDS = 8;

export interface CommitRecord {
  hash: string;
  parents: readonly string[];
  authorName: string;
  authorEmail: string;
  authorTime: number;
  committerTime: number;
  coAuthors: readonly string[];
  signedOff: readonly string[];
}

/** One record of the format above, or undefined when it does not have its fields (a hostile name holding U+001F). */
export function parseCommitRecord(text: string): CommitRecord | undefined {
  const f = text.split('\x1f');
  if (f.length !== FIELDS) return undefined;
  const authorTime = Number(f[4]);
  const committerTime = Number(f[5]);
  if (!/^[0-9a-f]{40,64}$/.test(f[0]!) || !Number.isFinite(authorTime) || !Number.isFinite(committerTime)) return undefined;
  const list = (s: string): string[] => (s.length === 0 ? [] : s.split('\x1e').filter((v) => v.trim().length > 0));
  return {
    hash: f[0]!,
    parents: f[1]!.length === 0 ? [] : f[1]!.split(' '),
    authorName: f[2]!,
    authorEmail: f[3]!,
    authorTime,
    committerTime,
    coAuthors: list(f[6]!),
    signedOff: list(f[7]!),
  };
}

/** Splits a stream of NUL-terminated records across chunk boundaries. */
export class RecordSplitter {
  private rest = '';
  /** Calls `each` for every complete record in `chunk`. */
  push(chunk: string, each: (record: string) => void): void {
    let text = this.rest.length > 0 ? this.rest + chunk : chunk;
    let start = 0;
    for (let end = text.indexOf('\0', start); end >= 0; end = text.indexOf('\0', start)) {
      each(text.slice(start, end));
      start = end + 1;
    }
    this.rest = start < text.length ? text.slice(start) : '';
    text = '';
  }
  /** The text after the last terminator (git ends every record with one: this is empty unless cut short). */
  end(): string {
    const rest = this.rest;
    this.rest = '';
    return rest;
  }
}

/**
 * A copy of `text` that holds no reference to the chunk of output it was cut from: V8 keeps a substring
 * as a view of its parent, so one kept name would keep a whole 64 KiB chunk of the log alive.
 */
export function detach(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Commit ids (SHA-1 or SHA-256) and committer times, packed: 20 or 32 bytes a commit, not a string. */
export class CommitChain {
  private bytes = new Uint8Array(0);
  private width = 0;
  private readonly times: number[] = [];

  get length(): number {
    return this.times.length;
  }

  push(hash: string, time: number): void {
    const width = hash.length / 2;
    if (this.width === 0) this.width = width;
    if (width !== this.width) return;
    const at = this.times.length * width;
    if (at + width > this.bytes.length) {
      const grown = new Uint8Array(Math.max(1024 * width, this.bytes.length * 2));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    for (let i = 0; i < width; i++) this.bytes[at + i] = parseInt(hash.slice(2 * i, 2 * i + 2), 16);
    this.times.push(time);
  }

  hash(index: number): string {
    let out = '';
    const at = index * this.width;
    for (let i = 0; i < this.width; i++) out += this.bytes[at + i]!.toString(16).padStart(2, '0');
    return out;
  }

  time(index: number): number {
    return this.times[index]!;
  }
}

interface ResolvedIdentity {
  key: string;
  name: string;
  email: string;
  bot: boolean;
}

interface Identity {
  name: string;
  email: string;
  bot: boolean;
  first: number;
  contributions: number;
  in90: number;
  in30: number;
  /** Contributions in each of the four 90-day windows before as_of, newest first. */
  quarters: [number, number, number, number];
}

export interface HistoryOptions {
  /** The end of every window, Unix seconds (HEAD's committer time unless given). */
  asOfTime: number;
  mailmap: Mailmap;
  affiliations?: Affiliations;
  /** The commit detected on: the first-parent chain is followed from it. */
  head?: string;
}

/** The figures of one pass, before they become proposals. */
export interface HistorySummary {
  asOfTime: number;
  commits: number;
  merges: number;
  malformed: number;
  /** Commits dated after as_of, left out. */
  future: number;
  people: number;
  bots: number;
  botCommits90: number;
  commits90: number;
  /** Commits in W_90 by people (not bots), and how many of them carry their author's sign-off. */
  humanCommits90: number;
  signedOff90: number;
  /** The people whose own sign-off is on at least one of those commits. */
  signers90: number;
  people90: number;
  active30: number;
  absence: { factor: number; share: number; total: number } | null;
  absenceByQuarter: (number | null)[];
  newContributors90: number;
  /** Newcomers of (as_of − 180 d, as_of − 90 d] and how many of them contributed in the last 90 days. */
  cohort: number;
  retained: number;
  /** Contributions in W_90 by organisation (affiliation map), plus those whose organisation is unknown. */
  organisations?: { counts: Map<string, number>; unknown: number };
  /** Contributions in W_90 by corporate e-mail domain, plus those from free-mail or no-reply addresses. */
  domains: { counts: Map<string, number>; unknown: number };
  firstTime?: number;
  lastAuthorTime?: number;
  lastCommitterTime?: number;
  /** The oldest commit time read: in a shallow clone, where the history stops. */
  oldestTime?: number;
  activeWeeks13: number;
  /** The first-parent chain from the head, newest first. */
  chain: CommitChain;
  /**
   * The parent the chain was waiting for when the log ended: the log's order put it before its child
   * (clock skew), or a shallow clone stops there. The rest of the chain can be read from it.
   */
  chainBrokenAt?: string;
  /** Names shared by several identities (a merge to suggest), with the number of identities. */
  sharedNames: { name: string; identities: number; contributions: number }[];
  /**
   * The absence factor and the active contributors were the identities that share a name one person
   * each: where they differ from the figures, the figures rest on a guess detect does not make.
   */
  ifNamesMerged: { absence: number | null; active30: number };
  /** The name of each identity (bots left out), by key: for resolving names found in files. */
  names: Map<string, string>;
}

/** Accumulates records in the order git gives them (a commit before its parents). */
export class HistoryAccumulator {
  private readonly people = new Map<string, Identity>();
  private readonly resolved = new Map<string, ResolvedIdentity>();
  private readonly T: number;
  private commits = 0;
  private merges = 0;
  private malformed = 0;
  private future = 0;
  private botCommits90 = 0;
  private commits90 = 0;
  private humanCommits90 = 0;
  private signedOff90 = 0;
  private readonly signers90 = new Set<string>();
  private readonly weeks = new Set<number>();
  private readonly orgs = new Map<string, number>();
  private orgUnknown = 0;
  private readonly domains = new Map<string, number>();
  private domainUnknown = 0;
  private firstTime: number | undefined;
  private lastAuthorTime: number | undefined;
  private lastCommitterTime: number | undefined;
  private oldestTime: number | undefined;
  private tip: string | undefined;
  private readonly chain = new CommitChain();

  constructor(private readonly options: HistoryOptions) {
    this.T = options.asOfTime;
    this.tip = options.head;
  }

  /** A record that did not parse: counted, never guessed at. */
  skip(): void {
    this.malformed++;
  }

  add(c: CommitRecord): void {
    if (c.hash === this.tip) {
      this.chain.push(c.hash, c.committerTime);
      this.tip = c.parents[0];
    }
    const oldest = Math.min(c.authorTime, c.committerTime);
    if (this.oldestTime === undefined || oldest < this.oldestTime) this.oldestTime = oldest;
    if (c.committerTime <= this.T && (this.lastCommitterTime === undefined || c.committerTime > this.lastCommitterTime))
      this.lastCommitterTime = c.committerTime;
    if (c.parents.length > 1) {
      this.merges++;
      return;
    }
    const t = c.authorTime;
    if (t > this.T) {
      this.future++;
      return;
    }
    this.commits++;
    if (this.firstTime === undefined || t < this.firstTime) this.firstTime = t;
    if (this.lastAuthorTime === undefined || t > this.lastAuthorTime) this.lastAuthorTime = t;
    const author = this.resolve(c.authorName, c.authorEmail);
    const authorKey = author.key;
    const authorIsBot = author.bot;
    const in90 = t > this.T - 90 * DAY;
    if (in90) {
      this.commits90++;
      if (authorIsBot) this.botCommits90++;
      else {
        this.humanCommits90++;
        if (this.signedByAuthor(c.signedOff, authorKey, author.name)) {
          this.signedOff90++;
          this.signers90.add(authorKey);
        }
      }
    }
    if (!authorIsBot) {
      const week = Math.floor((this.T - t) / (7 * DAY));
      if (week < 13) this.weeks.add(week);
    }
    this.credit(authorKey, author.name, author.email, authorIsBot, t);
    // Each distinct co-author is one more contribution; a bot's commit still credits its co-authors (a
    // translation platform commits for its translators).
    if (c.coAuthors.length > 0) {
      const seen = new Set<string>([authorKey]);
      for (const value of c.coAuthors) {
        const parsed = parseNameAddress(value);
        if (!parsed) continue;
        const co = this.resolve(parsed.name, parsed.email);
        if (seen.has(co.key)) continue;
        seen.add(co.key);
        this.credit(co.key, co.name, co.email, co.bot, t);
      }
    }
  }

  /** Who a raw name and address are, after the mailmap: looked up once per pair (a history repeats them). */
  private resolve(name: string, email: string): ResolvedIdentity {
    const raw = `${email}\n${name}`;
    let found = this.resolved.get(raw);
    if (!found) {
      const mapped = applyMailmap(this.options.mailmap, name, email);
      found = {
        key: detach(identityKey(mapped.name, mapped.email)),
        name: detach(mapped.name),
        email: detach(mapped.email),
        bot: isBot(mapped.name, mapped.email),
      };
      if (this.resolved.size < 1_000_000) this.resolved.set(detach(raw), found);
    }
    return found;
  }

  private signedByAuthor(values: readonly string[], authorKey: string, authorName: string): boolean {
    for (const value of values) {
      const parsed = parseNameAddress(value);
      if (!parsed) continue;
      const signer = applyMailmap(this.options.mailmap, parsed.name, parsed.email);
      if (identityKey(signer.name, signer.email) === authorKey) return true;
      if (signer.name.trim().toLowerCase() === authorName.trim().toLowerCase()) return true;
    }
    return false;
  }

  private credit(key: string, name: string, email: string, bot: boolean, t: number): void {
    let p = this.people.get(key);
    if (!p) {
      // Records come newest first: the first name seen is the latest one used.
      p = { name, email, bot, first: t, contributions: 0, in90: 0, in30: 0, quarters: [0, 0, 0, 0] };
      this.people.set(key, p);
    }
    p.contributions++;
    if (t < p.first) p.first = t;
    if (bot) return;
    const age = this.T - t;
    if (age < 90 * DAY) {
      p.in90++;
      if (age < 30 * DAY) p.in30++;
      const { affiliations } = this.options;
      if (affiliations) {
        const a = affiliationAt(affiliations, email, t);
        if ('org' in a) this.orgs.set(a.org, (this.orgs.get(a.org) ?? 0) + 1);
        else if ('independent' in a) this.orgs.set(`\0${key}`, (this.orgs.get(`\0${key}`) ?? 0) + 1);
        else this.orgUnknown++;
      }
      const domain = key.startsWith('gh:') || key.startsWith('name:') ? undefined : corporateDomain(email);
      if (domain) this.domains.set(domain, (this.domains.get(domain) ?? 0) + 1);
      else this.domainUnknown++;
    }
    const quarter = Math.floor(age / (90 * DAY));
    if (quarter < 4) p.quarters[quarter as 0 | 1 | 2 | 3]++;
  }

  finish(): HistorySummary {
    const T = this.T;
    let people = 0;
    let bots = 0;
    let people90 = 0;
    let active30 = 0;
    let newContributors90 = 0;
    let cohort = 0;
    let retained = 0;
    const counts90: number[] = [];
    const quarterCounts: number[][] = [[], [], [], []];
    const byName = new Map<string, { name: string; identities: number; contributions: number }>();
    const names = new Map<string, string>();
    for (const [key, p] of this.people) {
      if (!p.bot) names.set(key, p.name);
      if (p.bot) {
        bots++;
        continue;
      }
      people++;
      if (p.in90 > 0) {
        people90++;
        counts90.push(p.in90);
      }
      if (p.in30 > 0) active30++;
      for (let q = 0; q < 4; q++) if (p.quarters[q]! > 0) quarterCounts[q]!.push(p.quarters[q]!);
      if (p.first > T - 90 * DAY) newContributors90++;
      else if (p.first > T - 180 * DAY) {
        cohort++;
        if (p.in90 > 0) retained++;
      }
      if (isDistinctiveName(p.name)) {
        const folded = foldedName(p.name);
        const entry = byName.get(folded) ?? { name: p.name.trim(), identities: 0, contributions: 0 };
        entry.identities++;
        entry.contributions += p.contributions;
        byName.set(folded, entry);
      }
    }
    const sharedNames = [...byName.values()]
      .filter((e) => e.identities > 1)
      .sort((a, b) => b.contributions - a.contributions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return {
      asOfTime: T,
      commits: this.commits,
      merges: this.merges,
      malformed: this.malformed,
      future: this.future,
      people,
      bots,
      botCommits90: this.botCommits90,
      commits90: this.commits90,
      humanCommits90: this.humanCommits90,
      signedOff90: this.signedOff90,
      signers90: this.signers90.size,
      people90,
      active30,
      absence: contributorAbsenceFactor(counts90),
      absenceByQuarter: quarterCounts.map((counts) => contributorAbsenceFactor(counts)?.factor ?? null),
      newContributors90,
      cohort,
      retained,
      ...(this.options.affiliations ? { organisations: { counts: this.orgs, unknown: this.orgUnknown } } : {}),
      domains: { counts: this.domains, unknown: this.domainUnknown },
      ...(this.firstTime !== undefined ? { firstTime: this.firstTime } : {}),
      ...(this.lastAuthorTime !== undefined ? { lastAuthorTime: this.lastAuthorTime } : {}),
      ...(this.lastCommitterTime !== undefined ? { lastCommitterTime: this.lastCommitterTime } : {}),
      ...(this.oldestTime !== undefined ? { oldestTime: this.oldestTime } : {}),
      activeWeeks13: this.weeks.size,
      chain: this.chain,
      ...(this.tip !== undefined ? { chainBrokenAt: this.tip } : {}),
      sharedNames,
      ifNamesMerged: figuresIfNamesMerged(this.people),
      names,
    };
  }
}

function foldedName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The absence factor and the active contributors were each name shared by several identities one person (bots left out). */
function figuresIfNamesMerged(people: ReadonlyMap<string, Identity>): HistorySummary['ifNamesMerged'] {
  const merged = new Map<string, { in90: number; in30: number }>();
  for (const [key, p] of people) {
    if (p.bot) continue;
    const person = isDistinctiveName(p.name) ? `name\u0000${foldedName(p.name)}` : `key\u0000${key}`;
    const sum = merged.get(person) ?? { in90: 0, in30: 0 };
    sum.in90 += p.in90;
    sum.in30 += p.in30;
    merged.set(person, sum);
  }
  const sums = [...merged.values()];
  return {
    absence: contributorAbsenceFactor(sums.map((m) => m.in90).filter((n) => n > 0))?.factor ?? null,
    active30: sums.filter((m) => m.in30 > 0).length,
  };
}

/** Elephant factor and organisation share of counts keyed by organisation. */
export function organisationFigures(counts: ReadonlyMap<string, number>): { share: number | null; elephant: number | null; known: number } {
  let known = 0;
  for (const c of counts.values()) known += c;
  return { share: organisationShare(counts.values()), elephant: elephantFactor(counts.values()), known };
}

/** A tag that looks like a release (`v1.2.3`, `1.2`, `release-2024.1`), not a pre-release. */
export function isReleaseTag(name: string): boolean {
  if (/(?:^|[-.+_])(?:rc|alpha|beta|pre|preview|dev|nightly|snapshot)\d*(?:$|[-.+_\d])/i.test(name)) return false;
  return /^(?:(?:release|rel|version)[-_/]?)?v?\d+(?:\.\d+)+$/i.test(name.replace(/^.*\//, ''));
}

export type Cadence = 'weekly' | 'fortnightly' | 'monthly' | 'quarterly' | 'yearly';

/** Releases in the year before as_of and their cadence: the median gap between consecutive releases, named. */
export function releaseCadence(
  tags: readonly { name: string; time: number }[],
  asOfTime: number,
): { releases: number; cadence?: Cadence; medianDays?: number; last?: number } {
  const times = [...new Set(tags.filter((t) => isReleaseTag(t.name) && t.time <= asOfTime).map((t) => t.time))].sort((a, b) => a - b);
  const last = times[times.length - 1];
  const inYear = times.filter((t) => t > asOfTime - 365 * DAY);
  if (inYear.length < 3) return { releases: inYear.length, ...(last !== undefined ? { last } : {}) };
  const gaps: number[] = [];
  for (let i = 1; i < inYear.length; i++) gaps.push((inYear[i]! - inYear[i - 1]!) / DAY);
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const medianDays = gaps.length % 2 === 1 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
  const cadence: Cadence =
    medianDays <= 10
      ? 'weekly'
      : medianDays <= 21
        ? 'fortnightly'
        : medianDays <= 45
          ? 'monthly'
          : medianDays <= 135
            ? 'quarterly'
            : 'yearly';
  return { releases: inYear.length, cadence, medianDays, ...(last !== undefined ? { last } : {}) };
}

/** The UTC date of a Unix time, YYYY-MM-DD. */
export function utcDate(time: number): string {
  return new Date(time * 1000).toISOString().slice(0, 10);
}

/**
 * Resolves a person named in a file to the name the history knows them by (after the mailmap): by
 * address or `gh:` login first, else by a name that exactly one identity carries. Undefined otherwise.
 */
export function personResolver(
  names: ReadonlyMap<string, string>,
  mailmap: Mailmap,
): (name: string | undefined, address: string | undefined) => string | undefined {
  const byName = new Map<string, string | null>();
  for (const name of names.values()) {
    const folded = name.trim().toLowerCase().replace(/\s+/g, ' ');
    const known = byName.get(folded);
    byName.set(folded, known === undefined || known === name ? name : null);
  }
  return (name, address) => {
    if (address !== undefined) {
      if (address.startsWith('gh:')) {
        const known = names.get(address.toLowerCase());
        if (known) return known;
      } else {
        const mapped = applyMailmap(mailmap, name ?? '', address);
        const known = names.get(identityKey(mapped.name, mapped.email));
        if (known) return known;
      }
    }
    if (name === undefined) return undefined;
    return byName.get(name.trim().toLowerCase().replace(/\s+/g, ' ')) ?? undefined;
  };
}
