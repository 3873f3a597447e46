// Identities as detect keys them, git's .mailmap as git applies it, and the bots rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_BOTS, KNOWN_BOT_ADDRESSES, identityKey, isBot, parseNameAddress } from '../../src/detect/identities.js';
import { applyMailmap, parseMailmap } from '../../src/detect/mailmap.js';

describe('.mailmap', () => {
  const map = parseMailmap(
    [
      '# a comment',
      'Ada Lovelace <ada@example.org>',
      '<ada@example.org> <ada@old.example>',
      'Ada Lovelace <ada@example.org> <countess@Example.ORG>',
      'Grace Hopper <grace@example.org> Amazing Grace <grace@navy.example>',
      'Other Person <other@example.org> <OTHER@x.example> # trailing comment',
      'no address here',
    ].join('\n'),
  );

  it('replaces the name of an address (any commit name)', () => {
    expect(applyMailmap(map, 'ada', 'ada@example.org')).toEqual({ name: 'Ada Lovelace', email: 'ada@example.org' });
  });

  it('replaces an address, keeping the commit name when the line gives none', () => {
    expect(applyMailmap(map, 'A. L.', 'ada@old.example')).toEqual({ name: 'A. L.', email: 'ada@example.org' });
  });

  it('matches addresses without regard to case, as git does', () => {
    expect(applyMailmap(map, 'x', 'COUNTESS@example.org')).toEqual({ name: 'Ada Lovelace', email: 'ada@example.org' });
    expect(applyMailmap(map, 'x', 'other@X.EXAMPLE')).toEqual({ name: 'Other Person', email: 'other@example.org' });
  });

  it('applies a name-specific line only to that commit name', () => {
    expect(applyMailmap(map, 'amazing grace', 'grace@navy.example')).toEqual({ name: 'Grace Hopper', email: 'grace@example.org' });
    expect(applyMailmap(map, 'Someone Else', 'grace@navy.example')).toEqual({ name: 'Someone Else', email: 'grace@navy.example' });
  });

  it('lets a later line win over an earlier one for the same address', () => {
    const later = parseMailmap('First <a@x.example>\nSecond <a@x.example>\n');
    expect(applyMailmap(later, 'n', 'a@x.example').name).toBe('Second');
  });
});

describe('identity keys', () => {
  it('lowercase the address, and make GitHub no-reply addresses the login', () => {
    expect(identityKey('Ada', 'Ada@Example.org ')).toBe('ada@example.org');
    expect(identityKey('Ada', '12345+adal@users.noreply.github.com')).toBe('gh:adal');
    expect(identityKey('Ada', 'adal@users.noreply.github.com')).toBe('gh:adal');
    expect(identityKey('Ada L', '')).toBe('name:ada l');
  });

  it('read `Name <address>` trailers', () => {
    expect(parseNameAddress('Grace Hopper <grace@example.org>')).toEqual({ name: 'Grace Hopper', email: 'grace@example.org' });
    expect(parseNameAddress('no address')).toBeUndefined();
    expect(parseNameAddress('x <a@b> trailing')).toBeUndefined();
  });
});

describe('the bots rule', () => {
  it.each([
    ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'],
    ['renovate[bot]', 'bot@renovateapp.com'],
    ['github-actions', '41898282+github-actions[bot]@users.noreply.github.com'],
    ['GitHub Action', 'action@github.com'],
    ['pre-commit-ci', 'x@example.org'],
    ['Weblate', 'noreply@weblate.org'],
    ['k8s-ci-robot', 'k8s@example.org'],
    ['Release Bot', 'release@example.org'],
    ['app/dependabot', ''],
    ['ImgBotApp', 'ImgBotHelp@gmail.com'],
    ['Travis CI', 'travis@travis-ci.org'],
    ['Weblate (bot)', 'hosted@weblate.org'],
    ['GitHub', 'noreply@github.com'],
    ['Somebody', 'noreply@github.com'],
    ['Jenkins', 'jenkins@ci.example.com'],
    ['Copybara-Service', 'copybara-worker@example.com'],
    ['bors', 'bors@example.org'],
    ['semantic-release', 'semantic-release@users.noreply.github.com'],
    ['semantic-release-bot', 'semantic-release-bot@martynus.net'],
    ['release-please[bot]', '55107282+release-please[bot]@users.noreply.github.com'],
    ['Kodiak', '12345+kodiakhq@users.noreply.github.com'],
    ['Netlify', 'x@example.org'],
    ['Group token', 'group_42_bot_0a1b2c@noreply.gitlab.example.com'],
  ])('recognises %s', (name, email) => {
    expect(isBot(name, email)).toBe(true);
  });

  it.each([
    ['Robert Abbot', 'robert@example.org'],
    ['Botond Kiss', 'botond@example.org'],
    ['Ada Lovelace', 'ada@example.org'],
    // A service's name as a surname, a first name or a local part is a person.
    ['Sam Jenkinson', 'sam@example.org'],
    ['Paul Jenkins', 'jenkins@example.org'],
    ['Travis Scott', 'travis@example.org'],
    ['Travis', 'travis@example.org'],
    ['Mira Talbot', 'talbot@example.org'],
    ['Ann Vercelli', 'stale@example.org'],
    ['mayaok', '12345+mayaok@users.noreply.github.com'],
  ])('leaves %s alone', (name, email) => {
    expect(isBot(name, email)).toBe(false);
  });
});

describe('the documented bots rule', () => {
  const doc = readFileSync('docs/detect.md', 'utf8');
  const paragraph = doc.slice(doc.indexOf('- **Bots**'), doc.indexOf('\n\n', doc.indexOf('- **Bots**')));

  it('lists in docs/detect.md every name the code treats as a bot, and no other', () => {
    const listed = paragraph.slice(paragraph.indexOf('is one of'), paragraph.indexOf(';', paragraph.indexOf('is one of')));
    const names = [...listed.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect(names).toEqual([...KNOWN_BOTS]);
  });

  it('lists in docs/detect.md every address the code treats as a bot', () => {
    const listed = paragraph.slice(paragraph.indexOf('services commit with'), paragraph.indexOf('(GitHub'));
    const addresses = [...listed.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect(addresses).toEqual([...KNOWN_BOT_ADDRESSES]);
  });

  it('holds for the examples the paragraph gives, both ways', () => {
    for (const name of [
      'dependabot[bot]',
      'Weblate (bot)',
      'k8s-ci-robot',
      'Release Bot',
      'foo_bot',
      'app/renovate',
      'ci/bot',
      'deploy:bot',
    ])
      expect(isBot(name), name).toBe(true);
    expect(isBot('x', '49699333+dependabot[bot]@users.noreply.github.com')).toBe(true);
    expect(isBot('x', 'project_7_bot_0f3a@noreply.gitlab.example.com')).toBe(true);
    for (const name of ['Abbot', 'Talbot', 'Botond', 'Sam Jenkinson']) expect(isBot(name), name).toBe(false);
    expect(isBot('Paul Jenkins', 'jenkins@example.org')).toBe(false);
  });
});
