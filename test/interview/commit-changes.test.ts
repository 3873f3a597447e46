import { parse as parseYaml, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { profileInForce } from '../../src/interview/profile-in-force.js';
import type { CommitOutcome } from '../../src/interview/run-interview.js';
import { commitChanges, createState, data, profileNow, type Change } from '../../src/interview/interview-state.js';
import { stringifyPlan } from '../../src/plan/edit-plan.js';
import { builtinMethodology, miniMethodology } from '../helpers.js';
import { builtinPlan, interviewSession } from './interview-session.js';
import { ScriptedAsker } from './scripted-asker.js';

const m = miniMethodology();
// Written by hand, in ways yaml would not print itself.
const PLAN = `# Riverside plan
community:
  name:   "Makers"      # the name on the door
  regions: [FR]
purpose: {}
`;

/** An interview's state over PLAN whose saves go through `commit` (the real check and assessment unless replaced). */
function stateWith(commit?: (text: string) => CommitOutcome, text = PLAN) {
  const session = interviewSession(new ScriptedAsker([]), text, m);
  const saved: string[] = [];
  const check = session.options.commit;
  const options = { ...session.options, commit: commit ?? ((text: string) => (saved.push(text), check(text))) };
  return { s: createState(new ScriptedAsker([]), options), saved };
}

const STATEMENT: Change = { path: ['purpose', 'statement'], value: 'People who fix things together' };

describe('saving an answer (the commit step)', () => {
  it('saves answer after answer, each text keeping the hand-written lines, and the plan as it stands is what was saved', () => {
    const { s, saved } = stateWith();
    const answers: Change[] = [
      STATEMENT,
      { path: ['community', 'size'], value: 40 },
      { path: ['purpose', 'statement'], value: 'People who fix and teach' },
    ];
    for (const change of answers) {
      expect(commitChanges(s, [change])).toMatchObject({ ok: true });
      expect(s.text).toBe(saved.at(-1));
      expect(data(s)).toEqual(parseYaml(s.text));
      for (const line of ['# Riverside plan', '  name:   "Makers"      # the name on the door', '  regions: [FR]'])
        expect(s.text.split('\n')).toContain(line);
    }
    expect(s.answered).toBe(3);
    expect(parseYaml(s.text)).toMatchObject({ community: { size: 40 }, purpose: { statement: 'People who fix and teach' } });
  });

  it("saves answer after answer in a plan's own layout: indented by four, with CRLF line breaks", () => {
    const text =
      '# Riverside plan\r\ncommunity:\r\n    name:   "Makers"      # the name on the door\r\n    regions: [FR]\r\npeople:\r\n    - name: Ana\r\n      roles: [host]\r\npurpose: {}\r\n';
    const { s, saved } = stateWith(undefined, text);
    expect(commitChanges(s, [{ path: ['community', 'size'], value: 40 }])).toMatchObject({ ok: true });
    expect(commitChanges(s, [STATEMENT, { path: ['people', 1], value: { name: 'Ben', roles: ['greeter'] } }])).toMatchObject({ ok: true });
    expect(saved).toHaveLength(2);
    expect(s.text).toBe(
      text
        .replace('    regions: [FR]\r\n', '    regions: [FR]\r\n    size: 40\r\n')
        .replace('      roles: [host]\r\n', '      roles: [host]\r\n    - name: Ben\r\n      roles:\r\n          - greeter\r\n')
        .replace('purpose: {}\r\n', 'purpose:\r\n    statement: People who fix things together\r\n'),
    );
  });

  it('a refused save leaves the plan as saved: no part of the refused changes stays for the next answer', () => {
    const { s } = stateWith(() => ({ ok: false, problem: 'not valid' }));
    const before = data(s);
    expect(commitChanges(s, [STATEMENT, { path: ['community', 'size'], value: 40 }])).toEqual({ ok: false, problem: 'not valid' });
    expect(data(s)).toEqual(before);
    expect(s.text).toBe(PLAN);
    expect(s.answered).toBe(0);
  });

  it('changes the plan cannot take (a value written where a map is needed) are refused whole, the earlier ones of the set too', () => {
    const { s, saved } = stateWith();
    const outcome = commitChanges(s, [STATEMENT, { path: ['community', 'name', 'first'], value: 'x' }]);
    expect(outcome.ok).toBe(false);
    expect(saved).toEqual([]);
    expect(data(s)).toEqual(parseYaml(PLAN));
    // The next answer is saved from the plan as it was, without the refused statement.
    expect(commitChanges(s, [{ path: ['community', 'size'], value: 40 }])).toMatchObject({ ok: true });
    expect(parseYaml(saved.at(-1)!)).toEqual({ ...parseYaml(PLAN), community: { ...parseYaml(PLAN).community, size: 40 } });
  });

  it('a save that fails (the file cannot be written) throws, and the plan is still the one saved', () => {
    const { s } = stateWith(() => {
      throw new Error('disk full');
    });
    expect(() => commitChanges(s, [STATEMENT])).toThrow('disk full');
    expect(data(s)).toEqual(parseYaml(PLAN));
  });

  it('what is worked out from the plan follows every save, also when the document saved is the one changed (a file as yaml writes it)', () => {
    const builtin = builtinMethodology();
    const type = builtin.profiles[0]!.id;
    const text = stringifyPlan(parseDocument(builtinPlan({ type, formality: 'funded' })));
    const s = createState(new ScriptedAsker([]), interviewSession(new ScriptedAsker([]), text, builtin).options);
    const doc = s.doc;
    expect(profileNow(s).formality).toBe('funded');
    expect(commitChanges(s, [{ path: ['community', 'formality'], value: 'volunteer' }])).toMatchObject({ ok: true });
    expect(s.doc).toBe(doc);
    expect(profileNow(s).formality).toBe('volunteer');
    expect(profileNow(s)).toEqual(profileInForce(builtin, data(s)));
  });
});
