// The value kinds' registry: every kind the methodology knows has its module, the methodology schema
// lets questions.yaml name exactly those kinds, and the kinds derive, read and show what they should.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VALUE_KINDS, type ValueSpec } from '../../src/methodology/question-types.js';
import { checkEntered, deriveValue, kindOf, VALUE_KIND_MODULES, type DeriveFrom } from '../../src/interview/value-kinds/index.js';
import { describeRequest } from '../../src/interview/interview-messages.js';
import type { AskRequest } from '../../src/interview/asker.js';

const methodologySchema = JSON.parse(readFileSync('schemas/methodology.schema.json', 'utf8')) as {
  $defs: { valueSpec: { properties: { kind: { enum: string[] } } } };
};

describe('the value kinds registry', () => {
  it('has one module for each kind, and the methodology schema names the same kinds', () => {
    expect(Object.keys(VALUE_KIND_MODULES).sort()).toEqual([...VALUE_KINDS].sort());
    expect([...methodologySchema.$defs.valueSpec.properties.kind.enum].sort()).toEqual([...VALUE_KINDS].sort());
  });

  const question = (from: Partial<DeriveFrom>): ValueSpec => deriveValue({ question: 'text', field: false, key: 'x', ...from });
  it.each<[string, Partial<DeriveFrom>, ValueSpec['kind']]>([
    ['a text', {}, 'short-text'],
    ['a text the rule wants long', { rule: { minLength: 80 } }, 'long-text'],
    ['a text the plan schema fixes', { schemaChoices: [{ value: 'a', name: 'a' }] }, 'one-choice'],
    ['a number read as a share', { question: 'number', key: 'newcomer_share' }, 'percentage'],
    ['a number at most 1', { question: 'number', rule: { maximum: 1 } }, 'percentage'],
    ['a number', { question: 'number', rule: { type: 'integer' } }, 'number'],
    ['a confirm', { question: 'confirm' }, 'yes-no'],
    ['a select', { question: 'select', choices: [{ value: 'a', name: 'A' }] }, 'one-choice'],
    ['a checkbox', { question: 'checkbox', choices: [{ value: 'a', name: 'A' }] }, 'several-choices'],
    ['a list without fields', { question: 'list' }, 'text-list'],
    ['a list with fields', { question: 'list', fields: () => [{ key: 'k', message: 'K', value: { kind: 'date' } }] }, 'records'],
    ['a rating', { question: 'rating' }, 'one-choice'],
    ['a date', { question: 'date' }, 'date'],
  ])('asks %s as its kind', (_, from, kind) => {
    expect(question(from).kind).toBe(kind);
  });

  it('asks a field of a list as the kind its methodology word names, a plain number without bounds', () => {
    expect(deriveValue({ question: 'number', field: true, key: 'share' })).toEqual({ kind: 'number' });
    expect(deriveValue({ question: 'select', field: true, key: 'k' })).toEqual({ kind: 'short-text' });
    expect(deriveValue({ question: 'url', field: true, key: 'k' })).toEqual({ kind: 'short-text', format: 'url' });
  });

  it('reads a field typed in a line as its kind reads it, and refuses what it cannot be', () => {
    const choice: ValueSpec = { kind: 'one-choice', choices: [{ value: 'in-person', name: 'In person' }] };
    expect(
      kindOf(choice)
        .inLine(choice as never)
        ?.read('in person'),
    ).toEqual({ ok: true, value: 'in-person' });
    expect(
      kindOf(choice)
        .inLine(choice as never)
        ?.read('online'),
    ).toEqual({ ok: false, problem: 'one of In person' });
    expect(
      kindOf({ kind: 'yes-no' })
        .inLine({ kind: 'yes-no' } as never)
        ?.read('Y'),
    ).toEqual({ ok: true, value: true });
    expect(kindOf({ kind: 'person', several: true }).inLine({ kind: 'person', several: true } as never)).toBeUndefined();
    expect(
      kindOf({ kind: 'person' })
        .inLine({ kind: 'person' } as never)
        ?.read('Ana'),
    ).toEqual({ ok: true, value: 'Ana' });
  });

  it("refuses a person's name with no letter in it, one name or several, and takes a real name", () => {
    const one: ValueSpec = { kind: 'person' };
    const several: ValueSpec = { kind: 'person', several: true };
    expect(checkEntered(one, '2027-01-15')).toEqual({ ok: false, problem: "'2027-01-15' is not a name: a name has letters" });
    expect(checkEntered(one, ' Zoë Ångström ')).toEqual({ ok: true, value: 'Zoë Ångström' });
    expect(checkEntered(several, 'Ana, 42')).toEqual({ ok: false, problem: "'42' is not a name: a name has letters" });
    expect(checkEntered(several, 'Ana, 李雷')).toEqual({ ok: true, value: ['Ana', '李雷'] });
  });

  it('shows a choice question with its choices and a list with its fields and how to type them', () => {
    const request = (value: ValueSpec): AskRequest => ({
      question: { id: 'q', message: 'Which?', fills: [], feeds: [], tier: 'core', seconds: 1, phaseId: 'p' },
      fill: { path: 'x', value },
      message: 'Which?',
      people: [],
      actions: [],
      position: { block: 'quick', question: 1, questions: 1 },
      phaseTitle: 'Phase',
    });
    expect(describeRequest(request({ kind: 'one-choice', choices: [{ value: 'a', name: 'A', description: 'the first' }] }))).toEqual([
      'Quick path · Phase',
      'Which?',
      'A — the first',
    ]);
    const records: ValueSpec = { kind: 'records', fields: [{ key: 'when', message: 'When', value: { kind: 'date' } }] };
    expect(describeRequest(request(records)).at(-1)).toBe('When (a date: YYYY-MM-DD, e.g. 2026-09-30)');
    expect(describeRequest(request({ kind: 'percentage' }))[1]).toBe('Which? (in %, 0 to 100)');
  });
});
