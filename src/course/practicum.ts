// Pure: commready's half of the practicum. A plan passes when it is judged under its track's profile (the
// track's community type and formality), reaches the practicum's level, and has no blocker open (waived
// or not). The other half, the judgement calls, is the reviewer's rubric.
import type { CourseTrack } from '../methodology/course.js';
import type { Methodology } from '../methodology/types.js';
import { isOpen, type LevelRef, type PlanAssessment } from '../scoring/types.js';

export interface PracticumVerdict {
  passed: boolean;
  level: LevelRef;
  /** The level asked for. */
  wanted: LevelRef;
  score: number;
  /** Blockers still open, by item id. */
  openBlockers: string[];
  /** Set when the plan is not judged under the track's profile. */
  profile?: { type: string | undefined; formality: string; wantedType: string; wantedFormality: string };
}

export function judgePracticum(
  assessment: PlanAssessment,
  methodology: Methodology,
  track: CourseTrack,
  levelId: string,
): PracticumVerdict {
  const index = methodology.levels.findIndex((l) => l.id === levelId);
  const wantedLevel = methodology.levels[index];
  if (!wantedLevel) throw new Error(`unknown level ${levelId}`);
  const openBlockers = assessment.items.filter((r) => r.severity === 'blocker' && isOpen(r.status)).map((r) => r.itemId);
  const sameProfile = assessment.profile.type === track.type && assessment.profile.formality === track.formality;
  return {
    passed: sameProfile && assessment.level.index >= index && openBlockers.length === 0,
    level: assessment.level,
    wanted: { id: wantedLevel.id, title: wantedLevel.title, index },
    score: assessment.score,
    openBlockers,
    ...(sameProfile
      ? {}
      : {
          profile: {
            type: assessment.profile.type,
            formality: assessment.profile.formality,
            wantedType: track.type,
            wantedFormality: track.formality,
          },
        }),
  };
}

/** Words a text needs to count as written prose (a sentence of the plan), not a name, a date or a choice. */
const PROSE_WORDS = 5;

/** The plan's written sentences, each as compared: lower case, spaces collapsed. */
export function proseOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    const text = value.trim().replace(/\s+/g, ' ').toLowerCase();
    if (text.split(' ').length >= PROSE_WORDS) out.push(text);
  } else if (Array.isArray(value)) {
    for (const v of value) proseOf(v, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) proseOf(v, out);
  }
  return out;
}

/**
 * How much of a plan's prose is the course's worked plans word for word. Changing the community's name in
 * a worked plan made it "a plan you write yourself" to a check of identical data; the share catches a
 * copy with a few edits, while a sentence that happens to match stays well under half.
 */
export function copiedProse(plan: unknown, cases: readonly unknown[]): { copied: number; of: number } {
  const known = new Set<string>();
  for (const c of cases) for (const text of proseOf(c)) known.add(text);
  const own = proseOf(plan);
  return { copied: own.filter((text) => known.has(text)).length, of: own.length };
}

/** Whether a practicum plan is more copy than its own: half its prose or more from the worked plans. */
export function isCopied(share: { copied: number; of: number }): boolean {
  return share.copied > 0 && share.copied * 2 >= share.of;
}
