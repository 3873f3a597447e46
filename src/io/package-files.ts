// Where the package's own files are (schemas, built-in checklists) and its version.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SchemaSet } from '../validation/schema-validation.js';
import { createValidation, type Validation } from '../validation/schema-validation.js';
import { createAjvFor } from './ajv-factory.js';
import { loadSnapshot } from './builtin-snapshot.js';
import { defineLazy } from './define-lazy.js';

export const builtinChecklistsDir = fileURLToPath(new URL('../../checklists/', import.meta.url));
export const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));

export { toolVersion } from './tool-version.js';

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

const SCHEMA_FILES: Record<keyof SchemaSet, string> = {
  methodology: 'methodology.schema.json',
  plan: 'plan.schema.json',
  report: 'report.schema.json',
};

/** The schemas, each read on first use: a lint with precompiled validators never reads them. */
export function loadSchemas(): SchemaSet {
  const schemas = {} as SchemaSet;
  defineLazy(schemas, Object.keys(SCHEMA_FILES), (key) => readSchema(SCHEMA_FILES[key as keyof SchemaSet]));
  return schemas;
}

let cached: Validation | undefined;

/** The validators for commready's schemas, built once per process; precompiled ones where current. */
export function loadValidation(): Validation {
  if (!cached) {
    const aot = loadSnapshot(builtinChecklistsDir, schemasDir);
    // Getters: the precompiled validators' module loads when the first plan or rule is validated, which
    // an interview on a new plan does only after its first answer.
    const precompiled = aot
      ? {
          get plan() {
            return aot.validators.plan!;
          },
          get evidence() {
            return new Map(Object.entries(aot.snapshot.evidenceKeys).map(([json, key]) => [json, aot.validators[key]!]));
          },
        }
      : undefined;
    cached = createValidation(loadSchemas(), {
      createAjv: createAjvFor,
      ...(precompiled ? { precompiled } : {}),
    });
  }
  return cached;
}
