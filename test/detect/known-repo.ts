// A repository and exports whose figures are known by hand, for the unit and end-to-end tests of detect.
//
// HEAD is committed at T = 2026-08-20 12:00 UTC. In the 90 days before T (exclusive start), 22 commits
// by people and 30 by a bot (a merge aside):
//   Ada Lovelace 10 (6 as ada@example.org, 4 as ada@old.example, merged by .mailmap), Grace Hopper 4,
//   Alan Turing 4, Katherine Johnson 4 (one 90 days less one second before T; another exactly 90 days
//   before, outside), dependabot[bot] 30 (left out).
//   → Contributor Absence Factor 2 (10 + 4 ≥ 11 of 22). Without the mailmap it would be 3; with the bot, 1.
// In the 30 days before T: Ada, Grace (one commit 30 days less one second before T) and the bot; Alan's
// commit exactly 30 days before T is outside → 2 active contributors.
// Newcomers of (T − 180 d, T − 90 d]: Katherine (returns) and Edsger Dijkstra (does not) → retention 0.5.
import { DAY, at, buildRepo, chronological, daily, type FixtureCommit } from './git-fixture.js';

export const T = at('2026-08-20T12:00:00Z');
export const AS_OF = '2026-08-20';
export const TODAY = '2026-08-22';

export const MAILMAP = 'Ada Lovelace <ada@example.org> <ada@old.example>\n';

export const CODE_OF_CONDUCT = `# Contributor Covenant Code of Conduct

## Our Pledge

We as members, contributors, and leaders pledge to make participation in our
community a harassment-free experience for everyone.

## Scope

This Code of Conduct applies within all community spaces, and also applies when
an individual is officially representing the community in public spaces.

## Enforcement

Instances of abusive, harassing, or otherwise unacceptable behavior may be
reported to the community leaders responsible for enforcement at
conduct@project.example.
All complaints will be reviewed and investigated promptly and fairly.
If the conduct team is involved, write to Ada directly at ada@lovelace.name.

## Enforcement Guidelines

### 1. Correction

### 2. Warning

### 3. Temporary Ban

### 4. Permanent Ban

## Attribution

This Code of Conduct is adapted from the [Contributor Covenant][homepage],
version 2.0, available at
https://www.contributor-covenant.org/version/2/0/code_of_conduct.html.

[homepage]: https://www.contributor-covenant.org
`;

export const FILES: Record<string, string> = {
  'CONTRIBUTING.md': `# Contributing\n\nThank you for helping. Fork the repository, make your change on a branch, add a test and open a pull request.\nNew here? Pick an issue labelled good first issue.\n`,
  'SECURITY.md': `# Security policy\n\nPlease report vulnerabilities privately through https://github.com/example/project/security/advisories/new.\nWe disclose fixed issues after 90 days.\n`,
  LICENSE: `MIT License\n\nCopyright (c) 2026 The Project\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files.\n`,
  'README.md': '# Project Example\n\nA project for the tests.\n\nChat with us on https://discord.gg/example.\n',
  '.github/ISSUE_TEMPLATE/bug.yml': 'name: Bug report\ndescription: Something is broken\nbody: []\n',
  '.github/ISSUE_TEMPLATE/config.yml':
    'blank_issues_enabled: false\ncontact_links:\n  - name: Community forum\n    url: https://forum.project.example/\n    about: Questions and ideas\n',
  '.github/FUNDING.yml': 'github: [example]\nopen_collective: project\nko_fi: \n',
  'GOVERNANCE.md': '# Governance\n\nDecisions are made by lazy consensus among the maintainers; a vote settles what consensus cannot.\n',
};

const ADA = 'Ada Lovelace <ada@example.org>';
const ADA_OLD = 'A. Lovelace <ada@old.example>';
const GRACE = 'Grace Hopper <grace@example.org>';
const ALAN = 'Alan Turing <alan@example.org>';
const KATHERINE = 'Katherine Johnson <kj@example.org>';
const EDSGER = 'Edsger Dijkstra <ewd@example.org>';
const BOT = 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>';

export function knownCommits(): FixtureCommit[] {
  const commits: FixtureCommit[] = [
    // Long before: the founders, the code of conduct added as CONDUCT.md, then renamed.
    { author: ADA, time: T - 400 * DAY, files: { 'README.md': FILES['README.md']!, '.mailmap': MAILMAP } },
    { author: GRACE, time: T - 390 * DAY },
    { author: ALAN, time: T - 380 * DAY },
    { author: ADA, time: T - 300 * DAY, files: { 'CONDUCT.md': CODE_OF_CONDUCT } },
    { author: ADA, time: T - 200 * DAY, files: { 'CODE_OF_CONDUCT.md': CODE_OF_CONDUCT }, remove: ['CONDUCT.md'] },
    { author: GRACE, time: T - 190 * DAY, files: Object.fromEntries(Object.entries(FILES).filter(([k]) => k !== 'README.md')) },
    // The cohort of (T − 180 d, T − 90 d].
    { author: EDSGER, time: T - 150 * DAY },
    { author: KATHERINE, time: T - 120 * DAY },
    { author: KATHERINE, time: T - 90 * DAY },
    // The last 90 days.
    ...daily(ADA, T - 40 * DAY, 2),
    ...daily(ADA_OLD, T - 60 * DAY, 2),
    ...daily(ADA, T - 1 * DAY, 2),
    ...daily(ADA_OLD, T - 2 * DAY, 2),
    ...daily(GRACE, T - 50 * DAY, 3),
    { author: GRACE, time: T - 30 * DAY + 1 },
    ...daily(ALAN, T - 70 * DAY, 3),
    { author: ALAN, time: T - 30 * DAY },
    { author: KATHERINE, time: T - 90 * DAY + 1 },
    ...daily(KATHERINE, T - 45 * DAY, 3),
    ...daily(BOT, T - 3 * DAY, 30),
  ];
  const sorted = chronological(commits);
  // A merge (left out of contributions) and a release tag; HEAD last, committed exactly at T.
  sorted.push({ author: GRACE, time: T - 12 * 3600, mergeOf: { author: ADA, time: T - 13 * 3600 }, tag: 'v1.0.0' });
  sorted.push({ author: ADA, time: T - 3600, committerTime: T, message: 'Last change\n\nSigned-off-by: Ada Lovelace <ada@example.org>\n' });
  return sorted;
}

/** The known repository, with an origin on GitHub (never contacted). */
export function knownRepo(options: { bare?: boolean } = {}): string {
  return buildRepo(knownCommits(), { remote: 'https://github.com/example/project.git', ...options });
}
