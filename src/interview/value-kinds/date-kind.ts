// A calendar date, typed YYYY-MM-DD.
import { TYPED_ON_ONE_LINE, type Checked, type ValueKindModule } from './value-kind.js';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const dateKind: ValueKindModule<'date'> = {
  ...TYPED_ON_ONE_LINE,
  derive: (from) => (from.question === 'date' ? { kind: 'date' } : undefined),
  check: (_spec, entered) => {
    const text = String(entered ?? '').trim();
    if (
      !ISO_DATE.test(text) ||
      Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ||
      new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text
    ) {
      return { ok: false, problem: 'enter a date as YYYY-MM-DD' };
    }
    return { ok: true, value: text };
  },
  hint: () => ' (a date: YYYY-MM-DD, e.g. 2026-09-30)',
  seconds: 12,
};

/**
 * A date something is due by: a date, and not one already gone by (`today`, YYYY-MM-DD, is the earliest);
 * an open point put off to a past date would be overdue the moment it is saved.
 */
export function checkDueDate(entered: unknown, today: string | undefined): Checked {
  const checked = dateKind.check({ kind: 'date' }, entered, () => checked);
  if (!checked.ok || today === undefined || String(checked.value) >= today) return checked;
  return { ok: false, problem: `that date has passed: give today (${today}) or a later one` };
}
