// A share, entered as a percentage (0 to 100) and stored as the fraction the plan holds (0 to 1).
import { percentOf } from '../../methodology/placeholders.js';
import { TYPED_ON_ONE_LINE, type ValueKindModule, type Checked } from './value-kind.js';

export const percentageKind: ValueKindModule<'percentage'> = {
  ...TYPED_ON_ONE_LINE,
  derive: (from) =>
    !from.field && from.question === 'number' && (from.rule?.maximum === 1 || /(^|_)share$/.test(from.key))
      ? { kind: 'percentage' }
      : undefined,
  check: (_spec, entered) => checkPercentage(entered),
  // Shown with its sign (`50%`, `0.5%`), which the prompt takes back as it is.
  toEntered: (_spec, stored) => (typeof stored === 'number' ? `${percentOf(stored)}%` : undefined),
  hint: () => ' (in %, 0 to 100)',
  ownScale: true,
  seconds: 10,
};

const PERCENT = /^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(%?)$/;

/**
 * A percentage as entered, stored as the fraction the plan holds: `50` and `50%` store 0.5, `12.5` 0.125.
 * A bare number between 0 and 1 is refused: `0.5` is far more often a fraction typed by habit (meaning
 * 50%) than half of one percent, so it must be typed `50`, or `0.5%` when half a percent is meant.
 */
function checkPercentage(entered: unknown): Checked {
  const text = typeof entered === 'number' ? String(entered) : String(entered ?? '').trim();
  const m = PERCENT.exec(text);
  const n = m ? Number(m[1]) : Number.NaN;
  if (!m || !Number.isFinite(n) || n > 100) return { ok: false, problem: 'enter a percentage from 0 to 100' };
  if (n > 0 && n < 1 && m[2] !== '%')
    return {
      ok: false,
      problem: `this asks for a percentage: type ${percentOf(n)} for ${percentOf(n)}% (or ${m[1]}% if you mean ${m[1]} percent)`,
    };
  return { ok: true, value: fractionOf(m[1]!) };
}

/** `12.5` (percent) → 0.125, by moving the decimal point, so the plan stores exactly the number typed. */
function fractionOf(percent: string): number {
  const [whole = '', decimals = ''] = percent.split('.');
  const digits = `${whole.padStart(3, '0')}${decimals}`;
  return Number(`${digits.slice(0, -2 - decimals.length) || '0'}.${digits.slice(-2 - decimals.length)}`);
}
