// Pure: the affiliation map a user supplies, in the style of LWN's gitdm `email-map`: one line per
// address or domain, the organisation, and optionally the day the affiliation ended (`< YYYY-MM-DD`,
// exclusive). Organisations come only from such a map: profile fields can be forged and e-mail domains
// say little about employers (free-mail domains, personal domains).
import { isIsoDate } from '../text/dates.js';

interface Span {
  org: string;
  /** Unix seconds at which the affiliation ended (exclusive); undefined: still current. */
  until?: number;
}

export interface Affiliations {
  /** Keyed by a lowercased address (`a@b.org`) or domain (`b.org`); spans ordered by end, open-ended last. */
  readonly byKey: ReadonlyMap<string, readonly Span[]>;
}

/** Organisation names that mean "not an organisation": each such person counts as their own. */
const INDEPENDENT = new Set(['(none)', 'independent', 'self', 'self-employed', 'hobbyist', 'individual']);
/** Organisation names that mean the affiliation is not known. */
const UNKNOWN = new Set(['(unknown)', 'unknown']);

export interface AffiliationProblem {
  line: number;
  message: string;
}

export function parseAffiliations(text: string): { affiliations: Affiliations; problems: AffiliationProblem[] } {
  const byKey = new Map<string, Span[]>();
  const problems: AffiliationProblem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '').trim();
    if (line.length === 0 || line.startsWith('#')) continue;
    // Split by hand (no pattern that could backtrack on a long line): the key, the organisation, the end date.
    const space = line.search(/\s/);
    const lt = line.lastIndexOf('<');
    const rawKey = space < 0 ? line : line.slice(0, space);
    const org = space < 0 ? '' : (lt > space ? line.slice(space, lt) : line.slice(space)).trim();
    const until = lt > space && space >= 0 ? line.slice(lt + 1).trim() : undefined;
    if (org.length === 0) {
      problems.push({ line: i + 1, message: 'expected an address or domain, then the organisation (and optionally "< YYYY-MM-DD")' });
      continue;
    }
    const key = rawKey.toLowerCase().replace(/^@/, '');
    if (!/^[^@\s]+@[^@\s]+$|^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(key)) {
      problems.push({ line: i + 1, message: `'${rawKey}' is neither an e-mail address nor a domain` });
      continue;
    }
    if (until !== undefined && !isIsoDate(until)) {
      problems.push({ line: i + 1, message: `'< ${until}' must be a date written YYYY-MM-DD` });
      continue;
    }
    const spans = byKey.get(key) ?? [];
    spans.push({ org, ...(until !== undefined ? { until: Date.parse(`${until}T00:00:00Z`) / 1000 } : {}) });
    byKey.set(key, spans);
  }
  for (const spans of byKey.values()) spans.sort((a, b) => (a.until ?? Infinity) - (b.until ?? Infinity));
  return { affiliations: { byKey }, problems };
}

/** What an affiliation lookup gives: an organisation, a person on their own, or nothing known. */
export type Affiliation = { org: string } | { independent: true } | { unknown: true };

/** The organisation of `email` at `time` (Unix seconds): the address first, then its domain and parent domains. */
export function affiliationAt(map: Affiliations, email: string, time: number): Affiliation {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  const keys = [address];
  if (at >= 0) {
    const parts = address.slice(at + 1).split('.');
    for (let i = 0; i < parts.length - 1; i++) keys.push(parts.slice(i).join('.'));
  }
  for (const key of keys) {
    const spans = map.byKey.get(key);
    if (!spans) continue;
    const span = spans.find((s) => s.until === undefined || time < s.until);
    if (!span) return { unknown: true };
    const folded = span.org.toLowerCase();
    if (UNKNOWN.has(folded)) return { unknown: true };
    if (INDEPENDENT.has(folded)) return { independent: true };
    return { org: span.org };
  }
  return { unknown: true };
}

/** Free-mail and no-reply domains: an address there says nothing about an organisation. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.fr',
  'ymail.com',
  'gmx.de',
  'gmx.net',
  'gmx.com',
  'web.de',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'icloud.com',
  'me.com',
  'mac.com',
  'qq.com',
  '163.com',
  '126.com',
  'aol.com',
  'mail.ru',
  'yandex.ru',
  'yandex.com',
  'fastmail.com',
  'fastmail.fm',
  'hey.com',
  'tutanota.com',
  'zoho.com',
  'users.noreply.github.com',
  'noreply.github.com',
  'github.com',
  'localhost',
  'localhost.localdomain',
  'example.com',
  'example.org',
  'example.net',
  'users.sourceforge.net',
  'pobox.com',
]);

/** The domain of an address for the low-confidence guess, or undefined for free-mail and no-reply ones. */
export function corporateDomain(email: string): string | undefined {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return undefined;
  const domain = address.slice(at + 1);
  if (domain.length === 0 || FREE_MAIL_DOMAINS.has(domain) || domain.endsWith('.local') || !domain.includes('.')) return undefined;
  return domain;
}
