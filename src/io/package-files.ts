// Where the package's own files are (schemas, built-in checklists) and its version.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SchemaSet } from '../validation/schema-validation.js';
import { EVIDENCE_AJV_OPTIONS, createValidation, type Validation } from '../validation/schema-validation.js';
import { createAjv } from './ajv-factory.js';
import { loadSnapshot } from './builtin-snapshot.js';

export const builtinChecklistsDir = fileURLToPath(new URL('../../checklists/', import.meta.url));
export const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));

export { toolVersion } from './tool-version.js';

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** The schemas, each read on first use: a lint with precompiled validators never reads them. */
export function loadSchemas(): SchemaSet {
  const cache: Partial<SchemaSet> = {};
  const once = (key: keyof SchemaSet, file: string) => () => (cache[key] ??= readSchema(file));
  const methodology = once('methodology', 'methodology.schema.json');
  const plan = once('plan', 'plan.schema.json');
  const report = once('report', 'report.schema.json');
  return {
    get methodology() {
      return methodology();
    },
    get plan() {
      return plan();
    },
    get report() {
      return report();
    },
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
      createAjv: (purpose) => (purpose === 'own' ? createAjv({}, 'native') : createAjv({ ...EVIDENCE_AJV_OPTIONS }, 're2')),
      ...(precompiled ? { precompiled } : {}),
    });
  }
  return cached;
}
