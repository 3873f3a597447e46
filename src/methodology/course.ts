// Pure: the methodology taught as a course (course.yaml beside the manifest): validates it against the
// schema and against the methodology it teaches (phases, items, plan paths), and builds the model.
import { InputError, type Diagnostic } from '../errors.js';
import { locate, type DataPath, type YamlSource } from '../source/yaml-source.js';
import { ajvErrorsToDiagnostics, type Validation } from '../validation/schema-validation.js';
import { planSchemaHasPath } from './plan-schema-paths.js';
import { allItems, type Methodology } from './types.js';

export interface CourseScenario {
  title: string;
  situation: string;
  question: string;
  modelAnswer: string;
  /** A track id when the scenario belongs to one track. */
  track?: string;
}

export interface CoursePhase {
  phase: string;
  objectives: readonly string[];
  /** The case study's chapter for this phase. */
  case: string;
  exercise: { title: string; task: string; produces: readonly string[]; items: readonly string[] };
  scenarios: readonly CourseScenario[];
  /** What differs for each track, by track id. */
  tracks: Readonly<Record<string, string>>;
}

export interface Course {
  id: string;
  title: string;
  version: string;
  description: string;
  tracks: readonly { id: string; title: string; description: string }[];
  caseStudy: {
    community: string;
    summary: string;
    cast: readonly { name: string; role: string }[];
    year: readonly { month: number; event: string }[];
  };
  phases: readonly CoursePhase[];
  practicum: string;
  recertification?: string;
}

interface RawCourse {
  id: string;
  title: string;
  version: string;
  description: string;
  tracks: { id: string; title: string; description: string }[];
  case_study: Course['caseStudy'];
  phases: {
    phase: string;
    objectives: string[];
    case: string;
    exercise: CoursePhase['exercise'];
    scenarios: (Omit<CourseScenario, 'modelAnswer'> & { model_answer: string })[];
    tracks: Record<string, string>;
  }[];
  practicum: string;
  recertification?: string;
}

/** Validates a course against its schema and the methodology it teaches; throws InputError listing every problem. */
export function parseCourse(source: YamlSource, methodology: Methodology, validation: Validation): Course {
  if (!validation.course(source.value)) throw new InputError(ajvErrorsToDiagnostics(validation.course.errors, source));
  const raw = source.value as RawCourse;
  const diagnostics: Diagnostic[] = [];
  const at = (path: DataPath, message: string): void => {
    const pos = locate(source, path);
    diagnostics.push({ file: source.file, line: pos.line, col: pos.col, message });
  };
  const phaseIds = methodology.phases.map((p) => p.id);
  const itemIds = new Set(allItems(methodology).map((i) => i.id));
  const trackIds = raw.tracks.map((t) => t.id);
  raw.phases.forEach((p, index) => {
    if (!phaseIds.includes(p.phase))
      at(['phases', index, 'phase'], `unknown phase '${p.phase}' (the methodology's phases: ${phaseIds.join(', ')})`);
    p.exercise.items.forEach((id, i) => {
      if (!itemIds.has(id)) at(['phases', index, 'exercise', 'items', i], `unknown item '${id}'`);
      else if (!id.startsWith(`${p.phase}.`)) at(['phases', index, 'exercise', 'items', i], `item '${id}' is not in phase '${p.phase}'`);
    });
    p.exercise.produces.forEach((path, i) => {
      if (!planSchemaHasPath(validation.schemas.plan, path.split('.')))
        at(['phases', index, 'exercise', 'produces', i], `'${path}' is not a field of the plan schema`);
    });
    p.scenarios.forEach((s, i) => {
      if (s.track !== undefined && !trackIds.includes(s.track))
        at(['phases', index, 'scenarios', i, 'track'], `unknown track '${s.track}' (tracks: ${trackIds.join(', ')})`);
    });
    // Every track gets its word in every phase: the tracks are the point of the course.
    for (const track of trackIds)
      if (!Object.hasOwn(p.tracks, track)) at(['phases', index, 'tracks'], `phase '${p.phase}' says nothing for the track '${track}'`);
    for (const track of Object.keys(p.tracks))
      if (!trackIds.includes(track)) at(['phases', index, 'tracks', track], `unknown track '${track}'`);
  });
  // One phase of the course per phase of the methodology, in its order.
  const taught = raw.phases.map((p) => p.phase);
  if (taught.join() !== phaseIds.join())
    at(
      ['phases'],
      `the course must teach the methodology's phases once each, in order: ${phaseIds.join(', ')} (it teaches: ${taught.join(', ')})`,
    );
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return {
    id: raw.id,
    title: raw.title,
    version: raw.version,
    description: raw.description,
    tracks: raw.tracks,
    caseStudy: raw.case_study,
    phases: raw.phases.map((p) => ({
      phase: p.phase,
      objectives: p.objectives,
      case: p.case,
      exercise: p.exercise,
      scenarios: p.scenarios.map(({ model_answer, ...s }) => ({ ...s, modelAnswer: model_answer })),
      tracks: p.tracks,
    })),
    practicum: raw.practicum,
    ...(raw.recertification ? { recertification: raw.recertification } : {}),
  };
}
