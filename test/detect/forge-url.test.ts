// The web address detect makes from `origin`: credentials never kept, only forge layouts it knows, and
// nothing for local paths or transports that run commands.
import { afterAll, describe, expect, it } from 'vitest';
import { collectDetection, fileUrl } from '../../src/io/collect-detection.js';
import { forgeUrl } from '../../src/io/git-repository.js';
import { at, buildRepo, removeFixtures } from './git-fixture.js';
import { CODE_OF_CONDUCT, TODAY } from './known-repo.js';

afterAll(removeFixtures);

describe('the forge address of origin', () => {
  it.each([
    ['https://github.com/example/project.git', 'https://github.com/example/project'],
    ['https://ada:ghp_secret@github.com/example/project.git', 'https://github.com/example/project'],
    ['https://oauth2:glpat-secret@gitlab.com/group/sub/project', 'https://gitlab.com/group/sub/project'],
    ['git@github.com:example/project.git', 'https://github.com/example/project'],
    ['ssh://git@codeberg.org/example/project/', 'https://codeberg.org/example/project'],
  ])('reads %s as %s', (remote, expected) => {
    expect(forgeUrl(remote)).toBe(expected);
  });

  it.each([
    ['/srv/git/project.git'],
    ['file:///srv/git/project.git'],
    ['ext::sh -c touch% /tmp/pwned'],
    ['https://github.com/../../etc'],
    ['https://github.com/example'],
    [''],
  ])('gives no address for %s', (remote) => {
    expect(forgeUrl(remote)).toBeUndefined();
  });

  it('makes file addresses in each forge layout, the path encoded', () => {
    expect(fileUrl('https://github.com/o/r', 'main', 'docs/CODE OF CONDUCT.md')).toBe(
      'https://github.com/o/r/blob/main/docs/CODE%20OF%20CONDUCT.md',
    );
    expect(fileUrl('https://gitlab.com/g/r', 'main', 'SECURITY.md')).toBe('https://gitlab.com/g/r/-/blob/main/SECURITY.md');
    expect(fileUrl('https://codeberg.org/o/r', 'main', 'SECURITY.md')).toBe('https://codeberg.org/o/r/src/branch/main/SECURITY.md');
    expect(fileUrl('https://bitbucket.org/o/r', 'main', 'SECURITY.md')).toBe('https://bitbucket.org/o/r/src/main/SECURITY.md');
  });

  it('never carries a credential of the remote into a proposal', async () => {
    const repo = buildRepo([{ time: at('2026-08-20'), files: { 'CODE_OF_CONDUCT.md': CODE_OF_CONDUCT } }], {
      remote: 'https://ada:ghp_secret@github.com/example/project.git',
    });
    const d = await collectDetection({ dir: repo, env: process.env, today: TODAY });
    expect(d.proposals.find((p) => p.path === 'governance.code_of_conduct.url')!.value).toBe(
      'https://github.com/example/project/blob/main/CODE_OF_CONDUCT.md',
    );
    expect(JSON.stringify(d)).not.toMatch(/ghp_secret|ada:/);
  });
});
