// A short text on one line; a web address when its format is `url`.
import { checkText } from './entered-text.js';
import { TYPED_ON_ONE_LINE, type ValueKindModule } from './value-kind.js';

const WEB_ADDRESS = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

export const shortTextKind: ValueKindModule<'short-text'> = {
  ...TYPED_ON_ONE_LINE,
  // Also what a list's field is asked as when no other kind takes it.
  derive: (from) => {
    if (from.question === 'url') return { kind: 'short-text', format: 'url' };
    return from.field || from.question === 'text' ? { kind: 'short-text' } : undefined;
  },
  check: (spec, entered) => {
    const checked = checkText(entered);
    if (checked.ok && spec.format === 'url' && !WEB_ADDRESS.test(String(checked.value)))
      return { ok: false, problem: 'enter a web address such as https://example.org/' };
    return checked;
  },
  hint: (spec) => (spec.format === 'url' ? ' (a web address: https://…)' : ''),
  seconds: 20,
};
