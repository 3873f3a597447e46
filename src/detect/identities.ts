// Pure: who a contribution belongs to. An identity is keyed by its e-mail address after the mailmap
// (lowercased; GitHub's noreply addresses become the login they stand for); two keys are never joined by
// name, which can join strangers: a shared name is only suggested as a .mailmap entry. Bots are
// recognised by one documented rule and left out of every people metric.

/** `12345+login@users.noreply.github.com` and `login@users.noreply.github.com`. */
const GITHUB_NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/;

/** The key of an identity: `gh:<login>` for GitHub's noreply addresses, the lowercased address, or the name when there is none. */
export function identityKey(name: string, email: string): string {
  const address = email.trim().toLowerCase();
  if (address.length === 0 || !address.includes('@')) return `name:${name.trim().toLowerCase()}`;
  const noreply = GITHUB_NOREPLY.exec(address);
  return noreply ? `gh:${noreply[1]!}` : address;
}

/**
 * Accounts that are bots whatever their suffix: dependency updaters, CI, formatting and coverage services,
 * contributor-list and translation platforms. Compared with the name, the login (`gh:` key or a `login`
 * from an export) and the address's local part, lowercased, after removing a `[bot]` suffix.
 */
export const KNOWN_BOTS: ReadonlySet<string> = new Set([
  'dependabot',
  'dependabot-preview',
  'renovate',
  'renovate-bot',
  'renovatebot',
  'github-actions',
  'github action',
  'github actions',
  'action',
  'pre-commit-ci',
  'allcontributors',
  'all-contributors',
  'mergify',
  'codecov',
  'codecov-io',
  'snyk-bot',
  'greenkeeper',
  'greenkeeperio-bot',
  'imgbot',
  'weblate',
  'hosted weblate',
  'transifex',
  'crowdin',
  'crowdin-bot',
  'copilot',
  'deepsource-autofix',
  'restyled-io',
  'stale',
  'system',
  'discobot',
  'ghost-bot',
]);

/** Whether a name, login or address is a bot by the rule in docs/detect.md. */
export function isBot(name: string, loginOrEmail = ''): boolean {
  for (const raw of [name, loginOrEmail]) {
    const s = raw.trim().toLowerCase();
    if (s.length === 0) continue;
    // `dependabot[bot]`, `renovate[bot]@users.noreply.github.com`, a gh `app/…` author
    if (s.endsWith('[bot]') || s.includes('[bot]@') || s.startsWith('app/')) return true;
    const local = s.includes('@') ? s.slice(0, s.indexOf('@')).replace(/^\d+\+/, '') : s;
    for (const candidate of [s, local]) {
      const bare = candidate.replace(/^gh:/, '');
      if (KNOWN_BOTS.has(bare)) return true;
      // `k8s-ci-robot`, `foo_bot`, `Foo Bot`: a word "bot" or "robot" at the end, never "abbot"
      if (/(?:^|[-_ .])(?:ro)?bot$/.test(bare)) return true;
    }
  }
  return false;
}

/** A name worth suggesting a merge for: two words at least, and not a placeholder. */
export function isDistinctiveName(name: string): boolean {
  const folded = name.trim().toLowerCase().replace(/\s+/g, ' ');
  if (folded.split(' ').length < 2) return false;
  return !['your name', 'unknown user', 'john doe', 'jane doe', 'git user', 'root user', 'ubuntu user', 'the author', 'a u thor'].includes(
    folded,
  );
}

/** `Name <address>` in a trailer value; undefined when there is no address. */
export function parseNameAddress(value: string): { name: string; email: string } | undefined {
  const left = value.lastIndexOf('<');
  if (left < 0) return undefined;
  const right = value.indexOf('>', left);
  if (right < 0 || value.slice(right + 1).trim().length > 0) return undefined;
  return { name: value.slice(0, left).trim(), email: value.slice(left + 1, right).trim() };
}
