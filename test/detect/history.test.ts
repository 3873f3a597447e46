// detect on synthetic repositories built with git fast-import: the CHAOSS figures over the plan's windows,
// .mailmap merges (bare repositories too), bots, window edges, renamed files, empty and shallow
// histories, huge files, links, hostile names, and a time base that makes two runs agree.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectDetection, type DetectInputs } from '../../src/io/collect-detection.js';
import type { Detection, Proposal } from '../../src/detect/types.js';
import { utcDate } from '../../src/detect/git-history.js';
import { describeNote } from '../../src/detect/messages.js';
import { DAY, at, buildRepo, chronological, daily, removeFixtures, tempDir, type FixtureCommit } from './git-fixture.js';
import { AS_OF, CODE_OF_CONDUCT, T, TODAY, knownCommits, knownRepo } from './known-repo.js';

afterAll(removeFixtures);

const detect = (dir: string, extra: Partial<DetectInputs> = {}): Promise<Detection> =>
  collectDetection({ dir, env: process.env, today: TODAY, ...extra });

function proposal(d: Detection, key: string): Proposal | undefined {
  return d.proposals.find((p) => (p.point === undefined ? p.path : `${p.path}[point=${p.point}]`) === key);
}

/** The commits after a first one a year before them: a history older than every window, so none is young. */
function longHistory(commits: FixtureCommit[]): FixtureCommit[] {
  const first = commits.reduce((min, c) => Math.min(min, c.time), Infinity);
  return [{ author: 'Founder Example <founder@example.org>', time: first - 400 * DAY }, ...commits];
}

function factValue(d: Detection, key: string): unknown {
  const p = proposal(d, key);
  return p && typeof p.value === 'object' && p.value !== null && 'value' in p.value ? (p.value as { value: unknown }).value : p?.value;
}

describe('detect on a repository with a known history', async () => {
  const dir = knownRepo();
  const d = await detect(dir);

  it('dates everything with the HEAD commit (committer date), not the clock', () => {
    expect(d.timeBase).toBe('head');
    expect(d.asOf).toBe(AS_OF);
    expect(d.asOfTime).toBe(T);
    const fact = proposal(d, 'observed.absence_factor')!.value as { as_of: string; source: string };
    expect(fact.as_of).toBe(AS_OF);
    expect(fact.source).toMatch(
      /^git main at [0-9a-f]{12}: 22 commits by 4 people, bots left out, 2026-05-22\.\.2026-08-20 \(commready detect\)$/,
    );
  });

  it('gives the Contributor Absence Factor the definition gives: mailmap honoured, bots left out', () => {
    expect(factValue(d, 'observed.absence_factor')).toBe(2);
    expect(proposal(d, 'observed.absence_factor')!.confidence).toBe('high');
    expect(d.history).toMatchObject({ commits90: 52, people90: 4, botCommits90: 30, newContributors90: 0 });
  });

  it('counts active contributors over 30 days, the window start excluded', () => {
    expect(factValue(d, 'observed.active_contributors_30d')).toBe(2);
    expect(proposal(d, 'observed.active_contributors_30d')!.confidence).toBe('medium');
  });

  it('measures the retention of the newcomer cohort of the 90 days before the last 90', () => {
    expect(factValue(d, 'observed.retention')).toBe(0.5);
    expect(proposal(d, 'observed.retention')).toMatchObject({
      confidence: 'low',
      raise: 'bigger-cohort',
      data: { cohort: 2, retained: 1 },
    });
  });

  it('finds the code of conduct, its version, ladder, scope and reporting route, with file:line evidence', () => {
    expect(proposal(d, 'governance.code_of_conduct.url')).toMatchObject({
      value: 'https://github.com/example/project/blob/main/CODE_OF_CONDUCT.md',
      confidence: 'high',
    });
    expect(proposal(d, 'governance.code_of_conduct.based_on')).toMatchObject({
      value: 'Contributor Covenant 2.0',
      confidence: 'high',
      evidence: [{ kind: 'file', file: 'CODE_OF_CONDUCT.md', line: 33, endLine: 35 }],
    });
    expect(proposal(d, 'governance.code_of_conduct.enforcement')!.value).toEqual([
      'Correction',
      'Warning',
      'Temporary ban',
      'Permanent ban',
    ]);
    expect(proposal(d, 'governance.code_of_conduct.scope')!.value).toBe(
      'This Code of Conduct applies within all community spaces, and also applies when an individual is officially representing the community in public spaces.',
    );
    const channel = proposal(d, 'governance.code_of_conduct.reporting.channel')!;
    expect(channel.value).toBe('E-mail to the shared conduct mailbox given in CODE_OF_CONDUCT.md (line 17)');
    expect(channel.evidence).toEqual([{ kind: 'file', file: 'CODE_OF_CONDUCT.md', line: 17, excerpt: '[e-mail address].' }]);
    // The personal address further down is cited by its line, never copied.
    expect(d.notes).toContainEqual({ code: 'personal-address', file: 'CODE_OF_CONDUCT.md', line: 19 });
    expect(JSON.stringify(d)).not.toMatch(/@example\.org|@project\.example|@old\.example|@lovelace\.name/);
  });

  it('dates the adoption of the code of conduct through its rename (medium: it moved)', () => {
    expect(proposal(d, 'governance.code_of_conduct.adopted')).toMatchObject({
      value: utcDate(T - 300 * DAY),
      confidence: 'medium',
      evidence: [{ kind: 'commit', file: 'CONDUCT.md', date: utcDate(T - 300 * DAY) }],
    });
  });

  it('dates no adoption of a code of conduct that is a stub, and proposes nothing from it', async () => {
    const head = at('2026-11-21');
    const stub = await detect(
      buildRepo([
        { time: head - DAY, files: { 'README.md': 'x' } },
        { time: head, files: { 'CODE_OF_CONDUCT.md': '# Code of Conduct\n\nTBD\n' } },
      ]),
    );
    expect(stub.proposals.filter((p) => p.path.startsWith('governance.code_of_conduct'))).toEqual([]);
    expect(stub.notes).toContainEqual({ code: 'stub-file', file: 'CODE_OF_CONDUCT.md', data: { bytes: 23 } });
  });

  it('dates a code of conduct that began as a stub by its first version that is a text (medium)', async () => {
    const head = at('2026-11-21');
    const d = await detect(
      buildRepo([
        { time: head - 40 * DAY, files: { 'CODE_OF_CONDUCT.md': '# Code of Conduct\n\nTBD\n' } },
        { time: head - 30 * DAY, files: { 'README.md': 'x' } },
        { time: head - 20 * DAY, files: { 'CODE_OF_CONDUCT.md': CODE_OF_CONDUCT } },
        { time: head, files: { 'CODE_OF_CONDUCT.md': `${CODE_OF_CONDUCT}\nUpdated.\n` } },
      ]),
    );
    expect(proposal(d, 'governance.code_of_conduct.adopted')).toMatchObject({
      value: utcDate(head - 20 * DAY),
      confidence: 'medium',
      evidence: [{ kind: 'commit', file: 'CODE_OF_CONDUCT.md', date: utcDate(head - 20 * DAY), afterStub: true }],
    });
  });

  it('finds the other community files', () => {
    expect(proposal(d, 'governance.security_policy_url')).toMatchObject({ confidence: 'high', data: { route: 'url', disclosureDays: 90 } });
    expect(proposal(d, 'platform.participation_guide')!.value).toBe('https://github.com/example/project/blob/main/CONTRIBUTING.md');
    expect(proposal(d, 'governance.governance_url')!.confidence).toBe('high');
    expect(proposal(d, 'governance.contribution_terms[point=licence]')!.value).toBe('Licensed under MIT (LICENSE)');
    expect(proposal(d, 'platform.templates')!.value).toEqual(['Issue form: Bug report']);
    expect(proposal(d, 'platform.channels')).toMatchObject({
      confidence: 'high',
      value: [{ name: 'Community forum', url: 'https://forum.project.example/', purpose: 'Questions and ideas' }],
      alternatives: [{ value: [{ name: 'Discord', url: 'https://discord.gg/example' }], confidence: 'medium' }],
    });
    expect(proposal(d, 'measures.funding.sources')!.value).toEqual(['GitHub Sponsors', 'Open Collective']);
    expect(proposal(d, 'community.name')!.value).toBe('Project Example');
    expect(proposal(d, 'audience.onboarding.first_action')!.confidence).toBe('medium');
  });

  it('cites lines for every proposal from a file, a whole file as its lines from the first to the last with text', () => {
    const fromFiles = d.proposals.filter((p) => p.source === 'files' && p.rule !== 'coc.adopted');
    expect(fromFiles.length).toBeGreaterThan(10);
    for (const p of fromFiles) {
      expect(p.evidence.length, p.path).toBeGreaterThan(0);
      for (const e of p.evidence) expect(e, `${p.path} (${p.rule})`).toMatchObject({ kind: 'file', line: expect.any(Number) });
    }
    const governance = proposal(d, 'governance.governance_url')!.evidence[0]!;
    expect(governance).toMatchObject({ file: 'GOVERNANCE.md', line: 1, endLine: expect.any(Number) });
    expect((governance as { excerpt?: string }).excerpt).toMatch(/^#/);
  });

  it('gives the same result on a second run on the same commit', async () => {
    expect(await detect(dir)).toEqual(d);
  });

  it('measures as of another day with --as-of (end of that day, UTC)', async () => {
    const earlier = await detect(dir, { asOf: '2026-08-01' });
    expect(earlier).toMatchObject({ asOf: '2026-08-01', timeBase: 'option' });
    // Ada, Katherine, and Alan and Grace on 2026-07-21: four people in (2026-07-02 23:59:59, 2026-08-01 23:59:59].
    expect(factValue(earlier, 'observed.active_contributors_30d')).toBe(4);
    expect(d.history).toMatchObject({ lastCommit: AS_OF, daysSinceLastCommit: 0 });
    const later = await detect(dir, { asOf: '2026-09-19' });
    expect(later.history).toMatchObject({ lastCommit: AS_OF, daysSinceLastCommit: 30 });
  });

  it('reads a bare repository alike, its mailmap included', async () => {
    const bare = knownRepo({ bare: true });
    const fromBare = await detect(bare);
    expect(factValue(fromBare, 'observed.absence_factor')).toBe(2);
    expect(fromBare.repository).toMatchObject({ bare: true });
    expect(fromBare.proposals.map((p) => p.path)).toEqual(d.proposals.map((p) => p.path));
  });

  it('reads a clone from a subfolder of its work tree and from its git directory, with the committed .mailmap only', async () => {
    const clone = tempDir();
    execFileSync('git', ['clone', '-q', dir, clone]);
    // An uncommitted edit of the work tree's .mailmap changes nothing: the commit's own file is read.
    writeFileSync(path.join(clone, '.mailmap'), '');
    const fromSub = await detect(path.join(clone, '.github'));
    expect(factValue(fromSub, 'observed.absence_factor')).toBe(2);
    const fromGitDir = await detect(path.join(clone, '.git'));
    expect(factValue(fromGitDir, 'observed.absence_factor')).toBe(2);
  });
});

describe('identities, bots and windows', () => {
  it('merges identities only through .mailmap: without it the same history gives a different factor', async () => {
    const commits = knownCommits().map((c) => (c.files?.['.mailmap'] ? { ...c, files: { 'README.md': 'x' } } : c));
    const d = await detect(buildRepo(commits));
    expect(factValue(d, 'observed.absence_factor')).toBe(3);
    expect(d.history!.newContributors90).toBe(1);
  });

  it('makes the people figures a low guess when identities that share a name would change them as one person', async () => {
    const last = at('2026-11-28');
    // One person under three addresses does 19 of 27 commits: three identities make the absence factor 3
    // (the Networked bar) and three active contributors, where one person makes 1 and 1.
    const bob = [0, 1, 2].flatMap((n) => daily(`Bob Smith <bob${n}@example${n}.org>`, last - n * DAY, 6, {}));
    const others = Array.from({ length: 8 }, (_, i): FixtureCommit => ({
      author: `Dev ${i} <dev${i}@corp.example>`,
      time: last - (50 + i) * DAY,
    }));
    const d = await detect(buildRepo(chronological([...others, ...bob, { author: 'Bob Smith <bob0@example0.org>', time: last }])));
    expect(proposal(d, 'observed.absence_factor')).toMatchObject({
      value: { value: 3 },
      confidence: 'low',
      raise: 'merge-shared-names',
      data: { factor: 3, ifMerged: 1 },
    });
    expect(proposal(d, 'observed.active_contributors_30d')).toMatchObject({
      value: { value: 3 },
      confidence: 'low',
      raise: 'merge-shared-names',
      data: { people: 3, ifMerged: 1 },
    });
    expect(d.notes).toContainEqual({ code: 'shared-name', data: { name: 'Bob Smith', identities: 3 } });
  });

  it('keeps the confidence where identities share a name but counting them as one changes nothing', async () => {
    const last = at('2026-11-28');
    // Ada's two addresses, 40 days ago: Alan and Grace do half the work and are the only ones active in 30 days, either way.
    const d = await detect(
      buildRepo(
        longHistory(
          chronological([
            { author: 'Ada Lovelace <ada@a.example>', time: last - 40 * DAY },
            { author: 'Ada Lovelace <ada@b.example>', time: last - 41 * DAY },
            ...daily('Alan Turing <alan@t.example>', last, 10),
            ...daily('Grace Hopper <grace@h.example>', last - DAY, 10),
          ]),
        ),
      ),
    );
    expect(d.notes).toContainEqual({ code: 'shared-name', data: { name: 'Ada Lovelace', identities: 2 } });
    expect(proposal(d, 'observed.absence_factor')).toMatchObject({ value: { value: 2 }, confidence: 'high', data: { factor: 2 } });
    expect(proposal(d, 'observed.absence_factor')!.data).not.toHaveProperty('ifMerged');
    expect(proposal(d, 'observed.active_contributors_30d')).toMatchObject({
      value: { value: 2 },
      confidence: 'medium',
      raise: 'add-exports',
    });
  });

  it('makes the absence factor of a handful of contributions a low guess: one commit is not a project', async () => {
    const last = at('2026-12-01');
    const one = await detect(buildRepo([{ author: 'Alice Example <alice@example.org>', time: last }]));
    expect(proposal(one, 'observed.absence_factor')).toMatchObject({
      value: { value: 1 },
      confidence: 'low',
      raise: 'more-commits',
      data: { contributions: 1 },
    });
    const nineteen = await detect(buildRepo(daily('Alice Example <alice@example.org>', last, 19)));
    expect(proposal(nineteen, 'observed.absence_factor')).toMatchObject({ confidence: 'low', data: { contributions: 19 } });
    const twenty = await detect(buildRepo(longHistory(daily('Alice Example <alice@example.org>', last, 20))));
    expect(proposal(twenty, 'observed.absence_factor')).toMatchObject({ confidence: 'high', data: { contributions: 20 } });
    expect(proposal(twenty, 'observed.absence_factor')).not.toHaveProperty('raise');
  });

  it('proposes no active contributors from a history in which no person has committed: only bots', async () => {
    const last = at('2026-11-20');
    const d = await detect(buildRepo(daily('dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>', last, 20)));
    expect(d.proposals.filter((p) => p.path.startsWith('observed.'))).toEqual([]);
    expect(d.notes).toContainEqual({ code: 'no-people', data: { asOf: '2026-11-20' } });
  });

  it('proposes no active contributors as of a day before any person committed', async () => {
    const last = at('2026-11-28');
    const d = await detect(buildRepo(daily('Ada Lovelace <ada@example.org>', last, 10)), { asOf: '2026-05-01' });
    expect(proposal(d, 'observed.active_contributors_30d')).toBeUndefined();
    expect(d.notes).toContainEqual({ code: 'no-people', data: { asOf: '2026-05-01' } });
    // A person who has committed, but not in the last 30 days, is a measured 0.
    const quiet = await detect(buildRepo(daily('Ada Lovelace <ada@example.org>', last - 60 * DAY, 3)), { asOf: '2026-11-28' });
    expect(factValue(quiet, 'observed.active_contributors_30d')).toBe(0);
  });

  it('drops a bot but credits the co-authors of its commits, and credits each co-author once', async () => {
    const last = at('2026-08-20');
    const d = await detect(
      buildRepo([
        ...daily('Weblate <noreply@weblate.org>', last - DAY, 5, {
          message: 'Translated\n\nCo-authored-by: Ana Translator <ana@example.org>\nCo-authored-by: Ana Translator <ana@example.org>\n',
        }),
        { author: 'Bob Builder <bob@example.org>', time: last, message: 'Fix\n\nCo-authored-by: Carol Coder <carol@example.org>\n' },
      ]),
    );
    expect(factValue(d, 'observed.active_contributors_30d')).toBe(3);
    expect(proposal(d, 'observed.absence_factor')!.data).toMatchObject({ contributions: 7, factor: 1 });
    expect(d.notes).toContainEqual({ code: 'bots-excluded', data: { bots: 1, commits: 5 } });
  });

  it('leaves out service accounts and folds both forms of a GitHub no-reply address into one person', async () => {
    const last = at('2026-11-21');
    const authors = [
      'Maya Okonkwo <maya@acme.example>',
      'Maya Okonkwo <maya.okonkwo@gmail.com>',
      'mayaok <12345+mayaok@users.noreply.github.com>',
      'mayaok <mayaok@users.noreply.github.com>',
      'ImgBotApp <ImgBotHelp@gmail.com>',
      'Travis CI <travis@travis-ci.org>',
      'Weblate (bot) <hosted@weblate.org>',
      'GitHub <noreply@github.com>',
      'Jenkins <jenkins@ci.acme.example>',
      'Copybara-Service <copybara-worker@google.com>',
      'bors <bors@rust-lang.org>',
      'semantic-release <semantic-release@users.noreply.github.com>',
    ];
    const d = await detect(buildRepo(authors.map((author, i) => ({ author, time: last - (authors.length - 1 - i) * DAY }))));
    // Maya's two addresses stay two identities (never merged by name); her two no-reply forms are one.
    expect(d.history).toMatchObject({ commits: 12, people: 3, people90: 3, botCommits90: 8 });
    expect(factValue(d, 'observed.active_contributors_30d')).toBe(3);
    expect(proposal(d, 'observed.absence_factor')!.data).toMatchObject({ contributions: 4, factor: 1 });
    expect(d.notes).toContainEqual({ code: 'bots-excluded', data: { bots: 8, commits: 8 } });
  });

  it('says how many commits it left out, in the singular for one', async () => {
    const head = at('2026-08-20');
    const d = await detect(
      buildRepo([
        { author: 'Bob Builder <bob@example.org>', time: head + 10 * DAY, committerTime: head - DAY },
        { author: 'Carol Coder <carol@example.org>', time: head },
      ]),
    );
    const note = d.notes.find((n) => n.code === 'future-commits')!;
    expect(describeNote(note)).toBe('1 commit is dated after 2026-08-20 and was left out');
    expect(describeNote({ code: 'future-commits', data: { commits: 2, asOf: '2026-08-20' } })).toBe(
      '2 commits are dated after 2026-08-20 and were left out',
    );
    expect(describeNote({ code: 'malformed-commits', data: { commits: 1 } })).toMatch(/^1 commit could not be read .* and was left out$/);
    expect(describeNote({ code: 'bots-excluded', data: { bots: 1, commits: 1 } })).toBe(
      '1 bot account left out of every people figure (1 of their commit in the last 90 days)',
    );
    expect(describeNote({ code: 'codeowners-single-owner', data: { areas: 1 } })).toMatch(/^1 area has a single owner/);
    expect(describeNote({ code: 'shared-name', data: { more: 1 } })).toBe('1 more name is shared by several identities');
    expect(describeNote({ code: 'as-of-old', data: { asOf: '2026-08-20', days: 1 } })).toMatch(/is 1 day before today/);
    expect(describeNote({ code: 'export-duplicates', data: { records: 1, kind: 'issues' } })).toMatch(/^1 repeated issue left out/);
    expect(describeNote({ code: 'affiliations-unknown', data: { contributions: 1 } })).toMatch(/\(1 contribution\)$/);
    expect(describeNote({ code: 'partial-clone', data: { missing: 1 } })).toMatch(/^a partial clone: 1 file of HEAD is not here/);
    expect(describeNote({ code: 'first-response-unanswered', data: { items: 1, answered: 0, above: 5 } })).toMatch(
      /^fewer than half of 1 newcomer thread were answered/,
    );
  });

  it('measures a history younger than the window over the days it has, and calls the figures low guesses', async () => {
    const last = at('2026-12-01');
    // Ten days of a new repository: four people, thirty commits.
    const commits = chronological(
      ['Ann A <ann@example.org>', 'Ben B <ben@example.org>', 'Cy C <cy@example.org>', 'Di D <di@example.org>'].flatMap((a, i) =>
        daily(a, last - i * 3600, 10, { message: `Work\n\nSigned-off-by: ${a}\n` }),
      ),
    );
    const d = await detect(buildRepo(commits));
    expect(d.notes).toContainEqual({ code: 'young-history', data: { since: '2026-11-22', days: 90 } });
    const absence = proposal(d, 'observed.absence_factor')!;
    expect(absence).toMatchObject({ confidence: 'low', raise: 'longer-history' });
    expect((absence.value as { source: string }).source).toMatch(/bots left out, 2026-11-22\.\.2026-12-01 \(commready detect\)$/);
    expect(absence.evidence).toEqual([expect.objectContaining({ kind: 'commits', from: '2026-11-22', to: '2026-12-01' })]);
    const active = proposal(d, 'observed.active_contributors_30d')!;
    expect(active).toMatchObject({ value: { value: 4 }, confidence: 'low', raise: 'longer-history' });
    expect((active.value as { source: string }).source).toContain('2026-11-22..2026-12-01');
    expect(proposal(d, 'governance.contribution_terms[point=sign-off]')).toMatchObject({ confidence: 'low' });
    expect(describeNote({ code: 'young-history', data: { since: '2026-11-22', days: 90 } })).toBe(
      'the history starts 2026-11-22, less than 90 days before as_of: the figures of a window it does not fill cover only the days since, and are low guesses',
    );
    // The same commits after a first one a year earlier: the windows are full, the figures as before.
    const old = await detect(buildRepo(longHistory(commits)));
    expect(old.notes.map((n) => n.code)).not.toContain('young-history');
    expect(proposal(old, 'observed.absence_factor')).toMatchObject({ confidence: 'high' });
    expect(proposal(old, 'observed.active_contributors_30d')).toMatchObject({ confidence: 'medium' });
  });

  it('leaves out commits dated after as_of, and says so', async () => {
    const head = at('2026-08-20');
    const d = await detect(
      buildRepo([
        { author: 'Bob Builder <bob@example.org>', time: head + 10 * DAY, committerTime: head - DAY },
        { author: 'Carol Coder <carol@example.org>', time: head },
      ]),
    );
    expect(factValue(d, 'observed.active_contributors_30d')).toBe(1);
    expect(d.notes).toContainEqual({ code: 'future-commits', data: { commits: 1, asOf: '2026-08-20' } });
  });

  it('proposes the DCO when nearly every recent commit carries its author sign-off, and release cadence from tags', async () => {
    const head = at('2026-08-20');
    const people = ['Bob Builder <bob@example.org>', 'Carol Coder <carol@example.org>', 'Dan Dev <dan@example.org>'];
    const people5 = [...people, 'Eve Editor <eve@example.org>', 'Fay Fixer <fay@example.org>'];
    const commits = daily('Bob Builder <bob@example.org>', head, 25).map((c, i) => {
      const author = people5[i % 5]!;
      return { ...c, author, message: `Work\n\nSigned-off-by: ${author}\n`, ...(i % 5 === 4 ? { tag: `v1.${i}.0` } : {}) };
    });
    const tags = Array.from({ length: 12 }, (_, i) => ({
      author: 'Bob Builder <bob@example.org>',
      time: head - (400 - i * 30) * DAY,
      tag: `v0.${i}.0`,
    }));
    const d = await detect(buildRepo([...tags, ...commits]));
    expect(proposal(d, 'governance.contribution_terms[point=sign-off]')).toMatchObject({
      confidence: 'high',
      data: { share: 0.96, commits: 26, signers: 5 },
    });
    expect(proposal(d, 'platform.rituals')!.value).toEqual([{ name: 'Release', cadence: 'monthly' }]);
    // Three people signing off every commit: a rule, less sure.
    const three = commits.map((c, i) => ({ ...c, author: people[i % 3]!, message: `Work\n\nSigned-off-by: ${people[i % 3]!}\n` }));
    expect(proposal(await detect(buildRepo(longHistory(three))), 'governance.contribution_terms[point=sign-off]')).toMatchObject({
      confidence: 'medium',
      data: { share: 1, commits: 25, signers: 3 },
    });
  });

  it("takes one person's sign-offs, or a handful of commits, for a habit and not the project's rule", async () => {
    const head = at('2026-11-21');
    const signed = (author: string, days: number): FixtureCommit[] =>
      daily(author, head, days, { message: `Work\n\nSigned-off-by: ${author}\n` });
    const alone = await detect(buildRepo(signed('Maya Okonkwo <maya@acme.example>', 30)));
    expect(alone.history!.signOffShare).toBe(1);
    expect(proposal(alone, 'governance.contribution_terms[point=sign-off]')).toBeUndefined();
    const few = await detect(
      buildRepo(
        chronological([
          ...signed('Ann A <ann@example.org>', 3),
          ...signed('Ben B <ben@example.org>', 3),
          ...signed('Cy C <cy@example.org>', 3),
        ]),
      ),
    );
    expect(few.history!.signOffShare).toBe(1);
    expect(proposal(few, 'governance.contribution_terms[point=sign-off]')).toBeUndefined();
  });
});

describe('organisations', () => {
  const head = at('2026-08-20');
  const commits = [
    ...daily('Ana <ana@acme.test>', head, 6),
    ...daily('Ben <ben@acme.test>', head, 2),
    ...daily('Cid <cid@globex.test>', head, 2),
    ...daily('Dee <dee@gmail.com>', head, 2),
  ];

  it('come from an affiliation map, dated, with the elephant factor; high when it covers 90% of contributions', async () => {
    const dir = buildRepo(longHistory(commits));
    const map = path.join(tempDir(), 'affiliations.txt');
    writeFileSync(
      map,
      '# who works where\nacme.test  Acme Corp\ncid@globex.test  Globex  < 2026-08-20\ncid@globex.test  Initech\ndee@gmail.com  Independent\n',
    );
    const d = await detect(dir, { affiliations: map });
    // Acme 8, Globex 1 (before 20 August), Initech 1, Dee on her own 2: 1 − 8/12.
    expect(proposal(d, 'observed.organisation_share')).toMatchObject({
      value: { value: 0.33, as_of: '2026-08-20' },
      confidence: 'high',
      rule: 'git.organisation-share',
      data: { coverage: 1, organisations: 4, elephant: 1 },
    });
    expect(d.history!.elephantFactor).toBe(1);
  });

  it('are only guessed from e-mail domains without a map: low, shown, never written', async () => {
    const d = await detect(buildRepo(commits));
    expect(proposal(d, 'observed.organisation_share')).toMatchObject({
      value: { value: 0.2 },
      confidence: 'low',
      showOnly: true,
      rule: 'git.domain-share',
    });
  });

  it('refuse a map line they cannot read, with its line', async () => {
    const map = path.join(tempDir(), 'affiliations.txt');
    writeFileSync(map, 'acme.test Acme\nnot-an-address\n');
    await expect(detect(buildRepo(commits), { affiliations: map })).rejects.toMatchObject({
      diagnostics: [{ file: map, line: 2, col: 1, message: expect.stringContaining('expected an address or domain') }],
    });
  });
});

describe('repositories at the edges', () => {
  it('reports an empty repository without failing: no history, no files', async () => {
    const d = await detect(buildRepo([]));
    expect(d.proposals).toEqual([]);
    expect(d.notes).toContainEqual({ code: 'no-commits' });
    expect(d.history).toBeUndefined();
  });

  it('refuses a folder that is not a repository, unless exports are given', async () => {
    await expect(detect(tempDir())).rejects.toThrow(/not a git repository/);
  });

  it('reads a shallow clone but proposes no newcomer figures, and nothing for windows it does not reach', async () => {
    const source = knownRepo();
    const shallow = tempDir();
    execFileSync('git', ['clone', '-q', '--depth', '3', `file://${source}`, shallow]);
    const d = await detect(shallow);
    expect(d.repository).toMatchObject({ shallow: true });
    expect(proposal(d, 'observed.retention')).toBeUndefined();
    expect(proposal(d, 'observed.absence_factor')).toBeUndefined();
    expect(d.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['shallow-history', 'window-not-covered']));
    expect(proposal(d, 'governance.code_of_conduct.adopted')).toBeUndefined();
  });

  it('reads a partial clone offline: the history in full, only the files that are here, nothing fetched', async () => {
    const source = knownRepo();
    const partial = tempDir();
    const git = (args: string[], cwd = partial): string => execFileSync('git', args, { cwd, encoding: 'utf8' });
    // The origin's side of the transport must allow filters; the clone's own config names it for later fetches.
    const uploadPack = 'git -c uploadpack.allowFilter=true upload-pack';
    git(['clone', '-q', '--filter=blob:none', '--no-checkout', `--upload-pack=${uploadPack}`, `file://${source}`, partial], source);
    git(['config', 'remote.origin.uploadpack', uploadPack]);
    // Two files fetched by hand, while the origin could still give them; every other blob of HEAD is absent.
    git(['cat-file', '-p', 'HEAD:CONTRIBUTING.md']);
    git(['cat-file', '-p', 'HEAD:.mailmap']);
    const missing = (): string[] =>
      git(['rev-list', '--objects', '--missing=print', '--no-walk', 'HEAD'])
        .split('\n')
        .filter((l) => l.startsWith('?'));
    const before = missing();
    expect(before.length).toBeGreaterThan(5);

    const d = await detect(partial);
    expect(missing()).toEqual(before);
    expect(d.notes).toContainEqual({ code: 'partial-clone', data: { missing: before.length } });
    expect(factValue(d, 'observed.absence_factor')).toBe(2);
    expect(proposal(d, 'platform.participation_guide')).toMatchObject({ confidence: 'high' });
    expect(proposal(d, 'governance.code_of_conduct.url')).toBeUndefined();
    expect(proposal(d, 'governance.code_of_conduct.adopted')).toBeUndefined();
  });

  it('never reads a huge file, nor follows a link, nor copies a hostile name into its output', async () => {
    const head = at('2026-08-20');
    const d = await detect(
      buildRepo([
        {
          author: 'Mallory \u001b]0;pwned\u0007 <mallory@example.org>',
          time: head,
          files: {
            LICENSE: { bytes: 2 * 1024 * 1024 },
            'CODE_OF_CONDUCT.md': { symlink: '/etc/passwd' },
            '.mailmap': { symlink: '../outside' },
            'GOVERNANCE.md': 'tiny',
          },
        },
      ]),
    );
    expect(d.notes).toEqual(
      expect.arrayContaining([
        { code: 'too-large', file: 'LICENSE', data: { bytes: 2 * 1024 * 1024 } },
        { code: 'symlink-skipped', file: 'CODE_OF_CONDUCT.md' },
        { code: 'mailmap-skipped', data: { why: 'is a symbolic link' } },
        { code: 'stub-file', file: 'GOVERNANCE.md', data: { bytes: 4 } },
      ]),
    );
    expect(proposal(d, 'governance.code_of_conduct.url')).toBeUndefined();
    expect(factValue(d, 'observed.active_contributors_30d')).toBe(1);
  });

  it('shows file addresses as paths, never written, when the repository has no forge origin', async () => {
    const d = await detect(buildRepo([{ time: at('2026-08-20'), files: { 'CODE_OF_CONDUCT.md': CODE_OF_CONDUCT } }]));
    expect(proposal(d, 'governance.code_of_conduct.url')).toMatchObject({ value: 'CODE_OF_CONDUCT.md', showOnly: true });
    expect(d.notes).toContainEqual({ code: 'no-forge-url' });
  });
});
