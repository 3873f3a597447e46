// Pure: every sentence `commready detect` shows, made from its data in one place for the text and JSON
// outputs alike. Text from a repository or an export (file names, excerpts, values) is shown through
// sanitizeLine, so a hostile file name or commit cannot move the cursor or start a workflow command.
import { assertNever } from '../errors.js';
import { count } from '../report/messages.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { Action, Evidence, Note, ProposalRule, RaiseCode, ReviewedProposal } from './types.js';

/** What each rule reads, in a few words. */
export const RULE_WORDS = {
  'coc.file': 'a code of conduct file',
  'coc.link': 'a short code of conduct file that links elsewhere',
  'coc.template': "the code of conduct's template and version",
  'coc.reporting': "the code of conduct's reporting route",
  'coc.enforcement': "the code of conduct's enforcement ladder",
  'coc.scope': "the code of conduct's scope section",
  'coc.adopted': 'the first commit of the main line with the code of conduct',
  'security.file': 'a security policy file',
  'governance.file': 'a governance document',
  'governance.decision-words': "the governance document's decision words",
  'maintainers.file': 'a maintainers file, names matched with the history',
  'contributing.file': 'a contributing guide',
  'contributing.first-issue': 'the contributing guide names a first-issue label',
  'sign-off.history': "Signed-off-by on the last 90 days' commits",
  'sign-off.file': 'a DCO configuration file',
  'cla.file': 'a contributor licence agreement file',
  'licence.file': 'licence files',
  'channels.contact-links': "the issue forms' contact links",
  'channels.support-links': 'chat and forum links in the support file or README',
  'templates.files': 'issue, discussion and pull request templates',
  'funding.file': 'FUNDING.yml',
  'readme.title': "the README's title",
  'git.absence-factor': 'CHAOSS Contributor Absence Factor over 90 days of commits',
  'git.active-contributors': 'commit authors and co-authors over 30 days',
  'git.retention': 'newcomers of the 90 days before the last 90 who contributed again',
  'git.organisation-share': 'contributions by organisation (affiliation map) over 90 days',
  'git.domain-share': 'contributions by e-mail domain over 90 days (a guess: domains are not employers)',
  'git.release-cadence': 'release tags of the last year',
  'export.first-response': "median time to a newcomer's first reply (Kaplan-Meier, unanswered ones counted)",
  'export.member-share': 'posts by members rather than the host team over 90 days',
  'export.active-posters': 'members who posted in 30 days',
  'export.retention': 'first-time posters of the 90 days before the last 90 who posted again',
} as const satisfies Record<ProposalRule, string>;

const RAISE_WORDS = {
  'give-affiliations': 'give --affiliations FILE (address or domain, organisation) to measure organisations',
  'affiliations-cover-more': 'add the missing addresses to the affiliation map (90% coverage makes it high)',
  'add-exports': 'commits cover part of the definition; posts and replies (--issues, --forum) cover the rest',
  'longer-export': 'an export reaching a year further back tells newcomers for sure',
  'bigger-cohort': 'the cohort has fewer than 5 people',
  'longer-history': 'the history is younger than the window: measure it again once the history covers the whole window',
  'more-commits': 'a figure from fewer than 20 contributions in 90 days says little: measure it again when there are more',
  'merge-shared-names': 'say in .mailmap who is who among the identities that share a name (see the notes): merged, they change the figure',
  'bigger-sample': 'a figure from so few threads or posts says little: an export with more of them',
  'full-history': 'fetch the full history (git fetch --unshallow)',
  'add-version': 'state the version of the template in the file',
  'review-names': 'check each name and its role',
  'fill-template': "fill in the template's placeholders",
} as const satisfies Record<RaiseCode, string>;

export function describeRaise(code: RaiseCode): string {
  return RAISE_WORDS[code];
}

/** What happens to a proposal, in words. */
export function describeAction(action: Action): string {
  switch (action) {
    case 'add':
      return 'to add';
    case 'update':
      return 'to update (the plan holds a stale figure)';
    case 'confirm':
      return 'the plan says the same';
    case 'conflict':
      return 'the plan says otherwise: kept as written';
    case 'undated':
      return 'the plan holds an undated figure: kept as written (give it a date)';
    case 'rejected':
      return 'rejected earlier with this evidence';
    case 'below-threshold':
      return 'below --min-confidence: not written';
    case 'show-only':
      return 'shown only, never written';
    default:
      return assertNever(action, 'action');
  }
}

/** One piece of evidence, in words. */
export function describeEvidence(e: Evidence): string {
  switch (e.kind) {
    case 'file': {
      const where = e.line === undefined ? e.file : `${e.file}:${e.line}${e.endLine !== undefined ? `-${e.endLine}` : ''}`;
      return sanitizeLine(e.excerpt ? `${where} "${e.excerpt}"` : where);
    }
    case 'commits': {
      const people = countPeople(e.people);
      return sanitizeLine(`${e.from}..${e.to} on ${e.rev}: ${e.commits > 0 ? `${count(e.commits, 'commit')} by ${people}` : people}`);
    }
    case 'commit':
      return sanitizeLine(
        `${e.file} first on the main line${e.afterStub ? ' as a text, not a stub,' : ''} in ${e.commit.slice(0, 12)} (${e.date})`,
      );
    case 'tags':
      return sanitizeLine(`${count(e.tags, 'release tag')} ${e.from}..${e.to} on ${e.rev}`);
    case 'records':
      return sanitizeLine(
        `${e.file}, ${e.from}..${e.to}: ${e.items} item${e.items === 1 ? '' : 's'}${e.people !== undefined ? `, ${countPeople(e.people)}` : ''}`,
      );
    default:
      return assertNever(e, 'evidence');
  }
}

/** A value as one line: text as it is, lists joined, records by their name and address, facts with their date. */
export function showValue(value: unknown, max = 140): string {
  const text = plainValue(value);
  const shown = text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
  return sanitizeLine(shown);
}

function plainValue(value: unknown): string {
  if (value === null || value === undefined) return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(plainValue).join('; ');
  const record = value as Record<string, unknown>;
  if ('value' in record) {
    return `${plainValue(record.value)}${typeof record.as_of === 'string' ? ` (as of ${record.as_of})` : ''}`;
  }
  if (typeof record.point === 'string') return `${record.point}: ${plainValue(record.decision)}`;
  if (typeof record.name === 'string') {
    const extra = [record.url, record.cadence, Array.isArray(record.roles) ? record.roles.join(', ') : undefined].filter(
      (x): x is string => typeof x === 'string' && x.length > 0,
    );
    return extra.length > 0 ? `${record.name} (${extra.join(', ')})` : record.name;
  }
  return JSON.stringify(value);
}

/** The figures behind a proposal, in a few words. */
export function describeData(p: ReviewedProposal): string | undefined {
  const d = p.data ?? {};
  switch (p.rule) {
    case 'git.absence-factor':
      return `the top ${String(d.factor)} made ${Math.round(Number(d.share) * 100)}% of ${count(Number(d.contributions), 'contribution')}${d.ifMerged !== undefined ? `; ${String(d.ifMerged)} if each name shared by several identities is one person` : ''}`;
    case 'git.active-contributors':
      return d.ifMerged !== undefined ? `${String(d.ifMerged)} if each name shared by several identities is one person` : undefined;
    case 'git.retention':
    case 'export.retention':
      return `${String(d.retained)} of ${count(Number(d.cohort), 'newcomer')} returned`;
    case 'git.organisation-share':
      return `${Math.round(Number(d.coverage) * 100)}% of contributions with a known organisation; elephant factor ${String(d.elephant)}`;
    case 'git.domain-share':
      return `${count(Number(d.domains), 'corporate domain')}; ${Math.round(Number(d.coverage) * 100)}% of contributions from such a domain`;
    case 'sign-off.history':
      return `${Math.round(Number(d.share) * 100)}% of ${count(Number(d.commits), 'commit')} signed off by their author, ${countPeople(Number(d.signers))} signing off`;
    case 'git.release-cadence':
      return `${count(Number(d.releases), 'release')} in a year, a median ${count(Number(d.medianDays), 'day')} apart`;
    case 'export.first-response':
      return `${String(d.answered)} of ${count(Number(d.items), 'newcomer thread')} answered`;
    case 'export.member-share':
      return `${String(d.members)} of ${count(Number(d.posts), 'post')} by members`;
    case 'security.file':
      return d.route === 'none'
        ? 'no private reporting route found in it'
        : `a private route by ${d.route === 'email' ? 'e-mail' : 'a link'}${d.disclosureDays !== undefined ? `, disclosure after ${String(d.disclosureDays)} days` : ''}`;
    case 'coc.reporting':
      return d.route === 'role-mailbox'
        ? 'a shared mailbox (the address is not copied)'
        : d.route === 'personal-mailbox'
          ? "a person's address (cited by line, never copied)"
          : 'a link';
    default:
      return undefined;
  }
}

/** A note, in words (file and line are shown beside it). */
export function describeNote(n: Note): string {
  const d = n.data ?? {};
  const s = (key: string): string => sanitizeLine(String(d[key]));
  switch (n.code) {
    case 'coc-placeholder':
      return `a template placeholder is still there (${s('placeholder')}): the reporting route is a gap until it is filled in`;
    case 'personal-address':
      return d.dropped
        ? `a proposal for ${s('path')} held a contact detail and was dropped: detect never writes one into a plan`
        : "a person's e-mail address: cited by its line, never copied";
    case 'stub-file':
      return d.links
        ? `a stub of ${count(Number(d.bytes), 'byte')} that only links elsewhere`
        : `a stub of ${count(Number(d.bytes), 'byte')}: too short to count as the document`;
    case 'symlink-skipped':
      return 'a symbolic link: not followed';
    case 'too-large':
      return `${s('bytes')} bytes: larger than the 1 MiB detect reads, skipped`;
    case 'binary-skipped':
      return 'not text: skipped';
    case 'no-commits':
      return 'the repository has no commits yet: nothing to read from its history or files';
    case 'shallow-history':
      return `a shallow clone (its history starts ${s('since')}): new contributors and retention need the full history (git fetch --unshallow)`;
    case 'window-not-covered':
      return `the shallow history does not reach back ${s('days')} days: the figures of that window are not proposed`;
    case 'young-history':
      return `the history starts ${s('since')}, less than ${s('days')} days before as_of: the figures of a window it does not fill cover only the days since, and are low guesses`;
    case 'future-commits':
      return `${areCounted(Number(d.commits), 'commit')} dated after ${s('asOf')} and ${d.commits === 1 ? 'was' : 'were'} left out`;
    case 'malformed-commits':
      return `${count(Number(d.commits), 'commit')} could not be read (control characters in their fields) and ${d.commits === 1 ? 'was' : 'were'} left out`;
    case 'no-people':
      return `no person (bots left out) has a commit up to ${s('asOf')}: no people figure is proposed from the history`;
    case 'shared-name':
      return d.more !== undefined
        ? `${s('more')} more ${d.more === 1 ? 'name is' : 'names are'} shared by several identities`
        : `"${s('name')}" is the name of ${s('identities')} identities: if they are one person, add a .mailmap entry (detect never merges by name)`;
    case 'codeowners-single-owner':
      return `${d.areas === 1 ? '1 area has' : `${s('areas')} areas have`} a single owner (the first here): single points of failure for measures.critical_functions`;
    case 'security-no-route':
      return 'the security policy names no private route (an e-mail address, an advisory form or a bounty platform)';
    case 'no-forge-url':
      return 'the repository has no origin on a forge: file addresses are shown as paths and not written (the plan needs URLs)';
    case 'not-a-repository':
      return 'not a git repository: only the exports were read, as of their latest post';
    case 'export-ends-early':
      return `the export's last post is from ${s('last')}, before ${s('asOf')}: its figures are of low confidence`;
    case 'export-duplicates':
      return `${s('records')} repeated ${d.kind === 'issues' ? 'issue' : 'post'}${d.records === 1 ? '' : 's'} left out: each is counted once`;
    case 'newcomers-approximated':
      return `the export starts ${s('from')}, less than a year before the window: newcomer status is approximated`;
    case 'first-response-unanswered':
      return `fewer than half of ${count(Number(d.items), 'newcomer thread')} were answered (${s('answered')}): the median is above ${s('above')} hours, nothing is proposed`;
    case 'no-newcomer-threads':
      return `no ${s('threads')} opened by newcomers in the last 90 days: no first-response figure`;
    case 'as-of-old':
      return `as_of (${s('asOf')}) is ${count(Number(d.days), 'day')} before today: figures written with it already count as stale (update the checkout, or use --as-of)`;
    case 'mailmap-skipped':
      return `.mailmap ${s('why')}: identities are not merged`;
    case 'bots-excluded':
      return `${s('bots')} bot account${d.bots === 1 ? '' : 's'} left out of every people figure (${s('commits')} of their commit${d.commits === 1 ? '' : 's'} in the last 90 days)`;
    case 'affiliations-unknown':
      return `no contribution of the last 90 days matched the affiliation map (${count(Number(d.contributions), 'contribution')})`;
    case 'partial-clone':
      return `a partial clone: ${d.missing === 1 ? '1 file of HEAD is' : `${s('missing')} files of HEAD are`} not here and were not read (detect never fetches), nor is the code of conduct dated`;
    default:
      return assertNever(n.code, 'note code');
  }
}

/** Where a note points, for the start of its line: `file:line`, `file`, or ''. */
export function noteLocation(n: Note): string {
  if (!n.file) return '';
  return sanitizeLine(n.line === undefined ? n.file : `${n.file}:${n.line}`);
}

/** "1 commit is", "2 commits are". */
function areCounted(n: number, noun: string): string {
  return `${count(n, noun)} ${n === 1 ? 'is' : 'are'}`;
}

/** "1 person", "2 people". */
export function countPeople(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}
