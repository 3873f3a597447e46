// Parses YAML text into a value plus a source map, so any data path can be traced back to line:col.
import type { Document, Node } from 'yaml';
import { InputError, type Diagnostic } from '../errors.js';
import { parseFastYaml, type FastYaml } from './fast-yaml.js';
import { yamlLibrary } from './yaml-library.js';

/** Turns an offset into a 1-based line and column. */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

/** Where a data path is in its file: the key that holds it, or else the nearest parent that exists (then not exact). */
export interface SourcePosition {
  line: number;
  col: number;
  exact: boolean;
}

/**
 * A parsed YAML file: its plain value, with its positions. Every later step (schema errors, checks against
 * the methodology, findings) asks the value itself where a path is, never this module.
 */
export interface YamlSource {
  readonly file: string;
  readonly text: string;
  readonly value: unknown;
  /** The exact parser's document; when the fast reader read the file, it is parsed on first use only. */
  readonly doc: Document.Parsed;
  readonly lineCounter: LinePositions;
  /** The fast reader's offsets, when it read the file (then `locate` needs no document). */
  readonly fast?: FastYaml;
  /** Where `path` is in the file. */
  locate(path: DataPath): SourcePosition;
}

export type DataPath = readonly (string | number)[];

/** Anchors may be used this often; more is treated as an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

/**
 * Parses one YAML document with YAML 1.2 core types whatever `%YAML` directive the file carries, so
 * dates stay strings and `no` stays a string. Syntax errors, duplicate keys, unknown tags, several
 * documents and alias bombs are input errors with positions. Plain files are read by a fast reader
 * proven equal to the exact parser (test/unit/fast-yaml.test.ts); everything else by `yaml` itself.
 */
export function parseYamlSource(file: string, text: string): YamlSource {
  const fast = parseFastYaml(text);
  if (!fast) return parseYamlSourceExact(file, text);
  checkValueCount(file, fast.value);
  return new FastSource(file, text, fast);
}

/** A file the fast reader read: the exact document is made only if something asks for it. */
class FastSource implements YamlSource {
  private exact?: YamlSource;
  private lines?: LinePositions;
  readonly value: unknown;
  constructor(
    readonly file: string,
    readonly text: string,
    readonly fast: FastYaml,
  ) {
    this.value = fast.value;
  }
  get doc(): Document.Parsed {
    return (this.exact ??= parseYamlSourceExact(this.file, this.text)).doc;
  }
  get lineCounter(): LinePositions {
    return (this.lines ??= lineStartsOf(this.text));
  }
  locate(path: DataPath): SourcePosition {
    return locateFast(this, this.fast, path);
  }
}

/** Line starts found once, then a binary search per offset (as yaml's LineCounter does). */
function lineStartsOf(text: string): LinePositions {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    linePos(offset: number) {
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (offset < starts[mid]!) high = mid;
        else low = mid + 1;
      }
      return { line: low, col: offset - starts[low - 1]! + 1 };
    },
  };
}

/** The same, always with the exact parser (`yaml`'s Document API). */
export function parseYamlSourceExact(file: string, text: string): YamlSource {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    schema: 'core',
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    // yaml would print some warnings itself (process.emitWarning, with plan text in them) on stderr.
    logLevel: 'error',
  });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    throw new InputError(
      problems.slice(0, 1).map((e): Diagnostic => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file, line: pos.line, col: pos.col, message: describeYamlProblem(e.code, e.message) };
      }),
    );
  }
  const problem = firstShapeProblem(doc.contents);
  if (problem) {
    const pos = lineCounter.linePos(problem.offset);
    throw new InputError([{ file, line: pos.line, col: pos.col, message: problem.message }]);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a plain ReferenceError for excessive aliases, not a YAMLError.
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError([{ file, line: 1, col: 1, message: `cannot read YAML: ${message}` }]);
  }
  checkValueCount(file, value);
  const source: YamlSource = { file, text, value: value ?? null, doc, lineCounter, locate: (path) => locateExact(source, path) };
  return source;
}

/** Deeper nesting is refused with its own message; real plans and checklists stay under 15 levels. */
export const MAX_DEPTH = 100;

/**
 * At most this many aliases (`*name`) in a file: yaml resolves each by scanning the document's anchors
 * and aliases, so their cost grows with the square of their number. Real plans use none or a few.
 */
export const MAX_ALIASES = 1000;

/**
 * At most this many values (scalars, lists and maps) once aliases are expanded, each use of an anchor
 * counted in full: a small file whose aliases multiply a large list would otherwise make every later
 * step (validation, its errors) as large as the expansion. A 5 MiB plan written out holds fewer.
 */
export const MAX_VALUES = 1_000_000;

/**
 * The first thing in the document commready does not read, in document order: nesting deeper than
 * MAX_DEPTH, a key that is a list or a map (JavaScript objects only have text keys; yaml would turn it
 * into text and warn on stderr), or more than MAX_ALIASES aliases. Walks without recursion.
 */
function firstShapeProblem(root: unknown): { offset: number; message: string } | undefined {
  const { isAlias, isCollection, isPair } = yamlLibrary();
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  let aliases = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node) && ++aliases > MAX_ALIASES) {
      return {
        offset: node.range?.[0] ?? 0,
        message: `the YAML uses more than ${MAX_ALIASES} aliases (*name); commready reads at most ${MAX_ALIASES} in a file`,
      };
    }
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) {
      return {
        offset: node.range?.[0] ?? 0,
        message: `the YAML is nested more than ${MAX_DEPTH} levels deep here; commready reads at most ${MAX_DEPTH}`,
      };
    }
    const items = node.items as unknown[];
    // Pushed last first, so the walk goes in document order and the first problem is the one reported.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (!isPair(item)) {
        stack.push({ node: item, depth: depth + 1 });
        continue;
      }
      if (isCollection(item.key)) {
        return {
          offset: item.key.range?.[0] ?? 0,
          message: 'a key here is a list or a map; keys must be plain text (write the key as text, or put the list under a key)',
        };
      }
      stack.push({ node: item.value, depth: depth + 1 }, { node: item.key, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Refuses a value with more than MAX_VALUES values, counting shared (aliased) parts at each use; stops counting there. */
function checkValueCount(file: string, value: unknown): void {
  const stack: unknown[] = [value];
  let count = 0;
  while (stack.length > 0) {
    const next = stack.pop();
    if (++count > MAX_VALUES) {
      throw new InputError([
        {
          file,
          message: `holds more than ${MAX_VALUES} values (each use of an alias counted in full); commready reads at most ${MAX_VALUES} in a file`,
        },
      ]);
    }
    if (Array.isArray(next)) for (const item of next) stack.push(item);
    else if (next !== null && typeof next === 'object') for (const key in next) stack.push((next as Record<string, unknown>)[key]);
  }
}

function describeYamlProblem(code: string, message: string): string {
  const plain = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
  switch (code) {
    case 'RESOURCE_EXHAUSTION':
      // yaml's parser gives up on very deep nesting with a stack overflow: the file is not malformed.
      return `the YAML is nested too deeply to read (commready reads at most ${MAX_DEPTH} levels)`;
    case 'DUPLICATE_KEY':
      return 'duplicate key: map keys must be unique';
    case 'TAG_RESOLVE_FAILED':
      return `unsupported YAML tag: ${plain}`;
    case 'MULTIPLE_DOCS':
      return 'the file holds several YAML documents; keep one';
    default:
      return `YAML syntax error: ${plain}`;
  }
}

/** Where `path` is in the file: the key that holds it, or else the nearest parent that exists. */
export function locate(source: YamlSource, path: DataPath): SourcePosition {
  return source.locate(path);
}

/** `locate` in the exact parser's document. */
function locateExact(source: YamlSource, path: DataPath): SourcePosition {
  let node: unknown = source.doc.contents;
  let best: number | undefined;
  let exact = true;
  for (const segment of path) {
    node = resolveAlias(source, node);
    const next = childOf(node, segment);
    if (!next) {
      exact = false;
      break;
    }
    best = next.offset;
    node = next.node;
  }
  if (best === undefined) {
    const start = firstContentOffset(source);
    const pos = source.lineCounter.linePos(start);
    return { line: pos.line, col: pos.col, exact: exact && path.length === 0 };
  }
  const pos = source.lineCounter.linePos(best);
  return { line: pos.line, col: pos.col, exact };
}

function locateFast(source: YamlSource, fast: FastYaml, path: DataPath): SourcePosition {
  let node: unknown = fast.value;
  let best: number | undefined;
  let exact = true;
  for (const segment of path) {
    const offsets = node !== null && typeof node === 'object' ? fast.offsets.get(node) : undefined;
    let offset: number | undefined;
    if (offsets && Array.isArray(node)) {
      const index = typeof segment === 'number' ? segment : Number(segment);
      offset = Number.isInteger(index) ? offsets[index] : undefined;
      if (offset !== undefined) node = node[index];
    } else if (offsets) {
      // A map's offsets follow the order of its keys: the key's place among them, counted without
      // listing them (every finding of every plan is located).
      const key = String(segment);
      let at = -1;
      if (Object.hasOwn(node as object, key)) {
        let place = 0;
        for (const own in node as object) {
          if (own === key) {
            at = place;
            break;
          }
          place++;
        }
      }
      offset = at >= 0 ? offsets[at] : undefined;
      if (offset !== undefined) node = (node as Record<string, unknown>)[key];
    }
    if (offset === undefined) {
      exact = false;
      break;
    }
    best = offset;
  }
  const pos = source.lineCounter.linePos(best ?? fast.rootOffset);
  return { line: pos.line, col: pos.col, exact: best === undefined ? exact && path.length === 0 : exact };
}

/**
 * Each alias node of a document and the node its anchor names, found in one walk on first need. yaml's
 * own `Alias.resolve(doc)` walks the whole document for every alias, so locating the errors of a plan
 * that repeats an alias thousands of times took time quadratic in its size. Kept per document, which
 * holds it no longer than itself.
 */
const aliasTargets = new WeakMap<Document.Parsed, Map<unknown, unknown>>();

function resolveAlias(source: YamlSource, node: unknown): unknown {
  if (!yamlLibrary().isAlias(node)) return node;
  let targets = aliasTargets.get(source.doc);
  if (!targets) aliasTargets.set(source.doc, (targets = findAliasTargets(source.doc)));
  return targets.get(node);
}

/** As yaml resolves an alias: the last node before it, in document order, that carries its anchor. */
function findAliasTargets(doc: Document.Parsed): Map<unknown, unknown> {
  const { isAlias, isNode, visit } = yamlLibrary();
  const anchors = new Map<string, unknown>();
  const targets = new Map<unknown, unknown>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

function childOf(node: unknown, segment: string | number): { node: unknown; offset: number } | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (String(key) === String(segment)) {
        const keyNode = pair.key as Node | null;
        const offset = keyNode?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0;
        return { node: pair.value, offset };
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    const index = typeof segment === 'number' ? segment : Number(segment);
    const item = Number.isInteger(index) ? node.items[index] : undefined;
    if (item === undefined) return undefined;
    const offset = (item as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0;
    return { node: item, offset };
  }
  return undefined;
}

function firstContentOffset(source: YamlSource): number {
  const contents = source.doc.contents as Node | null;
  return contents?.range?.[0] ?? 0;
}

/** Splits a JSON pointer (`/a/0/b~1c`) into path segments. */
export function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
