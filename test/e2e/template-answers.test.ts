// A template's text left in the strong example plan meets no safety blocker: lint, through the built
// binary, fails each copy where a placeholder link or address, a template's wording, an answer left for
// someone else or a place on the roster stands in for the answer, and passes the copies with real answers.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-templates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PLAN = readFileSync('examples/launch-ready.yaml', 'utf8');

/** The plan with one line replaced; the line must be there. */
function edited(plan: string, from: string, to: string): string {
  expect(plan.includes(from), from).toBe(true);
  return plan.replace(from, to);
}

const cocUrl = (url: string) =>
  edited(PLAN, '    url: https://community.acme.example/code-of-conduct\n', `    url: ${JSON.stringify(url)}\n`);
const channel = (text: string) =>
  edited(
    PLAN,
    '      channel: conduct@community.acme.example (read only by the responders) or the flag button\n',
    `      channel: ${JSON.stringify(text)}\n`,
  );
/** Maya Okonkwo and `name` are the only conduct responders: `name` on the roster, and in the list if `listed`. */
function secondResponder(name: string, listed: boolean): string {
  let plan = edited(PLAN, 'roles: [conduct responder, moderator, response rota, greeter]', 'roles: [moderator, response rota, greeter]');
  plan = edited(plan, '  - name: Hannah Brooks\n    roles: [conduct responder]\n', '  - name: Hannah Brooks\n    roles: [expert]\n');
  plan = edited(
    plan,
    '  - name: Aiko Tanaka\n',
    `  - name: Aiko Tanaka\n  - { name: ${JSON.stringify(name)}, roles: [conduct responder] }\n`,
  );
  const responders = listed ? `[Maya Okonkwo, ${JSON.stringify(name)}]` : '[Maya Okonkwo]';
  return edited(plan, 'responders: [Maya Okonkwo, Tomás Ibarra, Hannah Brooks]', `responders: ${responders}`);
}

interface LintedPlan {
  file: string;
  passed: boolean;
  items: { id: string; status: string }[];
  findings: { code: string; item?: string }[];
}

/** Lints the plans in one run of the binary; each plan's result by its name. */
function lint(plans: Record<string, string>): { code: number | null; byName: Map<string, LintedPlan> } {
  const files = Object.entries(plans).map(([name, text]) => {
    const file = path.join(tmp, `${name}.yaml`);
    writeFileSync(file, text);
    return file;
  });
  const r = runCli(['lint', ...files, '--today', '2026-11-25', '--format', 'json'], {}, process.cwd(), {}, 60_000);
  const linted = (JSON.parse(r.stdout) as { plans: LintedPlan[] }).plans;
  return { code: r.code, byName: new Map(linted.map((p) => [path.basename(p.file, '.yaml'), p])) };
}

const status = (plan: LintedPlan | undefined, id: string) => plan?.items.find((i) => i.id === id)?.status;

describe("a template's text in a plan, through lint", () => {
  it('meets no safety blocker: each copy fails, with the text a non-answer at its item', () => {
    const cases: [string, string, string][] = [
      ...['https://n/a', 'https://...', 'https://-', 'https://_', 'https://n.a'].map((url): [string, string, string] => [
        cocUrl(url),
        'governance.code-of-conduct',
        url,
      ]),
      ...[
        'conduct@example.com',
        'report@yourdomain.com',
        'email@address.com',
        'Enter text here',
        'Insert description here',
        'Fill this in',
        'Text goes here',
        '${WHO}',
        '{who}',
        'to be confirmed by the sponsor',
        'Pending approval',
      ].map((text): [string, string, string] => [channel(text), 'governance.reporting', text]),
      ...['Volunteer needed', 'Help wanted', 'Looking for volunteers', 'Moderator 1', 'Person B', 'TBD 2', 'Host (to be hired)'].flatMap(
        (name): [string, string, string][] => [
          [secondResponder(name, false), 'governance.reporting', name],
          [secondResponder(name, true), 'governance.reporting', name],
        ],
      ),
    ];
    const { code, byName } = lint(Object.fromEntries(cases.map(([plan], i) => [`case-${i}`, plan])));
    expect(code).toBe(1);
    cases.forEach(([, item, text], i) => {
      const plan = byName.get(`case-${i}`);
      expect({ text, passed: plan?.passed, status: status(plan, item) }).toEqual({ text, passed: false, status: 'partial' });
      // A name only on the roster is left out there; anywhere else the text is a non-answer at its line.
      if (!cases[i]![0].includes('responders: [Maya Okonkwo]\n'))
        expect(
          plan?.findings.some((f) => f.code === 'non-answer' && f.item === item),
          text,
        ).toBe(true);
    });
  });

  it('takes an n/a whose reason is a template\'s "Enter reason here" as unjustified', () => {
    const note =
      '    note: >-\n      One focused community of about 2,400 eligible customers; splitting it is not a question\n      for the first year. Revisit at the 2027-09-15 sponsor review.\n';
    const { byName } = lint({ reason: edited(PLAN, note, '    note: Enter reason here\n') });
    const plan = byName.get('reason');
    expect(status(plan, 'engagement.scale-plan')).toBe('unmet');
    expect(plan?.findings.some((f) => f.code === 'na-unjustified' && f.item === 'engagement.scale-plan')).toBe(true);
  });

  it('leaves real answers that share its words: the copies pass, the blockers met', () => {
    const cases: [string, string][] = [
      [cocUrl('https://no.no/coc'), 'governance.code-of-conduct'],
      [channel('Enter the forum through the member portal and use the private report form'), 'governance.reporting'],
      [channel('Pending requests are answered within 2 days by the responders, in private'), 'governance.reporting'],
      [channel('conduct@acme.org (read only by the responders)'), 'governance.reporting'],
      [secondResponder('Moderator Smith', true), 'governance.reporting'],
      [secondResponder('Anna 2nd', false), 'governance.reporting'],
    ];
    const { code, byName } = lint(Object.fromEntries(cases.map(([plan], i) => [`kept-${i}`, plan])));
    expect(code).toBe(0);
    cases.forEach(([, item], i) => expect(status(byName.get(`kept-${i}`), item), `kept-${i}`).toBe('met'));
  });
});
