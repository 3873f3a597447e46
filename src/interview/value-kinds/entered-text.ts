// Pure: what the text kinds share: a typed text that counts as not written, and a list typed on one
// line separated by commas.
import { isNonAnswer, isTemplateAddress } from '../../text/non-answer.js';
import type { Checked } from './value-kind.js';

/** Why a typed text would count as not written ("none", "tbd"), or undefined. */
export function nonAnswerProblem(text: string): string | undefined {
  return isNonAnswer(text)
    ? `'${text}' counts as not written: choose "No, not in place yet" or "Don't know yet" instead (type ? for them)`
    : undefined;
}

/** Why a typed name names nobody: a non-answer, or no letter in it (a date or a number typed by mistake). */
export function personNameProblem(name: string): string | undefined {
  return nonAnswerProblem(name) ?? (/\p{L}/u.test(name) ? undefined : `'${name}' is not a name: a name has letters`);
}

/** The parts of a list as entered (a list, or one line separated by commas), trimmed, empty ones left out. */
export function partsOf(entered: unknown): string[] {
  return (Array.isArray(entered) ? entered.map(String) : String(entered ?? '').split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A typed text, trimmed, refused when empty or when it counts as not written. */
export function checkText(entered: unknown): Checked {
  if (typeof entered !== 'string' || entered.trim().length === 0) return { ok: false, problem: 'enter some text' };
  const text = entered.trim();
  const odd = nonAnswerProblem(text);
  if (odd) return { ok: false, problem: odd };
  // The assessment counts a template's address as not written: refused as typed.
  if (isTemplateAddress(text))
    return { ok: false, problem: `'${text}' is a template's address and reaches no one: enter the address that is read` };
  return { ok: true, value: text };
}
