import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessPlan, withoutBlanks } from '../../src/scoring/assess-plan.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { miniMethodology, planFromYaml, validation } from '../helpers.js';
import { COMPLETE_MINI_PLAN } from '../mini-plans.js';
import { isNonAnswer } from '../../src/text/non-answer.js';
import { anyCodePoint, runs } from '../properties.js';

const m = miniMethodology();
const TODAY = '2026-07-01';

const COMPLETE = COMPLETE_MINI_PLAN;

function assess(yaml: string, today = TODAY) {
  return assessPlan(planFromYaml(yaml, m), m, validation, { today });
}

function withCustom(change: string): string {
  return COMPLETE.replace(/custom:\n(  .*\n)+/, `custom:\n${change}`);
}

const status = (a: ReturnType<typeof assess>, id: string) => a.items.find((i) => i.itemId === id)!.status;
const codes = (a: ReturnType<typeof assess>) => a.findings.map((f) => `${f.code}:${f.itemId}`).sort();

describe('assessPlan', () => {
  it("gives a gap's finding the failed rules and points of its result, waived or not", () => {
    const item = (x: ReturnType<typeof assess>, id: string) => x.items.find((i) => i.itemId === id)!;
    expect(item(assess(COMPLETE), 'first.purpose')).toMatchObject({ status: 'met', points: 0, failed: [] });

    const open = assess(withCustom('  purpose: "   "\n'));
    const gap = item(open, 'first.purpose');
    expect(gap).toMatchObject({ status: 'unmet' });
    expect(gap.points).toBeGreaterThan(0);
    const data = (x: ReturnType<typeof assess>) => x.findings.find((f) => f.itemId === 'first.purpose' && f.code === 'item-unmet')!.data;
    expect(data(open)).toEqual({ failed: gap.failed, points: gap.points });

    const waived = assess(
      withCustom('  purpose: ""\n').replace(
        'assessment:\n',
        'assessment:\n  first.purpose: { status: unmet, waiver: { reason: Budget decision in March, expires: 2026-12-31 } }\n',
      ),
    );
    const own = item(waived, 'first.purpose');
    expect(own.waiver).toMatchObject({ active: true });
    expect(own.points).toBe(gap.points);
  });

  it('scores a complete plan 100 at the top level with no findings', () => {
    const a = assess(COMPLETE);
    expect(a.score).toBe(100);
    expect(a.level.id).toBe('ready');
    expect(a.nextLevel).toBeNull();
    expect(a.findings).toEqual([]);
    expect(a.gaps).toEqual([]);
  });

  it('orders the gaps of an empty plan: blockers, then phase order, then weight', () => {
    const a = assess('community: { name: Empty }\n');
    expect(a.score).toBe(0);
    expect(a.level.id).toBe('none');
    expect(a.gaps).toEqual(['first.purpose', 'first.people', 'second.sponsor', 'first.values', 'second.rules', 'second.review']);
    expect(codes(a)).toEqual([
      'item-unanswered:first.values',
      'item-unanswered:second.review',
      'item-unmet:first.people',
      'item-unmet:first.purpose',
      'item-unmet:second.rules',
      'item-unmet:second.sponsor',
    ]);
  });

  it('gives each gap its worth in points, adding up to what the score lacks', () => {
    const a = assess('community: { name: Empty }\n');
    const purpose = a.items.find((i) => i.itemId === 'first.purpose')!;
    expect(purpose.points).toBe(22.7); // 5 of 22 weight
    const total = a.items.reduce((s, i) => s + i.points, 0);
    expect(total).toBeCloseTo(100 - a.score, 0);
    expect(a.findings.find((f) => f.itemId === 'first.purpose')!.data.points).toBe(22.7);
  });

  it('finds the smallest set of items that reaches the next level', () => {
    const a = assess('community: { name: Empty }\n');
    expect(a.nextLevel).toMatchObject({ id: 'started', items: ['first.purpose', 'first.people'], scoreAfter: 45.5 });
  });

  it('counts a rule set that only partly passes as partial, worth half', () => {
    const a = assess(
      withCustom(
        '  purpose: Members help each other ship better software.\n  people: [Ana, Bo, Cy]\n  rules_url: https://acme.example/rules\n  sponsor: Acme\n',
      ),
    );
    expect(status(a, 'first.people')).toBe('partial');
    expect(a.score).toBe(88.6); // 19.5 of 22
    const finding = a.findings.find((f) => f.itemId === 'first.people')!;
    expect(finding.code).toBe('item-partial');
    expect(finding.data.failed).toEqual([{ path: 'custom.host', message: 'Name the host under custom.host.' }]);
  });

  it("applies the plan's own parameter values to evidence rules", () => {
    const raised = assess(`${COMPLETE}params:\n  people_min: 4\n`);
    expect(status(raised, 'first.people')).toBe('partial');
    expect(raised.customParams).toEqual({ people_min: 4 });
    expect(raised.findings.find((f) => f.itemId === 'first.people')!.data.failed).toEqual([
      { path: 'custom.people', message: 'Name at least 4 people under custom.people.' },
    ]);
  });

  it('lets the facts win over an answer that claims met, and reports the contradiction', () => {
    const a = assess(
      `${withCustom('  people: [Ana, Bo, Cy]\n  host: Ana\n  rules_url: https://acme.example/rules\n  sponsor: Acme\n')}  first.purpose: { status: met }\n`,
    );
    expect(status(a, 'first.purpose')).toBe('unmet');
    expect(codes(a)).toContain('claim-contradicted:first.purpose');
    expect(codes(a)).toContain('item-unmet:first.purpose');
  });

  it('keeps an honest lower self-rating even when the facts pass', () => {
    const a = assess(`${COMPLETE}  second.rules: { status: partial, note: Draft only., reviewed: 2026-06-01 }\n`);
    expect(status(a, 'second.rules')).toBe('partial');
    expect(a.items.find((i) => i.itemId === 'second.rules')!.basis).toBe('evidence+answer');
  });

  it('takes a justified n/a out of the denominator', () => {
    const a = assess(
      COMPLETE.replace(
        'second.review: { status: met, reviewed: 2026-06-01 }',
        'second.review: { status: n/a, note: We review monthly in another forum., reviewed: 2026-06-01 }',
      ),
    );
    expect(status(a, 'second.review')).toBe('n/a');
    expect(a.items.find((i) => i.itemId === 'second.review')!.value).toBeNull();
    expect(a.score).toBe(100);
  });

  it('sets aside an n/a without a note, and an n/a the item does not allow', () => {
    const a = assess(
      COMPLETE.replace('second.review: { status: met, reviewed: 2026-06-01 }', 'second.review: { status: n/a }').replace(
        '  sponsor: Acme\n',
        '',
      ) + '  first.purpose: { status: n/a, note: Not needed. }\n',
    );
    expect(codes(a)).toContain('na-unjustified:second.review');
    expect(status(a, 'second.review')).toBe('unanswered');
    expect(codes(a)).toContain('na-not-allowed:first.purpose');
    expect(status(a, 'first.purpose')).toBe('met');
  });

  it('sets aside an n/a whose note says no why ("x", "ok"), and keeps one that does', () => {
    const withNote = (note: string) =>
      assess(
        COMPLETE.replace(
          'second.review: { status: met, reviewed: 2026-06-01 }',
          `second.review: { status: n/a, note: "${note}", reviewed: 2026-06-01 }`,
        ),
      );
    for (const note of ['x', 'ok.', 'N/A', 'tbd']) {
      const a = withNote(note);
      expect(codes(a), note).toContain('na-unjustified:second.review');
      expect(status(a, 'second.review'), note).toBe('unanswered');
    }
    expect(status(withNote('We review monthly elsewhere.'), 'second.review')).toBe('n/a');
  });

  it("sets aside a 'met' on an answer-only item whose note says nothing, and keeps one with no note or a real one", () => {
    const withNote = (note: string) =>
      assess(
        COMPLETE.replace(
          'second.review: { status: met, reviewed: 2026-06-01 }',
          `second.review: { status: met, reviewed: 2026-06-01, note: "${note}" }`,
        ),
      );
    for (const note of ['none', 'TBD', 'Not yet', "We'll decide later", ' ']) {
      const a = withNote(note);
      expect(codes(a), note).toContain('claim-unsupported:second.review');
      expect(status(a, 'second.review'), note).toBe('unanswered');
      const finding = a.findings.find((f) => f.code === 'claim-unsupported')!;
      expect(finding.location.path, note).toBe('assessment.second.review.note');
      expect(finding.data.text).toBe(note);
    }
    const real = withNote('Monthly review with the sponsor, minutes in the wiki');
    expect(status(real, 'second.review')).toBe('met');
    expect(codes(real).filter((c) => c.startsWith('claim-unsupported'))).toEqual([]);
    // No note: the team's own rating stands, as the guide's rating scale asks of it.
    expect(status(assess(COMPLETE), 'second.review')).toBe('met');
    // A lower self-rating with such a note is not set aside: it claims nothing the note must carry.
    const partial = assess(
      COMPLETE.replace(
        'second.review: { status: met, reviewed: 2026-06-01 }',
        'second.review: { status: partial, reviewed: 2026-06-01, note: tbd }',
      ),
    );
    expect(status(partial, 'second.review')).toBe('partial');
    // Where facts decide, they do: the note of a 'met' on such an item is not read.
    const facts = assess(`${COMPLETE}  second.rules: { status: met, note: none }\n`);
    expect(status(facts, 'second.rules')).toBe('met');
    expect(codes(facts).filter((c) => c.startsWith('claim-unsupported'))).toEqual([]);
  });

  it("makes items n/a by the community type's profile", () => {
    const a = assess(COMPLETE.replace('type: customer', 'type: grassroots').replace('  sponsor: Acme\n', ''));
    const sponsor = a.items.find((i) => i.itemId === 'second.sponsor')!;
    expect(sponsor).toMatchObject({ status: 'n/a', basis: 'profile', naReason: 'A volunteer group has no sponsor.' });
    expect(a.score).toBe(100);
  });

  it('counts an answer reviewed longer ago than the validity period as a stale gap', () => {
    const a = assess(COMPLETE, '2026-12-01');
    expect(status(a, 'first.values')).toBe('stale');
    expect(a.findings.find((f) => f.itemId === 'first.values')).toMatchObject({
      code: 'answer-stale',
      data: { reviewed: '2026-06-01', validityDays: 100 },
    });
    expect(assess(COMPLETE, '2026-09-09').findings).toEqual([]); // exactly 100 days: still valid
  });

  it('treats blank text and empty entries as missing', () => {
    const a = assess(
      withCustom(
        '  purpose: "          "\n  people: ["", " ", Cy]\n  host: Ana\n  rules_url: https://acme.example/rules\n  sponsor: Acme\n',
      ),
    );
    expect(status(a, 'first.purpose')).toBe('unmet');
    expect(status(a, 'first.people')).toBe('partial'); // one real name of three needed
    expect(withoutBlanks({ a: '', b: null, c: [' ', 'xy'], d: { e: '' } })).toEqual({ c: ['xy'], d: {} });
    // Every whitespace trim() removes is blank (tab, line separator, no-break and ideographic spaces).
    expect(withoutBlanks(['\t\u2028\u00a0\u3000\ufeff', ' ab ', 0, false])).toEqual([' ab ', 0, false]);
    // Any text: taken out exactly when trim() leaves nothing, or when it decides nothing ("?", "-").
    const spaces = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\u0085');
    const text = fc
      .array(fc.oneof(spaces, fc.string({ unit: anyCodePoint, maxLength: 2 })), { maxLength: 6 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(withoutBlanks(t)).toBe(t.trim() === '' || isNonAnswer(t) ? undefined : t);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('takes blanks out without touching the input, and returns parts with nothing blank as they are', () => {
    const clean = { list: ['xy', { y: 1 }], nested: { z: 'w' } };
    expect(withoutBlanks(clean)).toBe(clean);
    const input = { keep: clean.nested, drop: ' ', list: ['ab', '', 'cd'], later: 'c' };
    const out = withoutBlanks(input) as Record<string, unknown>;
    expect(out).toEqual({ keep: { z: 'w' }, list: ['ab', 'cd'], later: 'c' });
    expect(Object.keys(out)).toEqual(['keep', 'list', 'later']);
    expect(out.keep).toBe(clean.nested);
    expect(input).toEqual({ keep: { z: 'w' }, drop: ' ', list: ['ab', '', 'cd'], later: 'c' });
  });

  it('never lets a stale answer pull down an item the facts prove', () => {
    const a = assess(`${COMPLETE}  first.purpose: { status: met, reviewed: 2020-01-01 }\n`);
    expect(status(a, 'first.purpose')).toBe('met');
    expect(a.level.id).toBe('ready');
  });

  it('makes a stale honest lower rating a stale gap', () => {
    const a = assess(`${COMPLETE}  second.rules: { status: partial, note: Draft., reviewed: 2020-01-01 }\n`);
    expect(status(a, 'second.rules')).toBe('stale');
  });

  it('scores 0, not 100, when nothing applies', () => {
    const a = assess(
      'community: { name: Nothing }\nassessment:\n' +
        ['first.values', 'second.sponsor', 'second.review'].map((id) => `  ${id}: { status: n/a, note: Not for us. }\n`).join(''),
    );
    expect(a.score).toBe(0);
  });

  it('ignores a waiver left on a met item', () => {
    const a = assess(`${COMPLETE}  second.rules: { waiver: { reason: Was open., expires: 2026-01-01 } }\n`);
    expect(a.findings).toEqual([]);
    expect(judgePlan(a, m, { failOn: 'blocker' }).passed).toBe(true);
  });

  it('keeps the level below launch while a blocker is open, whatever the score', () => {
    const a = assess(
      withCustom(
        '  purpose: Members help each other ship better software.\n  people: [Ana, Bo, Cy]\n  host: Ana\n  rules_url: https://acme.example/rules\n',
      ),
    );
    expect(a.score).toBeGreaterThanOrEqual(77);
    expect(a.level.id).toBe('started');
    expect(a.nextLevel).toMatchObject({ id: 'ready', items: ['second.sponsor'] });
  });

  it('points each finding at the plan key it concerns, or the nearest parent', () => {
    const a = assess(
      'community:\n  name: Empty\ncustom:\n  people: [Ana]\nassessment:\n  first.values: { status: met, reviewed: 2020-01-01 }\n',
    );
    const people = a.findings.find((f) => f.itemId === 'first.people')!;
    expect(people.location).toMatchObject({ line: 4, col: 3, path: 'custom.people' });
    const purpose = a.findings.find((f) => f.itemId === 'first.purpose')!;
    expect(purpose.location).toMatchObject({ line: 3, col: 1, path: 'custom.purpose' });
    const stale = a.findings.find((f) => f.itemId === 'first.values')!;
    expect(stale.location).toMatchObject({ line: 6, path: 'assessment.first.values.reviewed' });
  });
});

describe('levels and the next-level path', () => {
  it('holds a level back on a share-of-majors gate alone, and picks the majors worth most to pass it', () => {
    // Every blocker met, score above 80, but neither major met: the share gate (50%) fails.
    const a = assess(
      'community: { name: X, type: customer }\ncustom:\n  purpose: Members help each other ship better software.\n  people: [Ana, Bo, Cy]\n  host: Ana\n  sponsor: Acme\nassessment:\n  second.review: { status: met, reviewed: 2026-06-01 }\n',
    );
    expect(a.score).toBe(72.7);
    expect(a.level.id).toBe('started');
    expect(a.nextLevel!.id).toBe('ready');
    // One major meets the 50% share and lifts the score past 80: the first of the equal majors suffices.
    expect(a.nextLevel!.items).toEqual(['first.values']);
    expect(a.nextLevel!.scoreAfter).toBe(86.4);
  });
});

describe('judgePlan', () => {
  const openSponsor = `${withCustom('  purpose: Members help each other ship better software.\n  people: [Ana, Bo, Cy]\n  host: Ana\n  rules_url: https://acme.example/rules\n')}`;

  it('fails on an open blocker by default, and passes with --fail-on none', () => {
    const a = assess(openSponsor);
    expect(judgePlan(a, m, { failOn: 'blocker' })).toEqual({
      passed: false,
      reasons: [{ code: 'open-items', failOn: 'blocker', items: ['second.sponsor'] }],
    });
    expect(judgePlan(a, m, { failOn: 'none' }).passed).toBe(true);
  });

  it('fails on majors with --fail-on major but not with blocker', () => {
    const a = assess(
      withCustom('  purpose: Members help each other ship better software.\n  people: [Ana, Bo, Cy]\n  host: Ana\n  sponsor: Acme\n'),
    );
    expect(judgePlan(a, m, { failOn: 'blocker' }).passed).toBe(true);
    expect(judgePlan(a, m, { failOn: 'major' }).reasons).toEqual([{ code: 'open-items', failOn: 'major', items: ['second.rules'] }]);
  });

  it('honours --min-score and --min-level', () => {
    const a = assess(openSponsor);
    expect(judgePlan(a, m, { failOn: 'none', minScore: 90 }).reasons).toEqual([{ code: 'score-below', score: a.score, minScore: 90 }]);
    expect(judgePlan(a, m, { failOn: 'none', minLevel: 'ready' }).reasons).toEqual([
      { code: 'level-below', level: 'started', minLevel: 'ready' },
    ]);
    expect(judgePlan(a, m, { failOn: 'none', minLevel: 'started' }).passed).toBe(true);
  });

  it('lets an active waiver cover an open blocker, and fails once it expires', () => {
    const waived = `${openSponsor}  second.sponsor: { waiver: { reason: Budget decision in March., expires: 2026-08-01 } }\n`;
    const active = assess(waived);
    expect(codes(active)).toContain('item-waived:second.sponsor');
    expect(status(active, 'second.sponsor')).toBe('unmet'); // still a gap in the score
    expect(judgePlan(active, m, { failOn: 'blocker' }).passed).toBe(true);
    const expired = assess(waived, '2026-08-02');
    expect(codes(expired)).toContain('waiver-expired:second.sponsor');
    expect(judgePlan(expired, m, { failOn: 'blocker' }).reasons.map((r) => r.code)).toEqual(['open-items', 'waiver-expired']);
    expect(judgePlan(expired, m, { failOn: 'none' }).passed).toBe(true);
  });

  it('holds a waiver whose reason says no why ("x", "tbd") not in force, at its reason, and fails the plan on it', () => {
    for (const reason of ['x', 'tbd', 'Later', '-']) {
      const a = assess(`${openSponsor}  second.sponsor: { waiver: { reason: "${reason}", expires: 2026-08-01 } }\n`);
      expect(a.items.find((i) => i.itemId === 'second.sponsor')!.waiver, reason).toMatchObject({ active: false });
      const finding = a.findings.find((f) => f.itemId === 'second.sponsor' && f.code === 'waiver-unjustified');
      expect(finding?.location.path, reason).toBe('assessment.second.sponsor.waiver.reason');
      expect(codes(a)).not.toContain('item-waived:second.sponsor');
      expect(judgePlan(a, m, { failOn: 'blocker' }).reasons.map((r) => r.code)).toEqual(['open-items', 'waiver-expired']);
    }
  });

  it('fails on an expired waiver of an open minor item even with --fail-on blocker', () => {
    const a = assess(
      COMPLETE.replace(
        'second.review: { status: met, reviewed: 2026-06-01 }',
        'second.review: { status: unmet, waiver: { reason: Budget decision in March, expires: 2026-05-01 } }',
      ),
    );
    expect(judgePlan(a, m, { failOn: 'blocker' }).reasons).toEqual([{ code: 'waiver-expired', items: ['second.review'] }]);
  });
});
