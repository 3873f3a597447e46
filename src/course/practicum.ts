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
