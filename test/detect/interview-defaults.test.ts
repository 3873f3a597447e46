// `interview --detect`: detect's proposals become the defaults of questions the plan leaves empty, with the
// evidence shown; skipping such a question records the proposal as rejected beside the plan.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectedDefaults } from '../../src/cli/detect-defaults.js';
import type { Asker, AskRequest, Reply } from '../../src/interview/asker.js';
import { withDetectedDefaults, type DetectedDefault } from '../../src/interview/detected-defaults.js';
import type { ValueSpec } from '../../src/methodology/question-types.js';
import { fakeIo } from '../helpers.js';
import { removeFixtures, tempDir } from './git-fixture.js';
import { knownRepo } from './known-repo.js';

afterAll(removeFixtures);

function request(pathName: string, value: ValueSpec, current?: unknown): AskRequest {
  return {
    question: { id: 'q', message: 'Q?', fills: [], feeds: [], tier: 'core' } as unknown as AskRequest['question'],
    fill: { path: pathName, value },
    message: 'What is it based on?',
    ...(current !== undefined ? { default: current } : {}),
    people: [],
    actions: ['skip'],
    position: { block: 'quick', question: 1, questions: 1 },
    phaseTitle: 'Rules',
  };
}

function recordingAsker(reply: Reply): Asker & { seen: AskRequest[] } {
  const seen: AskRequest[] = [];
  const unused = async (): Promise<never> => {
    throw new Error('not used');
  };
  return {
    seen,
    ask: async (r) => (seen.push(r), reply),
    roster: unused,
    text: unused,
    date: unused,
    confirm: unused,
    choose: unused,
    show: () => undefined,
  };
}

describe('detected defaults in the interview', () => {
  it('offers a detected value as the default of an empty question, with its evidence, and rejects it on skip', async () => {
    let rejected = 0;
    const defaults = new Map<string, DetectedDefault>([
      [
        'governance.code_of_conduct.based_on',
        { value: 'Contributor Covenant 2.0', shown: 'high; CODE_OF_CONDUCT.md:33-35', reject: () => rejected++ },
      ],
      ['measures.retention_target', { value: 0.25, shown: 'medium', reject: () => rejected++ }],
    ]);
    const inner = recordingAsker({ action: 'skip' });
    const asker = withDetectedDefaults(inner, defaults);
    await asker.ask(request('governance.code_of_conduct.based_on', { kind: 'short-text' }));
    expect(inner.seen[0]).toMatchObject({
      default: 'Contributor Covenant 2.0',
      message: 'What is it based on? [detected: high; CODE_OF_CONDUCT.md:33-35]',
    });
    expect(rejected).toBe(1);
    // A value already in the plan stays the default; a share is entered as a percentage.
    await asker.ask(request('governance.code_of_conduct.based_on', { kind: 'short-text' }, 'Our own'));
    expect(inner.seen[1]).toMatchObject({ default: 'Our own', message: 'What is it based on?' });
    await withDetectedDefaults(recordingAsker({ action: 'answer', value: '25%' }), defaults).ask(
      request('measures.retention_target', { kind: 'percentage' }),
    );
    expect(rejected).toBe(1);
  });

  it('turns what detect would write into defaults by plan path (observed figures as their number)', async () => {
    const plan = path.join(tempDir(), 'plan.yaml');
    copyFileSync('test/fixtures/detect/plan.yaml', plan);
    const { defaults, summary } = await detectedDefaults(plan, { today: '2026-08-22' }, fakeIo(), knownRepo());
    expect(summary).toMatch(/^Detected \d+ answers in this repository \(as of 2026-08-20\)/);
    expect(defaults.get('observed.active_contributors_30d')!.value).toBe(2);
    expect(defaults.get('observed.as_of')!.value).toBe('2026-08-20');
    expect(defaults.get('governance.contribution_terms')!.value).toEqual([{ point: 'licence', decision: 'Licensed under MIT (LICENSE)' }]);
    // The plan's own answer is not offered over.
    expect(defaults.has('governance.code_of_conduct.based_on')).toBe(false);
    defaults.get('platform.templates')!.reject();
    expect(readFileSync(path.join(path.dirname(plan), '.commready', 'detect.yaml'), 'utf8')).toMatch(
      /path: platform\.templates\n\s+evidence: [0-9a-f]{14}\n\s+reason: skipped in the interview\n\s+date: 2026-08-22/,
    );
  });
});
