// Reads a methodology directory (and the one it extends) and hands the files to the pure parser.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { parseMethodology } from '../methodology/parse-methodology.js';
import { allItems, type Item, type Methodology } from '../methodology/types.js';
import type { YamlSource } from '../source/yaml-source.js';
import type { Validation } from '../validation/schema-validation.js';
import { builtinChecklistsDir, schemasDir } from './package-files.js';
import { ITEM_TEXT_KEYS, METHODOLOGY_TEXT_KEYS, loadSnapshot, snapshotTexts } from './builtin-snapshot.js';
import { defineLazy, lazyProperties } from './define-lazy.js';
import { readYamlFile } from './read-input.js';
import { methodologyLimitProblems } from '../validation/methodology-limits.js';

export const MANIFEST_FILE = 'methodology.yaml';
/** The interview's screener and questions beyond the items' own, beside the manifest (optional). */
export const QUESTIONS_FILE = 'questions.yaml';

export interface LoadOptions {
  /** Use the build's snapshot of the built-in methodology when it is current (default true). */
  snapshot?: boolean;
}

/** Loads the methodology in `dir` (and any it extends). */
export function loadMethodology(
  dir: string,
  validation: Validation,
  options: LoadOptions = {},
  chain: readonly string[] = [],
): Methodology {
  const resolved = path.resolve(dir);
  if (options.snapshot !== false && resolved === path.resolve(builtinChecklistsDir)) {
    const aot = loadSnapshot(builtinChecklistsDir, schemasDir);
    if (aot) return withIdsInterned(fromSnapshot(aot.snapshot.methodology, dir));
  }
  const manifestFile = path.join(dir, MANIFEST_FILE);
  if (!existsSync(dir)) throw new InputError([{ file: dir, message: 'methodology directory not found' }]);
  if (!existsSync(manifestFile))
    throw new InputError([{ file: manifestFile, message: `file not found: a methodology directory needs a ${MANIFEST_FILE}` }]);
  const manifest = readYamlFile(manifestFile);
  const value = manifest.value as { phases?: unknown; extends?: unknown } | null;
  const phases = new Map<string, YamlSource | undefined>();
  const listed = Array.isArray(value?.phases)
    ? value.phases.filter((p): p is string => typeof p === 'string' && /^[a-z][a-z0-9-]*$/.test(p))
    : [];
  for (const id of listed) {
    const file = path.join(dir, `${id}.yaml`);
    phases.set(id, existsSync(file) ? readYamlFile(file) : undefined);
  }
  const questionsFile = path.join(dir, QUESTIONS_FILE);
  const questions = existsSync(questionsFile) ? readYamlFile(questionsFile) : undefined;
  const bytes = [manifest, ...phases.values(), questions].reduce((n, s) => n + (s ? Buffer.byteLength(s.text) : 0), 0);
  const overLimit = methodologyLimitProblems(manifest.value, new Map([...phases].map(([id, s]) => [id, s?.value])), bytes);
  if (overLimit.length > 0) {
    throw new InputError(
      overLimit.map((p) => {
        const source = p.file === 'manifest' ? manifest : phases.get(p.file)!;
        const pos = source.locate(p.path);
        return { file: source.file, line: pos.line, col: pos.col, message: p.message };
      }),
    );
  }
  let base: Methodology | undefined;
  if (typeof value?.extends === 'string' && value.extends.length > 0) {
    const baseDir = value.extends === 'commready' ? builtinChecklistsDir : path.resolve(dir, value.extends);
    const at = (message: string): InputError => {
      const pos = manifest.locate(['extends']);
      return new InputError([{ file: manifestFile, line: pos.line, col: pos.col, message }]);
    };
    if (!existsSync(path.join(baseDir, MANIFEST_FILE)))
      throw at(`'extends': no ${MANIFEST_FILE} in '${value.extends}' (relative to this file)`);
    if ([...chain, resolved].includes(path.resolve(baseDir)))
      throw at(`'extends' makes a cycle: ${[...chain, resolved, path.resolve(baseDir)].map(displayPath).join(' → ')}`);
    base = loadMethodology(displayPath(baseDir), validation, options, [...chain, resolved]);
  }
  return withIdsInterned(
    parseMethodology({ location: dir, manifest, phases, ...(questions ? { questions } : {}), ...(base ? { base } : {}) }, validation),
  );
}

/**
 * The methodology, its item and phase ids made V8's shared copies one byte a character. A text used as a
 * key is kept once per thread, as it was first met: a plan whose file holds one character past U+00FF
 * holds even its ASCII keys two bytes a character, and when such a plan was a thread's first, every
 * item id it named stayed so, and so did every output text that took one in (the scans and the UTF-8
 * writing of which run several times slower). Made keys here, before any plan is read, they stay one byte.
 */
function withIdsInterned(methodology: Methodology): Methodology {
  const keys = Object.create(null) as Record<string, true>;
  // JSON.parse makes a string one byte a character when it fits, whatever the text it was cut from.
  for (const id of [...methodology.phases.map((p) => p.id), ...allItems(methodology).map((i) => i.id)])
    keys[JSON.parse(JSON.stringify(id)) as string] = true;
  // Held while the methodology is, so that the shared copies are not collected before the plans come.
  internedKeys.set(methodology, keys);
  return methodology;
}
const internedKeys = new WeakMap<Methodology, Record<string, true>>();

/** An item's long texts, read from the snapshot's texts when first used. */
const withItemTexts = lazyProperties<Item>(ITEM_TEXT_KEYS, (item, key) => snapshotTexts().items[item.id]?.[key]);

/**
 * The snapshot's methodology, with file names as seen from here rather than from the build, and its long
 * texts (kept apart by the build) read when first used.
 */
function fromSnapshot(m: Methodology, dir: string): Methodology {
  // One join per phase file, not one per item: each item of a phase comes from the same file.
  const files = new Map<string, string>();
  const moved = (file: string): string => {
    let to = files.get(file);
    if (to === undefined) files.set(file, (to = path.join(dir, path.basename(file))));
    return to;
  };
  const relocate = <T extends { origin: { file: string } }>(x: T): T => ({ ...x, origin: { ...x.origin, file: moved(x.origin.file) } });
  const methodology: Methodology = {
    ...m,
    location: dir,
    directories: [dir],
    phases: m.phases.map((p) => ({
      ...relocate(p),
      items: p.items.map((item) => {
        const relocated = relocate(item);
        withItemTexts(relocated);
        return relocated;
      }),
    })),
  };
  defineLazy(methodology, METHODOLOGY_TEXT_KEYS, (key) => snapshotTexts().methodology[key]);
  return methodology;
}

export function loadBuiltinMethodology(validation: Validation): Methodology {
  return loadMethodology(displayPath(builtinChecklistsDir), validation);
}

/** A path relative to the working directory when that is shorter, for messages. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && relative.length < file.length ? relative : file;
}
