// What counts as a non-answer: text that fills a field without deciding anything.
import { describe, expect, it } from 'vitest';
import { givesReason, isNonAnswer, isPlaceholderLink, MIN_REASON_LETTERS } from '../../src/text/non-answer.js';
import { withoutBlanks } from '../../src/methodology/plan-facts.js';

describe('isNonAnswer', () => {
  it.each([
    'none',
    'None',
    ' NONE ',
    'none.',
    'n/a',
    'N/A',
    'n.a.',
    'NA',
    'no',
    'No.',
    'tbd',
    'TBD!',
    'tba',
    'tbc',
    'todo',
    'TODO',
    'to do',
    'not yet',
    'Not yet.',
    'not done',
    'not  done',
    'not-done',
    'to be decided',
    'pending',
    'unknown',
    "don't know",
    'don’t know',
    'nobody',
    'no one',
    'nothing yet',
    '-',
    '--',
    '—',
    '?',
    '???',
    '...',
    '…',
    'xxx',
    'keine',
    'aucun',
    'ninguno',
  ])('%j decides nothing', (text) => {
    expect(isNonAnswer(text)).toBe(true);
  });

  it.each([
    'No direct messages between adults and minors; sessions always have two adults',
    'Nobody under 13 may join',
    'None of the admins share a password: personal accounts, vault for service logins',
    '13',
    '2026-12-06',
    'Ana Lima',
    'enforced',
    'open',
    'disabled',
    'two-adults',
    'Not before a parent has consented',
    'Notes go to the shared drive',
    'Nadia',
    'Noor',
    'later waves open the doors to the public',
    '%',
    '€',
    '#',
  ])('%j is an answer', (text) => {
    expect(isNonAnswer(text)).toBe(false);
  });

  it('is quick on long text and never throws on odd characters', () => {
    expect(isNonAnswer('none '.repeat(200_000))).toBe(false);
    expect(isNonAnswer('\u0000\u202e')).toBe(false);
    expect(isNonAnswer('')).toBe(true);
  });
});

describe('facts read by rules', () => {
  it('take non-answers out like blanks, and say where each was', () => {
    const heard: { path: (string | number)[]; text: string }[] = [];
    const value = withoutBlanks(
      [
        { point: 'age-policy', decision: 'none' },
        { point: 'authorities', decision: 'Reported to the child-protection line the same day' },
        'tbd',
      ],
      (path, text) => heard.push({ path, text }),
      ['governance', 'safeguarding'],
    );
    expect(value).toEqual([
      { point: 'age-policy' },
      { point: 'authorities', decision: 'Reported to the child-protection line the same day' },
    ]);
    expect(heard).toEqual([
      { path: ['governance', 'safeguarding', 0, 'decision'], text: 'none' },
      { path: ['governance', 'safeguarding', 2], text: 'tbd' },
    ]);
  });

  it('leave a value with nothing to take out as it is', () => {
    const value = { a: ['x y', 'z w'], b: 2 };
    expect(withoutBlanks(value)).toBe(value);
  });
});

describe('givesReason', () => {
  it('refuses a note that says no why: a letter, a word too short, a non-answer, marks; takes a few words in any script', () => {
    for (const no of [
      undefined,
      '',
      '   ',
      'x',
      'X.',
      'ok',
      'ok!',
      'n/a',
      'N/A',
      'none',
      'TBD',
      '-',
      '???',
      'Later',
      'a b c d',
      '12345678',
      'x'.repeat(MIN_REASON_LETTERS - 1),
    ])
      expect(givesReason(no), String(no)).toBe(false);
    for (const yes of [
      'Online only',
      'No budget',
      'Not for us.',
      'x'.repeat(MIN_REASON_LETTERS),
      'スポンサーなし',
      'Без спонсора',
      'Self-funded.',
    ])
      expect(givesReason(yes), yes).toBe(true);
  });
});

describe('isNonAnswer, beyond the phrases', () => {
  it('takes text with no word at all (invisible characters, emoji, symbols) and phrases said in a sentence or another language', () => {
    for (const no of [
      '\u200b',
      '\u00a0\u200b',
      '\u{1F937}',
      '\u{1F937}\u{1F3FD}\u200d\u2642\ufe0f',
      '\u200bnone',
      'none\u2060',
      "We don't have one.",
      'Not decided yet',
      'none for now',
      'nothing at the moment',
      'entf\u00e4llt',
      'k.A.',
      'N/D',
      'no aplica',
      'sin definir',
      "ne s'applique pas",
      '\u306a\u3057',
      '\u672a\u5b9a',
    ])
      expect(isNonAnswer(no), JSON.stringify(no)).toBe(true);
    for (const yes of [
      '\u20ac',
      '%',
      '#',
      '5',
      'x',
      "We don't have one yet, but Ana is writing it this week",
      'Tom\u00e1s',
      '\u5f20\u4f1f',
    ])
      expect(isNonAnswer(yes), JSON.stringify(yes)).toBe(false);
  });
});

describe('isPlaceholderLink', () => {
  it('takes links that lead nowhere a member could follow, and leaves real ones and plain text alone', () => {
    for (const no of [
      'javascript:alert(1)',
      'JavaScript:void(0)',
      'data:text/html,x',
      'file:///etc/passwd',
      'urn:none',
      'https://tbd',
      'https://none/coc',
      'http://localhost:3000/coc',
      'http://127.0.0.1/coc',
      'https://[::1]/x',
      'https://',
      'https://app.localhost/x',
    ])
      expect(isPlaceholderLink(no), no).toBe(true);
    for (const yes of [
      'https://discuss.example.org/t/1',
      'https://lumen-viz.example/conduct',
      'http://10.0.0.5.nip.io',
      'mailto:conduct@example.org',
      'irc://irc.libera.chat/#project',
      'Meet at 10:30',
      'TBD: soon',
      'https://user@forum.example.org/x',
      'none',
    ])
      expect(isPlaceholderLink(yes), yes).toBe(false);
  });
});
