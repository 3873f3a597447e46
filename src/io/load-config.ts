// Finds and reads the project configuration (commready.config.yaml or .commreadyrc.yaml) that sets what
// `lint` demands; validated with schemas/config.schema.json, errors as file:line:col.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FailOn } from '../scoring/verdict.js';
import type { WaiverDays } from '../scoring/assess-plan.js';
import { InputError, UsageError } from '../errors.js';
import { ajvErrorsToDiagnostics } from '../validation/schema-validation.js';
import { createAjv } from './ajv-factory.js';
import { readYamlFile } from './read-input.js';
import { CONFIG_FILES } from './config-files.js';
import { repositoryRoot } from './project-root.js';
import { realPath } from './real-path.js';

export type PlanParamsPolicy = 'tighten-only' | 'ignore' | 'allow';

/** Profile facts a project pins, so that a plan cannot relax its own thresholds by what it says it is. */
export interface ProfilePins {
  type?: string;
  formality?: 'funded' | 'volunteer';
  /** The size thresholds about people are judged at, at least: a plan stating less is judged at this. */
  minSize?: number;
}

export interface ProjectConfig {
  file: string;
  /** The methodology directory, resolved against the config file's directory; undefined for the built-in one. */
  checklists?: string;
  /** Ignore patterns, relative to the config file's folder (`ignores`). */
  ignores?: readonly string[];
  lint: {
    failOn?: FailOn;
    minScore?: number;
    minLevel?: string;
    methodologyFromPlan?: boolean;
    planParams?: PlanParamsPolicy;
    maxFindings?: number;
    maxGaps?: number;
    pin?: ProfilePins;
    maxWaiverDays?: WaiverDays;
  };
}

/**
 * The config file of `dir`, or of a folder above it up to the repository's root (the folder holding
 * `.git`, a folder or a file): a config outside the repository never judges it, so a `failOn: none` in
 * a parent folder of a CI checkout changes nothing. Outside any repository only `dir` itself is searched:
 * a checkout whose `.git` is missing (an archive, a copied folder) must not take a parent folder's config.
 * Two config files in one folder is a usage error naming both.
 */
export function findConfig(dir: string): string | undefined {
  let current = path.resolve(dir);
  const inRepository = repositoryRoot(current) !== undefined;
  for (;;) {
    const found = CONFIG_FILES.map((name) => path.join(current, name)).filter((candidate) => existsSync(candidate));
    if (found.length > 1)
      throw new UsageError(`two project configs in one folder: ${found.join(' and ')}; keep one (commready would not know which judges)`);
    if (found.length === 1) return found[0];
    if (!inRepository || existsSync(path.join(current, '.git'))) return undefined;
    current = path.dirname(current);
  }
}

export function loadConfig(file: string): ProjectConfig {
  const source = readYamlFile(file);
  const schema = JSON.parse(readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const validate = createAjv().compile(schema);
  const value = source.value ?? {};
  if (!validate(value)) throw new InputError(ajvErrorsToDiagnostics(validate.errors, source));
  const raw = value as { checklists?: string; ignores?: string[]; lint?: ProjectConfig['lint'] };
  const checklists =
    raw.checklists === undefined || raw.checklists === 'built-in' ? undefined : path.resolve(path.dirname(file), raw.checklists);
  if (checklists && !existsSync(checklists)) {
    const pos = source.locate(['checklists']);
    throw new InputError([
      { file, line: pos.line, col: pos.col, message: `methodology directory '${raw.checklists}' not found (relative to this file)` },
    ]);
  }
  const outside = checklists ? outsideRepository(checklists, path.dirname(file)) : undefined;
  if (outside) {
    const pos = source.locate(['checklists']);
    throw new InputError([{ file, line: pos.line, col: pos.col, message: `methodology directory '${raw.checklists}' ${outside}` }]);
  }
  return { file, ...(checklists ? { checklists } : {}), ...(raw.ignores ? { ignores: raw.ignores } : {}), lint: raw.lint ?? {} };
}

/**
 * Why a methodology directory named in a file of a repository may not judge it, or undefined: a config or
 * plan a pull request edits could otherwise judge by a methodology elsewhere on the CI machine, which the
 * pull request never shows. The command line (`--checklists`) may name any directory.
 */
export function outsideRepository(dir: string, from: string): string | undefined {
  const repository = repositoryRoot(path.resolve(from));
  if (repository === undefined) return undefined;
  const outside = outsideRoot(realPath(repository), dir, new Set());
  return outside === undefined
    ? undefined
    : `${outside}: a methodology the repository does not hold judges nothing here; name it with --checklists`;
}

/** Why `dir`, or a file in it, or a methodology it extends, lies outside `root`; `seen` ends a cycle of extends. */
function outsideRoot(root: string, dir: string, seen: Set<string>): string | undefined {
  const real = realPath(dir);
  if (!inside(root, real))
    return `lies outside the repository (${real === path.resolve(dir) ? 'its path leads there' : 'a link leads there'})`;
  // The folder alone proves nothing: a phase file in it may be a link to one the pull request never shows.
  const linkedOut = methodologyFiles(dir).find((file) => !inside(root, realPath(file)));
  if (linkedOut !== undefined) return `holds '${path.basename(linkedOut)}', a link to a file outside the repository`;
  // Nor does it prove what the folder extends: the methodology it builds on judges the plans too.
  seen.add(real);
  const base = extendsOf(dir);
  if (base === undefined || seen.has(realPath(base))) return undefined;
  const outside = outsideRoot(root, base, seen);
  return outside === undefined ? undefined : `extends '${path.relative(dir, base) || '.'}', which ${outside}`;
}

/** The directory a methodology's manifest extends (the built-in one aside), if it names one. */
function extendsOf(dir: string): string | undefined {
  try {
    const value = readYamlFile(path.join(dir, 'methodology.yaml')).value as { extends?: unknown } | null;
    const named = value?.extends;
    return typeof named === 'string' && named !== '' && named !== 'commready' ? path.resolve(dir, named) : undefined;
  } catch {
    // An unreadable manifest is loading's to report, at its line.
    return undefined;
  }
}

function inside(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The YAML files of a methodology directory, which loading it may read; none if it cannot be listed. */
function methodologyFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}
