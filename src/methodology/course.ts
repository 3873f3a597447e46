// Pure: the methodology taught as a course (course.yaml beside the manifest): validates it against the
// schema and against the methodology it teaches (phases, items, plan paths, profiles, levels, references),
// proves that every item is exercised by an exercise or a question, and builds the model.
import { InputError, type Diagnostic } from '../errors.js';
import type { DataPath, YamlSource } from '../source/yaml-source.js';
import { ajvErrorsToDiagnostics, type Validation } from '../validation/schema-validation.js';
import { planSchemaHasPath } from './plan-schema-paths.js';
import { allItems, type Formality, type Methodology } from './types.js';

/** One answer a scenario question offers, with why it is (or is not) the best one. */
export interface CourseOption {
  text: string;
  explanation: string;
  best: boolean;
}

/** A scenario question: a situation, a question, options with explanations and exactly one best answer. */
export interface CourseQuestion {
  /** Unique in the course; progress is recorded by it. */
  id: string;
  title: string;
  situation: string;
  question: string;
  options: readonly CourseOption[];
  /** The items it exercises: a learner who misses it is sent back to them. */
  items: readonly string[];
  /** Asked only of learners on this track. */
  track?: string;
}

export interface CourseExercise {
  title: string;
  task: string;
  /** Plan paths the exercise writes (none for an exercise that reads a report). */
  produces: readonly string[];
  /** Items it exercises. */
  items: readonly string[];
}

/** A reading: one of the references the methodology cites, with its title from the methodology. */
export interface CourseReading {
  url: string;
  title: string;
  why: string;
}

export interface CourseModule {
  id: string;
  title: string;
  /** The phase it teaches; undefined for the introduction. */
  phase?: string;
  /** Estimated time in minutes: lesson, readings, exercises and quiz. */
  minutes: number;
  outcomes: readonly string[];
  /** The module's own lesson text (Markdown); a phase module goes on with its phase's guides. */
  lesson: string;
  /** The case study's chapter. */
  case: string;
  readings: readonly CourseReading[];
  exercises: readonly CourseExercise[];
  questions: readonly CourseQuestion[];
  /** What differs for each track, by track id. */
  tracks: Readonly<Record<string, string>>;
  /** Share of the quiz's questions to answer best to pass (the course's unless the module sets its own). */
  passMark: number;
}

export interface CourseTrack {
  id: string;
  title: string;
  description: string;
  /** The community type (profile) and formality its plans are judged under. */
  type: string;
  formality: Formality;
  case: {
    community: string;
    summary: string;
    /** The case plan, relative to the course file. */
    plan: string;
    /** The day the case plan is judged as of (YYYY-MM-DD). */
    asOf: string;
  };
}

export interface RubricCriterion {
  criterion: string;
  items: readonly string[];
  lookFor: string;
  strong: string;
  adequate: string;
  weak: string;
}

export interface Course {
  /** The file it was read from (case plans are relative to it). */
  file: string;
  id: string;
  title: string;
  version: string;
  description: string;
  passMark: number;
  tracks: readonly CourseTrack[];
  caseStudy: {
    community: string;
    /** The track whose case community the modules follow. */
    track: string;
    summary: string;
    cast: readonly { name: string; role: string }[];
    year: readonly { month: number; event: string }[];
  };
  modules: readonly CourseModule[];
  practicum: {
    level: string;
    task: string;
    rubric: { instructions: string; criteria: readonly RubricCriterion[]; pass: string };
  };
  recertification?: string;
}

interface RawQuestion {
  id: string;
  title: string;
  situation: string;
  question: string;
  options: { text: string; explanation: string; best?: true }[];
  items: string[];
  track?: string;
}

interface RawModule {
  id: string;
  title: string;
  phase?: string;
  minutes: number;
  outcomes: string[];
  lesson: string;
  case: string;
  readings: { url: string; why: string }[];
  exercises: (Omit<CourseExercise, 'produces'> & { produces?: string[] })[];
  questions: RawQuestion[];
  tracks: Record<string, string>;
  pass_mark?: number;
}

interface RawCourse {
  id: string;
  title: string;
  version: string;
  description: string;
  pass_mark: number;
  tracks: (Omit<CourseTrack, 'case'> & { case: Omit<CourseTrack['case'], 'asOf'> & { as_of: string } })[];
  case_study: Course['caseStudy'];
  modules: RawModule[];
  practicum: {
    level: string;
    task: string;
    rubric: {
      instructions: string;
      criteria: (Omit<RubricCriterion, 'lookFor'> & { look_for: string })[];
      pass: string;
    };
  };
  recertification?: string;
}

/** The words `commready course` takes before a module's place; no module may be named like one. */
export const COURSE_TOPICS = ['quiz', 'practicum', 'rubric', 'certificate', 'verify'] as const;

/** Every question of a module that a learner on `track` is asked: the general ones and the track's own. */
export function questionsFor(module: CourseModule, track: string | undefined): readonly CourseQuestion[] {
  return module.questions.filter((q) => q.track === undefined || q.track === track);
}

/** What of a module exercises items: its exercises and its questions. */
interface ExercisingModule {
  id: string;
  exercises: readonly { items: readonly string[] }[];
  questions: readonly { id: string; items: readonly string[] }[];
}

/** The items the course exercises (by an exercise or a question), each with where. */
export function exercisedItems(modules: readonly ExercisingModule[]): Map<string, string[]> {
  const where = new Map<string, string[]>();
  const add = (id: string, by: string): void => {
    const list = where.get(id);
    if (list) list.push(by);
    else where.set(id, [by]);
  };
  for (const m of modules) {
    m.exercises.forEach((e, i) => e.items.forEach((id) => add(id, `${m.id} exercise ${i + 1}`)));
    for (const q of m.questions) for (const id of q.items) add(id, `${m.id} question ${q.id}`);
  }
  return where;
}

/** Validates a course against its schema and the methodology it teaches; throws InputError listing every problem. */
export function parseCourse(source: YamlSource, methodology: Methodology, validation: Validation): Course {
  if (!validation.course(source.value)) throw new InputError(ajvErrorsToDiagnostics(validation.course.errors, source));
  const raw = source.value as RawCourse;
  // The references the methodology cites, by address: a reading must be one of them.
  const cited = new Map<string, string>();
  for (const item of allItems(methodology)) for (const r of item.references) if (!cited.has(r.url)) cited.set(r.url, r.title);
  const diagnostics = checkCourse(raw, source, methodology, validation, cited);
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return buildCourse(raw, source, cited);
}

/** What the checks of a course's parts share: where problems go, and the names the course may use. */
interface CourseCheck {
  at(path: DataPath, message: string): void;
  checkItem(id: string, path: DataPath, phase?: string): void;
  checkTrack(track: string, path: DataPath): void;
  phaseIds: readonly string[];
  trackIds: readonly string[];
  cited: ReadonlyMap<string, string>;
  validation: Validation;
}

/** Every problem of a schema-valid course against the methodology it teaches, in the order found. */
function checkCourse(
  raw: RawCourse,
  source: YamlSource,
  methodology: Methodology,
  validation: Validation,
  cited: ReadonlyMap<string, string>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (path: DataPath, message: string): void => {
    const pos = source.locate(path);
    diagnostics.push({ file: source.file, line: pos.line, col: pos.col, message });
  };
  const phaseIds = methodology.phases.map((p) => p.id);
  const items = allItems(methodology);
  const itemIds = new Set(items.map((i) => i.id));
  const trackIds = raw.tracks.map((t) => t.id);
  const profileIds = methodology.profiles.map((p) => p.id);
  const check: CourseCheck = {
    at,
    checkItem: (id, path, phase) => {
      if (!itemIds.has(id)) at(path, `unknown item '${id}'`);
      else if (phase !== undefined && !id.startsWith(`${phase}.`)) at(path, `item '${id}' is not in phase '${phase}'`);
    },
    checkTrack: (track, path) => {
      if (!trackIds.includes(track)) at(path, `unknown track '${track}' (tracks: ${trackIds.join(', ')})`);
    },
    phaseIds,
    trackIds,
    cited,
    validation,
  };

  raw.tracks.forEach((t, i) => {
    if (trackIds.indexOf(t.id) !== i) at(['tracks', i, 'id'], `track '${t.id}' is defined twice`);
    if (!profileIds.includes(t.type))
      at(['tracks', i, 'type'], `unknown community type '${t.type}' (the methodology's types: ${profileIds.join(', ')})`);
  });
  check.checkTrack(raw.case_study.track, ['case_study', 'track']);
  checkModules(raw.modules, check);

  // An introduction, then one module per phase of the methodology, in its order.
  const taught = raw.modules.flatMap((m) => (m.phase === undefined ? [] : [m.phase]));
  if (raw.modules[0]?.phase !== undefined)
    at(['modules', 0], 'the first module is the introduction, which teaches no phase (leave out its phase)');
  if (raw.modules.slice(1).some((m) => m.phase === undefined))
    at(['modules'], 'only the first module, the introduction, may leave out its phase');
  if (taught.join() !== phaseIds.join())
    at(
      ['modules'],
      `the course must teach the methodology's phases once each, in order: ${phaseIds.join(', ')} (it teaches: ${taught.join(', ')})`,
    );

  // Every item is exercised somewhere: by an exercise or by a question.
  const exercised = exercisedItems(raw.modules);
  const missed = items.filter((i) => !exercised.has(i.id)).map((i) => i.id);
  if (missed.length > 0)
    at(
      ['modules'],
      `${missed.length} item${missed.length === 1 ? ' is' : 's are'} exercised by no exercise or question: ${missed.join(', ')}`,
    );

  if (!methodology.levels.some((l) => l.id === raw.practicum.level))
    at(['practicum', 'level'], `unknown level '${raw.practicum.level}' (levels: ${methodology.levels.map((l) => l.id).join(', ')})`);
  raw.practicum.rubric.criteria.forEach((c, i) =>
    c.items.forEach((id, j) => check.checkItem(id, ['practicum', 'rubric', 'criteria', i, 'items', j])),
  );
  return diagnostics;
}

/** Each module: unique id, a known phase, readings the methodology cites, exercises, questions, a word per track. */
function checkModules(modules: readonly RawModule[], check: CourseCheck): void {
  const { at, checkItem, checkTrack, phaseIds, trackIds, cited } = check;
  const moduleIds = new Set<string>();
  const questionIds = new Set<string>();
  modules.forEach((m, index) => {
    const base: DataPath = ['modules', index];
    if (moduleIds.has(m.id)) at([...base, 'id'], `module '${m.id}' is defined twice`);
    if ((COURSE_TOPICS as readonly string[]).includes(m.id))
      at([...base, 'id'], `a module cannot be named '${m.id}': 'commready course ${m.id}' means something else`);
    moduleIds.add(m.id);
    if (m.phase !== undefined && !phaseIds.includes(m.phase))
      at([...base, 'phase'], `unknown phase '${m.phase}' (the methodology's phases: ${phaseIds.join(', ')})`);
    m.readings.forEach((r, i) => {
      if (!cited.has(r.url))
        at(
          [...base, 'readings', i, 'url'],
          `the reading '${r.url}' is not a reference the methodology cites; readings must be sources an item names`,
        );
    });
    m.exercises.forEach((e, i) => {
      e.items.forEach((id, j) => checkItem(id, [...base, 'exercises', i, 'items', j], m.phase));
      (e.produces ?? []).forEach((path, j) => {
        if (!planSchemaHasPath(check.validation.schemas.plan, path.split('.')))
          at([...base, 'exercises', i, 'produces', j], `'${path}' is not a field of the plan schema`);
      });
    });
    m.questions.forEach((q, i) => {
      const qBase: DataPath = [...base, 'questions', i];
      if (questionIds.has(q.id)) at([...qBase, 'id'], `question '${q.id}' is defined twice`);
      questionIds.add(q.id);
      const best = q.options.filter((o) => o.best === true).length;
      if (best !== 1) at([...qBase, 'options'], `question '${q.id}' marks ${best} best answers; mark exactly one with 'best: true'`);
      const texts = q.options.map((o) => o.text.trim());
      if (new Set(texts).size !== texts.length) at([...qBase, 'options'], `question '${q.id}' offers the same option twice`);
      q.items.forEach((id, j) => checkItem(id, [...qBase, 'items', j]));
      if (q.track !== undefined) checkTrack(q.track, [...qBase, 'track']);
    });
    // Every track gets its word in every module: the tracks are the point of the course.
    for (const track of trackIds)
      if (!Object.hasOwn(m.tracks, track)) at([...base, 'tracks'], `module '${m.id}' says nothing for the track '${track}'`);
    for (const track of Object.keys(m.tracks)) if (!trackIds.includes(track)) at([...base, 'tracks', track], `unknown track '${track}'`);
  });
}

/** The course model from a checked course; readings take their titles from the references cited. */
function buildCourse(raw: RawCourse, source: YamlSource, cited: ReadonlyMap<string, string>): Course {
  return {
    file: source.file,
    id: raw.id,
    title: raw.title,
    version: raw.version,
    description: raw.description,
    passMark: raw.pass_mark,
    tracks: raw.tracks.map(({ case: c, ...t }) => ({
      ...t,
      case: { community: c.community, summary: c.summary, plan: c.plan, asOf: c.as_of },
    })),
    caseStudy: raw.case_study,
    modules: raw.modules.map((m) => ({
      id: m.id,
      title: m.title,
      ...(m.phase === undefined ? {} : { phase: m.phase }),
      minutes: m.minutes,
      outcomes: m.outcomes,
      lesson: m.lesson,
      case: m.case,
      readings: m.readings.map((r) => ({ url: r.url, title: cited.get(r.url) ?? r.url, why: r.why })),
      exercises: m.exercises.map((e) => ({ title: e.title, task: e.task, produces: e.produces ?? [], items: e.items })),
      questions: m.questions.map((q) => ({
        id: q.id,
        title: q.title,
        situation: q.situation,
        question: q.question,
        options: q.options.map((o) => ({ text: o.text, explanation: o.explanation, best: o.best === true })),
        items: q.items,
        ...(q.track === undefined ? {} : { track: q.track }),
      })),
      tracks: m.tracks,
      passMark: m.pass_mark ?? raw.pass_mark,
    })),
    practicum: {
      level: raw.practicum.level,
      task: raw.practicum.task,
      rubric: {
        instructions: raw.practicum.rubric.instructions,
        criteria: raw.practicum.rubric.criteria.map(({ look_for, ...c }) => ({ ...c, lookFor: look_for })),
        pass: raw.practicum.rubric.pass,
      },
    },
    ...(raw.recertification ? { recertification: raw.recertification } : {}),
  };
}
