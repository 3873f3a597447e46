// Where the package's own files are (schemas, built-in checklists) and its version.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SchemaSet } from '../validation/schema-validation.js';
import { createValidation, type Validation } from '../validation/schema-validation.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export const packageRoot = root;
export const builtinChecklistsDir = fileURLToPath(new URL('../../checklists/', import.meta.url));
export const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

export function loadSchemas(): SchemaSet {
  return { methodology: readSchema('methodology.schema.json'), plan: readSchema('plan.schema.json'), report: readSchema('report.schema.json') };
}

let cached: Validation | undefined;

/** The validators for commready's schemas, built once per process. */
export function loadValidation(): Validation {
  cached ??= createValidation(loadSchemas());
  return cached;
}
