// Calendar-date arithmetic on YYYY-MM-DD strings, in whole days, without time zones.

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * True for a real calendar date written YYYY-MM-DD (proleptic Gregorian, as Date has it). Counted,
 * not made into a Date: the first Date object of a run makes V8 read the machine's time zone.
 */
export function isIsoDate(value: string): boolean {
  // Most texts a plan holds are not dates: their length or fifth character settles it without the expression.
  if (value.length !== 10 || value.charCodeAt(4) !== 0x2d) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
