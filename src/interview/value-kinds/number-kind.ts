// A number, with its bounds; a whole number where the rule asks for an integer.
import { TYPED_ON_ONE_LINE, type ValueKindModule } from './value-kind.js';

export const numberKind: ValueKindModule<'number'> = {
  ...TYPED_ON_ONE_LINE,
  // After the percentage: a number the rule reads as a share is a percentage.
  derive: (from) => {
    if (from.question !== 'number') return undefined;
    if (from.field) return { kind: 'number' };
    return { kind: 'number', minimum: 0, ...(from.rule?.type === 'integer' ? { integer: true } : {}) };
  },
  check: (spec, entered) => {
    const n = typeof entered === 'number' ? entered : Number(String(entered).trim());
    if (String(entered).trim() === '' || !Number.isFinite(n)) return { ok: false, problem: 'enter a number' };
    if (spec.integer && !Number.isInteger(n)) return { ok: false, problem: 'enter a whole number' };
    if (spec.minimum !== undefined && n < spec.minimum) return { ok: false, problem: `enter ${spec.minimum} or more` };
    if (spec.maximum !== undefined && n > spec.maximum) return { ok: false, problem: `enter ${spec.maximum} or less` };
    return { ok: true, value: n };
  },
  hint: () => '',
  seconds: 10,
};
