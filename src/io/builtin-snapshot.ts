// The built-in methodology, parsed and validated at build time, with its evidence validators and the
// plan schema's validator compiled ahead of time. Used only while its fingerprint matches the files.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Methodology } from '../methodology/types.js';
import type { Validator } from '../validation/schema-validation.js';

export const generatedDir = new URL('../generated/', import.meta.url);
const SNAPSHOT = 'builtin-methodology.json';
const VALIDATORS = 'validators.cjs';

export interface Snapshot {
  fingerprint: string;
  /** Evidence schema JSON (parameters resolved with defaults) → export name in validators.cjs. */
  evidenceKeys: Record<string, string>;
  methodology: Methodology;
}

/** A hash of everything the snapshot was made from. */
export function fingerprintOf(checklistsDir: string, schemasDir: string): string {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(checklistsDir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => path.join(checklistsDir, f)),
    path.join(schemasDir, 'plan.schema.json'),
    path.join(schemasDir, 'methodology.schema.json'),
  ];
  for (const file of files) hash.update(`${path.basename(file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

let loaded: { snapshot: Snapshot; validators: Record<string, Validator> } | null | undefined;

/** The snapshot and its validators, or null when absent or out of date (then everything is compiled at run time). */
export function loadSnapshot(checklistsDir: string, schemasDir: string): { snapshot: Snapshot; validators: Record<string, Validator> } | null {
  if (loaded !== undefined) return loaded;
  try {
    const snapshot = JSON.parse(readFileSync(new URL(SNAPSHOT, generatedDir), 'utf8')) as Snapshot;
    if (snapshot.fingerprint !== fingerprintOf(checklistsDir, schemasDir)) return (loaded = null);
    const validators = createRequire(import.meta.url)(new URL(VALIDATORS, generatedDir).pathname) as Record<string, Validator>;
    loaded = { snapshot, validators };
  } catch {
    loaded = null;
  }
  return loaded;
}

export const SNAPSHOT_FILE = SNAPSHOT;
export const VALIDATORS_FILE = VALIDATORS;
