// The tracks' case plans, read from the files the course names: each must load against the methodology
// and pass the practicum itself (its level, no blocker open, under the track's profile), judged as of the
// day the case names, so the check gives the same answer on any day.
import path from 'node:path';
import { InputError, type Diagnostic } from '../errors.js';
import { loadPlan } from '../io/load-plan.js';
import type { Course, CourseTrack } from '../methodology/course.js';
import type { Methodology } from '../methodology/types.js';
import { assessPlan } from '../scoring/assess-plan.js';
import type { PlanAssessment } from '../scoring/types.js';
import type { Validation } from '../validation/schema-validation.js';
import { judgePracticum, type PracticumVerdict } from './practicum.js';

/** The case plan's file of a track, resolved from the course file's folder. */
export function casePlanFile(course: Pick<Course, 'file'>, track: CourseTrack): string {
  return path.join(path.dirname(course.file), track.case.plan);
}

export interface CasePlanResult {
  track: CourseTrack;
  file: string;
  assessment: PlanAssessment;
  verdict: PracticumVerdict;
}

/** Every track's case plan, assessed as of its own day and judged as a practicum. Throws InputError for a plan that does not load. */
export function assessCasePlans(course: Course, methodology: Methodology, validation: Validation): CasePlanResult[] {
  const diagnostics: Diagnostic[] = [];
  const results: CasePlanResult[] = [];
  for (const track of course.tracks) {
    const file = casePlanFile(course, track);
    try {
      const plan = loadPlan(file, methodology, validation);
      const assessment = assessPlan(plan, methodology, validation, { today: track.case.asOf });
      results.push({ track, file, assessment, verdict: judgePracticum(assessment, methodology, track, course.practicum.level) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const d of error.diagnostics) diagnostics.push(d);
    }
  }
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return results;
}

/** Why a case plan does not serve its track, as diagnostics at the plan file; empty when every one does. */
export function casePlanProblems(results: readonly CasePlanResult[]): Diagnostic[] {
  return results.flatMap(({ track, file, verdict }): Diagnostic[] => {
    if (verdict.passed) return [];
    const why = verdict.profile
      ? `it is judged as ${verdict.profile.type ?? 'no type'} (${verdict.profile.formality}), not as the track's ${verdict.profile.wantedType} (${verdict.profile.wantedFormality})`
      : verdict.openBlockers.length > 0
        ? `blockers are open: ${verdict.openBlockers.join(', ')}`
        : `it reaches ${verdict.level.title}`;
    return [
      {
        file,
        message: `the case plan of the track '${track.id}' must reach ${verdict.wanted.title} with no blocker open as of ${track.case.asOf} (the course's practicum), but ${why}`,
      },
    ];
  });
}

/** Checks that every case plan passes the practicum it illustrates; throws InputError naming each that does not. */
export function checkCasePlans(course: Course, methodology: Methodology, validation: Validation): CasePlanResult[] {
  const results = assessCasePlans(course, methodology, validation);
  const problems = casePlanProblems(results);
  if (problems.length > 0) throw new InputError(problems);
  return results;
}
