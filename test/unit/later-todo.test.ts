// "Later": an open item someone takes on (an answer with `owner` and `due`, no status) stays judged on its
// facts, and every report lists it as a to-do with who and by when.
import { formatRun } from '../../src/report/types.js';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/report/formatters.js';
import { plainPainter, type RunResult } from '../../src/report/types.js';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { builtinMethodology, planFromYaml, validation } from '../helpers.js';

const m = builtinMethodology();
const context = { toolVersion: '9.9.9', paint: plainPainter };

const PLAN = `version: 3
community:
  name: Club
  type: grassroots
  stage: planning
  size: 30
  format: in-person
  minors: false
  regions: [FR]
people:
  - { name: Ana, roles: [organiser] }
purpose:
  statement:
    who: Photographers of every level in Lyon who want to shoot together
governance:
  code_of_conduct:
    url: https://acme.example/conduct
assessment:
  purpose.statement: { owner: Ana, due: 2026-09-30 }
  governance.code-of-conduct: { owner: Ana, due: 2026-08-15 }
  governance.reporting: { due: 2026-10-01 }
`;

function run(today = '2026-07-01'): RunResult {
  const plan = planFromYaml(PLAN, m);
  return { command: 'report', plans: [{ assessment: assessPlan(plan, m, validation, { today }), methodology: m }] };
}

describe('items taken on for later', () => {
  it('stay judged on their facts: a partly written purpose stays partial, never lowered to unmet', () => {
    const a = run().plans[0]!.assessment;
    const statement = a.items.find((i) => i.itemId === 'purpose.statement')!;
    expect([statement.status, statement.later]).toEqual(['partial', { owner: 'Ana', due: '2026-09-30' }]);
    const conduct = a.items.find((i) => i.itemId === 'governance.code-of-conduct')!;
    expect(conduct.status).toBe('partial');
  });

  it('are listed in the text report as a to-do list, soonest first, with owner and date', () => {
    const text = formatRun(FORMATTERS.text, run(), context);
    const section = text.slice(text.indexOf('To do, taken on for later (3)'));
    expect(section.split('\n').slice(1, 4)).toEqual([
      '  [ ] A code of conduct is published and says where it applies — Ana, by 2026-08-15  governance.code-of-conduct',
      '  [ ] The purpose is written down, in terms of what members gain — Ana, by 2026-09-30  purpose.statement',
      '  [ ] Breaches can be reported privately to named responders — by 2026-10-01  governance.reporting',
    ]);
  });

  it('are listed in the Markdown report', () => {
    const md = formatRun(FORMATTERS.markdown, run(), context);
    expect(md).toContain(
      [
        '## To do, taken on for later',
        '',
        '- [ ] `governance.code-of-conduct` A code of conduct is published and says where',
        '  it applies: Ana, by 2026-08-15',
        '- [ ] `purpose.statement` The purpose is written down, in terms of what members',
        '  gain: Ana, by 2026-09-30',
        '- [ ] `governance.reporting` Breaches can be reported privately to named',
        '  responders: by 2026-10-01',
      ].join('\n'),
    );
  });

  it('are in the JSON report as `todo`, which validates against the report schema', () => {
    const parsed = JSON.parse(formatRun(FORMATTERS.json, run(), context));
    expect(validation.report(parsed), JSON.stringify(validation.report.errors)).toBe(true);
    expect(parsed.plans[0].todo).toEqual([
      {
        item: 'governance.code-of-conduct',
        title: 'A code of conduct is published and says where it applies',
        status: 'partial',
        owner: 'Ana',
        due: '2026-08-15',
      },
      {
        item: 'purpose.statement',
        title: 'The purpose is written down, in terms of what members gain',
        status: 'partial',
        owner: 'Ana',
        due: '2026-09-30',
      },
      { item: 'governance.reporting', title: 'Breaches can be reported privately to named responders', status: 'unmet', due: '2026-10-01' },
    ]);
  });

  it('leave reports of plans without any unchanged: no empty to-do section, no `todo` key', () => {
    const plan = planFromYaml(PLAN.replace(/\nassessment:[\s\S]*$/, '\n'), m);
    const r: RunResult = {
      command: 'report',
      plans: [{ assessment: assessPlan(plan, m, validation, { today: '2026-07-01' }), methodology: m }],
    };
    expect(formatRun(FORMATTERS.text, r, context)).not.toContain('To do');
    expect(formatRun(FORMATTERS.markdown, r, context)).not.toContain('To do');
    expect(JSON.parse(formatRun(FORMATTERS.json, r, context)).plans[0]).not.toHaveProperty('todo');
  });

  it('say when a date has gone by: an item due before the day of the report is overdue in every format', () => {
    const late = run('2026-09-01');
    const text = formatRun(FORMATTERS.text, late, context);
    expect(text).toContain('— Ana, by 2026-08-15, overdue  governance.code-of-conduct');
    expect(text).toContain('— Ana, by 2026-09-30  purpose.statement');
    expect(formatRun(FORMATTERS.markdown, late, context)).toContain('Ana, by 2026-08-15, overdue');
    expect(formatRun(FORMATTERS.html, late, context)).toContain('2026-08-15 <strong>overdue</strong>');
    const parsed = JSON.parse(formatRun(FORMATTERS.json, late, context));
    expect(validation.report(parsed), JSON.stringify(validation.report.errors)).toBe(true);
    expect(parsed.plans[0].todo.map((t: { item: string; overdue?: boolean }) => [t.item, t.overdue ?? false])).toEqual([
      ['governance.code-of-conduct', true],
      ['purpose.statement', false],
      ['governance.reporting', false],
    ]);
    // On the due date itself the promise still holds.
    expect(formatRun(FORMATTERS.text, run('2026-08-15'), context)).not.toContain('overdue');
  });
});
