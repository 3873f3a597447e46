// Personal data in free text: e-mail addresses, phone numbers and street addresses are found with their
// offsets and flags, what plans usually hold is left alone, nested data is walked with paths, and hostile
// input costs linear time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, findPersonalDataIn, type PersonalDataHit, type PersonalDataKind } from '../../src/text/personal-data.js';
import { runs } from '../properties.js';

/** Any UTF-16 code unit, lone surrogates included (cheaper to set up than fast-check's `binary` unit). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Each hit as its kind and the text it covers: what a reader would underline. */
function underlined(text: string): [PersonalDataKind, string][] {
  return findPersonalData(text).map((hit) => [hit.kind, text.slice(hit.start, hit.end)]);
}

/** Each case is the text and the part of it that is one hit of `kind` (the whole text when omitted). */
function expectFound(kind: PersonalDataKind, cases: readonly (string | readonly [string, string])[]): void {
  for (const c of cases) {
    const [text, part] = typeof c === 'string' ? [c, c] : c;
    expect(underlined(text), JSON.stringify(text)).toEqual([[kind, part]]);
  }
}

function expectNothing(cases: readonly string[]): void {
  for (const text of cases) expect(underlined(text), JSON.stringify(text)).toEqual([]);
}

describe('e-mail addresses', () => {
  it('finds addresses in the practical grammar, with plus-addressing, in any script, stopping at punctuation', () => {
    expectFound('email', [
      'maya@gmail.com',
      ['Write to maya.lopez@gmail.com.', 'maya.lopez@gmail.com'],
      ['mailto:maya@riseup.net', 'maya@riseup.net'],
      ['[mail](mailto:maya+plans@fastmail.fm)', 'maya+plans@fastmail.fm'],
      'li_wei-2@mail.co.uk',
      ['<maya@gmail.com>', 'maya@gmail.com'],
      ['"Maya" <Maya.Lopez@Proton.Me>', 'Maya.Lopez@Proton.Me'],
      ['(maya@gmail.com)', 'maya@gmail.com'],
      'josé.garcía@correo.es',
      'maya@münchen.de',
      'M.Lopez@Uni-Heidelberg.DE',
      ['https://lists.acme.dev/subscribe?email=maya@gmail.com', 'maya@gmail.com'],
      ['a..maya@gmail.com', 'maya@gmail.com'],
      ['maya@mail.acme.org.2026', 'maya@mail.acme.org'],
      ['Email: maya@gmail.com:', 'maya@gmail.com'],
      ["'maya@gmail.com'", 'maya@gmail.com'],
    ]);
    expect(underlined('maya@gmail.com;li@gmail.com, ana@web.de')).toEqual([
      ['email', 'maya@gmail.com'],
      ['email', 'li@gmail.com'],
      ['email', 'ana@web.de'],
    ]);
  });

  it('leaves handles, URLs with an @ in their path, SSH remotes, packages and broken addresses alone', () => {
    expectNothing([
      '@maya',
      'Follow @maya_dev on Mastodon',
      'Follow @maya@mastodon.social',
      'https://medium.com/@maya.dev',
      'https://user@files.acme.dev/x',
      'git@github.com:acme/commready.git',
      'ssh://git@github.com/acme/commready',
      'npm i @acme/commready@1.2.3',
      'maya@localhost',
      'maya@gmail',
      'maya@gmail.c',
      'maya@gmail.123',
      'maya.@gmail.com',
      'maya@-gmail.com',
      'maya @ gmail.com',
      '3 @ €5.00',
      `${'a'.repeat(65)}@gmail.com`,
    ]);
  });

  it('reports where the address is, in UTF-16 offsets', () => {
    // The emoji is two code units.
    expect(findPersonalData('Café 🎉 — contact: maya@gmail.com!')).toEqual([{ kind: 'email', start: 19, end: 33 }]);
  });

  it('flags addresses at domains reserved for examples (RFC 2606, RFC 6761), and only those', () => {
    const reserved = (text: string) => findPersonalData(text).map((hit) => hit.reserved === true);
    for (const text of [
      'maya@example.org',
      'maya@mail.example.com',
      'li@example.net',
      'li@host.test',
      'x@foo.invalid',
      'x@my.localhost',
      'x@docs.example',
    ])
      expect(reserved(text), text).toEqual([true]);
    for (const text of ['maya@myexample.org', 'maya@example.co.uk', 'maya@example.org.uk', 'maya@testing.dev'])
      expect(reserved(text), text).toEqual([false]);
  });

  it('flags shared role inboxes, which a plan should name, but not people', () => {
    const role = (text: string) => findPersonalData(text).map((hit) => hit.role === true);
    for (const local of ['conduct', 'security', 'privacy', 'info', 'hello', 'support', 'abuse', 'admin', 'team', 'contact'])
      expect(role(`${local}@acme.dev`), local).toEqual([true]);
    for (const local of ['community', 'moderators', 'noreply', 'no-reply', 'code-of-conduct', 'Conduct+Plans', 'security.team'])
      expect(role(`${local}@acme.dev`), local).toEqual([true]);
    for (const local of ['maya', 'maya.team', 'teamlead', 'conduct.maya', 'info2'])
      expect(role(`${local}@acme.dev`), local).toEqual([false]);
    expect(findPersonalData('conduct@example.org')).toEqual([{ kind: 'email', start: 0, end: 19, reserved: true, role: true }]);
  });
});

describe('e-mail addresses written to dodge harvesters', () => {
  it('finds a bracketed at with any dots, and a spelled at with its dots written out, whole', () => {
    expectFound('email', [
      'maya [at] acme.com',
      'maya(at)acme.com',
      'maya {at} acme {dot} com',
      'maya <at> acme <dot> com',
      'maya [ at ] acme [ dot ] com',
      'maya[AT]acme[DOT]com',
      'Maya.Lopez (at) mail (dot) acme (dot) co (dot) uk',
      'maya at acme dot com',
      'maya AT acme DOT org',
      'maya at acme [dot] co [dot] uk',
      'maya@acme dot com',
      'maya@acme[dot]com',
      ['Write to maya at acme dot com.', 'maya at acme dot com'],
      ['Reports: li_wei[at]riseup[dot]net, or the form', 'li_wei[at]riseup[dot]net'],
      ['maya at acme dot com dot', 'maya at acme dot com'],
      ['reach me at maya at acme dot com', 'maya at acme dot com'],
    ]);
    expect(underlined('maya [at] acme.com; li at web dot de')).toEqual([
      ['email', 'maya [at] acme.com'],
      ['email', 'li at web dot de'],
    ]);
  });

  it('leaves prose with an "at" alone: no dot written out, a word prose puts before "at", or no domain', () => {
    expectNothing([
      'meet at the station',
      'look at acme.com',
      'Meet us at acme.com on Friday',
      'reach us at acme dot com',
      'Lunch at the dot com office',
      'He worked at a dot com startup',
      'We meet at noon; the dot com era is over',
      'Stay at home (at least on Sundays)',
      'doors open at 9 dot 30',
      'maya at acme',
      'maya [at] acme',
      'maya (at] acme.com',
      'maya. [at] acme.com',
      'maya at acme.com dot',
      '@maya [at] acme.com',
      'https://acme.dev/maya(at)acme.com',
      'at acme dot com',
      '[at] acme dot com',
    ]);
  });

  it('flags a written role inbox and a written address at a reserved domain as the plain ones are', () => {
    expect(findPersonalData('conduct [at] acme [dot] org')).toEqual([{ kind: 'email', start: 0, end: 27, role: true }]);
    expect(findPersonalData('maya at example dot org')).toEqual([{ kind: 'email', start: 0, end: 23, reserved: true }]);
    expect(findPersonalData('maya@mail dot example dot com')).toEqual([{ kind: 'email', start: 0, end: 29, reserved: true }]);
  });

  it('finds a written address in nested data, where no at sign or digit is', () => {
    expect(findPersonalDataIn({ team: [{ name: 'Maya', reach: 'maya at acme dot com' }] })).toEqual([
      { path: ['team', 0, 'reach'], hits: [{ kind: 'email', start: 0, end: 20 }] },
    ]);
  });
});

describe('phone numbers', () => {
  it('finds international numbers, with + or 00, grouped any way', () => {
    expectFound('phone', [
      '+44 20 7123 4567',
      '+44 (0)20 7123 4567',
      '0044 20 7123 4567',
      '+1 (415) 555-2671',
      '+1 415 555 2671',
      '+14155552671',
      '+33 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
      '+49 30 1234567',
      '+49 (30) 1234567',
      '+61 2 9876 5432',
      ['Tel: +44 20 7123 4567.', '+44 20 7123 4567'],
      ['tel:+442071234567', '+442071234567'],
      '＋44 20 7123 4567',
      '(+44) 20 7123 4567',
    ]);
  });

  it('finds national numbers with a trunk 0, and North American numbers', () => {
    expectFound('phone', [
      '020 7123 4567',
      '020-7123-4567',
      '(020) 7123 4567',
      '07911 123456',
      '06 12 34 56 78',
      '06.12.34.56.78',
      '06-12-34-56-78',
      '030 1234567',
      '030/1234567',
      '02 9876 5432',
      '03-1234-5678',
      '0612345678',
      '(415) 555-2671',
      '(415)555-2671',
      '415-555-2671',
      '415.555.2671',
      '415 555 2671',
      '1-800-555-2671',
      '1 (800) 555-2671',
      ['Call 415-555-2671 after 6 pm', '415-555-2671'],
    ]);
  });

  it('reads full-width digits and Unicode spaces between groups', () => {
    expectFound('phone', [
      '０２０ ７１２３ ４５６７',
      '020\u00a07123\u00a04567',
      '+44\u202f20\u202f7123\u202f4567',
      '+33\u20096\u200912\u200934\u200956\u200978',
    ]);
    expect(findPersonalData('Tel.: ０２０ ７１２３ ４５６７')).toEqual([{ kind: 'phone', start: 6, end: 19 }]);
  });

  it('leaves dates, times, years, versions, money, counts, ranges, URLs and identifiers alone', () => {
    expectNothing([
      '2026-12-06',
      '06.12.2026',
      '12/06/2026',
      '2026-12-06 – 2026-12-08',
      '2026-12-06 - 2026-12-08',
      'From 2026-12-06 to 2026-12-08',
      '18:30',
      '18:30–20:30',
      'In 2026',
      '2020 2021 2022',
      'Version 1.2.3 and v2.10.1',
      '€12,000',
      '12 000 EUR',
      '1 200 000 €',
      '$415 555 2671',
      '12.5%',
      '50,000 members',
      '20 members, 24 hours',
      '8–15 and 8-15',
      '1 2 3 4 5 6 7 8 9',
      'https://wa.me/442071234567',
      'ISBN 0-306-40615-2',
      'ISBN 978-3-16-148410-0',
      '192.168.100.200',
      '4155552671',
      '0000 000 000',
      '+0 123 456 789',
      '+44 20',
      '+1 234 567 8901 2345 6789',
      '415-555-2671x',
      '#0612345678',
      'Meeting ID: 845 2013 4567',
      '(415 555-2671',
      '020 7123 4567 8901 2345',
    ]);
  });

  it('flags the numbers set aside for drama and examples (Ofcom, NANP 555-01xx)', () => {
    const fictitious = (text: string) => findPersonalData(text).map((hit) => hit.fictitious === true);
    for (const text of [
      '020 7946 0958',
      '+44 20 7946 0999',
      '+44 (0)20 7946 0000',
      '0044 20 7946 0123',
      '0121 496 0123',
      '07700 900123',
      '+1 (415) 555-0132',
      '1-800-555-0199',
      '212.555.0100',
    ])
      expect(fictitious(text), text).toEqual([true]);
    for (const text of ['020 7946 1234', '+44 20 7123 4567', '07700 912345', '+1 415 555 2671', '(212) 555-0200', '+33 1 46 07 94 60'])
      expect(fictitious(text), text).toEqual([false]);
    expect(findPersonalData('call 020 7946 0958')).toEqual([{ kind: 'phone', start: 5, end: 18, fictitious: true }]);
  });
});

describe('street addresses', () => {
  it('finds English addresses: a house number, capitalised name words, a capitalised street word', () => {
    expectFound('street-address', [
      '12 Baker Street',
      '221B Baker St',
      ['Meet at 221B Baker St. Bring snacks.', '221B Baker St.'],
      '1600 Amphitheatre Parkway',
      '10 Downing Street',
      '350 5th Avenue',
      "3 St Mary's Road",
      '3 St. Mary’s Road',
      '12 The Avenue',
      ['1600 Pennsylvania Avenue NW', '1600 Pennsylvania Avenue'],
      ['We meet at 42 Market Square every Friday.', '42 Market Square'],
      '7 Elm Grove',
      '12 Oak Ln.',
      '100 N Main St',
      '12-14 High Road',
      ['Flat 2, 7 Elm Grove', '7 Elm Grove'],
      '12\u00a0Baker\u00a0Street',
      '１２ Baker Street',
    ]);
  });

  it('finds French, Spanish, Italian, German and Dutch addresses, number first or last', () => {
    expectFound('street-address', [
      '14 rue des Lilas',
      '12, rue de Rivoli',
      '3 avenue Victor Hugo',
      '12 av. Foch',
      '8 chemin des Vignes',
      '5 place de la Concorde',
      "10 rue d'Alésia",
      'Rue de Rivoli 15',
      'Calle Mayor 3',
      'Via Roma 10',
      'Via Roma, 10',
      'Piazza Navona 5',
      'Avenida de Mayo 1370',
      'Platz der Republik 1',
      'Laan van Meerdervoort 5',
      'Hauptstraße 5',
      'Hauptstraße 5a',
      'Hauptstr. 5',
      'Bahnhofstrasse 12-14',
      'Berliner Straße 12',
      'Kalverstraat 92',
      'Keizersgracht 123',
      'Lindenweg 3',
      'Goethegasse 7',
      'Marktplatz 1',
      'Stationsplein 1',
    ]);
  });

  it('finds post-office boxes', () => {
    expectFound('street-address', [
      'PO Box 123',
      ['P.O. Box 4567, Springfield', 'P.O. Box 4567'],
      'P. O. Box 12',
      'Post Office Box 9',
      'po box 55',
      'Postfach 1234',
    ]);
  });

  it('takes a UK or US postcode (or a numeric one and its city) that follows an address into the hit', () => {
    expectFound('street-address', [
      '221B Baker Street, London NW1 6XE',
      '10 Downing Street SW1A 2AA',
      '1600 Amphitheatre Parkway, Mountain View, CA 94043',
      '3 Park Avenue, New York, NY 10016-5902',
      'Berliner Straße 12, 10115 Berlin',
      'Keizersgracht 123, 1015 CJ Amsterdam',
      'Calle Mayor 3, 28013 Madrid',
      '12 Baker Street\nLondon NW1 6XE',
      ['PO Box 123, Springfield, IL 62704.', 'PO Box 123, Springfield, IL 62704'],
      ['Meet at Kings Place, 90 York Way, London N1 9AG', '90 York Way, London N1 9AG'],
      ['Suite 300, 100 Main St, Boston, MA 02110', '100 Main St, Boston, MA 02110'],
      ['Office: 2 Rue du Pont, 75001 Paris', '2 Rue du Pont, 75001 Paris'],
    ]);
    expect(findPersonalData('Venue: 12 Baker Street, London NW1 6XE.')).toEqual([{ kind: 'street-address', start: 7, end: 38 }]);
  });

  it('leaves street words without a number, names, counts, ordinals, times and venues alone', () => {
    expectNothing([
      'street team',
      'Wall Street Journal',
      'Canal Street Coders',
      'In 2026 Canal Street Coders will host',
      'Top 10 Wall Street Banks',
      '3 ways',
      '12 roads to success',
      '12 baker street',
      'Meet every 2nd Tuesday at the Old Fire Station',
      'Sessions at 7 pm in Room 4',
      'Session 2 via Zoom',
      'Join via Zoom 2 times a week',
      '3 The Right Way',
      'Chapter 4 Fast Lane Strategies',
      'Place Bell 3 times',
      'Via Francigena 2026',
      'Spring 2026',
      'Venue: The Old Fire Station, Oxford',
      'Street 5',
      'Weg 5',
      'Level 3 North Wing',
      'NW1 6XE',
      'Step 2 Place the sign at the door',
      'we need 5 drivers',
      'Q3 2026 Road Map',
      'at 18:30 Baker Street',
      '15 rue',
      'Piazza 5',
      'Founded in 1998 Main Street Partners',
      'https://maps.acme.dev/12-Baker-Street',
      'Via Slack 24/7',
    ]);
  });
});

describe('known limits, pinned so that changing them is a decision', () => {
  it('reads some look-alikes as personal data', () => {
    expect(underlined('Ticket 0123 4567 89')).toEqual([['phone', '0123 4567 89']]);
    expect(underlined('Rounds 01 02 03 04 05')).toEqual([['phone', '01 02 03 04 05']]);
    expect(underlined('We host 12 Open Street events')).toEqual([['street-address', '12 Open Street']]);
    expect(underlined('Corso Python 3')).toEqual([['street-address', 'Corso Python 3']]);
    expect(underlined('We dance at polka dot parties')).toEqual([['email', 'dance at polka dot parties']]);
  });

  it('misses some personal data', () => {
    expectNothing([
      '912 345 678',
      '555-2671',
      '020 / 7123 4567',
      'Room 4 020 7123 4567',
      'maya at gmail.com',
      '12 Baker Street London',
      'Canal Street 12',
      'Am Markt 3',
    ]);
  });
});

describe('findPersonalData', () => {
  it('returns the hits of every kind in order of position', () => {
    const text = 'Maya (maya@gmail.com, +44 20 7123 4567) hosts at 12 Baker Street; backup: 415-555-2671.';
    expect(findPersonalData(text)).toEqual([
      { kind: 'email', start: 6, end: 20 },
      { kind: 'phone', start: 22, end: 38 },
      { kind: 'street-address', start: 49, end: 64 },
      { kind: 'phone', start: 74, end: 86 },
    ]);
  });

  it('leaves a realistic plan paragraph alone', () => {
    expectNothing([
      'Our meetup runs 2026-01-15 – 2026-03-30, every 2 weeks, 18:30–20:30 CET, at the Old Fire Station.',
      'Attendance: 120 people (up 35% from 2025). Budget: $4,500 / €4.200 / £3 800 for 12 months.',
      'Release 2.0.0 ships in Q3 2026; see https://github.com/acme/commready/releases/tag/v2.0.0 (and #1234).',
      'Moderators: @maya, @li_wei; 3 maintainers, 12 core contributors and 1,250 Slack members; talks 7:30–9 pm.',
    ]);
  });

  it('never throws, and its hits are in bounds, non-empty, sorted and apart (arbitrary Unicode)', () => {
    const pieces = fc.constantFrom(
      ...['12', '221B', ' ', '\u00a0', 'Baker', 'Street', 'St', '.', ',', '@', 'maya', 'org', '+44', '020', '7123', '-', '(', ')'],
      ...['rue', 'de', 'Rivoli', 'PO', 'Box', '\n', 'https://', 'é', '０', 'Hauptstraße', ':', '/', '00', 'NW1', '6XE', '\ud800'],
      ...[' at ', '[at]', '(', ' dot ', '[dot]', ' ', 'com', 'AT', '{', '}'],
    );
    const texts = fc.oneof(
      fc.string({ unit: codeUnit, maxLength: 80 }),
      fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(texts, (text) => {
        let end = 0;
        for (const hit of findPersonalData(text)) {
          if (!(hit.start >= end && hit.end > hit.start && hit.end <= text.length)) return false;
          end = hit.end;
        }
        return true;
      }),
      { seed: 42, numRuns: runs(1000) },
    );
  });

  it('finds an e-mail address put into any text, at its exact offsets', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
    const email = fc
      .tuple(
        fc.stringMatching(/^[a-z][a-z0-9]{0,9}([._+-][a-z0-9]{1,6}){0,2}$/),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[a-z]{2,6}$/),
      )
      .map(([local, labels, tld]) => `${local}@${labels.join('.')}.${tld}`);
    const around = fc.string({ unit: codeUnit, maxLength: 40 });
    fc.assert(
      fc.property(around, email, around, (before, address, after) => {
        const text = `${before} ${address} ${after}`;
        const start = before.length + 1;
        return findPersonalData(text).some((hit) => hit.kind === 'email' && hit.start === start && hit.end === start + address.length);
      }),
      { seed: 42, numRuns: runs(500) },
    );
  });

  it('reads a hostile 2 MB string in one pass and returns what is in it', () => {
    const blocks = [
      ...['a@', '1 ', '12-', '0 ', '+1 (', '(0', '.@', '@a.b', 'a.a-', "a'-", 'https://a', '://', 'www.', '1, ', '\ud800'],
      ...['12 Baker ', 'Rue de ', 'P.O. Box ', 'Hauptstraße ', '０２０ ', '1\u00a0', 'St. ', 'Via ', '+44 '],
      ...['a [at] ', ' at a dot ', 'a(at)a', 'a at a [dot] ', 'x@a dot ', 'a at ', ' dot a'],
    ];
    const block = (unit: string) => unit.repeat(Math.ceil(75_000 / unit.length));
    const hostile = [
      ...blocks.map(block),
      `x@${'a.'.repeat(40_000)}`,
      `${'a'.repeat(80_000)}@gmail.com`,
      'maya@gmail.com '.repeat(5_000),
      'li at acme dot com, '.repeat(2_000),
      '+44 20 7123 4567, '.repeat(4_000),
      '12 Baker Street; '.repeat(3_000),
      'end: li@gmail.com',
    ].join('\n\n');
    expect(hostile.length).toBeGreaterThan(2_000_000);
    const counts = new Map<string, number>();
    for (const hit of findPersonalData(hostile)) {
      const key = `${hit.kind} ${hostile.slice(hit.start, hit.end)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({
      'email maya@gmail.com': 5_000,
      'email li@gmail.com': 1,
      'email li at acme dot com': 2_000,
      'phone +44 20 7123 4567': 4_000,
      'street-address 12 Baker Street': 3_000,
    });
  });
});

describe('findPersonalDataIn', () => {
  it('finds the strings with hits in nested data, with their paths, in document order; keys and numbers are not scanned', () => {
    const plan = {
      name: 'Acme community',
      team: [
        { name: 'Maya', contact: 'maya@gmail.com' },
        { name: 'Li', phone: '+44 20 7123 4567' },
      ],
      venue: { name: 'The Old Fire Station', address: '12 Baker Street' },
      'maya@gmail.com': 'keys are not scanned',
      count: 4155552671,
      notes: ['ok', null, true, 'call 020 7123 4567 or 020 7123 4568'],
    };
    const found = findPersonalDataIn(plan);
    expect(found.map((f) => f.path)).toEqual([
      ['team', 0, 'contact'],
      ['team', 1, 'phone'],
      ['venue', 'address'],
      ['notes', 3],
    ]);
    expect(found[3]!.hits.map((hit: PersonalDataHit) => [hit.start, hit.end])).toEqual([
      [5, 18],
      [22, 35],
    ]);
    expect(findPersonalDataIn('maya@gmail.com')).toEqual([{ path: [], hits: [{ kind: 'email', start: 0, end: 14 }] }]);
    expect(findPersonalDataIn(undefined)).toEqual([]);
  });

  it('walks 100,000 levels of nesting without overflowing the stack', () => {
    let data: unknown = 'write to maya@gmail.com';
    for (let i = 0; i < 100_000; i++) data = i % 2 === 0 ? [data] : { next: data };
    const [found, ...rest] = findPersonalDataIn(data);
    expect(rest).toEqual([]);
    expect(found!.path).toHaveLength(100_000);
    expect(found!.path.slice(0, 4)).toEqual(['next', 0, 'next', 0]);
  });

  it('scans an object reached twice (an alias, or a cycle) once, at its first path', () => {
    const shared = { contact: 'maya@gmail.com' };
    expect(findPersonalDataIn({ a: shared, b: [shared] }).map((f) => f.path)).toEqual([['a', 'contact']]);
    const cyclic: Record<string, unknown> = { contact: 'li@gmail.com' };
    cyclic.self = cyclic;
    expect(findPersonalDataIn(cyclic).map((f) => f.path)).toEqual([['contact']]);
  });

  it('finds in each string what findPersonalData finds there (arbitrary data)', () => {
    const strings = fc.oneof(
      fc.constantFrom('maya@gmail.com', 'call 020 7123 4567', '12 Baker Street', 'nothing here'),
      fc.string({ maxLength: 10 }),
    );
    fc.assert(
      fc.property(
        fc.object({ values: [strings, fc.integer(), fc.constant(null)], maxDepth: 3, maxKeys: 4, withNullPrototype: true }),
        (data) => {
          for (const { path, hits } of findPersonalDataIn(data)) {
            let value: unknown = data;
            for (const key of path) value = (value as Record<string | number, unknown>)[key];
            expect(typeof value).toBe('string');
            expect(hits).toEqual(findPersonalData(value as string));
          }
        },
      ),
      { seed: 42, numRuns: runs(200) },
    );
  });
});
