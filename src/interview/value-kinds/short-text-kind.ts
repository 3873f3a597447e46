// A short text on one line; a web address when its format is `url`, checked by the very format check
// the plan schema's `format: uri` runs (so an address taken here is never refused when the plan is saved).
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { withQuickUri } from '../../validation/formats.js';
import { isPlaceholderLink } from '../../text/non-answer.js';
import { checkText } from './entered-text.js';
import { TYPED_ON_ONE_LINE, type ValueKindModule } from './value-kind.js';

/** The plan schema's `uri` format, as its validators run it (scheme://… is also required: a link is opened). */
const schemaUri = withQuickUri(fullFormats).uri as (value: string) => boolean;
const WEB_ADDRESS = /^[a-z][a-z0-9+.-]*:\/\//i;

export const shortTextKind: ValueKindModule<'short-text'> = {
  ...TYPED_ON_ONE_LINE,
  // Also what a list's field is asked as when no other kind takes it.
  derive: (from) => {
    if (from.question === 'url') return { kind: 'short-text', format: 'url' };
    return from.field || from.question === 'text' ? { kind: 'short-text' } : undefined;
  },
  check: (spec, entered) => {
    const checked = checkText(entered);
    if (checked.ok && spec.format === 'url' && !(WEB_ADDRESS.test(String(checked.value)) && schemaUri(String(checked.value))))
      return {
        ok: false,
        problem: `enter a web address such as https://forum.your-community.example/${secondHash(String(checked.value))}`,
      };
    // The assessment counts such an address as not written (a template's, or this machine's): refused as typed.
    if (checked.ok && spec.format === 'url' && isPlaceholderLink(String(checked.value)))
      return { ok: false, problem: `'${String(checked.value)}' leads nowhere a member could follow: enter the address members open` };
    return checked;
  },
  hint: (spec) => (spec.format === 'url' ? ' (a web address: https://…)' : ''),
  seconds: 20,
};

/** What is wrong with an address that has a second `#` (a chat room's, often): the usual trap. */
function secondHash(text: string): string {
  return text.indexOf('#') !== text.lastIndexOf('#') ? " (only one '#' may appear: write the others as %23)" : '';
}
