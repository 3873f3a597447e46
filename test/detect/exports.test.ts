// Exports of conversations: GitHub issues as `gh issue list --json` prints them, Discourse topics.
// First response counts the first reply by someone else that is not a bot, a whisper, a small action or a
// deleted post; unanswered threads are censored, not dropped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportProposals } from '../../src/detect/export-metrics.js';
import { ExportShapeError, parseDiscourse, parseGitHubIssues } from '../../src/detect/exports.js';
import type { Proposal } from '../../src/detect/types.js';
import { AS_OF, T } from './known-repo.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/detect/${name}`, 'utf8'));
const find = (proposals: Proposal[], path: string) => proposals.find((p) => p.path === path);
const valueOf = (p: Proposal | undefined) => (p?.value as { value: number } | undefined)?.value;

describe('a GitHub issues export', () => {
  const result = exportProposals({ data: parseGitHubIssues(fixture('gh-issues.json')), name: 'gh-issues.json', asOfTime: T, asOf: AS_OF });

  it("gives the median time to a newcomer's first reply, bots and self-replies left out, unanswered ones counted", () => {
    // Newcomer issues of the last 90 days: answered after 2, 6 and 4 hours; one still open after 120 hours.
    const p = find(result.proposals, 'observed.first_response_hours')!;
    expect(p.value).toEqual({
      value: 5,
      as_of: AS_OF,
      source:
        'GitHub issues export gh-issues.json: 4 issues opened by newcomers, 2026-05-22..2026-08-20, 3 answered; median by Kaplan-Meier, bots left out (commready detect)',
    });
    // Four waits are too few for more than a low guess: --apply (medium by default) does not write it.
    expect(p).toMatchObject({ confidence: 'low', raise: 'bigger-sample', source: 'issues', data: { items: 4, answered: 3 } });
    expect(result.facts).toMatchObject({ threads: 8, newcomerThreads90: 4, answered90: 3, from: '2025-03-01', to: '2026-08-15' });
  });

  it('gives the member share (owners, members and collaborators are the host team) and the active posters', () => {
    expect(valueOf(find(result.proposals, 'observed.member_share'))).toBe(0.78);
    // A share of nine posts is a low guess, which --apply (medium by default) does not write.
    expect(find(result.proposals, 'observed.member_share')).toMatchObject({
      confidence: 'low',
      raise: 'bigger-sample',
      data: { posts: 9 },
    });
    // newbie3's issue opened exactly 30 days before as_of is outside the window; its helper's reply is inside.
    expect(valueOf(find(result.proposals, 'observed.active_contributors_30d'))).toBe(5);
  });
});

describe('a Discourse export', () => {
  const data = parseDiscourse(fixture('discourse-topics.json'));
  // Two days after the export's last post.
  const asOfTime = Date.parse('2026-08-12T12:00:00Z') / 1000;
  const asOf = '2026-08-12';

  it('reads topics, and flags bots, staff and posts that are not regular replies', () => {
    expect(data.threads).toHaveLength(4);
    expect(data.threads[0]!.replies.map((r) => [r.author, r.bot, r.host, r.regular])).toEqual([
      ['system', true, true, false],
      ['moderator_may', false, true, false],
      ['member_mo', false, false, true],
    ]);
  });

  it('answers newcomers by the first regular reply of someone else: not the system, a whisper or a deleted post', () => {
    const result = exportProposals({ data, name: 'forum.json', asOfTime, asOf });
    // 3 hours for topic 101 (the member's reply), 1 hour for 102 (staff, after a deleted reply): median 2.
    // The export reaches back more than a year before the window: newcomers are known for sure.
    // Two waits are too few for more than a low guess.
    expect(find(result.proposals, 'observed.first_response_hours')).toMatchObject({
      value: { value: 2 },
      confidence: 'low',
      raise: 'bigger-sample',
      source: 'forum',
    });
    // The same threads three times over, each by other newcomers: five waits and more make a figure.
    const thrice = (threads: typeof data.threads) =>
      [1, 2, 3].flatMap((n) =>
        threads.map((th) => ({
          ...th,
          id: `${th.id}-${n}`,
          opener: { ...th.opener, author: `${th.opener.author}-${n}` },
          replies: th.replies.map((r) => (r.author === th.opener.author ? { ...r, author: `${r.author}-${n}` } : r)),
        })),
      );
    const many = exportProposals({ data: { ...data, threads: thrice(data.threads) }, name: 'forum.json', asOfTime, asOf });
    expect(find(many.proposals, 'observed.first_response_hours')).toMatchObject({
      value: { value: 2 },
      confidence: 'high',
      data: { items: 6 },
    });
    expect(find(many.proposals, 'observed.first_response_hours')).not.toHaveProperty('raise');
    const short = exportProposals({
      data: { ...data, threads: thrice(data.threads.filter((t) => t.id !== '103')) },
      name: 'forum.json',
      asOfTime,
      asOf,
    });
    expect(find(short.proposals, 'observed.first_response_hours')).toMatchObject({ confidence: 'medium', raise: 'longer-export' });
    expect(short.notes).toContainEqual({ code: 'newcomers-approximated', file: 'forum.json', data: { from: '2026-04-01' } });
  });

  it('measures retention of first-time posters of the 90 days before the last 90 (the host team left out)', () => {
    const result = exportProposals({ data, name: 'forum.json', asOfTime, asOf });
    expect(find(result.proposals, 'observed.retention')).toMatchObject({
      value: { value: 0.5 },
      confidence: 'low',
      data: { cohort: 2, retained: 1 },
    });
  });

  it('reads a flat list of posts with their topic too', () => {
    const posts = (fixture('discourse-topics.json') as { id: number; post_stream: { posts: object[] } }[]).flatMap((t) =>
      t.post_stream.posts.map((p) => ({ ...p, topic_id: t.id })),
    );
    expect(parseDiscourse({ posts }).threads).toHaveLength(4);
  });

  it('lowers the confidence of an export that ends long before as_of', () => {
    const result = exportProposals({ data, name: 'forum.json', asOfTime: T + 60 * 86_400, asOf: '2026-10-19' });
    expect(result.notes).toContainEqual({
      code: 'export-ends-early',
      file: 'forum.json',
      data: { last: '2026-08-10', asOf: '2026-10-19' },
    });
    expect(result.proposals.every((p) => p.confidence === 'low')).toBe(true);
  });
});

describe('an export that holds records more than once', () => {
  it('counts a repeated issue once: the sample, the figures and their confidence are those of the export without the repeats', () => {
    const issues = fixture('gh-issues.json') as object[];
    const once = exportProposals({ data: parseGitHubIssues(issues), name: 'gh-issues.json', asOfTime: T, asOf: AS_OF });
    const fivefold = parseGitHubIssues(issues.flatMap((issue) => [issue, issue, issue, issue, issue]));
    expect(fivefold.threads).toHaveLength(issues.length);
    expect(fivefold.duplicates).toBe(4 * issues.length);
    const result = exportProposals({ data: fivefold, name: 'gh-issues.json', asOfTime: T, asOf: AS_OF });
    expect(result.proposals).toEqual(once.proposals);
    expect(find(result.proposals, 'observed.member_share')).toMatchObject({ confidence: 'low', data: { posts: 9 } });
    expect(result.notes).toContainEqual({ code: 'export-duplicates', file: 'gh-issues.json', data: { records: 32, kind: 'issues' } });
  });

  it('counts a Discourse post once, by its id or its number in the topic, when a topic or a page comes twice', () => {
    const topics = fixture('discourse-topics.json') as { id: number; post_stream: { posts: { id?: number }[] } }[];
    const once = parseDiscourse(topics);
    const twice = parseDiscourse([...topics, ...topics]);
    expect(twice.threads).toEqual(once.threads);
    expect(twice.duplicates).toBe(topics.reduce((n, t) => n + t.post_stream.posts.length, 0));
    const withoutIds = topics.map((t) => ({ ...t, post_stream: { posts: t.post_stream.posts.map(({ id: _, ...p }) => p) } }));
    expect(parseDiscourse([...withoutIds, ...withoutIds]).threads).toEqual(once.threads);
    expect(once.duplicates).toBe(0);
  });
});

describe('export shapes', () => {
  it.each([
    [{ issues: [] }, 'expected a JSON array of issues'],
    [[{ number: 1, author: { login: 'a' }, createdAt: 'yesterday' }], 'item 1: createdAt is not a date and time'],
    [[{ number: 1, author: { login: 'a' }, createdAt: '2026-01-01T00:00:00Z', comments: {} }], 'item 1: comments is not a list'],
  ])('refuses a GitHub export it cannot read, saying where', (data, message) => {
    expect(() => parseGitHubIssues(data)).toThrow(ExportShapeError);
    expect(() => parseGitHubIssues(data)).toThrow(message);
  });

  it('refuses a Discourse export without posts', () => {
    expect(() => parseDiscourse({ users: [] })).toThrow(/expected a Discourse topic/);
    expect(() => parseDiscourse([{ post_stream: {} }])).toThrow('topic 1 has no post_stream.posts');
  });
});
