// Pure: what an item still lacks, as the interview says it. The assessment writes its rules' messages
// with thresholds as the plan stores them (a share as 0.5); the interview asks in the unit a person
// types (50%), so each message is written again from its rule, in that unit, with its specifics.
import { fillPlaceholders, type TextValues } from '../methodology/placeholders.js';
import type { Item } from '../methodology/types.js';
import type { FailedRule } from '../scoring/types.js';
import { inProfileWords, plainRuleMessage, type FileWords } from './plain-words.js';
import type { ProfileInForce } from './profile-in-force.js';

/**
 * The item's failed rules in the interview's words. `stored` fills placeholders as the assessment did
 * (it finds the rule each message came from: failed rules keep the order of the item's rules); `shown`
 * as the interview shows them. A message whose rule is not found is kept as the assessment wrote it.
 */
export function failedInForce(item: Item, failed: readonly FailedRule[], stored: TextValues, shown: TextValues): string[] {
  let next = 0;
  return failed.map((f) => {
    let found = -1;
    for (let i = next; i < item.evidence.length; i++) {
      const rule = item.evidence[i]!;
      if (rule.path !== f.path) continue;
      if (found < 0) found = i;
      if (fillPlaceholders(rule.message, stored) === f.message) {
        found = i;
        break;
      }
    }
    const message = found < 0 ? f.message : fillPlaceholders(item.evidence[found]!.message, shown);
    if (found >= 0) next = found + 1;
    return f.detail ? `${message} (${f.detail})` : message;
  });
}

/**
 * What an item still lacks, as the interview's feedback says it: in the profile's words and the unit the
 * interview asks in, and without the plan's own words (paths, keys, stored values) unless they were asked
 * for (--show-paths).
 */
export function failedInWords(
  item: Item,
  failed: readonly FailedRule[],
  profile: Pick<ProfileInForce, 'stored' | 'text' | 'words'>,
  words: FileWords,
  showPaths = false,
): string[] {
  return failedInForce(item, failed, profile.stored, profile.text).map((f) =>
    inProfileWords(showPaths ? f : plainRuleMessage(f, words), profile.words),
  );
}
