// The contract every kind of evidence rule fulfils: build from YAML, validate for methodology authors,
// check against a plan's facts (pure), describe in words, name the schemas to compile ahead of time, and
// say what it reads (its parameters and which way each tightens, named lists, observed facts).
import type { DataPath } from '../../source/yaml-source.js';
import type { FindingCodeOf } from '../finding-kinds.js';
import type { NumberOrParam } from '../types.js';

export { foldName, foldRole } from '../../text/person-name.js';

/** The fields every rule has, whatever its kind. */
export interface RuleBase {
  /** Dotted plan path the rule reads. */
  path: string;
  segments: readonly string[];
  /** What to do when the rule fails; may hold `{param}` and `{word:name}` placeholders. */
  message: string;
}

/** The shape every kind's rule type has: the common fields and its kind's name. */
export interface RuleShape extends RuleBase {
  kind: string;
}

/** Which way a threshold gets stricter: a count to reach gets stricter upward, a limit not to pass downward. */
export type ParamDirection = 'higher' | 'lower';

/** A threshold of a rule kind that may be a number or a parameter (`{ $param }`). */
export interface RuleParam<R> {
  /**
   * The key in the rule's YAML entry (and in the methodology schema's definition of the kind); dotted for
   * a threshold inside one of the rule's options (`before.within_days`).
   */
  key: string;
  /** The rule's field that holds the value. */
  field: { [F in keyof R]-?: R[F] extends NumberOrParam | undefined ? F : never }[keyof R];
  /** Which way the threshold gets stricter (what lint's `plan_params: tighten-only` lets a plan do). */
  stricter: ParamDirection;
}

/** Findings a rule can raise beside its pass or fail: they say which fact is wrong and where (kind `fact`). */
export type NoteCode = FindingCodeOf<'fact'>;

export interface RuleNote {
  code: NoteCode;
  /** Plan path the note points at (a list index may be a number). */
  path: DataPath;
  data: {
    name?: string;
    function?: string;
    holders?: number;
    count?: number;
    max?: number;
    asOf?: string;
    days?: number;
    maxAge?: number;
    /** The text written (non-answer). */
    text?: string;
    /** A plan fact that is not stated (fact-unstated). */
    fact?: string;
    /** What kind of personal data was found (personal-data); never the data itself. */
    personal?: 'email' | 'phone' | 'street-address';
  };
}

export interface RuleOutcome {
  readonly pass: boolean;
  /** A failure because the observed fact is missing, undated, stale or from the future: unknown, not failed. */
  readonly unmeasured?: boolean;
  /** A failure within the rule's partial band: worth half, like a partly met item. */
  readonly partial?: boolean;
  /**
   * Nothing to judge: an optional fact the plan leaves out. A pass that counts neither way: the item's
   * status comes from its other rules, so leaving the fact out earns nothing toward a partly met item.
   */
  readonly unjudged?: boolean;
  /** Specifics of a failure, e.g. "12 of 20 named"; stated beside the rule's message. */
  readonly detail?: string;
  readonly notes: readonly RuleNote[];
}

/** No notes: one frozen list for every outcome that has none. */
export const NO_NOTES: readonly RuleNote[] = Object.freeze([]);
/** A pass or a fail with nothing more to say: shared, frozen outcomes (every rule of every plan returns one). */
export const PASSED: RuleOutcome = Object.freeze({ pass: true, notes: NO_NOTES });
export const FAILED: RuleOutcome = Object.freeze({ pass: false, notes: NO_NOTES });
/** An optional fact left out: nothing to judge, counted neither way. */
export const NOT_JUDGED: RuleOutcome = Object.freeze({ pass: true, unjudged: true, notes: NO_NOTES });
/** A fact nobody measured: unknown, not failed. */
export const UNMEASURED: RuleOutcome = Object.freeze({ pass: false, unmeasured: true, notes: NO_NOTES });

/** What a rule sees of a plan. Everything is passed in: no clock, no file system. */
export interface RuleContext {
  data: unknown;
  /**
   * The value at a path with blank text, non-answers and empty values taken out (withoutBlanks), as
   * rules should read facts; cleaned once per plan and path, and only where a rule looks.
   */
  fact(segments: readonly string[]): unknown;
  /**
   * The non-answers `fact` took out since the last call, each once per plan: the caller reports them
   * at their lines, for the item whose rules read them first.
   */
  takeNonAnswers(): readonly { path: (string | number)[]; text: string }[];
  /** Parameter values in force for this plan. */
  params: Readonly<Record<string, number>>;
  today: string;
  /** Names in the plan's roster (`people`), folded for comparison; null when the plan has no roster. */
  roster: ReadonlySet<string> | null;
  /** Paths (joined by NUL) of names in person fields that are not on the roster: facts leave them out. */
  unknownPeople?: ReadonlySet<string>;
  /** The plan's lists of people (Methodology.peopleLists): `fact` counts their entries once per person. */
  peopleLists?: ReadonlySet<string>;
  /** Whether a text is the methodology's own wording pasted back (promptTextsOf): `fact` takes it out as a non-answer. */
  isPrompt?: (text: string) => boolean;
  /** Per roster person (folded), the key duties they hold through person fields (the host, a safeguarding lead). */
  keyDuties?: ReadonlyMap<string, number>;
  /** Members, or the audience's size while planning. */
  size?: number;
  /**
   * The day the community opened to anyone: `community.opened` once running, the first wave's date
   * while launching. A figure measured before it measures something else (a forum it replaced).
   */
  openedOn?: string;
  /**
   * The item's `observable_after_days`, for the item being checked: a figure over that many days is
   * measured at least that long after opening, or it counts days the community was not open.
   */
  observableAfterDays?: number;
  /** Named lists of answers in force for this plan's profile (`choice` rules). */
  lists: Readonly<Record<string, readonly string[]>>;
  /** The validator of an evidence schema as written (`{ $param }` inside), with this plan's parameter values. */
  validator(schema: unknown): (value: unknown) => boolean;
  /** The people of the plan's roster (`people`) with their roles, folded once per plan. */
  rosterPeople(): readonly RosterPerson[];
  /** Personal contact details in any string of the plan (role inboxes and example data left out), found once per plan. */
  personalData(): readonly { path: (string | number)[]; kind: 'email' | 'phone' | 'street-address' }[];
}

/** One person of a plan's roster. */
export interface RosterPerson {
  /** The name as written. */
  name: string;
  /** The name folded for comparison (foldName). */
  folded: string;
  /** Their roles, folded (foldRole). */
  roles: ReadonlySet<string>;
  /** Their employer or affiliation, folded as a role is (foldRole), when the roster gives one. */
  organisation?: string;
}

/** What a methodology check needs to validate a rule. */
export interface RuleValidateContext {
  planHasPath(segments: readonly string[]): boolean;
  params: Readonly<Record<string, number>>;
  /** The methodology's named lists, by name. */
  lists: Readonly<Record<string, readonly string[]>>;
  /** Compiles a schema with parameters resolved; throws with the reason when it is not usable. */
  compile(schema: unknown): void;
}

export interface RuleProblem {
  /** Path inside the rule's YAML entry. */
  path: DataPath;
  message: string;
}

/** What the methodology check knows beyond a rule's own validity: how the plan schema marks its fields. */
export interface RuleReviewContext {
  /**
   * Whether the plan schema marks the field at `segments` (each entry's `field`, when given) as naming a
   * person (personName), or the field lies in a free-form section (`custom`), which has no schema to mark.
   */
  namesPeople(segments: readonly string[], field: string | undefined): boolean;
}

/**
 * One kind of evidence rule, registered in RULE_KIND_MODULES (rule-kinds/index.ts); its YAML shape is the
 * methodology schema's `rule<Kind>` definition, which test/unit/schema-registries.test.ts ties to it.
 */
export interface RuleKindModule<R extends RuleShape> {
  kind: R['kind'];
  /** Builds the rule from its (schema-valid) YAML entry. */
  build(raw: Record<string, unknown>): R;
  /** The thresholds that may name a parameter: checked against the methodology's parameters by validateRule. */
  params: readonly RuleParam<R>[];
  /** Problems a methodology author must fix (unknown parameters are found from `params`, not here). */
  validate(rule: R, context: RuleValidateContext): RuleProblem[];
  /** Authoring checks that need the plan schema's marks or the house style, run when a methodology is parsed. */
  review?(rule: R, context: RuleReviewContext): RuleProblem[];
  check(rule: R, context: RuleContext): RuleOutcome;
  /** What the rule asks for, in words; `show` renders a number or parameter. */
  describe(rule: R, show: (value: NumberOrParam) => string): string;
  /** JSON Schemas (parameters unresolved) the rule compiles, for ahead-of-time compilation. */
  schemas(rule: R): unknown[];
  /**
   * The JSON Schema the rule's `schema` key holds, which the methodology check reviews before the kind
   * validates it (allowed keywords, parameters, texts judged by their length); absent for kinds without one.
   */
  evidenceSchema?(rule: R): unknown;
  /** Whether the rule judges observed, dated facts only (the only rules a health item may have); absent: never. */
  observes?(rule: R): boolean;
  /** The methodology's named lists (`lists`) the rule reads; absent: none. */
  lists?(rule: R): readonly string[];
}

/** The fields every rule kind reads alike from its YAML entry: the plan path, split, and the message. */
export function ruleBase(raw: Record<string, unknown>): { path: string; segments: string[]; message: string } {
  const path = String(raw.path);
  return { path, segments: path.split('.'), message: String(raw.message) };
}

/** The value of a number-or-parameter; NaN when the parameter is unknown (validation reports it). */
export function numberOf(value: NumberOrParam, params: Readonly<Record<string, number>>): number {
  return typeof value === 'number' ? value : (params[value.$param] ?? Number.NaN);
}

/** Problems with the parameters a rule names: each `[YAML key, value]` whose parameter is unknown. */
export function paramProblems(
  entries: readonly (readonly [string, NumberOrParam | undefined])[],
  params: Readonly<Record<string, number>>,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const [key, value] of entries) {
    if (value === undefined || typeof value === 'number') continue;
    if (params[value.$param] === undefined)
      problems.push({ path: [...key.split('.'), '$param'], message: `unknown parameter '${value.$param}'` });
  }
  return problems;
}

export function pathProblem(rule: RuleShape, context: RuleValidateContext): RuleProblem[] {
  return context.planHasPath(rule.segments)
    ? []
    : [
        {
          path: ['path'],
          message: `evidence path '${rule.path}' is not a field of the plan schema (use 'custom.…' for facts of your own)`,
        },
      ];
}
