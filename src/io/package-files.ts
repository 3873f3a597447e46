// Where the package's own files are (schemas, built-in checklists) and its version.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SchemaSet } from '../validation/schema-validation.js';
import { createValidation, type Validation } from '../validation/schema-validation.js';
import { createAjv } from './ajv-factory.js';
import { loadSnapshot } from './builtin-snapshot.js';

export const builtinChecklistsDir = fileURLToPath(new URL('../../checklists/', import.meta.url));
export const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));

export { toolVersion } from './tool-version.js';

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

export function loadSchemas(): SchemaSet {
  return {
    methodology: readSchema('methodology.schema.json'),
    plan: readSchema('plan.schema.json'),
    report: readSchema('report.schema.json'),
  };
}

let cached: Validation | undefined;

/** The validators for commready's schemas, built once per process; precompiled ones where current. */
export function loadValidation(): Validation {
  if (!cached) {
    const aot = loadSnapshot(builtinChecklistsDir, schemasDir);
    const precompiled = aot
      ? {
          plan: aot.validators.plan!,
          evidence: new Map(Object.entries(aot.snapshot.evidenceKeys).map(([json, key]) => [json, aot.validators[key]!])),
        }
      : undefined;
    cached = createValidation(loadSchemas(), {
      createAjv: (purpose) => createAjv({}, purpose === 'own' ? 'native' : 're2'),
      ...(precompiled ? { precompiled } : {}),
    });
  }
  return cached;
}
