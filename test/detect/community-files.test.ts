// The file detectors on file contents passed in: what each proposes, the gaps they locate, and what they
// never copy (contact details), without a repository.
import { describe, expect, it } from 'vitest';
import {
  FILE_DETECTIONS,
  detectCommunityFiles,
  fileKind,
  selectCommunityFiles,
  type FileContext,
  type FileDetection,
  type RepoFile,
} from '../../src/detect/community-files.js';
import { licenceId } from '../../src/detect/fingerprints.js';
import type { Proposal } from '../../src/detect/types.js';
import { CODE_OF_CONDUCT, FILES } from './known-repo.js';

const FORGE: FileContext = { urlOf: (p) => `https://forge.example/o/r/blob/main/${p}` };

function run(files: Record<string, string>, context: FileContext = FORGE, detections?: readonly FileDetection[]) {
  const entries: RepoFile[] = Object.entries(files).map(([path, text], i) => ({
    path,
    mode: '100644',
    size: Buffer.byteLength(text),
    oid: String(i),
  }));
  const selected = selectCommunityFiles(entries);
  return detectCommunityFiles(selected.read, selected.kinds, new Map(Object.entries(files)), context, detections);
}

const find = (proposals: Proposal[], path: string, point?: string): Proposal | undefined =>
  proposals.find((p) => p.path === path && p.point === point);

/** The Contributor Covenant 2.1 as its site gives it: the contact method still a placeholder. */
const PRISTINE_21 = `# Contributor Covenant Code of Conduct

## Our Pledge

We as members, contributors, and leaders pledge to make participation in our
community a harassment-free experience for everyone.

## Enforcement

Instances of abusive, harassing, or otherwise unacceptable behavior may be
reported to the community leaders responsible for enforcement at
[INSERT CONTACT METHOD].
All complaints will be reviewed and investigated promptly and fairly.

## Attribution

This Code of Conduct is adapted from the [Contributor Covenant][homepage],
version 2.1, available at
[https://www.contributor-covenant.org/version/2/1/code_of_conduct.html][v2.1].
`;

describe('community file names', () => {
  it.each([
    ['CODE_OF_CONDUCT.md', 'coc'],
    ['.github/code-of-conduct.md', 'coc'],
    ['docs/CONDUCT.rst', 'coc'],
    ['SECURITY.adoc', 'security'],
    ['LICENSE-APACHE', 'licence'],
    ['COPYING', 'licence'],
    ['.github/CODEOWNERS', 'codeowners'],
    ['.github/ISSUE_TEMPLATE/bug.yml', 'issue-template'],
    ['.github/ISSUE_TEMPLATE/config.yml', 'issue-config'],
    ['.github/pull_request_template.md', 'pr-template'],
    ['.github/FUNDING.yml', 'funding'],
  ])('knows %s as %s', (path, kind) => {
    expect(fileKind(path)).toBe(kind);
  });

  it.each(['src/CODE_OF_CONDUCT.md', 'code-of-conduct-TODO.md', 'docs/LICENSE', 'CONDUCT.png'])('ignores %s', (path) => {
    expect(fileKind(path)).toBeUndefined();
  });

  it('prefers the root, then .github/, then docs/', () => {
    const { proposals } = run({
      'docs/CODE_OF_CONDUCT.md': PRISTINE_21,
      'CODE_OF_CONDUCT.md': PRISTINE_21.replace('2.1', '2.0').replace('/2/1/', '/2/0/'),
    });
    expect(find(proposals, 'governance.code_of_conduct.url')!.value).toBe('https://forge.example/o/r/blob/main/CODE_OF_CONDUCT.md');
  });
});

describe('the code of conduct', () => {
  it('locates the placeholders of a pristine template as gaps, and proposes no reporting route', () => {
    const { proposals, notes } = run({ 'CODE_OF_CONDUCT.md': PRISTINE_21 });
    expect(find(proposals, 'governance.code_of_conduct.based_on')).toMatchObject({ value: 'Contributor Covenant 2.1', confidence: 'high' });
    expect(notes).toContainEqual({
      code: 'coc-placeholder',
      file: 'CODE_OF_CONDUCT.md',
      line: 12,
      data: { placeholder: '[INSERT CONTACT METHOD]' },
    });
    expect(find(proposals, 'governance.code_of_conduct.reporting.channel')).toBeUndefined();
  });

  it('proposes a reporting form by its address, and a personal mailbox without copying it', () => {
    const withForm = PRISTINE_21.replace('[INSERT CONTACT METHOD]', 'https://forms.example/report');
    expect(find(run({ 'CODE_OF_CONDUCT.md': withForm }).proposals, 'governance.code_of_conduct.reporting.channel')).toMatchObject({
      value: 'https://forms.example/report',
      confidence: 'high',
    });
    const personal = PRISTINE_21.replace('[INSERT CONTACT METHOD]', 'jane.doe@janedoe.name');
    const result = run({ 'CODE_OF_CONDUCT.md': personal });
    const channel = find(result.proposals, 'governance.code_of_conduct.reporting.channel')!;
    expect(channel).toMatchObject({ value: 'E-mail to the person named in CODE_OF_CONDUCT.md (line 12)', confidence: 'medium' });
    expect(result.notes).toContainEqual({ code: 'personal-address', file: 'CODE_OF_CONDUCT.md', line: 12 });
    expect(JSON.stringify(result)).not.toContain('janedoe');
  });

  it('takes an address written to dodge harvesters as a mailbox a reporter can write to, and never copies it', () => {
    const shared = PRISTINE_21.replace('[INSERT CONTACT METHOD]', 'conduct [at] acme [dot] org');
    const route = run({ 'CODE_OF_CONDUCT.md': shared });
    expect(find(route.proposals, 'governance.code_of_conduct.reporting.channel')).toMatchObject({
      value: 'E-mail to the shared conduct mailbox given in CODE_OF_CONDUCT.md (line 12)',
      confidence: 'high',
    });
    expect(route.notes.filter((n) => n.code === 'personal-address')).toEqual([]);
    const personal = run({ 'CODE_OF_CONDUCT.md': PRISTINE_21.replace('[INSERT CONTACT METHOD]', 'jane at janedoe dot name') });
    expect(find(personal.proposals, 'governance.code_of_conduct.reporting.channel')).toMatchObject({
      value: 'E-mail to the person named in CODE_OF_CONDUCT.md (line 12)',
      confidence: 'medium',
    });
    expect(personal.notes).toContainEqual({ code: 'personal-address', file: 'CODE_OF_CONDUCT.md', line: 12 });
    expect(JSON.stringify(personal)).not.toContain('janedoe');
  });

  it('treats a stub as a note, and a short file that links elsewhere as the link (medium)', () => {
    expect(run({ 'CODE_OF_CONDUCT.md': 'Be nice.' }).notes).toContainEqual({
      code: 'stub-file',
      file: 'CODE_OF_CONDUCT.md',
      data: { bytes: 8 },
    });
    const link = run({ 'CODE_OF_CONDUCT.md': 'Our code of conduct lives at https://example.org/conduct.\n' });
    expect(find(link.proposals, 'governance.code_of_conduct.url')).toMatchObject({
      value: 'https://example.org/conduct',
      confidence: 'medium',
      rule: 'coc.link',
    });
  });

  it('ends a linked address at a control or bidi character, which no URL holds', () => {
    for (const [text, url] of [
      ['Read https://example.org/conduct\u001b]8;;x\u001b\\ now, with more words.\n', 'https://example.org/conduct'],
      ['Read https://example.org/co\u202enduct and more words.\n', 'https://example.org/co'],
      ['Read https://example.org/c\u200bx and more words.\n', 'https://example.org/c'],
    ] as const) {
      expect(find(run({ 'CODE_OF_CONDUCT.md': text }).proposals, 'governance.code_of_conduct.url')?.value).toBe(url);
    }
  });

  it('recognises other templates, without a version at medium', () => {
    const citizen = `# Code of Conduct\n\nThis is the Citizen Code of Conduct, adapted for our project, with more than forty bytes.\n`;
    expect(find(run({ 'CODE_OF_CONDUCT.md': citizen }).proposals, 'governance.code_of_conduct.based_on')).toMatchObject({
      value: 'Citizen Code of Conduct',
      confidence: 'medium',
      raise: 'add-version',
    });
  });
});

describe('the other files', () => {
  it('grades a security policy by its private route', () => {
    const none = run({ 'SECURITY.md': '# Security\n\nWe take security seriously and fix issues quickly, always.\n' });
    expect(find(none.proposals, 'governance.security_policy_url')).toMatchObject({ confidence: 'medium', data: { route: 'none' } });
    expect(none.notes).toContainEqual({ code: 'security-no-route', file: 'SECURITY.md' });
    const mail = run({ 'SECURITY.md': '# Security\n\nMail security@project.example; we disclose after 30 days.\n' });
    expect(find(mail.proposals, 'governance.security_policy_url')).toMatchObject({
      confidence: 'high',
      data: { route: 'email', disclosureDays: 30 },
    });
  });

  it('names licences by SPDX identifier, several files alike', () => {
    expect(licenceId('                                 Apache License\n                           Version 2.0, January 2004\n')?.id).toBe(
      'Apache-2.0',
    );
    expect(licenceId('SPDX-License-Identifier: MIT OR Apache-2.0\n')?.id).toBe('MIT OR Apache-2.0');
    expect(licenceId('Redistribution and use in source and binary forms, with or without\nmodification, are permitted.')?.id).toBe(
      'BSD-2-Clause',
    );
    const { proposals } = run({
      'LICENSE-MIT': 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software.',
      'LICENSE-APACHE': 'Apache License\nVersion 2.0, January 2004',
    });
    expect(find(proposals, 'governance.contribution_terms', 'licence')).toMatchObject({
      value: 'Licensed under Apache-2.0 (LICENSE-APACHE); MIT (LICENSE-MIT)',
      confidence: 'high',
    });
    expect(
      find(
        run({ LICENSE: 'All rights reserved by the authors of this work, forever.' }).proposals,
        'governance.contribution_terms',
        'licence',
      )!.confidence,
    ).toBe('medium');
  });

  it('proposes only the names a maintainers file and the history agree on, never an address', () => {
    const known = new Map([
      ['ada@example.org', 'Ada Lovelace'],
      ['gh:ghopper', 'Grace Hopper'],
    ]);
    const context: FileContext = {
      resolvePerson: (name, address) => (address ? known.get(address.toLowerCase()) : name === 'Alan Turing' ? 'Alan Turing' : undefined),
    };
    const { proposals } = run(
      {
        MAINTAINERS:
          '# Maintainers\n\n- Countess <ada@example.org>\n- Grace (@ghopper)\n- Alan Turing\n- Stranger <who@nowhere.example>\n\n## Emeritus\n\n- Alan Turing\n',
      },
      context,
    );
    expect(find(proposals, 'people')).toMatchObject({
      value: [
        { name: 'Ada Lovelace', roles: ['maintainer'] },
        { name: 'Grace Hopper', roles: ['maintainer'] },
        { name: 'Alan Turing', roles: ['maintainer'] },
      ],
      confidence: 'medium',
    });
  });

  it('flags CODEOWNERS areas with one person as owner', () => {
    const { notes } = run({ '.github/CODEOWNERS': '# owners\n* @org/core\n/docs/ @writer\n/src/ @a @b\n' });
    expect(notes).toContainEqual({ code: 'codeowners-single-owner', file: '.github/CODEOWNERS', line: 3, data: { areas: 1 } });
  });

  it('reads templates, funding platforms (never accounts) and the README title', () => {
    const { proposals } = run({
      '.github/ISSUE_TEMPLATE/bug_report.md': '---\nname: Bug report\nabout: Tell us\n---\nBody\n',
      '.github/ISSUE_TEMPLATE/feature.yml': 'name: "Feature request"\nbody: []\n',
      '.github/pull_request_template.md': 'What and why\n',
      '.github/FUNDING.yml': 'github: [someone]\npatreon: someone\ncustom: ["https://example.org/give"]\n',
      'README.md': '<p align="center"><img src="logo.svg"></p>\n\n# [Widget](https://widget.example) toolkit\n',
    });
    expect(find(proposals, 'platform.templates')!.value).toEqual([
      'Issue template: Bug report',
      'Issue form: Feature request',
      'Pull request template',
    ]);
    expect(find(proposals, 'measures.funding.sources')!.value).toEqual([
      'GitHub Sponsors',
      'Patreon',
      'Donations through the project\u2019s own links',
    ]);
    expect(find(proposals, 'community.name')!.value).toBe('Widget toolkit');
  });

  it('ignores hostile YAML in issue configuration without failing', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ncontact_links: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    expect(run({ '.github/ISSUE_TEMPLATE/config.yml': bomb }).proposals).toEqual([]);
  });
});

describe('the table of file detections', () => {
  /** Repositories that between them give every file rule: a full set of files, stubs without a forge, a pristine template. */
  const REPOSITORIES: { files: Record<string, string>; context: FileContext }[] = [
    {
      files: {
        ...FILES,
        'CODE_OF_CONDUCT.md': CODE_OF_CONDUCT,
        MAINTAINERS: '# Maintainers\n\n- Ada Lovelace <ada@example.org>\n',
        '.github/CODEOWNERS': '* @org/core\n/docs/ @writer\n',
        DCO: 'Developer Certificate of Origin\nVersion 1.1\n',
        'CLA.md': '# Contributor licence agreement\n\nSign it before your first pull request is merged.\n',
        'SUPPORT.md': '# Support\n\nAsk on https://discord.gg/project or https://matrix.to/#/#project:example.org.\n',
        '.github/pull_request_template.md': 'What and why\n',
      },
      context: { ...FORGE, resolvePerson: (_name, address) => (address === 'ada@example.org' ? 'Ada Lovelace' : undefined) },
    },
    {
      files: {
        'CODE_OF_CONDUCT.md': 'Our code of conduct lives at https://example.org/conduct.\n',
        'SECURITY.md': 'Mail us.',
        'GOVERNANCE.md': 'Ask the team.',
        'CONTRIBUTING.md': 'Pull requests welcome.',
      },
      context: {},
    },
    {
      files: { 'CODE_OF_CONDUCT.md': PRISTINE_21, 'SECURITY.md': '# Security\n\nWe fix what you tell us about, quickly and quietly.\n' },
      context: {},
    },
  ];

  it('runs each detection alone to the rules and notes its row declares, and together gives every declared rule', () => {
    const seen = new Set<string>();
    for (const detection of FILE_DETECTIONS) {
      for (const { files, context } of REPOSITORIES) {
        const { proposals, notes } = run(files, context, [detection]);
        for (const p of proposals) {
          expect(detection.proposes).toContain(p.rule);
          expect(p.source).toBe('files');
          seen.add(p.rule);
        }
        for (const n of notes) if (n.code !== 'no-forge-url') expect(detection.notes).toContain(n.code);
        // It reads only the kinds of file its row names: the others can go without a change.
        const read = Object.fromEntries(Object.entries(files).filter(([path]) => detection.reads.includes(fileKind(path)!)));
        expect(run(read, context, [detection]).proposals).toEqual(proposals);
      }
    }
    expect([...seen].sort()).toEqual(FILE_DETECTIONS.flatMap((d) => d.proposes).sort());
  });

  it('gives each rule to one row, and lists the proposals in the order of the rows', () => {
    const rules = FILE_DETECTIONS.flatMap((d) => d.proposes);
    expect(new Set(rules).size).toBe(rules.length);
    for (const { files, context } of REPOSITORIES) {
      const oneByOne = FILE_DETECTIONS.flatMap((d) => run(files, context, [d]).proposals);
      expect(run(files, context).proposals).toEqual(oneByOne);
    }
  });

  it('notes once that addresses are paths for want of a forge', () => {
    const { proposals, notes } = run(REPOSITORIES[2]!.files, {});
    expect(proposals.filter((p) => p.showOnly).map((p) => p.rule)).toEqual(['coc.file', 'security.file']);
    expect(notes.filter((n) => n.code === 'no-forge-url')).toEqual([{ code: 'no-forge-url' }]);
  });
});
