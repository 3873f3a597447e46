// Pure: who a contribution belongs to. An identity is keyed by its e-mail address after the mailmap
// (lowercased; GitHub's noreply addresses become the login they stand for); two keys are never joined by
// name, which can join strangers: a shared name is only suggested as a .mailmap entry. Bots are
// recognised by one documented rule and left out of every people metric.
import { endsInBotWord } from '../text/person-name.js';

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
 * Accounts that are bots whatever their suffix: dependency updaters, CI and release services, code
 * movers and merge queues, formatting, review and coverage services, contributor-list and translation
 * platforms, hosting previews. Compared, lowercased and with a `[bot]` or `(bot)` suffix removed, with
 * the whole name and the whole login (a `login` from an export, or the login of a GitHub no-reply
 * address), never with part of a name nor with an address's local part: `Paul Jenkins
 * <jenkins@example.org>` is a person. Bare first names (`travis`) are left out for the same reason.
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
  'github',
  'web-flow',
  'pre-commit-ci',
  'allcontributors',
  'all-contributors',
  'mergify',
  'kodiakhq',
  'codecov',
  'codecov-io',
  'snyk-bot',
  'greenkeeper',
  'greenkeeperio-bot',
  'imgbot',
  'imgbotapp',
  'weblate',
  'hosted weblate',
  'transifex',
  'crowdin',
  'crowdin-bot',
  'travis ci',
  'travis-ci',
  'travis ci user',
  'jenkins',
  'gitlab ci',
  'gitlab-ci',
  'azure pipelines',
  'azure-pipelines',
  'copybara',
  'copybara-service',
  'bors',
  'bors-ng',
  'semantic-release',
  'release-please',
  'netlify',
  'vercel',
  'sourcery-ai',
  'deepsource',
  'deepsource-autofix',
  'restyled-io',
  'copilot',
  'stale',
  'system',
  'discobot',
  'ghost-bot',
]);

/** Addresses that only services commit with: GitHub's web-flow and its Actions runner. */
export const KNOWN_BOT_ADDRESSES: ReadonlySet<string> = new Set(['noreply@github.com', 'action@github.com']);

/** A GitLab project or group access token's own user: `project_123_bot_<hex>@noreply.<host>`. */
const GITLAB_TOKEN_BOT = /^(?:project|group)_\d+_bot(?:_[0-9a-f]+)?@noreply\./;

/** Whether a name, login or address is a bot by the rule in docs/detect.md. */
export function isBot(name: string, loginOrEmail = ''): boolean {
  for (const raw of [name, loginOrEmail]) {
    const s = raw.trim().toLowerCase();
    if (s.length === 0) continue;
    if (s.startsWith('app/') || KNOWN_BOT_ADDRESSES.has(s) || GITLAB_TOKEN_BOT.test(s)) return true;
    const at = s.indexOf('@');
    const local = at < 0 ? s : s.slice(0, at);
    if (endsInBotWord(local.replace(/^\d+\+/, ''))) return true;
    // The whole name, a login, or the login a GitHub no-reply address stands for; not another address's local part.
    const whole = at < 0 ? s.replace(/^gh:/, '') : GITHUB_NOREPLY.exec(s)?.[1];
    if (whole !== undefined && KNOWN_BOTS.has(whole.replace(/\s*(?:\[bot\]|\(bot\))$/, ''))) return true;
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
