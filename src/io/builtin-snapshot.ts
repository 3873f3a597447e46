// The built-in methodology, parsed and validated at build time, with its evidence validators and the
// plan schema's validator compiled ahead of time. Used only while its fingerprint matches the files.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type vm from 'node:vm';
import { compileCommonJs, USER_CACHE } from '../../bin/load-bundle.cjs';
import type { Item, Methodology } from '../methodology/types.js';
import type { Validator } from '../validation/schema-validation.js';

export const generatedDir = new URL('../generated/', import.meta.url);
const SNAPSHOT = 'builtin-methodology.json';
const TEXTS = 'builtin-texts.json';
const VALIDATORS = 'validators.cjs';

export interface Snapshot {
  /** sha256 of the source files' names and contents. */
  fingerprint: string;
  /** Name, size and modification time of each source file when the snapshot was made. */
  stats: FileStat[];
  /** Evidence schema JSON (parameters resolved with defaults) → export name in validators.cjs. */
  evidenceKeys: Record<string, string>;
  methodology: Methodology;
}

type FileStat = [name: string, size: number, mtimeMs: number];

/** Everything the snapshot is made from: the checklists and the two schemas that shape them. */
function sourceFiles(checklistsDir: string, schemasDir: string): string[] {
  return [
    ...readdirSync(checklistsDir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => path.join(checklistsDir, f)),
    path.join(schemasDir, 'plan.schema.json'),
    path.join(schemasDir, 'methodology.schema.json'),
  ];
}

/** A hash of everything the snapshot was made from. */
export function fingerprintOf(checklistsDir: string, schemasDir: string): string {
  // Loaded here only: node:crypto costs about 3% of a bare Node start, and most runs never hash.
  const { createHash } = process.getBuiltinModule('node:crypto');
  const hash = createHash('sha256');
  for (const file of sourceFiles(checklistsDir, schemasDir))
    hash
      .update(`${path.basename(file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex');
}

export function statsOf(checklistsDir: string, schemasDir: string): FileStat[] {
  return sourceFiles(checklistsDir, schemasDir).map((file) => {
    const { size, mtimeMs } = statSync(file);
    return [path.basename(file), size, mtimeMs];
  });
}

/**
 * True when the snapshot was made from the files as they are. Names, sizes and modification times
 * that all match settle it without reading a file (as make and eslint --cache do); any difference
 * (a checkout, a touch, an edit) falls back to comparing the contents' hash. Only an edit that kept
 * the size and set the time back to the same nanosecond would go unseen; editors and git never do.
 */
export function snapshotIsCurrent(snapshot: Pick<Snapshot, 'fingerprint' | 'stats'>, checklistsDir: string, schemasDir: string): boolean {
  const now = statsOf(checklistsDir, schemasDir);
  const same =
    Array.isArray(snapshot.stats) &&
    snapshot.stats.length === now.length &&
    now.every(([name, size, mtime], i) => {
      const [n, s, m] = snapshot.stats[i] ?? [];
      return n === name && s === size && m === mtime;
    });
  return same || snapshot.fingerprint === fingerprintOf(checklistsDir, schemasDir);
}

let loaded: { snapshot: Snapshot; validators: Record<string, Validator> } | null | undefined;

/** The snapshot and its validators, or null when absent or out of date (then everything is compiled at run time). */
export function loadSnapshot(
  checklistsDir: string,
  schemasDir: string,
): { snapshot: Snapshot; validators: Record<string, Validator> } | null {
  if (loaded !== undefined) return loaded;
  try {
    // Written in ASCII (other characters as \u escapes): latin1 decodes it faster than UTF-8.
    const snapshot = JSON.parse(readFileSync(new URL(SNAPSHOT, generatedDir)).toString('latin1')) as Snapshot;
    if (!snapshotIsCurrent(snapshot, checklistsDir, schemasDir)) return (loaded = null);
    let validators: Record<string, Validator> | undefined;
    // Compiled on first use (see loadValidation). A module that fails to load leaves none precompiled:
    // each schema is then compiled when first used, as without a snapshot.
    loaded = {
      snapshot,
      get validators() {
        if (!validators) {
          try {
            validators = compileValidators().run();
          } catch {
            validators = {};
          }
        }
        return validators;
      },
    };
  } catch {
    loaded = null;
  }
  return loaded;
}

/**
 * validators.cjs compiled as Node would load it, with the V8 code cache a first run stored in the user's
 * cache folder (the module is large: compiling it was a good part of start-up; see bin/load-bundle.cjs).
 */
export function compileValidators(useCache = true): { script: vm.Script; run(): Record<string, Validator> } {
  return compileCommonJs<Record<string, Validator>>(fileURLToPath(new URL(VALIDATORS, generatedDir)), useCache ? USER_CACHE : undefined);
}

export const SNAPSHOT_FILE = SNAPSHOT;
export const TEXTS_FILE = TEXTS;

/**
 * The methodology's long texts, which `lint` never reads: kept out of the snapshot and read on first
 * use (the snapshot parses in half the time). Guides, the interview and the docs read them.
 */
export const ITEM_TEXT_KEYS = ['why', 'guidance', 'references', 'question'] as const;
export const METHODOLOGY_TEXT_KEYS = ['questions', 'screener', 'changelog', 'frameworks'] as const;

export interface SnapshotTexts {
  methodology: Record<string, unknown>;
  items: Record<string, Record<string, unknown>>;
}

/** Splits a methodology into the snapshot's part and the texts read on demand. */
export function splitTexts(methodology: Methodology): { core: Methodology; texts: SnapshotTexts } {
  const texts: SnapshotTexts = { methodology: {}, items: {} };
  const take = (from: Record<string, unknown>, keys: readonly string[], into: Record<string, unknown>) => {
    const rest = { ...from };
    for (const key of keys) {
      into[key] = from[key];
      delete rest[key];
    }
    return rest;
  };
  const core = take(methodology as unknown as Record<string, unknown>, METHODOLOGY_TEXT_KEYS, texts.methodology) as unknown as Methodology;
  core.phases = methodology.phases.map((phase) => ({
    ...phase,
    items: phase.items.map(
      (item) => take(item as unknown as Record<string, unknown>, ITEM_TEXT_KEYS, (texts.items[item.id] = {})) as unknown as Item,
    ),
  }));
  return { core, texts };
}

let texts: SnapshotTexts | undefined;
/** The texts kept out of the snapshot, read once. */
export function snapshotTexts(): SnapshotTexts {
  return (texts ??= JSON.parse(readFileSync(new URL(TEXTS, generatedDir)).toString('latin1')) as SnapshotTexts);
}

export const VALIDATORS_FILE = VALIDATORS;
