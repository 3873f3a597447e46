// A template's text left in a plan is no answer: a placeholder link or address, the template's own
// wording, an answer left for someone else to give, and a place on the roster written as a person.
import { describe, expect, it } from 'vitest';
import { givesReason, isNonAnswer, isPlaceholderLink, isTemplateAddress } from '../../src/text/non-answer.js';
import { withoutBlanks } from '../../src/methodology/plan-facts.js';
import { buildRule, checkRule, type RuleContext } from '../../src/methodology/rule-kinds/index.js';
import { isRosterSlot, namedPeople, rosterPeople } from '../../src/methodology/rule-kinds/people-rule.js';
import { foldName, isStandInName, sameNameByInitials } from '../../src/text/person-name.js';
import { parseRosterLine } from '../../src/interview/roster-entry.js';
import { checkText } from '../../src/interview/value-kinds/entered-text.js';
import { ruleContext } from '../helpers.js';

/** Each value, checked: what `check` says of it must be `expected` (the value names a failure). */
function expectEach<T>(check: (value: T) => boolean, values: readonly T[], expected: boolean): void {
  for (const value of values) expect(check(value), JSON.stringify(value)).toBe(expected);
}

describe('a link whose host names no site', () => {
  it('is a placeholder: no letter or digit in the host, or a non-answer where the address goes', () => {
    expectEach(
      isPlaceholderLink,
      ['https://n/a', 'https://...', 'https://-', 'https://_', 'https://n.a', 'https://N/A/', 'http://n.a.', 'https://na', 'https://.'],
      true,
    );
    // Short names that are names, and longer hosts, stay links.
    expectEach(
      isPlaceholderLink,
      ['https://no.no/coc', 'https://x.ai/conduct', 'https://t.co/abc', 'https://go/coc', 'https://na.example/coc', 'https://n8n.io'],
      false,
    );
  });
});

describe('isTemplateAddress', () => {
  it("takes one address at a template's domain, or a template's whole address, alone or with a remark", () => {
    expectEach(
      isTemplateAddress,
      [
        'conduct@example.com',
        ' Conduct@Example.ORG ',
        'report@yourdomain.com',
        'report@your-community.example',
        'email@address.com',
        'name@domain.com',
        'your.name@acme.org',
        '<conduct@example.net>',
        'conduct@example.org (read only by the responders)',
        'conduct@\u0435\u0445\u0430mple.com',
      ],
      true,
    );
  });

  it('leaves real domains, the .example plans, sentences and other text alone', () => {
    expectEach(
      isTemplateAddress,
      [
        'conduct@acme.org',
        'conduct@community.acme.example',
        'conduct@domain.com',
        'info@address.com.au',
        'email@gmail.com',
        'conduct@example.com or the flag button on every post',
        'Email conduct@example.com',
        '@example.com',
        'example.com',
        'none',
      ],
      false,
    );
  });

  it('makes the facts rules read leave the address out, and say where it was', () => {
    const heard: string[] = [];
    const value = withoutBlanks({ channel: 'conduct@example.com', appeal: 'appeals@acme.org' }, (path) => heard.push(path.join('.')), [
      'reporting',
    ]);
    expect(value).toEqual({ appeal: 'appeals@acme.org' });
    expect(heard).toEqual(['reporting.channel']);
  });

  it('is refused as typed in the interview', () => {
    expect(checkText('conduct@example.com')).toMatchObject({ ok: false, problem: expect.stringMatching(/template's address/) });
    expect(checkText('conduct@acme.org')).toEqual({ ok: true, value: 'conduct@acme.org' });
  });
});

describe("a template's wording", () => {
  const template = [
    'Enter text here',
    'Insert description here',
    'Please enter your reason here.',
    'Add the link here',
    'Fill this in',
    'Fill it out here',
    'fill in',
    'Text goes here',
    'Description goes here',
    'Your text here',
    'Your name here',
    'Enter reason here',
    'Describe who here?',
    'Describe the feedback loop here',
    'List the channels here.',
    'Explain the differentiator here',
    'Sample text',
    '${WHO}',
    '{who}',
    '{ who }',
    '{0}',
    '${channel.url}',
  ];
  const answers = [
    'Enter the forum through the member portal',
    'Insert a link to the code in every welcome message',
    'Add yourself to the rota in the shared calendar',
    'Fill in the form on the conduct page; only the responders read it',
    'Text the host on the event line',
    'The sign-up form goes to both responders',
    'Here is where members ask first: the Help category',
    'Describe your problem in the Help category; a moderator replies within a day',
    'List every decision in the decision log, with its date',
    '{who: Ana}',
    '{1, 2, 3}',
  ];

  it('is no answer, and no reason', () => {
    expectEach(isNonAnswer, template, true);
    expectEach(givesReason, template, false);
  });

  it('leaves real sentences that merely contain its words', () => {
    expectEach(isNonAnswer, answers, false);
  });
});

describe('an answer left for someone else to give', () => {
  const waiting = [
    'to be confirmed by the sponsor',
    'To be confirmed with the venue next week',
    'Still to be approved by legal',
    'Not yet approved by the board',
    'To be announced by the host',
    'Pending approval',
    'Pending approval from the sponsor',
    'Awaiting confirmation.',
    'Awaiting a decision by the board',
    'Approval pending',
    'to be approved',
  ];
  const answers = [
    'Pending requests are answered within 2 days',
    'Approval by the board in March, then the launch',
    'To be decided by majority vote',
    'To be agreed by consensus at the monthly call',
    'Membership is confirmed by the host within a day',
    'To be confirmed by email within a day of signing up',
    'Pending posts are reviewed by a moderator before they appear',
    'Approved by the sponsor on 2026-10-01',
  ];

  it('is no answer, and no reason', () => {
    expectEach(isNonAnswer, waiting, true);
    expectEach(givesReason, waiting, false);
  });

  it('leaves answers that say how or when a thing is approved', () => {
    expectEach(isNonAnswer, answers, false);
    expect(givesReason('Approval by the board in March, then the launch')).toBe(true);
  });
});

describe('a place on the roster', () => {
  const roles = () => new Set(['greeter', 'conduct responder']);

  it('is no person: a vacancy in words, or a role with a number, a letter or an open note', () => {
    expectEach(isNonAnswer, ['Volunteer needed', 'Help wanted', 'Looking for volunteers', 'Open slot', "We're hiring"], true);
    expectEach(
      (name: string) => isRosterSlot(name, roles),
      [
        'Moderator 1',
        'Moderator 2',
        'Host #1',
        'Person A',
        'Person B.',
        'Backup moderator 3',
        'Moderators needed',
        'Volunteer wanted',
        'Greeter 2',
        'Conduct responder B',
        'Host (to be hired)',
        'Moderator (vacant)',
        'Host (open)',
        'Moderator: TBD',
        'Greeter \u2013 needed',
        'Vacancy 2',
      ],
      true,
    );
  });

  it('leaves people, whatever their name', () => {
    expectEach(
      (name: string) => isRosterSlot(name, roles),
      [
        'Moderator Smith',
        'Anna 2nd',
        'Anna 2',
        'Malcolm X',
        'Maya Okonkwo',
        'Maya Okonkwo (host)',
        'Ana Lima - moderator',
        'Person',
        'Host',
        'Speaker 2',
        'x'.repeat(100),
      ],
      false,
    );
    // A role the roster gives makes its word a place too.
    expect(isRosterSlot('Speaker 2', () => new Set(['speaker']))).toBe(true);
  });

  const rule = buildRule({
    kind: 'people',
    path: 'governance.code_of_conduct.reporting.responders',
    role: 'conduct responder',
    min: 2,
    message: 'm',
  });
  const withSecond = (second: string, listed: boolean): RuleContext => {
    const people = [
      { name: 'Maya Okonkwo', roles: ['conduct responder'] },
      { name: second, roles: ['conduct responder'] },
    ];
    return ruleContext({
      data: {
        people,
        governance: { code_of_conduct: { reporting: { responders: listed ? ['Maya Okonkwo', second] : ['Maya Okonkwo'] } } },
      },
      params: {},
      lists: {},
      today: '2026-11-25',
      roster: new Set(people.map((p) => p.name.toLowerCase())),
    });
  };

  it('counts for no one among the responders, on the roster or in the list', () => {
    for (const second of [
      'Volunteer needed',
      'Help wanted',
      'Looking for volunteers',
      'Moderator 1',
      'Person B',
      'TBD 2',
      'Host (to be hired)',
    ]) {
      const rostered = withSecond(second, false);
      expect(
        rostered.rosterPeople().map((p) => p.name),
        second,
      ).toEqual(['Maya Okonkwo']);
      expect(checkRule(rule, rostered), second).toMatchObject({ pass: false, detail: '1 of 2 named' });
      const listed = checkRule(rule, withSecond(second, true));
      expect(listed.pass, second).toBe(false);
      expect(listed.notes, second).toEqual([
        { code: 'non-answer', path: ['governance', 'code_of_conduct', 'reporting', 'responders', 1], data: { text: second } },
      ]);
    }
    for (const second of ['Moderator Smith', 'Anna 2nd']) {
      expect(checkRule(rule, withSecond(second, false)).pass, second).toBe(true);
      expect(checkRule(rule, withSecond(second, true)).pass, second).toBe(true);
    }
  });

  it('is refused as typed in the interview', () => {
    expect(parseRosterLine('Moderator 2: moderator').ok).toBe(false);
    expect(parseRosterLine('Greeter 1: greeter').ok).toBe(false);
    expect(parseRosterLine('Help wanted: conduct responder').ok).toBe(false);
    expect(parseRosterLine('Moderator Smith: moderator')).toEqual({ ok: true, entry: { name: 'Moderator Smith', roles: ['moderator'] } });
    // Nor a group, a stand-in or a bot: the roster lists people one by one.
    for (const line of ['The team: host', 'Max Mustermann: responder', 'triage-bot: moderator'])
      expect(parseRosterLine(line), line).toMatchObject({ ok: false, problem: expect.stringMatching(/is not one person's name/) });
    expect(parseRosterLine('Ruth Talbot: moderator').ok).toBe(true);
  });
});

describe('a name that stands in for a person', () => {
  it("is no person: a group, a role, such words numbered or lettered, a form's name for anyone", () => {
    expectEach(
      isStandInName,
      [
        'Founder 1',
        'Founder 22',
        'Founder A',
        'Member 2',
        'Member #2',
        'member_3',
        'Person 3',
        'Anonymous 1',
        'Anonymous',
        'User 12',
        'User12',
        'Participant 4',
        'Attendee 9',
        'Volunteer 2',
        'Contributor B',
        'Customer 7',
        'Guest 1',
        'Speaker 2',
        'Mentor 3',
        'Founding member 3',
        'The team',
        'Community team',
        'Community Manager',
        'Everyone',
        'Staff',
        'Admin',
        'Me',
        'All of us',
        'The board',
        'Max Mustermann',
        'Mustermann, Max',
        'Erika Mustermann',
        'Joe Bloggs',
        'Jane Doe',
        'John Doe (host)',
        'Fulano de Tal',
        'NAME',
        'Host Name',
        'Person Name',
        'Name Surname',
        '%NAME%',
        '$NAME',
        '__NAME__',
        '<<name>>',
        '(name)',
        '[First Last]',
        'First Last',
        'Full Name Here',
        'Vorname Nachname',
        'Pr\u00e9nom Nom',
        'Nombre Apellido',
        'Matti Meik\u00e4l\u00e4inen',
        '\u5f20\u4e09',
        'triage-bot',
        'Release Bot',
        'dependabot[bot]',
        'Weblate (bot)',
        'k8s-ci-robot',
        'Deploy Robot',
        'ci/bot',
      ],
      true,
    );
  });

  it('leaves people, whatever their name, and names many real people carry', () => {
    expectEach(
      isStandInName,
      [
        'Anna 2',
        'Anna 2nd',
        'Malcolm X',
        'Abbot',
        'Ruth Talbot',
        'Robota Nowak',
        'Bot Ndlovu',
        'Moderator Smith',
        'Maya Guest',
        'Maya Okonkwo (host)',
        'Ana Lima - moderator',
        'A. B.',
        'Li',
        'John Smith',
        'Mario Rossi',
        'Jan Kowalski',
        'Juan P\u00e9rez',
        'Ivan Ivanov',
        'Nam Nguyen',
        'Maya Name',
        'Max',
        'Max Weber',
        'Foo Ling',
        'x'.repeat(100),
      ],
      false,
    );
  });

  it('counts for no one on the roster, in a people rule, or in a list of people', () => {
    const data = {
      people: [
        { name: 'Maya Okonkwo', roles: ['host'] },
        { name: 'The team', roles: ['host'] },
        { name: 'Community Manager', roles: ['host'] },
      ],
      team: { host: { name: 'Everyone' } },
    };
    expect(rosterPeople(data).map((p) => p.name)).toEqual(['Maya Okonkwo']);
    const named = namedPeople('Everyone', ['team', 'host', 'name'], undefined, { roster: new Set(['maya okonkwo']), data });
    expect(named.known.size).toBe(0);
    expect(named.notes).toEqual([{ code: 'non-answer', path: ['team', 'host', 'name'], data: { text: 'Everyone' } }]);
    const heard: string[] = [];
    const founders = [{ name: 'Founder 1', segment: 'admins' }, { name: 'Member 2' }, 'Participant 4', { name: 'Priya Raman' }, 'Tom Berg'];
    const kept = withoutBlanks(
      { founders },
      (path, text) => heard.push(`${path.join('.')} ${text}`),
      [],
      undefined,
      new Set(['founders']),
      isStandInName,
    );
    expect(kept).toEqual({ founders: [{ segment: 'admins' }, { name: 'Priya Raman' }, 'Tom Berg'] });
    expect(heard).toEqual(['founders.0.name Founder 1', 'founders.1.name Member 2', 'founders.2 Participant 4']);
    // Without the word that the list holds people, the entries are texts like any other.
    expect(withoutBlanks({ founders }, undefined, [], undefined, undefined, isStandInName)).toEqual({ founders });
  });
});

describe('one person written in full and by initials', () => {
  const same = (a: string, b: string) => sameNameByInitials(foldName(a), foldName(b));

  it("folds an initial's full stop away", () => {
    expect(foldName('M. Kowalska')).toBe(foldName('Kowalska, M'));
    expect(foldName('Maya Okonkwo.')).toBe(foldName('Maya Okonkwo'));
  });

  it('pairs each initial with a word it begins, the other words the same', () => {
    for (const [a, b] of <[string, string][]>[
      ['M. Kowalska', 'Marta Kowalska'],
      ['Okonkwo, M.', 'Maya Okonkwo'],
      ['J. R. Tolkien', 'John Ronald Tolkien'],
      ['J. R. Tolkien', 'John R. Tolkien'],
      ['Maya Okonkwo', 'Maya Okonkwo'],
    ])
      expect(same(a, b), `${a} / ${b}`).toBe(true);
  });

  it('keeps apart names that differ in a whole word, in their number of words, or share nothing whole', () => {
    for (const [a, b] of <[string, string][]>[
      ['M. Kowalska', 'Marta Nowak'],
      ['A. Lima', 'Bruno Lima'],
      ['Marta Kowalska', 'Jan Kowalska'],
      ['M. K.', 'Marta Kowalska'],
      ['Ana', 'A'],
      ['Ana Lima', 'Ana Lima Souza'],
      ['J. Tolkien', 'John Ronald Tolkien'],
    ])
      expect(same(a, b), `${a} / ${b}`).toBe(false);
  });

  it('counts one person once in a list of people, the fuller name kept', () => {
    const lists = new Set(['leaders']);
    const cleaned = (names: string[]) =>
      (withoutBlanks({ leaders: names }, undefined, [], undefined, lists, () => false) as { leaders: string[] }).leaders;
    expect(cleaned(['M. Kowalska', 'Marta Kowalska', 'Jan Kowalska'])).toEqual(['Marta Kowalska', 'Jan Kowalska']);
    expect(cleaned(['J. R. Tolkien', 'John R. Tolkien', 'J. Tolkien'])).toEqual(['John R. Tolkien', 'J. Tolkien']);
    const people = ['Ana Lima', 'Bo Chen'];
    expect(cleaned(people)).toBe(people);
  });
});
