// Sources behind the built-in methodology: a `why` that states a figure has a reference a reader can
// locate, an item lists each source once, and no item leans on an encyclopaedia or a bare homepage.
import { describe, expect, it } from 'vitest';
import { allItems, type Item } from '../../src/methodology/types.js';
import { builtinMethodology } from '../helpers.js';

const items = allItems(builtinMethodology());

/*
 * What counts as "stating a figure" is a deliberately simple heuristic, a net for the kinds of figure
 * the reviews found unsourced ("about four times more likely", "about 16 hours", "85% against 48%",
 * "its 2017 study found…"):
 *   - a percentage: `54%`, `54 %`, `per cent`;
 *   - a multiple: `twice`, `four times`, `4×`;
 *   - a count of time: `16 hours`, `three to nine months`, `48 hours`;
 *   - a proportion: `one in six`, `one person in six`, `9 out of 10`;
 *   - a dated finding: a year (1900–2099) and study, survey, research, report or found in one clause.
 * Numbers may be digits or the words one to twelve, fifteen, twenty … sixty, hundred. It misses some
 * figures ("within a day") and flags some that are our own proposals ("three weeks"); that is fine, as
 * the test only asks that such a `why` comes with a reference that can be located.
 */
const NUMBER = String.raw`(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)`;
const FIGURES: readonly (readonly [kind: string, pattern: RegExp])[] = [
  ['a percentage', /\d\s?%|\bper ?cent\b/i],
  ['a multiple', new RegExp(String.raw`\btwice\b|\b${NUMBER}\s*(?:times\b|×)`, 'i')],
  ['a count of time', new RegExp(String.raw`\b${NUMBER}(?:\s*(?:to|or|-|–)\s*${NUMBER})?\s+(?:hours?|days?|weeks?|months?|years?)\b`, 'i')],
  ['a proportion', new RegExp(String.raw`\b${NUMBER}(?:\s+[a-z]+)?\s+(?:in|out of)\s+${NUMBER}\b`, 'i')],
  [
    'a dated finding',
    /\b(?:19|20)\d{2}\b[^.;]*\b(?:study|survey|research|report|found)\b|\b(?:study|survey|research|report)\b[^.;]*\b(?:19|20)\d{2}\b/i,
  ],
];

/** The first figure a text states, as `kind: "matched text"`, or null. */
function figureIn(text: string): string | null {
  for (const [kind, pattern] of FIGURES) {
    const match = pattern.exec(text);
    if (match) return `${kind}: "${match[0]}"`;
  }
  return null;
}

/**
 * Sources published at the root of their own site, where the homepage is the document itself (the
 * canvas, a code of conduct, a response guide, the certificate text). Any other bare homepage says
 * where a claim might be, not where it is.
 */
const DOCUMENTS_AT_A_ROOT = new Set([
  'community-canvas.org',
  'confcodeofconduct.com',
  'response.pagerduty.com',
  'developercertificate.org',
]);

/** Why a reference cannot be located, or null when it can: a page of its own, not an encyclopaedia or a homepage. */
function unlocatable(url: string): string | null {
  const { hostname, pathname } = new URL(url);
  const host = hostname.replace(/^www\./, '');
  if (host === 'wikipedia.org' || host.endsWith('.wikipedia.org')) return 'an encyclopaedia entry';
  if ((pathname === '' || pathname === '/') && !DOCUMENTS_AT_A_ROOT.has(host)) return 'a homepage';
  return null;
}

type Sourced = Pick<Item, 'id' | 'why' | 'references'>;

/** Items whose `why` states a figure but that list no reference a reader can locate. */
function figuresWithoutSource(list: readonly Sourced[]): string[] {
  return list.flatMap((item) => {
    const figure = figureIn(item.why);
    if (!figure || item.references.some((r) => unlocatable(r.url) === null)) return [];
    return [`${item.id} states ${figure} with no locatable reference`];
  });
}

describe('the figure heuristic', () => {
  it.each([
    ['Mozilla reports that a personal invitation makes people about four times more likely to contribute.', 'a multiple'],
    ['Communities with a manager were twice as likely to measure value.', 'a multiple'],
    ['Contributions were 4× likelier.', 'a multiple'],
    ['Retention was the most-used measure (54% of teams).', 'a percentage'],
    ['Healthy forums reply in about 16 hours on average.', 'a count of time'],
    ['Inception usually takes three to nine months.', 'a count of time'],
    ['About one person in six lives with a significant disability.', 'a proportion'],
    ['Almost nine out of ten teams have a dedicated manager.', 'a proportion'],
    ["CMX's 2017 study found teams unsure of their measures.", 'a dated finding'],
  ])('finds the figure in "%s"', (text, kind) => {
    expect(figureIn(text)).toMatch(new RegExp(`^${kind}: `));
  });

  it.each([
    'A forum nobody hosts is not a community.',
    'Members need to know what is expected before they risk a first post.',
    'Mozilla asks for a dedicated person, and one named host is our proposal.',
    'Reply within a day, and thank every newcomer.',
  ])('finds no figure in "%s"', (text) => {
    expect(figureIn(text)).toBeNull();
  });

  it('tells a page of its own from an encyclopaedia entry and a homepage', () => {
    expect(unlocatable('https://opensource.guide/building-community/')).toBeNull();
    expect(unlocatable('https://community-canvas.org/')).toBeNull();
    expect(unlocatable('https://en.wikipedia.org/wiki/Sense_of_community')).toBe('an encyclopaedia entry');
    expect(unlocatable('https://khoros.com/')).toBe('a homepage');
    expect(unlocatable('https://www.feverbee.com')).toBe('a homepage');
  });

  it('catches a why that states a figure with no reference, or only a homepage', () => {
    const why = 'A personal invitation makes people about four times more likely to contribute.';
    const fakes: Sourced[] = [
      { id: 'fake.unsourced', why, references: [] },
      { id: 'fake.homepage', why, references: [{ title: 'A vendor', url: 'https://khoros.com/' }] },
      { id: 'fake.sourced', why, references: [{ title: 'A study', url: 'https://acme.example/studies/invitations' }] },
      { id: 'fake.no-figure', why: 'Invite people personally.', references: [] },
    ];
    expect(figuresWithoutSource(fakes)).toEqual([
      'fake.unsourced states a multiple: "four times" with no locatable reference',
      'fake.homepage states a multiple: "four times" with no locatable reference',
    ]);
  });
});

describe('sources of the built-in methodology', () => {
  it('gives a locatable reference for every why that states a figure', () => {
    expect(figuresWithoutSource(items)).toEqual([]);
  });

  it('cites no encyclopaedia entry and no homepage that is not itself the source', () => {
    const weak = items.flatMap((i) =>
      i.references.flatMap((r) => (unlocatable(r.url) ? [`${i.id} ${r.url} (${unlocatable(r.url)})`] : [])),
    );
    expect(weak).toEqual([]);
  });

  it('lists each source once per item', () => {
    const repeated = items.flatMap((i) => {
      const urls = i.references.map((r) => r.url);
      return urls.filter((url, n) => urls.indexOf(url) !== n).map((url) => `${i.id} ${url}`);
    });
    expect(repeated).toEqual([]);
  });

  it('no longer gives the untraceable figures the third review flagged', () => {
    const flagged = [/four times/i, /\b16 hours\b/i, /20 to 50/, /renewed every year/i, /incubation policy/i];
    const hits = items.flatMap((i) => flagged.filter((p) => p.test(`${i.why}\n${i.guidance}`)).map((p) => `${i.id} ${p}`));
    expect(hits).toEqual([]);
  });
});

describe('one definition of retention', () => {
  it('is the same in the items, the target, the question, the parameter and the plan schema', () => {
    const m = builtinMethodology();
    const texts = [
      ...['engagement.retention-observed', 'measurement.activity'].flatMap((id) => {
        const item = allItems(m).find((i) => i.id === id)!;
        return [item.guidance, ...item.evidence.map((r) => r.message)].filter((t) => /retention|again/i.test(t));
      }),
      m.params.retention_min!.description,
      m.questions.find((q) => q.fills.some((f) => f.path === 'measures.retention_target'))!.message,
    ];
    for (const text of texts) {
      const flat = text.replace(/\s+/g, ' ');
      expect(flat, flat).toMatch(/90-day window/);
      expect(flat, flat).toMatch(/within the following 90 days/);
    }
  });
});
