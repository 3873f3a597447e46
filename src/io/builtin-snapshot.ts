// The built-in methodology, parsed and validated at build time, with its evidence validators and the
// plan schema's validator compiled ahead of time. Used only while its fingerprint matches the files.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { Methodology } from '../methodology/types.js';
import type { Validator } from '../validation/schema-validation.js';

export const generatedDir = new URL('../generated/', import.meta.url);
const SNAPSHOT = 'builtin-methodology.json';
const VALIDATORS = 'validators.cjs';
const VALIDATORS_CACHE = 'validators.code-cache';

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
  for (const file of files)
    hash
      .update(`${path.basename(file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex');
}

let loaded: { snapshot: Snapshot; validators: Record<string, Validator> } | null | undefined;

/** The snapshot and its validators, or null when absent or out of date (then everything is compiled at run time). */
export function loadSnapshot(
  checklistsDir: string,
  schemasDir: string,
): { snapshot: Snapshot; validators: Record<string, Validator> } | null {
  if (loaded !== undefined) return loaded;
  try {
    const snapshot = JSON.parse(readFileSync(new URL(SNAPSHOT, generatedDir), 'utf8')) as Snapshot;
    if (snapshot.fingerprint !== fingerprintOf(checklistsDir, schemasDir)) return (loaded = null);
    const validators = compileValidators().run();
    loaded = { snapshot, validators };
  } catch {
    loaded = null;
  }
  return loaded;
}

/**
 * validators.cjs compiled as Node would load it, but with V8's code cache from the build when it fits
 * this Node (the module is large: compiling it was a good part of start-up). The build uses the same
 * function to make the cache, so source and wrapper match.
 */
export function compileValidators(useCache = true): { script: vm.Script; run(): Record<string, Validator> } {
  const file = fileURLToPath(new URL(VALIDATORS, generatedDir));
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      cachedData = readFileSync(new URL(VALIDATORS_CACHE, generatedDir));
    } catch {
      cachedData = undefined; // no cache: compile as usual
    }
  }
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  return {
    script,
    run() {
      const module = { exports: {} as Record<string, Validator> };
      (script.runInThisContext() as (...args: unknown[]) => void).call(
        module.exports,
        module.exports,
        createRequire(file),
        module,
        file,
        path.dirname(file),
      );
      return module.exports;
    },
  };
}

export const SNAPSHOT_FILE = SNAPSHOT;
export const VALIDATORS_CACHE_FILE = VALIDATORS_CACHE;
export const VALIDATORS_FILE = VALIDATORS;
