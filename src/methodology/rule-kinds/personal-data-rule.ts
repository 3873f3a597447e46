// Rule kind `personal-data`: no personal contact details (e-mail addresses, phone numbers, street
// addresses) anywhere in a plan that others may read. The rule's path is the fact that says the plan is
// private; each address found is a finding at its line that names the kind, never the data itself (the
// finding reaches CI logs).
import { getPath } from '../plan-facts.js';
import { pathProblem, type RuleKindModule, type RuleNote, ruleBase, PASSED, type RuleBase } from './rule-kind.js';

/** More than this many addresses are counted, not each reported: a finding per address is enough to act on. */
export const PERSONAL_DATA_NOTES_MAX = 50;

/**
 * No personal contact details (e-mail addresses, phone numbers, street addresses) in any string of the
 * plan, unless the fact at `path` says the plan is kept private (`true`).
 */
export interface PersonalDataRule extends RuleBase {
  kind: 'personal-data';
}

export const personalDataRule: RuleKindModule<PersonalDataRule> = {
  kind: 'personal-data',
  build: (raw) => ({ kind: 'personal-data', ...ruleBase(raw) }),
  params: [],
  validate: (rule, context) => pathProblem(rule, context),
  check(rule, context) {
    // A plan kept private may hold what the team needs; the fact says so, and only `true` counts.
    if (getPath(context.data, rule.segments) === true) return PASSED;
    const found = context.personalData();
    if (found.length === 0) return PASSED;
    const notes: RuleNote[] = found
      .slice(0, PERSONAL_DATA_NOTES_MAX)
      .map((f) => ({ code: 'personal-data', path: f.path, data: { personal: f.kind } }));
    const counts = new Map<string, number>();
    for (const f of found) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
    const detail = [...counts]
      .map(([kind, n]) => `${n} ${n === 1 ? KIND_WORDS[kind as keyof typeof KIND_WORDS] : KIND_PLURALS[kind as keyof typeof KIND_PLURALS]}`)
      .join(', ');
    return { pass: false, detail: `${detail} in the plan`, notes };
  },
  describe: (rule) => `the plan holds no e-mail address, phone number or street address of a person, unless ${rule.path} is true`,
  schemas: () => [],
};

const KIND_WORDS = { email: 'e-mail address', phone: 'phone number', 'street-address': 'street address' } as const;
const KIND_PLURALS = { email: 'e-mail addresses', phone: 'phone numbers', 'street-address': 'street addresses' } as const;
