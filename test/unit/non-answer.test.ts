// What counts as a non-answer: text that fills a field without deciding anything.
import { describe, expect, it } from 'vitest';
import { givesReason, isBareCharacter, isNonAnswer, isNumberedPlaceholder, isPlaceholderLink } from '../../src/text/non-answer.js';
import { withoutBlanks } from '../../src/methodology/plan-facts.js';

/** Each value, checked: what `check` says of it must be `expected` (the value names a failure). */
function expectEach<T>(check: (value: T) => boolean, values: readonly T[], expected: boolean): void {
  for (const value of values) expect(check(value), JSON.stringify(value)).toBe(expected);
}

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

describe('isNonAnswer on filler', () => {
  it("takes a typesetter's filler at any length and a tester's words, and leaves answers that mention them", () => {
    expectEach(
      isNonAnswer,
      [
        'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',
        'Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
        'LOREM IPSUM DOLOR SIT AMET CONSECTETUR',
        'Dolor sit amet consectetur adipiscing elit sed do eiusmod',
        '"Lorem ipsum" ' + 'dolor sit amet '.repeat(40),
        'Lorem',
        'Lipsum',
        'blah blah blah',
        'test test test',
        'Test',
        'Example',
        'text',
      ],
      true,
    );
    expectEach(
      isNonAnswer,
      [
        'Replace the lorem ipsum on the landing page before the founders arrive',
        'Lore of the guild: stories the founders tell newcomers',
        'Testing workflows before release, with a checklist per connector',
        // A topic or a list entry of one word: a community about software may list testing among them.
        'Testing',
        'Dolores Ortega hosts the Spanish-speaking office hours',
        'Sed and awk recipes for log clean-up',
        'Example recipes reviewed by a champion before they are published',
      ],
      false,
    );
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

  it('take out list entries of one letter, digit or mark, and say where each was; a field of one character stays', () => {
    for (const steps of [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['x', 'y', 'z'],
      ['-', '-', '-'],
      [' a ', '#', '\uff41'],
    ]) {
      const heard: string[] = [];
      expect(
        withoutBlanks(steps, (path) => heard.push(path.join('.')), ['enforcement']),
        JSON.stringify(steps),
      ).toEqual([]);
      expect(heard).toEqual(['enforcement.0', 'enforcement.1', 'enforcement.2']);
    }
    // Words of two letters and one character of a script written without spaces are entries.
    const kept = ['QA', 'UX', '\u4e2d', 'Go'];
    expect(withoutBlanks(kept)).toBe(kept);
    expect(withoutBlanks(['a', 'Private warning', 'b'])).toEqual(['Private warning']);
    // A field's whole value may be one character: a unit, a currency, a target, a level.
    const goal = { unit: '%', currency: '$', target: '5', baseline: '0', level: 'A' };
    expect(withoutBlanks(goal)).toBe(goal);
    expect(withoutBlanks([{ level: '1', examples: 'a leaked password' }])).toEqual([{ level: '1', examples: 'a leaked password' }]);
  });
});

describe('isNumberedPlaceholder', () => {
  it("takes a generic word and a number, a form's numbered blank, and nothing that says what the entry is", () => {
    expectEach(
      isNumberedPlaceholder,
      [
        'Step 1',
        'step 2',
        ' STEP 3 ',
        'Topic #4',
        'Item no. 5',
        'Post 10',
        'Step one',
        'Question 2.',
        'Idea3',
        'Channel A',
        'Tactic b',
        'Topic C.',
      ],
      true,
    );
    expectEach(
      isNumberedPlaceholder,
      [
        'Warning 1',
        'Level 2',
        'Week 3',
        'Step 1: a private reminder',
        'Phase 1 pilot',
        'Recipe 1',
        'Step',
        '1',
        'Acme 2027',
        'Plan B',
        'Ideas',
        'Topics',
        'Channel AB',
      ],
      false,
    );
  });

  it('is taken out of facts like a non-answer: three numbered steps are no ladder', () => {
    const heard: string[] = [];
    const facts = withoutBlanks({ enforcement: ['Step 1', 'Step 2', 'a formal warning'] }, (path, text) =>
      heard.push(`${path.join('.')}=${text}`),
    );
    expect(facts).toEqual({ enforcement: ['a formal warning'] });
    expect(heard).toEqual(['enforcement.0=Step 1', 'enforcement.1=Step 2']);
  });
});

describe('isBareCharacter', () => {
  it('takes one ASCII letter, digit or mark, spaces and invisible characters around it aside, and nothing longer', () => {
    expectEach(isBareCharacter, ['a', 'Z', '1', '-', '#', '%', ' b ', '\tc\n', 'd\u200b', '\uff41', '\uff11'], true);
    expectEach(isBareCharacter, ['', ' ', 'QA', 'ux', '10', 'a.', '\u4e2d', '\u00e9', '\u20ac', 'C#', 'a b', '        a        '], false);
  });
});

describe('givesReason', () => {
  it('refuses a note that says no why: one word, a letter, a word repeated, a non-answer, marks; takes a few words in any script', () => {
    expectEach(
      givesReason,
      [
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
        'xxxxxx',
        'x x x x x x',
        'xx yy',
        'reason TBD',
        'placeholder reason',
        'TBD by board',
        'no reason given',
        'asdfgh',
        'TBD TBD',
        'tbd, tbd',
        'NA NA NA',
        'n/a - n/a - n/a',
        'none none none',
        'Nope nope',
        '<b>none</b>',
        'no reason',
        'because',
        'whatever',
        'nothing to say',
        'lorem ipsum dolor',
        'placeholder text',
        "we'll see",
        // an n/a said again in other words, no reason, keys typed in a row
        'N/A for us',
        'Not relevant',
        'Because reasons',
        'lorem ipsum dolor sit amet',
        'asdf qwer',
        'qwer asdf zxcv',
      ],
      false,
    );
    expectEach(
      givesReason,
      [
        'Hosting is shared across the support team',
        'No forum yet',
        'Online only',
        'No budget',
        'Not for us.',
        'Self-funded.',
        'See JIRA-1234',
        '\u30b9\u30dd\u30f3\u30b5\u30fc\u306a\u3057',
        '\u65e0\u8d5e\u52a9\u5546',
        '\u0411\u0435\u0437 \u0441\u043f\u043e\u043d\u0441\u043e\u0440\u0430',
        'The greeter rota starts next month.',
        'Unfunded',
        'Remote',
        'N/A: online',
        '\u041e\u043d\u043b\u0430\u0439\u043d',
        '\uc628\ub77c\uc778\ub9cc',
        '\u7ebf\u4e0a',
      ],
      true,
    );
  });
});

describe('isNonAnswer, beyond the phrases', () => {
  it('takes text with no word at all (invisible characters, emoji, symbols) and phrases said in a sentence or another language', () => {
    expectEach(
      isNonAnswer,
      [
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
        'no aplica',
        'sin definir',
        "ne s'applique pas",
        '\u306a\u3057',
        '\u672a\u5b9a',
        '\u201cTBD\u201d',
        '\u00abTBD\u00bb',
        'T.B.D.',
        't b d',
        'n\u200bone',
        'TBD \u{1F937}',
        '\u{1F937} TBD',
        '\uff34\uff22\uff24',
        'tbd tbd',
        'None, none.',
        'n/a - n/a',
        "We haven't decided",
        "We don't have one yet",
        'Still to be decided',
        '\u5f85\u5b9a',
        '\u043d\u0435\u0442',
        '\uc5c6\uc74c',
        'Vacant',
        'Unassigned',
        'Someone',
        'Jane Doe',
        'TBD by legal',
        'tbd: ask Maya',
        '{{channel}}',
        '<channel>',
        'none planned',
        'under discussion',
        'CHANGEME',
        // look-alike letters of other scripts, a phrase spelled out, an answer put off in a sentence
        'n\u043ene',
        '\u0422\u0412\u0410',
        '\u039d\u039f\u039d\u0395',
        'N O N E',
        'n.o.n.e',
        'T-B-D',
        'To be written later',
        'Yet to be decided',
        'Not yet hired',
        'Will be confirmed next month',
        'It is still to be decided.',
        'Still being discussed',
        'We will decide later',
        "We'll decide later",
        'To be decided in due course',
        'has not yet been decided',
        "Let's decide later",
        'Update later',
        'Link to follow',
        'Maybe later',
        'Unknown yet',
        'No idea yet',
        'None for the moment',
        'XXXX',
        'N/A (tbd)',
        'n/a \u2013 tbd',
        "Haven't decided yet",
        // a Russian 'no' in capitals, every letter of which passes for a Latin one
        '\u041d\u0415\u0422',
        '\u041d \u0415 \u0422',
        'Por definir',
        '\u00c0 venir',
        'Noch offen',
        'Nog te bepalen',
        '\u041f\u043e\u043a\u0430 \u043d\u0435\u0442',
        // not decided in other words, a place on the roster instead of a person, small capitals
        'No channel yet',
        'No lead so far',
        'Not assigned',
        'Nothing planned',
        'Not yet known',
        'Unclear',
        'Q1 TBD',
        'Venue TBA',
        'Noch nicht entschieden',
        'Vacancy',
        'Open position',
        'N.N.',
        'Firstname Lastname',
        'New hire',
        'Your Name',
        '\u0274\u1d0f\u0274\u1d07',
        'N/A for us',
        'Not relevant',
        'Because reasons',
        'lorem ipsum dolor sit amet',
      ],
      true,
    );
    expectEach(
      isNonAnswer,
      [
        '\u20ac',
        '%',
        '#',
        '5',
        'x',
        "We don't have one yet, but Ana is writing it this week",
        'Tom\u00e1s',
        '\u5f20\u4f1f',
        'K. A.',
        'N.D.',
        'Na Li',
        'None of our members decides alone',
        'tbd tbd and then the board decides',
        'Na Na',
        'Anyone',
        'Ingen',
        'TODO list app for the whole team, built by members',
        '\u0430\u0431\u0432 \u043d\u0435\u0442 \u0441\u043f\u043e\u043d\u0441\u043e\u0440\u0430',
        '\u0417\u043e\u044f',
        'A B C',
        'Decided: Discourse',
        'Written by Ana in March',
        'Set up in 2024',
        'Not moderated',
        'Hired Maya in May',
        'To be added to the newsletter every month',
        'We will decide by a vote at the AGM',
        'Will be decided by the steering committee at its January meeting after the budget',
        'To be decided by majority vote',
        // a statement that something is done, a decision not to, an honest outcome
        'It is done',
        'That is settled',
        'These are published',
        'Still scheduled',
        'Not completed',
        'Not hired',
        'Not planned',
        'Will not be published',
        'Not to be published',
        'No later than Friday',
        'No, we meet monthly',
        'None (online only)',
        'N/A - online only',
        'Online \u2014 no venue',
        'Will be decided by consensus of the maintainers',
        'To be confirmed by email within two days',
        'No incidents so far in three years',
        'Date and venue agreed: 9 January',
        'Hosting is shared across the support team',
      ],
      false,
    );
  });

  it('reads none, nothing, nobody, to be decided, open and unknown in the major languages, as a whole answer only', () => {
    expectEach(
      isNonAnswer,
      [
        // de, fr, es, it, pt, nl, pl
        'offen',
        'Offen.',
        'k.A.',
        'unbekannt',
        'n\u00e9ant',
        '\u00c0 pr\u00e9ciser',
        'Nadie',
        'por decidir',
        'da decidere',
        'Da definire',
        'nenhum',
        'N\u00e3o se aplica',
        'n.v.t.',
        'brak',
        'do ustalenia',
        // sv, da, no, fi
        'ingen',
        'Ikke besluttet',
        'ei mit\u00e4\u00e4n',
        'Ei viel\u00e4!',
        // ru, uk, tr
        '\u043d\u0438\u0447\u0435\u0433\u043e',
        '\u041d\u0435\u0438\u0437\u0432\u0435\u0441\u0442\u043d\u043e',
        '\u043d\u0435\u043c\u0430\u0454',
        'yok',
        'Belirlenecek',
        // zh, ja, ko
        '\u6682\u65e0',
        '\u4e0d\u660e',
        '\ubbf8\uc815',
        '\ud574\ub2f9 \uc5c6\uc74c',
        // hi (its vowel signs are marks, kept in the word), ar
        '\u0915\u094b\u0908 \u0928\u0939\u0940\u0902',
        '\u0932\u093e\u0917\u0942 \u0928\u0939\u0940\u0902',
        '\u0644\u0627 \u064a\u0648\u062c\u062f',
        // pointing elsewhere
        'ibid.',
        'See below',
      ],
      true,
    );
    expectEach(
      isNonAnswer,
      [
        // in a sentence, the word is part of an answer
        'offen f\u00fcr alle',
        'Offen f\u00fcr alle Mitglieder, nach einer Vorstellung',
        'brak bud\u017cetu na wydarzenia',
        'da decidere insieme ai membri entro marzo',
        '\ubbf8\uc815 \uc548\uac74\uc740 \uc6b4\uc601\uc9c4\uc774 \ub9e4\uc8fc \uac80\ud1a0\ud569\ub2c8\ub2e4',
        'Ei mit\u00e4\u00e4n maksuja j\u00e4senille',
        'See below the forum rules, section 3',
        // names and initials, written with a capital
        'Inga',
        'Nic',
        'Ingen',
        'K. A.',
        'N.D.',
      ],
      false,
    );
  });

  it('reads a deferral whatever word of its sentence it opens on, and in any case or spacing', () => {
    // One sentence for each word a deferral can open on.
    const byOpeningWord = [
      'It is to be decided',
      'This is still to be confirmed',
      'That is yet to be agreed',
      'These are to be named',
      'They are to be hired',
      'Detail to be added',
      'Details to be confirmed',
      'One to be appointed',
      'Is to be decided',
      'Are to be chosen',
      'Has not yet been written',
      'Have not yet been set up',
      'Still to be settled',
      'Yet to be decided',
      'To be documented',
      'Will be confirmed next month',
      'Shall be announced',
      'Not yet scheduled',
      'Being discussed',
      'We will decide later',
      "We'll write it soon",
      'We\u2019ll decide later',
      'Let us decide later',
      "Let's see later",
      'Let\u2019s decide later',
      'Decide later',
      'Define it later',
      'Confirm later',
      'Write it later',
      'Add later',
      'Update it soon',
      'Figure out later',
      'Work out later',
      'Sort out later',
      'Fill in later',
      'Find one later',
      'Name them later',
      'Appoint one later',
      'Hire later',
      'Choose later',
      'See later',
    ];
    expectEach(isNonAnswer, byOpeningWord, true);
    expectEach(
      isNonAnswer,
      byOpeningWord.map((text) => `  ${text.toUpperCase()}.`),
      true,
    );
    expectEach(
      isNonAnswer,
      byOpeningWord.map((text) => `\u3000${text.replace(/ /g, '\u00a0')}`),
      true,
    );
    // A deferral is English: a letter of another script or a digit in it makes it something else.
    expectEach(isNonAnswer, ['To be decided \u00e9', 'Decide later 2', 'To be d\u00e9cided'], false);
  });
});

describe('isPlaceholderLink', () => {
  it('takes links that lead nowhere a member could follow, and leaves real ones and plain text alone', () => {
    expectEach(
      isPlaceholderLink,
      [
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
        'https:///coc',
        'https://tbd.tbd',
        'https://coc.invalid',
        'http://127.1/',
        'http://2130706433/',
        'http://[0:0:0:0:0:0:0:1]/',
        'http://[::ffff:127.0.0.1]/',
        'http://localhost.localdomain/',
        'ftp://localhost/coc',
        'mailto:tbd',
        'https://example.com/coc',
        'https://discuss.example.org/t/1',
        'https://user@forum.example.org/x',
        'http://www.example.net',
        'https://yourdomain.com/coc',
        'https://forum.your-community.org',
        'mailto:coc@example.com',
        'https://your_domain.com',
        'https://your-company-name.com',
        'https://\u0435\u0445\u0430mple.com/coc',
        'https://forum.your-community.example/t/start-here',
        // a placeholder word as the site's name or a whole path segment, a template's repository, the reserved .test
        'https://tbd.example',
        'https://tbd.com',
        'https://placeholder.com/coc',
        'https://community.acme.example/TBD',
        'https://community.acme.example/docs/todo/',
        'https://github.com/OWNER/REPO/blob/main/CODE_OF_CONDUCT.md',
        'https://github.com/owner/repo',
        'https://gitlab.com/your-org/your-project',
        'https://coc.test',
        // a placeholder word as a subdomain, a template's word as the whole host
        'https://tbd.acme.example/',
        'https://placeholder.acme.example/coc',
        'https://xxx.community.acme.org/',
        'https://link',
        'https://url/coc',
        'https://www',
        'http://website/',
      ],
      true,
    );
    expectEach(
      isPlaceholderLink,
      [
        'https://discuss.acme.example/t/1',
        'https://lumen-viz.example/conduct',
        'http://10.0.0.5.nip.io',
        'mailto:conduct@acme.example',
        'https://docs.yourapp.io',
        'https://your.org',
        'https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444',
        'irc://irc.libera.chat/#project',
        'https://intranet/coc',
        'https://confluence:8443/coc',
        'http://10.1.2.3/wiki',
        // real sites named with a word a template might use, and paths that only look like one
        'https://later.com/schedule',
        'https://nothing.tech',
        'https://gitlab.com/user/repo',
        'https://github.com/acme/community/blob/main/CODE_OF_CONDUCT.md',
        'https://acme.example/todo-list-guide',
        'https://no.no/coc',
        'Data: 40 threads with member replies',
        'About: all categories and meetups',
        'Meet at 10:30',
        'TBD: soon',
        'https://user@forum.acme.example/x',
        'https://example.community.org/coc',
        'https://yourstory.com/community',
        'https://todo.acme.com/community-board',
        'https://tbdfest.acme.example/',
        'https://link.acme.example/',
        'https://wiki/',
        'https://forum/coc',
        'none',
      ],
      false,
    );
  });
});
