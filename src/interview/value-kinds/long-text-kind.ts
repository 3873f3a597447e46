// A long text (a rule asks for 60 characters or more): typed here, or written in the user's editor.
import { checkText } from './entered-text.js';
import { TYPED_ON_ONE_LINE, type ValueKindModule } from './value-kind.js';

export const longTextKind: ValueKindModule<'long-text'> = {
  ...TYPED_ON_ONE_LINE,
  derive: (from) =>
    !from.field && from.question === 'text' && typeof from.rule?.minLength === 'number' && from.rule.minLength >= 60
      ? { kind: 'long-text' }
      : undefined,
  check: (_spec, entered) => checkText(entered),
  hint: () => '',
  seconds: 45,
  ask: async (ask, terminal) => {
    const how = await terminal.chosen(
      ask.message,
      [
        { value: 'here', name: 'Type it here' },
        { value: 'editor', name: 'Write it in my editor' },
      ],
      undefined,
      ask.actions,
    );
    if (how.action !== 'answer') return how;
    if (how.value === 'here') return terminal.typed(ask.message, { kind: 'short-text' }, ask.default, ask.actions);
    const edited = await terminal.editor(typeof ask.default === 'string' ? ask.default : '');
    if (edited.ok) return { action: 'answer', value: edited.text };
    // One line of explanation, then the same answer typed here.
    terminal.warn(`${edited.why}; type the answer here instead.`);
    return terminal.typed(ask.message, { kind: 'short-text' }, ask.default, ask.actions);
  },
};
