// Pure: the data `commready detect` works with. Proposals and notes are data; their words are made last,
// in messages.ts, for every output alike.

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
/**
 * high: structural evidence that matches the plan's definition (a file of substance, a versioned template,
 * a CHAOSS figure over the plan's window from a source that covers the definition); medium: a text
 * heuristic, or a figure covering part of the definition; low: a guess the user must judge.
 */
export type Confidence = (typeof CONFIDENCES)[number];

/** Whether `c` is at least as strong as `min`. */
export function atLeast(c: Confidence, min: Confidence): boolean {
  return CONFIDENCES.indexOf(c) <= CONFIDENCES.indexOf(min);
}

export type ProposalSource = 'files' | 'git' | 'issues' | 'forum';

/** Where a proposal's evidence lies: lines of a file, a window of commits, or records of an export. */
export type Evidence =
  | { kind: 'file'; file: string; line?: number; endLine?: number; excerpt?: string }
  | { kind: 'commits'; rev: string; from: string; to: string; commits: number; people: number }
  /** `afterStub`: the first version that is a text, the file having begun as a stub. */
  | { kind: 'commit'; commit: string; date: string; file: string; afterStub?: true }
  | { kind: 'tags'; rev: string; from: string; to: string; tags: number }
  | { kind: 'records'; file: string; from: string; to: string; items: number; people?: number };

/** The detection rules, stable ids (shown beside each proposal and kept in the JSON output). */
export const PROPOSAL_RULES = [
  'coc.file',
  'coc.link',
  'coc.template',
  'coc.reporting',
  'coc.enforcement',
  'coc.scope',
  'coc.adopted',
  'security.file',
  'governance.file',
  'governance.decision-words',
  'maintainers.file',
  'contributing.file',
  'contributing.first-issue',
  'sign-off.history',
  'sign-off.file',
  'cla.file',
  'licence.file',
  'channels.contact-links',
  'channels.support-links',
  'templates.files',
  'funding.file',
  'readme.title',
  'git.absence-factor',
  'git.active-contributors',
  'git.retention',
  'git.organisation-share',
  'git.domain-share',
  'git.release-cadence',
  'export.first-response',
  'export.member-share',
  'export.active-posters',
  'export.retention',
] as const;
export type ProposalRule = (typeof PROPOSAL_RULES)[number];

/** What would make a proposal more certain: a code, worded in messages.ts. */
export type RaiseCode =
  | 'give-affiliations'
  | 'affiliations-cover-more'
  | 'add-exports'
  | 'longer-export'
  | 'bigger-cohort'
  | 'merge-shared-names'
  | 'more-commits'
  | 'longer-history'
  | 'bigger-sample'
  | 'full-history'
  | 'add-version'
  | 'review-names'
  | 'fill-template';

/** One value detect would put at one plan path, with the evidence for it. */
export interface Proposal {
  /** Dotted plan path; for a list of points (`governance.contribution_terms`) the list. */
  path: string;
  /** For a list of `{ point, decision }` entries: the entry's point. */
  point?: string;
  value: unknown;
  confidence: Confidence;
  rule: ProposalRule;
  source: ProposalSource;
  evidence: readonly Evidence[];
  /** Figures behind the value, for the words (a share, a count). */
  data?: Readonly<Record<string, string | number | boolean>>;
  /** Shown for the user to judge, never written into a plan (organisations guessed from e-mail domains). */
  showOnly?: true;
  raise?: RaiseCode;
  /** The same path proposed by another source, set aside for this one. */
  alternatives?: readonly { value: unknown; source: ProposalSource; confidence: Confidence; rule: ProposalRule }[];
}

/**
 * What happens to a proposal against the plan: `add` fills an empty field, `update` replaces an observed
 * fact that has gone stale, `confirm` finds the same value there, `conflict` finds another one (kept),
 * `undated` finds an observed figure without a date (kept), `rejected` was rejected before with the same
 * evidence, `below-threshold` is weaker than --min-confidence, `show-only` is never written.
 */
export const ACTIONS = ['add', 'update', 'confirm', 'conflict', 'undated', 'rejected', 'below-threshold', 'show-only'] as const;
export type Action = (typeof ACTIONS)[number];

export interface ReviewedProposal extends Proposal {
  action: Action;
  /** The plan's value at the path, when there is one. */
  current?: unknown;
  /** Identifies the evidence: a rejection is kept until this changes. */
  evidenceHash: string;
}

/** Things worth knowing that are not a value to write: a located gap, a limit of the evidence. */
export const NOTE_CODES = [
  'coc-placeholder',
  'personal-address',
  'stub-file',
  'symlink-skipped',
  'too-large',
  'binary-skipped',
  'no-commits',
  'shallow-history',
  'window-not-covered',
  'young-history',
  'future-commits',
  'malformed-commits',
  'shared-name',
  'no-people',
  'codeowners-single-owner',
  'security-no-route',
  'no-forge-url',
  'not-a-repository',
  'export-ends-early',
  'export-duplicates',
  'newcomers-approximated',
  'first-response-unanswered',
  'no-newcomer-threads',
  'as-of-old',
  'mailmap-skipped',
  'bots-excluded',
  'affiliations-unknown',
  'partial-clone',
] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

export interface Note {
  code: NoteCode;
  file?: string;
  line?: number;
  data?: Readonly<Record<string, string | number | boolean>>;
}

/** Figures from the history shown for context (not plan fields). */
export interface HistoryFacts {
  rev: string;
  /** Non-merge commits read, all history up to as_of. */
  commits: number;
  people: number;
  /** Non-merge commits and people in the last 90 days. */
  commits90: number;
  people90: number;
  botCommits90: number;
  newContributors90: number;
  /** CAF of each of the last four 90-day windows, newest first (null: no contributions). */
  absenceByQuarter: readonly (number | null)[];
  elephantFactor?: number;
  signOffShare?: number;
  firstCommit?: string;
  lastCommit?: string;
  /** Whole days from the last commit (committer date) to as_of: 0 with the HEAD commit's date as time base. */
  daysSinceLastCommit?: number;
  /** 7-day periods with a commit among the last 13 before as_of. */
  activeWeeks13: number;
  releases365: number;
  lastRelease?: string;
  shallow: boolean;
}

/** Figures from one export shown for context. */
export interface ExportFacts {
  file: string;
  kind: 'issues' | 'forum';
  threads: number;
  posts: number;
  from?: string;
  to?: string;
  newcomerThreads90: number;
  answered90: number;
}

/** Where the time base came from. */
export type TimeBase = 'head' | 'option' | 'exports';

/** Everything one detection found, before it is compared with a plan. */
export interface Detection {
  /** as_of, YYYY-MM-DD (UTC), and the instant the windows end at (Unix seconds). */
  asOf: string;
  asOfTime: number;
  timeBase: TimeBase;
  repository?: { head?: string; branch?: string; bare: boolean; shallow: boolean };
  proposals: readonly Proposal[];
  notes: readonly Note[];
  history?: HistoryFacts;
  exports: readonly ExportFacts[];
}
