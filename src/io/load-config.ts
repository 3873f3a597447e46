// Finds and reads the project configuration (commready.config.yaml or .commreadyrc.yaml) that sets what
// `lint` demands; validated with schemas/config.schema.json, errors as file:line:col.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FailOn } from '../scoring/verdict.js';
import { InputError } from '../errors.js';
import { ajvErrorsToDiagnostics } from '../validation/schema-validation.js';
import { createAjv } from './ajv-factory.js';
import { readYamlFile } from './read-input.js';
import { locate } from '../source/yaml-source.js';
import { CONFIG_FILES } from './config-files.js';

export type PlanParamsPolicy = 'tighten-only' | 'ignore' | 'allow';

export interface ProjectConfig {
  file: string;
  /** The methodology directory, resolved against the config file's directory; undefined for the built-in one. */
  checklists?: string;
  lint: {
    failOn?: FailOn;
    minScore?: number;
    minLevel?: string;
    methodologyFromPlan?: boolean;
    planParams?: PlanParamsPolicy;
    maxFindings?: number;
  };
}

/** The first config file in `dir` or a directory above it. */
export function findConfig(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export function loadConfig(file: string): ProjectConfig {
  const source = readYamlFile(file);
  const schema = JSON.parse(readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const validate = createAjv().compile(schema);
  const value = source.value ?? {};
  if (!validate(value)) throw new InputError(ajvErrorsToDiagnostics(validate.errors, source));
  const raw = value as { checklists?: string; lint?: ProjectConfig['lint'] };
  const checklists =
    raw.checklists === undefined || raw.checklists === 'built-in' ? undefined : path.resolve(path.dirname(file), raw.checklists);
  if (checklists && !existsSync(checklists)) {
    const pos = locate(source, ['checklists']);
    throw new InputError([
      { file, line: pos.line, col: pos.col, message: `methodology directory '${raw.checklists}' not found (relative to this file)` },
    ]);
  }
  return { file, ...(checklists ? { checklists } : {}), lint: raw.lint ?? {} };
}
