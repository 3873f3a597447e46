// A list of entries, each with its fields (a field may itself be a list): added field by field, or
// several at once, one line each.
import { safeText } from '../safe-text.js';
import type { Checked, CheckAny, SpecOf, ValueKindModule } from './value-kind.js';

export const recordsKind: ValueKindModule<'records'> = {
  derive: (from) => {
    const fields = !from.field && from.question === 'list' ? from.fields?.() : undefined;
    return fields && fields.length > 0 ? { kind: 'records', fields } : undefined;
  },
  check: checkRecords,
  toEntered: (spec, stored, enteredAny) => {
    if (!Array.isArray(stored)) return undefined;
    return stored.map((record: unknown) => {
      if (record === null || typeof record !== 'object') return record;
      const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
      for (const field of spec.fields) if (out[field.key] !== undefined) out[field.key] = enteredAny(field.value, out[field.key]);
      return out;
    });
  },
  hint: () => '',
  ownScale: false,
  neverAssumed: false,
  seconds: 20,
  labelled: (spec, at) => ({
    ...spec,
    fields: spec.fields.map((f) => ({ ...f, value: at.nested(f.value, [...at.segments, '*', f.key]) })),
  }),
  inPlainWords: plainFields,
  shownLines: (spec, hintAny) => spec.fields.map((f) => `${safeText(f.message)}${hintAny(f.value)}`),
  ask: (ask, terminal) => terminal.records(ask),
  inEntry: () => 'entries',
  inLine: () => undefined,
};

/** The fields' prompts in plain words, nested lists' too. */
function plainFields(spec: SpecOf<'records'>, plain: (text: string) => string): SpecOf<'records'> {
  return {
    ...spec,
    fields: spec.fields.map((f) => ({
      ...f,
      message: plain(f.message),
      value: f.value.kind === 'records' ? plainFields(f.value, plain) : f.value,
    })),
  };
}

/** Every entry's fields checked and converted as their kinds say; keys the question does not know are kept. */
function checkRecords(spec: SpecOf<'records'>, entered: unknown, checkAny: CheckAny): Checked {
  if (!Array.isArray(entered)) return { ok: false, problem: 'enter a list of entries' };
  if (entered.length === 0) return { ok: false, problem: 'enter at least one entry' };
  const out: Record<string, unknown>[] = [];
  for (const [i, record] of entered.entries()) {
    const checked = checkRecord(spec, record, checkAny);
    if (!checked.ok) return { ok: false, problem: `entry ${i + 1}, ${checked.problem}` };
    out.push(checked.value as Record<string, unknown>);
  }
  if (spec.minItems !== undefined && out.length < spec.minItems) return { ok: false, problem: `enter at least ${spec.minItems}` };
  return { ok: true, value: out };
}

/**
 * One entry's fields checked and converted; the problem names the field (`Link: enter a web address…`),
 * so that a wrong entry can be named and fixed alone.
 */
export function checkRecord(spec: SpecOf<'records'>, record: unknown, checkAny: CheckAny): Checked {
  if (record === null || typeof record !== 'object') return { ok: false, problem: 'not a record' };
  // Keys the question does not know (written by hand) are kept as they are.
  const row: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const field of spec.fields) {
    const raw = (record as Record<string, unknown>)[field.key];
    delete row[field.key];
    if (raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0 && field.value.kind !== 'records')) {
      if (field.optional) continue;
      return { ok: false, problem: `${field.message}: missing` };
    }
    const checked = checkAny(field.value, raw);
    if (!checked.ok) return { ok: false, problem: `${field.message}: ${checked.problem}` };
    row[field.key] = checked.value;
  }
  return { ok: true, value: row };
}
