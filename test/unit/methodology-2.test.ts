// Methodology 2.0: items scoped by plan facts, renamed ids that keep working, value areas per type,
// and the content rules the review asked for (no length-only text, every parameter used, one roster).
import { describe, expect, it } from 'vitest';
import { lengthOnlyTextPaths } from '../../src/methodology/length-only-text.js';
import { allItems } from '../../src/methodology/types.js';
import { describeFinding } from '../../src/report/messages.js';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { builtinMethodology, planFromYaml, validation } from '../helpers.js';

const m = builtinMethodology();
const items = allItems(m);
const today = { today: '2026-11-25' };

function assess(yaml: string) {
  return assessPlan(planFromYaml(yaml, m), m, validation, today);
}
const status = (a: ReturnType<typeof assess>, id: string) => a.items.find((i) => i.itemId === id)!;

describe('items scoped by plan facts (applies_when)', () => {
  it('judges safeguarding where community.minors is true or unstated (a finding asks for it), n/a only where the plan says false', () => {
    const unstated = assess('version: 2\ncommunity: { name: A, stage: planning }\n');
    expect(status(unstated, 'governance.safeguarding')).toMatchObject({ status: 'unmet', basis: 'evidence', severity: 'blocker' });
    expect(unstated.findings.filter((f) => f.code === 'fact-unstated' && f.itemId === 'governance.safeguarding')).toEqual([
      expect.objectContaining({
        data: { fact: 'community.minors' },
        location: expect.objectContaining({ line: 2, path: 'community.minors' }),
      }),
    ]);
    const adults = status(assess('version: 2\ncommunity: { name: A, stage: planning, minors: false }\n'), 'governance.safeguarding');
    expect(adults).toMatchObject({ status: 'n/a', naReason: 'Judged only where community.minors is true; the plan says false.' });
    const young = status(assess('version: 2\ncommunity: { name: A, stage: planning, minors: true }\n'), 'governance.safeguarding');
    expect(young).toMatchObject({ status: 'unmet', basis: 'evidence', severity: 'blocker' });
  });

  it('scores a condition n/a like a stage n/a: it carries no weight either way', () => {
    const base = 'version: 2\ncommunity: { name: A, stage: planning, format: online }\n';
    const inPerson = 'version: 2\ncommunity: { name: A, stage: planning, format: in-person }\n';
    expect(status(assess(base), 'engagement.event-safety').status).toBe('n/a');
    expect(status(assess(inPerson), 'engagement.event-safety').status).toBe('unmet');
    expect(assess(inPerson).items.filter((i) => i.status !== 'n/a').length).toBe(
      assess(base).items.filter((i) => i.status !== 'n/a').length + 1,
    );
  });

  it('asks the type-specific duties only of their type', () => {
    const judged = (type: string) =>
      [
        'governance.security-reporting',
        'governance.contribution-terms',
        'governance.governance-document',
        'governance.antitrust',
        'governance.employee-consent',
      ].filter((id) => status(assess(`version: 2\ncommunity: { name: A, stage: planning, type: ${type} }\n`), id).status !== 'n/a');
    expect(judged('open-source')).toEqual([
      'governance.security-reporting',
      'governance.contribution-terms',
      'governance.governance-document',
    ]);
    expect(judged('professional')).toEqual(['governance.antitrust']);
    expect(judged('internal')).toEqual(['governance.employee-consent']);
    expect(judged('customer')).toEqual([]);
  });

  it('meets a point-by-point item only when every point is decided, partly when some are', () => {
    const plan = (points: string[]) =>
      `version: 2\ncommunity: { name: A, stage: planning }\nmeasures:\n  sunset:\n${points.map((p) => `    - { point: ${p}, decision: "Decided." }`).join('\n')}\n`;
    expect(status(assess(plan(['triggers', 'archive', 'member-notice', 'data-export'])), 'measurement.sunset').status).toBe('met');
    expect(status(assess(plan(['triggers', 'archive'])), 'measurement.sunset')).toMatchObject({
      status: 'partial',
      failed: [{ path: 'measures.sunset' }, { path: 'measures.sunset' }],
    });
  });
});

describe('renamed item ids (aliases)', () => {
  it('counts an answer under an old id for the new item, with an id-renamed note at the old key', () => {
    const a = assess(
      'version: 2\ncommunity: { name: A, stage: planning }\nassessment:\n  measurement.bus-factor: { status: unmet, note: Nobody backs up the host yet. }\n',
    );
    const renamed = a.findings.filter((f) => f.code === 'id-renamed');
    expect(renamed).toEqual([
      expect.objectContaining({
        itemId: 'measurement.backup-cover',
        location: expect.objectContaining({ line: 4, path: 'assessment.measurement.bus-factor' }),
        data: { from: 'measurement.bus-factor' },
      }),
    ]);
    expect(status(a, 'measurement.backup-cover').basis).toBe('evidence+answer');
    expect(describeFinding(renamed[0]!, m)).toMatch(/^'measurement.bus-factor' was renamed 'measurement.backup-cover'/);
  });

  it('prefers an answer under the new id when both are given', () => {
    const waiver = (reason: string) => `{ status: unmet, waiver: { reason: ${reason}, expires: 2027-01-31 } }`;
    const a = assess(
      `version: 2\ncommunity: { name: A, stage: planning }\nassessment:\n  measurement.backup-cover: ${waiver('new key')}\n  measurement.bus-factor: ${waiver('old key')}\n`,
    );
    expect(status(a, 'measurement.backup-cover').waiver).toMatchObject({ reason: 'new key' });
    expect(a.findings.filter((f) => f.code === 'id-renamed')).toHaveLength(1);
  });

  it('maps every renamed id to an item that exists, and keeps them working in 3.0', () => {
    expect(m.version).toMatch(/^3\./);
    for (const [from, to] of Object.entries(m.aliases)) {
      expect(
        items.some((i) => i.id === from),
        from,
      ).toBe(false);
      expect(
        items.some((i) => i.id === to),
        to,
      ).toBe(true);
    }
  });
});

describe('value areas per community type', () => {
  const objective = (type: string, area: string) =>
    status(
      assess(
        `version: 2\ncommunity: { name: A, stage: planning, type: ${type} }\npurpose:\n  objectives:\n    - { objective: Do a thing., area: ${area} }\n`,
      ),
      'purpose.objectives',
    ).status;
  it('takes SPACES for customer communities and areas that fit the others', () => {
    expect(objective('customer', 'support')).toBe('met');
    expect(objective('grassroots', 'support')).toBe('partial');
    expect(objective('grassroots', 'belonging')).toBe('met');
    expect(objective('internal', 'knowledge-sharing')).toBe('met');
    expect(objective('open-source', 'adoption')).toBe('met');
    expect(objective('professional', 'standards')).toBe('met');
  });
});

describe('the built-in methodology 2.0 content', () => {
  it('has no text rule that judges by length alone', () => {
    const offenders = items.flatMap((i) =>
      i.evidence.flatMap((r) =>
        r.kind === 'schema' || r.kind === 'observed' ? lengthOnlyTextPaths(r.schema).map(() => `${i.id} ${r.path}`) : [],
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('asks for the purpose by its parts, so a crisp purpose passes and a padded half-purpose does not', () => {
    const crisp =
      'version: 2\ncommunity: { name: A, stage: planning }\npurpose:\n  statement: { who: Leeds Python users, together: meet monthly, gain: learn from peers }\n';
    expect(status(assess(crisp), 'purpose.statement').status).toBe('met');
    const padded = `version: 2\ncommunity: { name: A, stage: planning }\npurpose:\n  statement: { who: "${'Everyone who is interested in anything at all, '.repeat(4)}" }\n`;
    expect(status(assess(padded), 'purpose.statement').status).toBe('partial');
  });

  it("checks the founders' first-week commitments against founding_committed_min", () => {
    const founders = (committed: number) =>
      `version: 2\ncommunity: { name: A, stage: planning }\naudience:\n  founding_members:\n${Array.from({ length: 20 }, (_, i) => `    - { name: P${i}, segment: s, contact: CRM ${i}${i < committed ? ', commitment: answer two questions' : ''} }`).join('\n')}\n`;
    expect(status(assess(founders(10)), 'audience.founding-members').status).toBe('met');
    expect(status(assess(founders(9)), 'audience.founding-members')).toMatchObject({
      status: 'partial',
      failed: [expect.objectContaining({ message: expect.stringMatching(/at least 10 founding members/) })],
    });
  });

  it('gives every new item every field: why, guidance with a YAML example and mistakes, a question on its paths, sources and coverage', () => {
    const added = [
      'governance.data-protection',
      'governance.safeguarding',
      'engagement.event-safety',
      'platform.accessibility',
      'governance.crisis',
      'governance.ai-content',
      'audience.languages',
      'governance.member-privacy',
      'engagement.wellbeing',
      'measurement.sunset',
      'platform.admin-security',
      'governance.security-reporting',
      'governance.contribution-terms',
      'governance.governance-document',
      'governance.antitrust',
      'governance.employee-consent',
    ];
    for (const id of added) {
      const item = items.find((i) => i.id === id);
      expect(item, id).toBeDefined();
      expect(item!.guidance, id).toMatch(/```yaml[\s\S]+```/);
      expect(item!.guidance, id).toMatch(/Common mistakes/);
      expect(item!.evidence.length, id).toBeGreaterThan(0);
      // The item's own question and the questions that feed it fill every path its rules read.
      const asked = new Set([
        item!.question.fills,
        ...m.questions.filter((q) => q.feeds.includes(id)).flatMap((q) => q.fills.map((f) => f.path)),
      ]);
      for (const rule of item!.evidence) expect(asked.has(rule.path), `${id} ${rule.path}`).toBe(true);
      expect(item!.references.length, id).toBeGreaterThan(0);
      expect(item!.covers.length, id).toBeGreaterThan(0);
    }
  });

  it('checks the plan file itself for personal contact details, instead of asking a decision about it', () => {
    const item = items.find((i) => i.id === 'governance.data-protection')!;
    expect(item.evidence.filter((r) => r.kind === 'personal-data').map((r) => r.path)).toEqual(['community.plan_private']);
  });
});

describe('sources and names the review corrected', () => {
  it('cites no vendor page, consultant copy, preview deploy or second-hand thread the review flagged', () => {
    const urls = items.flatMap((i) => i.references.map((r) => `${i.id} ${r.url}`));
    for (const flagged of [
      'polia-consulting.com',
      'docs.orbit.love',
      'todogroup.org/resources/guides',
      'feverbee.com/practicalplan',
      'youthpowercoalition.org',
      'mitpress.mit.edu/books/',
    ]) {
      expect(
        urls.filter((u) => u.includes(flagged)),
        flagged,
      ).toEqual([]);
    }
  });

  it('calls the CHAOSS metric the Contributor Absence Factor and the planning item backup cover', () => {
    const elements = m.frameworks.flatMap((f) => f.elements.map((e) => e.id));
    expect(elements).toContain('chaoss.contributor-absence-factor');
    expect(elements).not.toContain('chaoss.bus-factor');
    expect(items.find((i) => i.id === 'measurement.backup-cover')!.title).toMatch(/^Backup cover/);
    expect(items.filter((i) => /bus factor/i.test(i.title))).toEqual([]);
  });

  it('makes the running response target a parameter, not a hard-coded 48', () => {
    const rule = items.find((i) => i.id === 'measurement.responsiveness')!.evidence[0]!;
    expect(rule.kind === 'schema' && JSON.stringify(rule.schema)).toContain('"$param":"response_target_hours_max"');
  });

  it('sets the host hours per community type and formality', () => {
    const hours = (id: string) => m.profiles.find((p) => p.id === id)?.params.host_hours_per_week_min;
    expect([
      m.params.host_hours_per_week_min!.value,
      hours('internal'),
      hours('professional'),
      m.formalities.find((f) => f.id === 'volunteer')!.params.host_hours_per_week_min,
    ]).toEqual([20, 10, 10, 2]);
  });

  it('lists the 2.0.0 changes in a changelog that the generated reference shows', () => {
    expect(m.changelog[0]!.version).toBe(m.version);
    expect(m.changelog[0]!.changes.length).toBeGreaterThanOrEqual(5);
  });
});
