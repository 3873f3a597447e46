// Pure: validates a methodology's manifest and phase files (schema and cross-references) and builds the model.
import { InputError, type Diagnostic } from '../errors.js';
import type { DataPath, YamlSource } from '../source/yaml-source.js';
import { ajvErrorsToDiagnostics, type Validation } from '../validation/schema-validation.js';
import { didYouMean } from '../text/closest-matches.js';
import { findParamReferences, messagePlaceholders, paramNames, paramValues, resolveParams, wordPlaceholders } from './evidence-schema.js';
import { lengthOnlyTextPaths } from './length-only-text.js';
import {
  inFreeFormSection,
  peopleLists,
  personFields,
  planSchemaChoicesAt,
  planSchemaHasPath,
  planSchemaShapesAt,
} from './plan-schema-paths.js';
import { kindOfValue, kindsOfPlanNode, whyNoValuePasses } from './unsatisfiable-schema.js';
import { buildRule, reviewRule, ruleEvidenceSchema, ruleLists, ruleObserves, ruleSchemas, validateRule } from './rule-kinds/index.js';
import type {
  AnswerList,
  Condition,
  EvidenceRule,
  Dimension,
  Formality,
  FormalityProfile,
  Framework,
  Gate,
  Item,
  Level,
  Methodology,
  Param,
  Phase,
  Profile,
  ProfileEffects,
  Question,
  Severity,
  Stage,
} from './types.js';
import { STAGES } from './types.js';
import { buildQuestions, checkQuestionCoverage } from './parse-questions.js';
import { byCodeUnit } from '../text/compare.js';

/** The files of one methodology directory, already read and parsed as YAML. */
export interface MethodologyFiles {
  /** Directory, for display. */
  location: string;
  manifest: YamlSource;
  /** Phase files by the phase id the manifest lists; undefined where the file is missing. */
  phases: ReadonlyMap<string, YamlSource | undefined>;
  /** questions.yaml beside the manifest, when there is one. */
  questions?: YamlSource;
  /** The parsed methodology this one `extends`, if any. */
  base?: Methodology;
}

interface RawManifest {
  id: string;
  title: string;
  version: string;
  description?: string;
  extends?: string;
  validity_days?: number;
  phases: string[];
  params?: Record<
    string,
    { value: number; description: string; basis?: string; minimum?: number; maximum?: number; integer?: boolean; from?: string }
  >;
  levels?: {
    id: string;
    title: string;
    description: string;
    backed_by?: string;
    min_score: number;
    min_health?: number;
    min_health_coverage?: number;
    gates?: RawGate[];
    running?: { title?: string; description?: string; min_score?: number; gates?: RawGate[] };
  }[];
  profiles?: (RawEffects & { id: string; title: string; description: string; formality?: Formality })[];
  formalities?: (RawEffects & { id: Formality; title: string; description: string })[];
  words?: Record<string, string>;
  frameworks?: Framework[];
  retired?: { id: string; reason: string }[];
  lists?: Record<string, { values: string[]; description: string; basis?: string }>;
  aliases?: Record<string, string>;
  restructured?: { path: string; now: string }[];
  changelog?: { version: string; changes: string[] }[];
  strict_text?: boolean;
  overrides?: {
    items?: Record<string, { disabled?: boolean; weight?: number; severity?: Severity }>;
    params?: Record<string, number>;
    levels?: Record<string, { min_score?: number; min_health?: number }>;
  };
}

interface RawEffects {
  not_applicable?: { item: string; reason: string }[];
  params?: Record<string, number>;
  severity?: Record<string, Severity>;
  weight?: Record<string, number>;
  words?: Record<string, string>;
  lists?: Record<string, string[]>;
}

type RawGate = {
  no_open?: { severities: Severity[]; phases?: string[]; safety?: boolean };
  items_met?: string[];
  share_met?: { severity: Severity; min: number };
};

interface RawItem {
  id: string;
  title: string;
  why: string;
  guidance: string;
  severity: Severity;
  weight: number;
  evidence?: Record<string, unknown>[];
  rating?: { met: string; partial: string; unmet: string };
  na: boolean;
  safety?: boolean;
  stages?: Stage[];
  stage_note?: string;
  observable_after_days?: number;
  dimension?: Dimension;
  applies_when?: Record<string, string | number | boolean | (string | number | boolean)[]>;
  question: Question;
  covers?: string[];
  references: { title: string; url: string }[];
}

interface RawPhase {
  id: string;
  title: string;
  summary: string;
  items: RawItem[];
}

/** What every step of parsing reads: the files, the validation, the manifest, and where problems go. */
interface ParseContext {
  files: MethodologyFiles;
  validation: Validation;
  manifest: RawManifest;
  manifestSource: YamlSource;
  base: Methodology | undefined;
  /** Problems found so far, in every file; sorted by position when thrown. */
  diagnostics: Diagnostic[];
  /** Records a problem at a path of a file. */
  at: Report;
  /** Rules refused already (an invalid schema, or one no plan can meet): later checks do not compare with them, which would echo. */
  refusedRules: WeakSet<EvidenceRule>;
}

/** What the items of this manifest may refer to: parameter values, words and named lists, and the house style. */
interface ItemScope {
  values: Record<string, number>;
  words: Readonly<Record<string, string>>;
  lists: Readonly<Record<string, readonly string[]>>;
  strictText: boolean;
  retiredIds: ReadonlySet<string>;
}

/**
 * Validates and builds a methodology; throws InputError listing every problem with its position. The
 * steps run in this order because each reads what the one before built; problems are collected, not
 * thrown, so that an author sees them all at once.
 */
export function parseMethodology(files: MethodologyFiles, validation: Validation): Methodology {
  const context = startParse(files, validation);
  const { manifest, base } = context;
  const rawPhases = readPhaseFiles(context);
  // Cross-references are checked only on well-formed files: otherwise they would echo the same fault.
  throwIfAny(context);

  const params = buildParams(context);
  const words: Record<string, string> = { ...(base?.words ?? {}), ...(manifest.words ?? {}) };
  const lists = buildLists(context);
  const retired = [...(base?.retired ?? []), ...(manifest.retired ?? [])];
  const scope: ItemScope = {
    values: paramValues(params),
    words,
    lists: Object.fromEntries(Object.entries(lists).map(([n, l]) => [n, l.values])),
    strictText: manifest.strict_text === true,
    retiredIds: new Set(retired.map((r) => r.id)),
  };

  const { phases, seenItems } = buildPhases(context, rawPhases, scope);
  applyItemOverrides(context, phases, seenItems);
  checkNoEmptyPhase(context, phases, rawPhases);
  const itemIds = new Set(phases.flatMap((p) => p.items.map((i) => i.id)));
  const knownIds = new Set(seenItems.keys()); // includes disabled items, which gates may still name
  const phaseIds = phases.map((p) => p.id);

  const levels = buildLevels(context, phases, phaseIds, knownIds);
  checkLadder(context, levels, phases);
  const allBuilt = phases.flatMap((p) => p.items);
  const effectsOf = profileEffectsReader(context, { allBuilt, knownIds, params, words, lists });
  const profiles = buildProfiles(context, effectsOf);
  checkTypeConditions(context, rawPhases, profiles);
  const formalities = buildFormalities(context, effectsOf);
  checkProfileParamsUsable(context, { allBuilt, params, profiles, formalities });
  checkNoRepeatedProfile(context);
  const frameworks = buildFrameworks(context, rawPhases);

  // Interview questions: the base's, then this directory's; every evidence path must be asked somewhere.
  const questionContext = {
    planSchema: validation.schemas.plan as Record<string, unknown>,
    phaseIds,
    knownIds,
    items: allBuilt,
    levels,
    types: profiles.map((p) => p.id),
    refusedRules: context.refusedRules,
  };
  const { screener, questions } = buildQuestions(files.questions, base, questionContext, validation, context.at, (d) =>
    context.diagnostics.push(d),
  );
  checkQuestionCoverage(phases, rawPhases, questions, questionContext, context.at);

  checkEverythingDefinedIsUsed(context, allBuilt);
  const aliases = buildAliases(context, { knownIds, itemIds, retiredIds: scope.retiredIds });
  const restructured = buildRestructured(context);
  if (itemIds.size === 0) context.at(context.manifestSource, ['phases'], 'the methodology has no items');
  throwIfAny(context);

  return {
    id: manifest.id,
    title: manifest.title,
    version: manifest.version,
    ...(manifest.description ? { description: manifest.description } : {}),
    validityDays: manifest.validity_days ?? base?.validityDays ?? 365,
    phases,
    params,
    lists,
    aliases,
    restructured,
    personFields: personFields(validation.schemas.plan),
    peopleLists: peopleLists(validation.schemas.plan),
    changelog: manifest.changelog ?? base?.changelog ?? [],
    levels,
    profiles,
    formalities,
    words,
    screener,
    questions,
    frameworks,
    retired,
    location: files.location,
    directories: [files.location, ...(base?.directories ?? [])],
  };
}

/** The manifest checked against its schema (a malformed one stops here), and the context every step shares. */
function startParse(files: MethodologyFiles, validation: Validation): ParseContext {
  const diagnostics: Diagnostic[] = [];
  const at: Report = (source, path, message) => {
    const pos = source.locate(path);
    diagnostics.push({ file: source.file, line: pos.line, col: pos.col, message });
  };
  const manifestSource = files.manifest;
  if (!validation.manifest(manifestSource.value)) {
    throw new InputError(ajvErrorsToDiagnostics(validation.manifest.errors, manifestSource));
  }
  const manifest = manifestSource.value as RawManifest;
  if (manifest.overrides && !manifest.extends) {
    at(manifestSource, ['overrides'], "'overrides' needs 'extends': there is no base methodology to override");
  }
  return { files, validation, manifest, manifestSource, base: files.base, diagnostics, at, refusedRules: new WeakSet() };
}

function throwIfAny(context: ParseContext): void {
  if (context.diagnostics.length > 0) throw new InputError(sortDiagnostics(context.diagnostics));
}

/** Phase files: schema first, so the cross-reference checks after can trust their shape. */
function readPhaseFiles(context: ParseContext): { raw: RawPhase; source: YamlSource }[] {
  const { files, validation, manifestSource, at } = context;
  const rawPhases: { raw: RawPhase; source: YamlSource }[] = [];
  const listed = new Set<string>();
  context.manifest.phases.forEach((phaseId, index) => {
    if (listed.has(phaseId)) {
      at(manifestSource, ['phases', index], `phase '${phaseId}' is listed twice`);
      return;
    }
    listed.add(phaseId);
    const source = files.phases.get(phaseId);
    if (!source) {
      at(manifestSource, ['phases', index], `phase file '${phaseId}.yaml' was not found beside the manifest`);
      return;
    }
    if (!validation.phase(source.value)) {
      for (const d of ajvErrorsToDiagnostics(validation.phase.errors, source)) context.diagnostics.push(d);
      return;
    }
    const raw = source.value as RawPhase;
    if (raw.id !== phaseId) {
      at(source, ['id'], `phase id '${raw.id}' does not match its file name '${phaseId}.yaml'`);
      return;
    }
    rawPhases.push({ raw, source });
  });
  return rawPhases;
}

/** Parameters: the base's, then this manifest's, then its overrides. */
function buildParams(context: ParseContext): Record<string, Param> {
  const { manifest, manifestSource, at } = context;
  const params: Record<string, Param> = { ...(context.base?.params ?? {}) };
  for (const [name, p] of Object.entries(manifest.params ?? {})) {
    params[name] = { ...p };
    const problem = paramValueProblem(params[name]!, p.value);
    if (problem) at(manifestSource, ['params', name, 'value'], `parameter '${name}': the default ${problem}`);
    if (p.from !== undefined && !planSchemaHasPath(context.validation.schemas.plan, p.from.split('.')))
      at(manifestSource, ['params', name, 'from'], `parameter '${name}': '${p.from}' is not a field of the plan schema`);
  }
  for (const [name, value] of Object.entries(manifest.overrides?.params ?? {})) {
    const param = Object.hasOwn(params, name) ? params[name] : undefined;
    if (!param) at(manifestSource, ['overrides', 'params', name], unknownName('parameter', name, Object.keys(params)));
    else {
      const problem = paramValueProblem(param, value);
      if (problem) at(manifestSource, ['overrides', 'params', name], `parameter '${name}': ${value} ${problem.replace(/^\S+ /, '')}`);
      params[name] = { ...param, value };
    }
  }
  return params;
}

/** Named lists of answers: the base's, then this manifest's. */
function buildLists(context: ParseContext): Record<string, AnswerList> {
  const lists: Record<string, AnswerList> = { ...(context.base?.lists ?? {}) };
  for (const [name, list] of Object.entries(context.manifest.lists ?? {}))
    lists[name] = { values: list.values, description: list.description, ...(list.basis ? { basis: list.basis } : {}) };
  return lists;
}

/** Phases and items, merged onto the base's; each item checked as it is built. */
function buildPhases(
  context: ParseContext,
  rawPhases: readonly { raw: RawPhase; source: YamlSource }[],
  scope: ItemScope,
): { phases: Phase[]; seenItems: Map<string, string> } {
  const { at } = context;
  const phases: Phase[] = (context.base?.phases ?? []).map((p) => ({ ...p, items: [...p.items] }));
  const seenItems = new Map<string, string>();
  for (const phase of phases) for (const item of phase.items) seenItems.set(item.id, `${item.origin.file}:${item.origin.line}`);

  for (const { raw, source } of rawPhases) {
    let phase = phases.find((p) => p.id === raw.id);
    if (!phase) {
      phase = { id: raw.id, title: raw.title, summary: raw.summary, items: [], origin: origin(source, []) };
      phases.push(phase);
    }
    raw.items.forEach((rawItem, index) => {
      const item = buildItem(rawItem, raw.id, source, ['items', index]);
      const where = ['items', index];
      if (!rawItem.id.startsWith(`${raw.id}.`))
        at(source, [...where, 'id'], `item id '${rawItem.id}' must start with its phase id '${raw.id}.'`);
      const previous = seenItems.get(rawItem.id);
      if (previous) at(source, [...where, 'id'], `duplicate item id '${rawItem.id}' (first defined at ${previous})`);
      if (scope.retiredIds.has(rawItem.id)) at(source, [...where, 'id'], `item id '${rawItem.id}' is retired and cannot be reused`);
      seenItems.set(rawItem.id, `${source.file}:${item.origin.line}`);
      const placed = { source, where };
      checkItem(context, scope, placed, rawItem, item);
      checkItemRules(context, scope, placed, item);
      phase.items.push(item);
    });
  }
  return { phases, seenItems };
}

/**
 * A phase with no items judges nothing: it shows as n/a in every report, and a gate on it holds nothing.
 * Written in this directory, it is refused at its `items`; a base phase emptied by overrides, at them.
 */
function checkNoEmptyPhase(
  context: ParseContext,
  phases: readonly Phase[],
  rawPhases: readonly { raw: RawPhase; source: YamlSource }[],
): void {
  for (const phase of phases) {
    if (phase.items.length > 0) continue;
    const own = rawPhases.find((r) => r.raw.id === phase.id);
    const message = `phase '${phase.id}' has no items: it would judge nothing`;
    if (own) context.at(own.source, ['items'], message);
    else context.at(context.manifestSource, ['overrides', 'items'], message);
  }
}

/** Overrides of base items: disabled, reweighted or given another severity. */
function applyItemOverrides(context: ParseContext, phases: Phase[], seenItems: ReadonlyMap<string, string>): void {
  for (const [id, change] of Object.entries(context.manifest.overrides?.items ?? {})) {
    const phase = phases.find((p) => p.items.some((i) => i.id === id));
    if (!phase) {
      context.at(context.manifestSource, ['overrides', 'items', id], unknownName('item', id, [...seenItems.keys()]));
      continue;
    }
    if (change.disabled) {
      phase.items = phase.items.filter((i) => i.id !== id);
      continue;
    }
    phase.items = phase.items.map((i) =>
      i.id === id
        ? {
            ...i,
            ...(change.weight !== undefined ? { weight: change.weight } : {}),
            ...(change.severity ? { severity: change.severity } : {}),
          }
        : i,
    );
  }
}

/** Levels: this manifest's (with their gates), or the base's; then the overrides of their scores. */
function buildLevels(context: ParseContext, phases: readonly Phase[], phaseIds: readonly string[], knownIds: ReadonlySet<string>): Level[] {
  const { manifest, manifestSource, at } = context;
  let levels: Level[];
  const gateScope: GateScope = {
    phaseIds,
    itemIds: knownIds,
    safetyIds: phases.flatMap((p) => p.items.filter((i) => i.safety).map((i) => i.id)),
    emptyShare: emptyShareReader(phases),
  };
  if (manifest.levels) {
    const gatesOf = (list: RawGate[] | undefined, where: DataPath): Gate[] =>
      (list ?? []).map((g, gi) => buildGate(g, (path, message) => at(manifestSource, [...where, gi, ...path], message), gateScope));
    levels = manifest.levels.map((raw, index) => buildLevel(raw, (list, ...where) => gatesOf(list, ['levels', index, ...where])));
    const seenLevels = new Set<string>();
    manifest.levels.forEach((raw, index) => {
      if (seenLevels.has(raw.id)) at(manifestSource, ['levels', index, 'id'], `duplicate level id '${raw.id}'`);
      seenLevels.add(raw.id);
    });
  } else {
    levels = [...(context.base?.levels ?? [])];
    checkInheritedShareGates(context, levels, gateScope.emptyShare);
  }
  for (const [id, change] of Object.entries(manifest.overrides?.levels ?? {})) {
    const index = levels.findIndex((l) => l.id === id);
    if (index < 0)
      at(
        manifestSource,
        ['overrides', 'levels', id],
        unknownName(
          'level',
          id,
          levels.map((l) => l.id),
        ),
      );
    else {
      if (change.min_score !== undefined) levels[index] = { ...levels[index]!, minScore: change.min_score };
      if (change.min_health !== undefined) levels[index] = { ...levels[index]!, minHealth: change.min_health };
    }
  }
  return levels;
}

type RawLevel = NonNullable<RawManifest['levels']>[number];

/** One level of the manifest; `gatesOf` builds a list of gates found under the level at `where`. */
function buildLevel(raw: RawLevel, gatesOf: (list: RawGate[] | undefined, ...where: DataPath) => Gate[]): Level {
  const gates = gatesOf(raw.gates, 'gates');
  const running = raw.running;
  return {
    id: raw.id,
    title: raw.title,
    description: raw.description,
    ...(raw.backed_by ? { backedBy: raw.backed_by } : {}),
    minScore: raw.min_score,
    ...(raw.min_health !== undefined ? { minHealth: raw.min_health } : {}),
    ...(raw.min_health_coverage !== undefined ? { minHealthCoverage: raw.min_health_coverage } : {}),
    gates,
    ...(running
      ? {
          running: {
            title: running.title ?? raw.title,
            description: running.description ?? raw.description,
            minScore: running.min_score ?? raw.min_score,
            gates: running.gates ? gatesOf(running.gates, 'running', 'gates') : gates,
          },
        }
      : {}),
  };
}

/**
 * The final ladder, overrides included: the first level is where every plan starts, scores never go down,
 * and a health score needs health items. Where a level's score comes from says where to point.
 */
function checkLadder(context: ParseContext, levels: readonly Level[], phases: readonly Phase[]): void {
  const { manifest, manifestSource, at } = context;
  const overridden = (index: number): boolean =>
    Boolean(manifest.overrides?.levels && Object.hasOwn(manifest.overrides.levels, levels[index]!.id));
  const levelWhere = (index: number): DataPath => {
    if (overridden(index)) return ['overrides', 'levels', levels[index]!.id, 'min_score'];
    return manifest.levels ? ['levels', index, 'min_score'] : ['extends'];
  };
  if (levels.length === 0) at(manifestSource, [], 'the methodology defines no levels');
  else if (levels[0]!.minScore !== 0 || levels[0]!.gates.length > 0 || levels[0]!.minHealth !== undefined) {
    at(
      manifestSource,
      levelWhere(0),
      `the first level '${levels[0]!.id}' must have min_score 0, no min_health and no gates: it is where every plan starts`,
    );
  }
  levels.forEach((level, index) => {
    const previous = levels[index - 1];
    if (previous && level.minScore < previous.minScore) {
      at(
        manifestSource,
        levelWhere(!overridden(index) && overridden(index - 1) ? index - 1 : index),
        `level '${level.id}' needs a lower score (${level.minScore}) than the level before it, '${previous.id}' (${previous.minScore})`,
      );
    }
    if (previous?.minHealth !== undefined && (level.minHealth ?? -1) < previous.minHealth) {
      at(
        manifestSource,
        levelWhere(index),
        `level '${level.id}' needs a lower health score (${level.minHealth ?? 'none'}) than the level before it, '${previous.id}' (${previous.minHealth})`,
      );
    }
  });
  const healthItems = phases.flatMap((p) => p.items).filter((i) => i.dimension === 'health');
  levels.forEach((level, index) => {
    if (level.minHealth !== undefined && healthItems.length === 0)
      at(manifestSource, levelWhere(index), `level '${level.id}' has a min_health, but no item has dimension 'health'`);
  });
}

/** What a profile's or formality's effects may name: the built items, parameters, words and lists. */
interface EffectsScope {
  allBuilt: readonly Item[];
  knownIds: ReadonlySet<string>;
  params: Readonly<Record<string, Param>>;
  words: Readonly<Record<string, string>>;
  lists: Readonly<Record<string, AnswerList>>;
}

/** Reads a profile's (or formality's) effects at `where` in the manifest, checking each name they use. */
function profileEffectsReader(context: ParseContext, scope: EffectsScope): (raw: RawEffects, where: DataPath) => ProfileEffects {
  const { manifestSource, at } = context;
  const { allBuilt, knownIds, params, words, lists } = scope;
  return (raw, where) => {
    const notApplicable = raw.not_applicable ?? [];
    notApplicable.forEach((entry, ni) => {
      const path: DataPath = [...where, 'not_applicable', ni, 'item'];
      const item = allBuilt.find((i) => i.id === entry.item);
      if (!knownIds.has(entry.item)) at(manifestSource, path, unknownName('item', entry.item, [...knownIds]));
      else if (item && !item.na)
        at(manifestSource, path, `item '${entry.item}' does not allow n/a, so no profile can make it n/a (change its severity instead)`);
    });
    for (const [name, value] of Object.entries(raw.params ?? {})) {
      const param = Object.hasOwn(params, name) ? params[name] : undefined;
      if (!param) at(manifestSource, [...where, 'params', name], unknownName('parameter', name, Object.keys(params)));
      else {
        const problem = paramValueProblem(param, value);
        if (problem) at(manifestSource, [...where, 'params', name], `parameter '${name}': ${problem}`);
      }
    }
    for (const key of ['severity', 'weight'] as const) {
      for (const id of Object.keys(raw[key] ?? {})) {
        if (!knownIds.has(id)) at(manifestSource, [...where, key, id], unknownName('item', id, [...knownIds]));
      }
    }
    for (const word of Object.keys(raw.words ?? {})) {
      if (!Object.hasOwn(words, word)) at(manifestSource, [...where, 'words', word], unknownName('word', word, Object.keys(words)));
    }
    for (const name of Object.keys(raw.lists ?? {})) {
      if (!Object.hasOwn(lists, name)) at(manifestSource, [...where, 'lists', name], unknownName('list', name, Object.keys(lists)));
    }
    return {
      notApplicable,
      params: raw.params ?? {},
      severities: raw.severity ?? {},
      weights: raw.weight ?? {},
      words: raw.words ?? {},
      lists: raw.lists ?? {},
    };
  };
}

type EffectsReader = ReturnType<typeof profileEffectsReader>;

/**
 * A profile's parameters go into the evidence schemas of a plan of that type and formality, as the
 * defaults do: a value that makes a schema invalid (a negative minItems) or unmeetable broke every such
 * plan's run, so each is refused at the profile of this manifest that sets it, for each type and
 * formality a plan may combine.
 */
function checkProfileParamsUsable(
  context: ParseContext,
  built: {
    allBuilt: readonly Item[];
    params: Readonly<Record<string, Param>>;
    profiles: readonly Profile[];
    formalities: readonly FormalityProfile[];
  },
): void {
  const { manifest, manifestSource, at, validation } = context;
  const reported = new Set<string>();
  const ownPlace = (list: 'profiles' | 'formalities', id: string, name: string): DataPath | undefined => {
    const index = (manifest[list] ?? []).findIndex((p) => p.id === id && p.params !== undefined && Object.hasOwn(p.params, name));
    return index < 0 ? undefined : [list, index, 'params', name];
  };
  for (const type of [undefined, ...built.profiles])
    for (const formality of [undefined, ...built.formalities]) {
      const overrides = { ...(type?.params ?? {}), ...(formality?.params ?? {}) };
      const names = Object.keys(overrides).filter((n) => Object.hasOwn(built.params, n));
      if (names.length === 0) continue;
      const values = paramValues(built.params, overrides);
      for (const item of built.allBuilt)
        for (const schema of item.evidence.flatMap(ruleSchemas)) {
          const used = paramNames(schema).filter((n) => names.includes(n));
          if (used.length === 0) continue;
          const resolved = resolveParams(schema, values);
          let problem: string | undefined;
          try {
            validation.compileEvidence(resolved);
            problem = whyNoValuePasses(resolved, undefined);
          } catch (error) {
            problem = error instanceof Error ? error.message.split('\n')[0] : String(error);
          }
          if (problem === undefined) continue;
          for (const name of used) {
            const setBy = formality && Object.hasOwn(formality.params, name) ? formality : type!;
            const place = ownPlace(setBy === formality ? 'formalities' : 'profiles', setBy.id, name);
            if (!place || reported.has(place.join('\u0000'))) continue;
            reported.add(place.join('\u0000'));
            at(manifestSource, place, `parameter '${name}': ${values[name]} cannot be used in the rule of '${item.id}' (${problem})`);
          }
        }
    }
}

/** Profiles (community types): the base's, with this manifest's merged by id. */
function buildProfiles(context: ParseContext, effectsOf: EffectsReader): Profile[] {
  return layered(
    context.base?.profiles,
    (context.manifest.profiles ?? []).map((raw, index): Profile => ({
      id: raw.id,
      title: raw.title,
      description: raw.description,
      ...(raw.formality ? { formality: raw.formality } : {}),
      ...effectsOf(raw, ['profiles', index]),
    })),
  );
}

/**
 * A profile written twice in one manifest was merged into one, the second's texts and formality silently
 * winning over the first's: refused, as a repeated level is. (A profile of the base is extended by id.)
 */
function checkNoRepeatedProfile(context: ParseContext): void {
  for (const [list, what] of [
    ['profiles', 'community type'],
    ['formalities', 'formality'],
  ] as const) {
    const seen = new Map<string, number>();
    (context.manifest[list] ?? []).forEach((raw, index) => {
      const first = seen.get(raw.id);
      if (first !== undefined)
        context.at(
          context.manifestSource,
          [list, index, 'id'],
          `duplicate ${what} '${raw.id}' (first at ${list}[${first}]): write it once`,
        );
      else seen.set(raw.id, index);
    });
  }
}

/** Formalities (funded, volunteer): the base's, with this manifest's merged by id. */
function buildFormalities(context: ParseContext, effectsOf: EffectsReader): FormalityProfile[] {
  return layered(
    context.base?.formalities,
    (context.manifest.formalities ?? []).map((raw, index): FormalityProfile => ({
      id: raw.id,
      title: raw.title,
      description: raw.description,
      ...effectsOf(raw, ['formalities', index]),
    })),
  );
}

function mergeEffects<T extends ProfileEffects>(existing: T, next: T): T {
  return {
    ...next,
    notApplicable: [...existing.notApplicable, ...next.notApplicable],
    params: { ...existing.params, ...next.params },
    severities: { ...existing.severities, ...next.severities },
    weights: { ...existing.weights, ...next.weights },
    words: { ...existing.words, ...next.words },
    lists: { ...existing.lists, ...next.lists },
  };
}

/** The inherited profiles (or formalities), with this manifest's own laid over them by id. */
function layered<T extends ProfileEffects & { id: string }>(inherited: readonly T[] | undefined, own: readonly T[]): T[] {
  const out = (inherited ?? []).map((p) => ({ ...p }));
  for (const next of own) {
    const existing = out.findIndex((p) => p.id === next.id);
    if (existing >= 0) out[existing] = mergeEffects(out[existing]!, next);
    else out.push(next);
  }
  return out;
}

/** Frameworks and coverage: element ids unique, every `covers` names an element, every element is covered. */
function buildFrameworks(context: ParseContext, rawPhases: readonly { raw: RawPhase; source: YamlSource }[]): Framework[] {
  const { manifest, manifestSource, at, base } = context;
  const frameworks = [...(base?.frameworks ?? []), ...(manifest.frameworks ?? [])];
  const elementIds = new Set<string>();
  (manifest.frameworks ?? []).forEach((fw, fi) =>
    fw.elements.forEach((el, ei) => {
      if (elementIds.has(el.id)) at(manifestSource, ['frameworks', fi, 'elements', ei, 'id'], `duplicate framework element '${el.id}'`);
      elementIds.add(el.id);
    }),
  );
  for (const fw of base?.frameworks ?? []) for (const el of fw.elements) elementIds.add(el.id);
  const covered = new Set<string>();
  for (const { raw, source } of rawPhases) {
    raw.items.forEach((item, index) =>
      (item.covers ?? []).forEach((c, ci) => {
        covered.add(c);
        if (!elementIds.has(c)) at(source, ['items', index, 'covers', ci], unknownName('framework element', c, [...elementIds]));
      }),
    );
  }
  for (const phase of base?.phases ?? []) for (const item of phase.items) item.covers.forEach((c) => covered.add(c));
  (manifest.frameworks ?? []).forEach((fw, fi) =>
    fw.elements.forEach((el, ei) => {
      if (!covered.has(el.id))
        at(manifestSource, ['frameworks', fi, 'elements', ei, 'id'], `framework element '${el.id}' is covered by no item`);
    }),
  );
  return frameworks;
}

/**
 * Every parameter and list this manifest defines must be read by some rule: a threshold nobody checks
 * misleads the teams who set it.
 */
function checkEverythingDefinedIsUsed(context: ParseContext, allBuilt: readonly Item[]): void {
  const { manifest, manifestSource, at } = context;
  const usedParams = new Set(allBuilt.flatMap((i) => i.evidence.flatMap((r) => paramNames(r))));
  for (const name of Object.keys(manifest.params ?? {})) {
    if (!usedParams.has(name))
      at(manifestSource, ['params', name], `parameter '${name}' is used by no evidence rule: use it in a rule or remove it`);
  }
  const usedLists = new Set(allBuilt.flatMap((i) => i.evidence.flatMap((r) => ruleLists(r))));
  for (const name of Object.keys(manifest.lists ?? {})) {
    if (!usedLists.has(name))
      at(manifestSource, ['lists', name], `list '${name}' is used by no 'choice' rule: use it in a rule or remove it`);
  }
}

/** Aliases: an old id must be free (not an item), the new one must exist. */
function buildAliases(
  context: ParseContext,
  ids: { knownIds: ReadonlySet<string>; itemIds: ReadonlySet<string>; retiredIds: ReadonlySet<string> },
): Record<string, string> {
  const { manifest, manifestSource, at } = context;
  const { knownIds, itemIds, retiredIds } = ids;
  const aliases: Record<string, string> = { ...(context.base?.aliases ?? {}) };
  for (const [from, to] of Object.entries(manifest.aliases ?? {})) {
    if (knownIds.has(from))
      at(manifestSource, ['aliases', from], `alias '${from}' is still an item id: an alias names an id that was renamed`);
    else if (!itemIds.has(to)) at(manifestSource, ['aliases', from], `alias '${from}' points to ${unknownName('item', to, [...itemIds])}`);
    else if (retiredIds.has(from))
      at(manifestSource, ['aliases', from], `alias '${from}' is also retired: an id is either renamed or retired`);
    aliases[from] = to;
  }
  return aliases;
}

/** Fields written in a new shape: the old shape (a list) still loads, and a finding says what is asked now. */
function buildRestructured(context: ParseContext): Methodology['restructured'] {
  const restructured = [...(context.base?.restructured ?? [])];
  (context.manifest.restructured ?? []).forEach((r, ri) => {
    const segments = r.path.split('.');
    if (!planSchemaHasPath(context.validation.schemas.plan, segments))
      context.at(context.manifestSource, ['restructured', ri, 'path'], `restructured path '${r.path}' is not a field of the plan schema`);
    restructured.push({ path: r.path, segments, now: r.now });
  });
  return restructured;
}

function buildItem(raw: RawItem, phaseId: string, source: YamlSource, path: DataPath): Item {
  return {
    id: raw.id,
    phaseId,
    title: raw.title,
    why: raw.why,
    guidance: raw.guidance,
    severity: raw.severity,
    weight: raw.weight,
    evidence: (raw.evidence ?? []).map(buildRule),
    ...(raw.rating ? { rating: raw.rating } : {}),
    na: raw.na,
    safety: raw.safety === true,
    stages: raw.stages ?? STAGES,
    ...(raw.stage_note ? { stageNote: raw.stage_note } : {}),
    ...(raw.observable_after_days !== undefined ? { observableAfterDays: raw.observable_after_days } : {}),
    dimension: raw.dimension ?? 'readiness',
    appliesWhen: Object.entries(raw.applies_when ?? {}).map(([path, value]): Condition => ({
      path,
      segments: path.split('.'),
      values: Array.isArray(value) ? value : [value],
    })),
    question: raw.question,
    covers: raw.covers ?? [],
    references: raw.references,
    origin: origin(source, path),
  };
}

type Report = (source: YamlSource, path: DataPath, message: string) => void;

/** Where an item is written: its phase file and its path there. */
interface Placed {
  source: YamlSource;
  where: DataPath;
}

/** An item's own fields: assessable, asked where its rules read, stages, dimension, placeholders, conditions. */
function checkItem(context: ParseContext, scope: ItemScope, placed: Placed, raw: RawItem, item: Item): void {
  const { at, validation } = context;
  const { source, where } = placed;
  const paths = item.evidence.map((r) => r.path);
  if (item.evidence.length === 0 && !raw.rating) {
    at(source, [...where, 'id'], `item '${raw.id}' has neither evidence rules nor a rating: add one so it can be assessed`);
  }
  if (item.evidence.length === 0 && raw.question.kind !== 'rating') {
    at(
      source,
      [...where, 'question', 'kind'],
      `item '${raw.id}' has no evidence, so its question must be a rating that fills 'assessment'`,
    );
  }
  // A rule on an optional fact counts neither way while the fact is left out: alone, it would meet the
  // item on an empty plan.
  if (item.evidence.length > 0 && item.evidence.every((r) => 'optional' in r && r.optional === true))
    at(source, [...where, 'evidence'], `item '${raw.id}' has only optional rules: add one that judges a fact the plan must give`);
  if (item.evidence.length > 0 && !paths.includes(raw.question.fills)) {
    at(
      source,
      [...where, 'question', 'fills'],
      `question fills '${raw.question.fills}', which no evidence rule of '${raw.id}' reads (rules read: ${paths.join(', ')})`,
    );
  }
  if (raw.stage_note && !raw.stages)
    at(source, [...where, 'stage_note'], `item '${raw.id}' has a stage_note but no stages: it applies in every stage`);
  if (raw.observable_after_days !== undefined && item.dimension !== 'health')
    at(
      source,
      [...where, 'observable_after_days'],
      `item '${raw.id}' is judged on the plan: observable_after_days is for health items (observed outcomes)`,
    );
  if (item.dimension === 'health' && item.evidence.some((r) => !ruleObserves(r))) {
    at(
      source,
      [...where, 'dimension'],
      `health item '${raw.id}' must be judged on observed, dated facts only (rule kind 'observed', or 'relative' with max_age_days)`,
    );
  }
  for (const [key, text] of [
    ['title', raw.title],
    ['why', raw.why],
  ] as const) {
    for (const word of wordPlaceholders(text))
      if (!Object.hasOwn(scope.words, word))
        at(source, [...where, key], `placeholder {word:${word}}: ${unknownName('word', word, Object.keys(scope.words))}`);
  }
  // A title states the threshold in force through the parameter's placeholder, as rule messages do.
  for (const name of messagePlaceholders(raw.title)) {
    if (scope.values[name] === undefined)
      at(source, [...where, 'title'], `title placeholder {${name}}: ${unknownName('parameter', name, Object.keys(scope.values))}`);
  }
  for (const condition of item.appliesWhen) {
    if (!planSchemaHasPath(validation.schemas.plan, condition.segments))
      at(source, [...where, 'applies_when', condition.path], `applies_when path '${condition.path}' is not a field of the plan schema`);
    else
      for (const value of condition.values.filter((v) => !planFieldMayHold(validation.schemas.plan, condition.segments, v)))
        at(
          source,
          [...where, 'applies_when', condition.path],
          `applies_when: the plan field '${condition.path}' never holds ${JSON.stringify(value)}, so the item is never judged there`,
        );
  }
}

/**
 * An item's evidence rules: the kind's review and validation, the message's placeholders, and for kinds
 * with an evidence schema, that schema (parameters, allowed keywords, texts judged by their length).
 */
function checkItemRules(context: ParseContext, scope: ItemScope, placed: Placed, item: Item): void {
  const { at, validation } = context;
  const { source, where } = placed;
  const { values, words } = scope;
  const validate = {
    planHasPath: (segments: readonly string[]) => planSchemaHasPath(validation.schemas.plan, segments),
    params: values,
    lists: scope.lists,
    compile: (schema: unknown) => void validation.compileEvidence(schema),
  };
  const people = personFields(validation.schemas.plan);
  const planKindsAt = (segments: readonly string[]) => {
    const shapes = planSchemaShapesAt(validation.schemas.plan, segments);
    return shapes && kindsOfPlanNode(shapes.node, shapes.alternatives);
  };
  const review = {
    namesPeople: (segments: readonly string[], field: string | undefined) => {
      if (inFreeFormSection(validation.schemas.plan, segments)) return true;
      const wanted = [...segments, ...(field ? [field] : [])].join('.');
      return people.some((f) => f.segments.filter((s) => s !== '*').join('.') === wanted);
    },
  };
  item.evidence.forEach((rule, ri) => {
    const rulePath = [...where, 'evidence', ri];
    for (const problem of reviewRule(rule, review)) at(source, [...rulePath, ...problem.path], problem.message);
    for (const name of messagePlaceholders(rule.message)) {
      if (values[name] === undefined)
        at(source, [...rulePath, 'message'], `message placeholder {${name}}: ${unknownName('parameter', name, Object.keys(values))}`);
    }
    for (const word of wordPlaceholders(rule.message)) {
      if (!Object.hasOwn(words, word))
        at(source, [...rulePath, 'message'], `message placeholder {word:${word}}: ${unknownName('word', word, Object.keys(words))}`);
    }
    const evidence = ruleEvidenceSchema(rule);
    if (evidence) {
      for (const ref of findParamReferences(evidence.schema)) {
        if (values[ref.name] === undefined)
          at(source, [...rulePath, 'schema', ...ref.path, '$param'], unknownName('parameter', ref.name, Object.keys(values)));
      }
      const schemaProblems = validation.checkEvidence(evidence.schema);
      for (const p of schemaProblems) at(source, [...rulePath, 'schema', ...p.path], `invalid evidence schema: ${p.message}`);
      // A refused schema is not compiled: the compiler's message would repeat the same fault.
      if (schemaProblems.length > 0) {
        context.refusedRules.add(rule);
        return;
      }
      const never = whyNoValuePasses(
        resolveParams(evidence.schema, values),
        rule.kind === 'schema' ? planKindsAt(rule.segments) : undefined,
      );
      if (never) {
        context.refusedRules.add(rule);
        at(source, [...rulePath, 'schema'], `no plan can meet this rule: ${never}`);
      }
    }
    for (const problem of validateRule(rule, validate)) at(source, [...rulePath, ...problem.path], problem.message);
    if (scope.strictText && evidence) {
      for (const path of lengthOnlyTextPaths(evidence.schema)) {
        at(
          source,
          [...rulePath, 'schema', ...path],
          `a text judged by its length rewards padding: ask for the parts that matter as separate fields, and require each to be written (minLength 1)`,
        );
      }
    }
  });
}

/** What a level's gates may name and count, in the final (merged and overridden) methodology. */
interface GateScope {
  phaseIds: readonly string[];
  /** Every item id, disabled ones included: gates may still name them. */
  itemIds: ReadonlySet<string>;
  safetyIds: readonly string[];
  /** Why a share gate on this severity would count nothing, or undefined when it counts some item. */
  emptyShare: (severity: Severity) => string | undefined;
}

/**
 * A share gate counts the readiness items of its severity; with none, scoring passes its share of 0 of 0
 * whatever the minimum, so the gate holds nothing.
 */
function emptyShareReader(phases: readonly Phase[]): GateScope['emptyShare'] {
  const items = phases.flatMap((p) => p.items);
  return (severity) => {
    const ofSeverity = items.filter((i) => i.severity === severity);
    if (ofSeverity.some((i) => i.dimension === 'readiness')) return undefined;
    const besides = ofSeverity.length > 0 ? ' but health items, which share_met does not count' : '';
    return `no item has severity '${severity}'${besides}, so this condition holds nothing`;
  };
}

/**
 * Levels taken from the base are checked against this methodology's items: overrides that disable or
 * re-grade every item of a severity would leave the base's share gate on it counting nothing.
 */
function checkInheritedShareGates(context: ParseContext, levels: readonly Level[], emptyShare: GateScope['emptyShare']): void {
  const where: DataPath = context.manifest.overrides?.items ? ['overrides', 'items'] : ['extends'];
  for (const level of levels)
    for (const gate of new Set([...level.gates, ...(level.running?.gates ?? [])])) {
      const problem = gate.kind === 'share-met' ? emptyShare(gate.severity) : undefined;
      if (problem) context.at(context.manifestSource, where, `level '${level.id}' of the base has a share_met gate: ${problem}`);
    }
}

function buildGate(raw: RawGate, at: (path: DataPath, message: string) => void, scope: GateScope): Gate {
  const { phaseIds, itemIds, safetyIds } = scope;
  if (raw.no_open) {
    const phases = raw.no_open.phases ?? null;
    phases?.forEach((p, i) => {
      if (!phaseIds.includes(p)) at(['no_open', 'phases', i], unknownName('phase', p, phaseIds));
    });
    if (raw.no_open.safety === true && safetyIds.length === 0)
      at(['no_open', 'safety'], 'no item is marked safety: true, so this gate holds nothing');
    return { kind: 'no-open', severities: raw.no_open.severities, phases, items: raw.no_open.safety === true ? safetyIds : null };
  }
  if (raw.items_met) {
    raw.items_met.forEach((id, i) => {
      if (!itemIds.has(id)) at(['items_met', i], unknownName('item', id, [...itemIds]));
    });
    return { kind: 'items-met', items: raw.items_met };
  }
  const share = raw.share_met!;
  const empty = scope.emptyShare(share.severity);
  if (empty) at(['share_met', 'severity'], empty);
  return { kind: 'share-met', severity: share.severity, min: share.min };
}

/** Why a value is outside a parameter's bounds, or undefined when it fits. */
export function paramValueProblem(param: Param, value: number): string | undefined {
  if (param.integer && !Number.isInteger(value)) return `${value} must be a whole number`;
  if (param.minimum !== undefined && value < param.minimum) return `${value} must be at least ${param.minimum}`;
  if (param.maximum !== undefined && value > param.maximum) return `${value} must be at most ${param.maximum}`;
  return undefined;
}

/**
 * A community type in applies_when must be one of the methodology's profiles: the plan schema leaves the
 * type open (the profiles are the methodology's), so 'open-sourse' would pass it, and the item would never
 * be judged. Each such value is refused where it is written.
 */
function checkTypeConditions(
  context: ParseContext,
  rawPhases: readonly { raw: RawPhase; source: YamlSource }[],
  profiles: readonly Profile[],
): void {
  const types = profiles.map((p) => p.id);
  for (const { raw, source } of rawPhases)
    raw.items.forEach((item, index) => {
      const stated = item.applies_when?.[TYPE_PATH];
      if (stated === undefined) return;
      const where = ['items', index, 'applies_when', TYPE_PATH];
      (Array.isArray(stated) ? stated : [stated]).forEach((value, n) => {
        // A value that is no text is refused already: the plan field holds only text.
        if (typeof value !== 'string' || types.includes(value)) return;
        context.at(
          source,
          Array.isArray(stated) ? [...where, n] : where,
          `applies_when: ${unknownName('community type', value, types)}, so the item is never judged there`,
        );
      });
    });
}

const TYPE_PATH = 'community.type';

/** Whether a plan may state `value` at a field: one of its fixed choices, or of a kind of value it holds. */
function planFieldMayHold(planSchema: Record<string, unknown>, segments: readonly string[], value: unknown): boolean {
  const choices = planSchemaChoicesAt(planSchema, segments);
  if (choices) return choices.includes(value as string | number | boolean);
  const shapes = planSchemaShapesAt(planSchema, segments);
  const kinds = shapes && kindsOfPlanNode(shapes.node, shapes.alternatives);
  return kinds === undefined || kinds.has(kindOfValue(value));
}

function unknownName(what: string, name: string, known: readonly string[]): string {
  return `unknown ${what} '${name}'${didYouMean(name, known)}`;
}

function origin(source: YamlSource, path: DataPath): { file: string; line: number; col: number } {
  const pos = source.locate(path);
  return { file: source.file, line: pos.line, col: pos.col };
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => byCodeUnit(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}
