// Validators for commready's own schemas and for methodology authors' evidence schemas, compiled on
// first use (or taken precompiled); ajv errors become diagnostics that point into the YAML source.
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { DiagnosticList, type Diagnostic } from '../errors.js';
import { pointerToPath, type DataPath, type YamlSource } from '../source/yaml-source.js';
import { closestMatches } from '../text/closest-matches.js';
import { checkEvidenceSchema, type EvidenceSchemaProblem } from './evidence-schema-check.js';
import type { RegExpLike } from './safe-regexp.js';

/** The JSON Schemas shipped in `schemas/`, read by the caller. */
export interface SchemaSet {
  methodology: Record<string, unknown>;
  plan: Record<string, unknown>;
  report: Record<string, unknown>;
}

export type Validator = ValidateFunction;

export interface Validation {
  readonly schemas: SchemaSet;
  readonly manifest: Validator;
  readonly phase: Validator;
  /** questions.yaml of a methodology. */
  readonly questions: Validator;
  /** course.yaml beside a methodology (`$defs/course` of the methodology schema). */
  readonly course: Validator;
  readonly plan: Validator;
  readonly report: Validator;
  /** Compiles an author's evidence schema; throws with the first problem when it is not a valid, supported schema. */
  compileEvidence(schema: unknown): Validator;
  /** Every problem of an evidence schema (unsupported keywords, outside `$ref`s, patterns RE2 refuses), with paths. */
  checkEvidence(schema: unknown): EvidenceSchemaProblem[];
}

/** What ajv-ready code the caller supplies: loading ajv is I/O-free but slow, so it happens on demand. */
export interface ValidationDeps {
  /**
   * Creates a configured Ajv 2020 instance (with formats and the purpose's options). Called at most once
   * per purpose, and only if needed; evidence schemas' patterns must run on a linear-time engine.
   */
  createAjv(purpose: AjvPurpose): Ajv2020;
  /**
   * Validators compiled ahead of time with the same options: the plan schema, and evidence schemas
   * keyed by their JSON text.
   */
  precompiled?: { plan?: Validator; evidence?: ReadonlyMap<string, Validator> };
}

/** The options every commready ajv instance uses (also for ahead-of-time compilation). */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
  verbose: true,
  logger: false,
} as const;

/**
 * What evidence validators differ in: only their yes or no is used, so they stop at the first error
 * and carry no schema in their errors. The answer is the same; the code is about a third as large,
 * which every run loads. (Messages stay: the instance also checks authors' schemas against the
 * meta-schema, and those errors are shown.)
 */
const EVIDENCE_AJV_OPTIONS = { allErrors: false, verbose: false } as const;

/**
 * What the plan validator differs in: no `verbose` details in its code, which makes it a quarter
 * smaller (every run loads it precompiled); `withErrorDetails` looks them up when a plan fails, from
 * error paths that all start at the schema's root: ajv inlines every `$ref` to a `$defs` entry that holds
 * no `$ref` itself, and the plan schema's hold none (a test checks it).
 */
const PLAN_AJV_OPTIONS = { verbose: false } as const;

/** What each ajv instance validates: commready's own schemas, plans, or methodology authors' evidence. */
export type AjvPurpose = 'own' | 'plan' | 'evidence';

/** The options each purpose adds to AJV_OPTIONS. */
export const AJV_OPTIONS_BY_PURPOSE: Record<AjvPurpose, Record<string, unknown>> = {
  own: {},
  plan: PLAN_AJV_OPTIONS,
  evidence: EVIDENCE_AJV_OPTIONS,
};

export function createValidation(schemas: SchemaSet, deps: ValidationDeps): Validation {
  let ownAjv: Ajv2020 | undefined;
  const ajv = (): Ajv2020 => {
    if (!ownAjv) {
      ownAjv = deps.createAjv('own');
      ownAjv.addSchema(schemas.methodology);
    }
    return ownAjv;
  };
  // Evidence schemas come from users: a separate instance keeps their $ids from clashing with ours.
  let evidenceAjv: Ajv2020 | undefined;
  // Made on first use: the precompiled validators load only when something is validated.
  let evidenceCache: Map<string, Validator> | undefined;
  const evidenceCacheNow = (): Map<string, Validator> => (evidenceCache ??= new Map(deps.precompiled?.evidence ?? []));
  const methodologyRef = (def: string): Validator => {
    const ref = `${String(schemas.methodology.$id)}#/$defs/${def}`;
    const v = ajv().getSchema(ref);
    if (!v) throw new Error(`schema ${ref} is missing`);
    return v;
  };
  const lazy = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const manifest = lazy(() => methodologyRef('manifest'));
  const phase = lazy(() => methodologyRef('phase'));
  const questions = lazy(() => methodologyRef('questionsFile'));
  const course = lazy(() => methodologyRef('course'));
  const plan = lazy(() => withErrorDetails(deps.precompiled?.plan ?? deps.createAjv('plan').compile(schemas.plan), () => schemas.plan));
  const report = lazy(() => ajv().compile(schemas.report));
  const evidence = (): Ajv2020 => (evidenceAjv ??= deps.createAjv('evidence'));
  const checkEvidence = (schema: unknown): EvidenceSchemaProblem[] =>
    // The instance's own pattern engine decides what compiles, so the check and the run agree.
    checkEvidenceSchema(schema, (pattern) => {
      const compiled = evidence().opts.code.regExp(pattern, 'u') as RegExpLike;
      compiled.test('');
      return compiled.programSize ? { programSize: compiled.programSize() } : {};
    });
  return {
    schemas,
    get manifest() {
      return manifest();
    },
    get phase() {
      return phase();
    },
    get questions() {
      return questions();
    },
    get course() {
      return course();
    },
    get plan() {
      return plan();
    },
    get report() {
      return report();
    },
    compileEvidence(schema: unknown): Validator {
      const key = JSON.stringify(schema);
      let validator = evidenceCacheNow().get(key);
      if (!validator) {
        const problem = checkEvidence(schema)[0];
        if (problem) throw new Error(`${problem.path.length > 0 ? `${problem.path.join('.')}: ` : ''}${problem.message}`);
        validator = evidence().compile(schema as object);
        evidenceCacheNow().set(key, validator);
      }
      return validator;
    },
    checkEvidence,
  };
}

/**
 * A validator compiled without ajv's `verbose` made to give the errors a verbose one gives: each error's
 * schema, parent schema and data are looked up from its paths, and only when validation fails (the
 * root schema is read then). For a schema whose error paths all start at its root (PLAN_AJV_OPTIONS)
 * and that has no boolean subschemas (their errors' paths end in a name of ajv's, not a keyword), as
 * the plan schema.
 */
export function withErrorDetails(validate: Validator, rootSchema: () => unknown): Validator {
  const detailed = ((data: unknown) => {
    const valid = validate(data);
    detailed.errors = valid ? null : (validate.errors ?? []).map((error) => new DetailedError(error, rootSchema, data));
    return valid;
  }) as Validator;
  return detailed;
}

/**
 * An ajv error whose `schema`, `parentSchema` and `data` are looked up when read: a large invalid plan has
 * hundreds of thousands of errors, of which only a few are listed (the others are only counted), and a
 * plain class keeps each one as cheap as ajv's own.
 */
class DetailedError implements ErrorObject {
  readonly keyword: string;
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly params: ErrorObject['params'];
  readonly propertyName?: string;
  readonly message?: string;
  readonly #root: () => unknown;
  readonly #validated: unknown;
  constructor(error: ErrorObject, root: () => unknown, validated: unknown) {
    this.keyword = error.keyword;
    this.instancePath = error.instancePath;
    this.schemaPath = error.schemaPath;
    this.params = error.params;
    if (error.propertyName !== undefined) this.propertyName = error.propertyName;
    if (error.message !== undefined) this.message = error.message;
    this.#root = root;
    this.#validated = validated;
  }
  get schema(): unknown {
    return valueAt(this.#root(), fragmentToPath(this.schemaPath));
  }
  get parentSchema(): ErrorObject['parentSchema'] {
    return valueAt(this.#root(), fragmentToPath(this.schemaPath).slice(0, -1)) as ErrorObject['parentSchema'];
  }
  get data(): unknown {
    // Inside `propertyNames`, the data checked is the key itself.
    return this.propertyName !== undefined ? this.propertyName : valueAt(this.#validated, pointerToPath(this.instancePath));
  }
}

/** `#/properties/a%20b/type` → ['properties', 'a b', 'type']: a URI fragment holding a JSON pointer. */
function fragmentToPath(fragment: string): string[] {
  return pointerToPath(decodeURIComponent(fragment.replace(/^#/, '')));
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * Turns ajv errors into one diagnostic per problem, located at the offending key in the YAML source: each
 * problem once (a Set of keys), and only the first MAX_DIAGNOSTICS_PER_FILE located, the rest counted, so
 * the work stays linear however many errors the input multiplies (YAML aliases, long invalid lists).
 * `basePath` prefixes instance paths when the validated value sits inside the file.
 */
export function ajvErrorsToDiagnostics(
  errors: readonly ErrorObject[] | null | undefined,
  source: YamlSource,
  basePath: DataPath = [],
): Diagnostic[] {
  const found = new DiagnosticList(source.file);
  for (const error of withoutUnchosenBranches(errors ?? [])) {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') continue; // propertyNames: its nested pattern error says it better
    found.add(problemKey(error), () => {
      const problem = describeAjvError(error, [...basePath, ...pointerToPath(error.instancePath)]);
      const pos = source.locate(problem.target);
      return { file: source.file, line: pos.line, col: pos.col, message: problem.message };
    });
  }
  return found.list();
}

/** What makes two errors one problem: where, which keyword, and what describeAjvError words from its params. */
function problemKey(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === 'enum'
      ? (params.allowedValues as unknown[]).join('\u0001')
      : error.keyword === 'const'
        ? JSON.stringify(params.allowedValue)
        : String(params.missingProperty ?? params.additionalProperty ?? params.type ?? params.format ?? '');
  return `${error.instancePath}\u0000${error.keyword}\u0000${error.propertyName ?? ''}\u0000${detail}\u0000${error.message ?? ''}`;
}

/** What one ajv error says, and the data path it is about: the bad key itself where there is one, not its parent. */
function describeAjvError(error: ErrorObject, path: DataPath): { target: DataPath; message: string } {
  switch (error.keyword) {
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return { target: path, message: `${describePath(path)} is missing required key '${missing}'` };
    }
    case 'additionalProperties': {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      const hint = closestMatches(extra, knownKeys(error));
      return {
        target: [...path, extra],
        message: `unknown key '${extra}' in ${describePath(path)}${hint.length ? ` (did you mean '${hint[0]}'?)` : ''}`,
      };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      return { target: path, message: `${describePath(path)} must be one of: ${allowed.join(', ')}` };
    }
    case 'const':
      return {
        target: path,
        message: `${describePath(path)} must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`,
      };
    case 'format':
      return {
        target: path,
        message: `${describePath(path)} must be a ${describeFormat(String((error.params as { format: string }).format))}`,
      };
    case 'type':
      return { target: path, message: `${describePath(path)} must be ${article(String((error.params as { type: string }).type))}` };
    case 'pattern': {
      // ajv names the key checked by `propertyNames` on the error itself, not in its params.
      const key = error.propertyName ?? (error.params as { propertyName?: string }).propertyName;
      if (error.schemaPath.includes('propertyNames')) {
        const name = key ?? String(path[path.length - 1]);
        return {
          target: key ? [...path, key] : path,
          message: `key '${name}' is not a valid name (${error.message ?? 'bad pattern'})`,
        };
      }
      return { target: path, message: `${describePath(path)} ${error.message ?? 'does not match its pattern'}` };
    }
    default:
      return { target: path, message: `${describePath(path)} ${error.message ?? 'is invalid'}` };
  }
}

/**
 * A value that may be written two ways (`anyOf: [scalar, { value, as_of }]`) fails every branch; only
 * the branch of the value's own shape says what is wrong, so the other branch's errors, and the
 * anyOf summary when a branch explains it, are left out. ajv reports a failed anyOf right after its
 * branches' errors, so those are the run just before it (same data path or below it): each is looked
 * at once per anyOf around it, never compared with every other error. An error reached through a
 * `$ref` carries the referenced schema's path, not the branch's, so it counts as the chosen branch's
 * unless its path names another branch.
 */
function withoutUnchosenBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  errors.forEach((anyOf, at) => {
    if (anyOf.keyword !== 'anyOf' || !Array.isArray(anyOf.schema)) return;
    const isRecord = anyOf.data !== null && typeof anyOf.data === 'object' && !Array.isArray(anyOf.data);
    const branches = anyOf.schema as { type?: unknown }[];
    const chosen = branches.findIndex((b) => (b.type === 'object') === isRecord);
    if (chosen < 0) return;
    const prefix = `${anyOf.schemaPath}/`;
    const within = (e: ErrorObject): boolean =>
      e.instancePath === anyOf.instancePath || e.instancePath.startsWith(`${anyOf.instancePath}/`);
    let explained = false;
    for (let i = at - 1; i >= 0 && within(errors[i]!); i--) {
      const path = errors[i]!.schemaPath;
      if (path.startsWith(prefix) && !path.startsWith(`${prefix}${chosen}/`)) drop.add(errors[i]!);
      else explained = true;
    }
    if (explained) drop.add(anyOf);
  });
  return errors.filter((e) => !drop.has(e));
}

function knownKeys(error: ErrorObject): string[] {
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(parent?.properties ?? {});
}

export function describePath(path: DataPath): string {
  if (path.length === 0) return 'the document';
  return path.map((s, i) => (typeof s === 'number' || /^\d+$/.test(String(s)) ? `[${s}]` : i === 0 ? String(s) : `.${s}`)).join('');
}

function describeFormat(format: string): string {
  switch (format) {
    case 'date':
      return 'date (YYYY-MM-DD)';
    case 'uri':
      return 'URL (https://…)';
    case 'email':
      return 'email address';
    default:
      return `${format}`;
  }
}

function article(type: string): string {
  const words = type.split(',').map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`));
  return words.join(' or ');
}
