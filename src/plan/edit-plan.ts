// Pure: changes values at plan paths in a yaml Document, and renders the result so that every line the
// change does not touch stays byte for byte as the user wrote it (comments, key order, formatting).
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { parseFastYaml } from '../source/fast-yaml.js';
import { matchLines } from '../text/diff-lines.js';

/** A path into the plan: map keys and sequence indexes. */
export type PlanPath = readonly (string | number)[];

/** `a.b.c` → `['a', 'b', 'c']`. */
export function splitPlanPath(dotted: string): string[] {
  return dotted.split('.').filter((s) => s.length > 0);
}

/** The plain value at `path`, or undefined. */
export function getPlanValue(doc: Document, path: PlanPath): unknown {
  const node = doc.getIn(path, true) as unknown;
  if (node === undefined || node === null) return undefined;
  if (isScalar(node)) return node.value;
  if (isMap(node) || isSeq(node)) return node.toJS(doc);
  return undefined;
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * Sets `value` at `path`, creating the maps (or, for numeric segments, sequences) on the way. A scalar
 * replaced by a scalar keeps its node, hence its comments; an empty flow collection (`purpose: {}`)
 * becomes a block one once it gets content.
 */
export function setPlanValue(doc: Document, path: PlanPath, value: unknown): void {
  if (path.length === 0) throw new Error('setPlanValue needs a non-empty path');
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  let parent: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const last = i === path.length - 1;
    if ((isMap(parent) || isSeq(parent)) && parent.flow && parent.items.length === 0) parent.flow = false;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && String(keyOf(p)) === String(key));
      if (last) {
        if (pair) replaceValue(doc, pair, value);
        else parent.items.push(doc.createPair(key, value) as Pair);
        return;
      }
      if (!pair || !(isMap(pair.value) || isSeq(pair.value))) {
        // Never replace something the user wrote with a map: only an empty value may become one.
        if (pair && !(pair.value === null || (isScalar(pair.value) && (pair.value.value === null || pair.value.value === '')))) {
          throw new Error(`cannot set ${path.join('.')}: ${path.slice(0, i + 1).join('.')} holds a value, not a map or list`);
        }
        const fresh = doc.createNode(typeof path[i + 1] === 'number' ? [] : {}) as Node;
        if (pair) pair.value = fresh;
        else parent.items.push(doc.createPair(key, fresh) as Pair);
        parent = fresh;
      } else parent = pair.value;
    } else if (isSeq(parent)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0 || index > parent.items.length)
        throw new Error(`cannot set index ${String(key)} of a list of ${parent.items.length}`);
      if (last) {
        const old = parent.items[index];
        if (isScalar(old) && isPrimitive(value)) old.value = value;
        else parent.items[index] = doc.createNode(value);
        return;
      }
      let child = parent.items[index];
      if (!(isMap(child) || isSeq(child))) {
        if (child !== undefined && child !== null && !(isScalar(child) && child.value === null)) {
          throw new Error(`cannot set ${path.join('.')}: item ${index} holds a value, not a map or list`);
        }
        child = doc.createNode(typeof path[i + 1] === 'number' ? [] : {});
        parent.items[index] = child;
      }
      parent = child;
    } else {
      throw new Error(`cannot set ${path.join('.')}: a part of the path is not a map or list`);
    }
  }
}

function replaceValue(doc: Document, pair: Pair, value: unknown): void {
  const old = isAlias(pair.value) ? undefined : (pair.value as Node | null);
  if (isScalar(old) && isPrimitive(value)) {
    // A block scalar style only suits strings; let yaml pick a style for anything else.
    // A block scalar only suits text that starts and ends with something printable; let yaml pick a
    // style (quoting if needed) for anything else.
    if (
      (old.type === 'BLOCK_FOLDED' || old.type === 'BLOCK_LITERAL') &&
      (typeof value !== 'string' || value.trim() !== value || value === '')
    )
      old.type = undefined;
    old.value = value;
    return;
  }
  const fresh = doc.createNode(value) as Node;
  if (old) {
    if (old.commentBefore) fresh.commentBefore = old.commentBefore;
    if (old.comment) fresh.comment = old.comment;
  }
  pair.value = fresh;
}

/** Removes the value at `path`; returns whether there was one. Parents are kept. */
export function deletePlanValue(doc: Document, path: PlanPath): boolean {
  if (!doc.hasIn(path)) return false;
  return doc.deleteIn(path);
}

/** The document of a plan's text, as an edit reads it. */
export function readPlanDocument(text: string): Document {
  return parseDocument(text, { schema: 'core', uniqueKeys: true });
}

/** How a plan's text indents its blocks, as far as yaml's rendering can follow it. */
export interface PlanLayout {
  /** Spaces a nested map is indented by. */
  readonly indent: number;
}

/** yaml's own layout, and the starter plan's. */
export const YAML_LAYOUT: PlanLayout = { indent: 2 };

/** A key that opens a block (`key:`, maybe with a comment), not a list entry or a quoted key. */
const OPENS_BLOCK = /^[^\s#'"{[\-][^#]*:[ \t]*(?:#.*)?$/;

/**
 * The layout of a plan's text: the indentation of its first map nested in a map; yaml's own where the text
 * shows none. Only the first lines are read: a plan is laid out one way throughout, and a large plan must
 * not be scanned on every answer. (A list level with its key is not followed: yaml renders some values
 * there that it cannot read back.)
 */
export function layoutOf(text: string): PlanLayout {
  let parent: number | undefined;
  let start = 0;
  for (let n = 0; n < 2000 && start < text.length; n++) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
    start = end < 0 ? text.length : end + 1;
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const at = line.length - content.length;
    // yaml renders an indentation of 2 to 9 spaces.
    if (parent !== undefined && at > parent && !content.startsWith('-'))
      return { indent: at - parent >= 2 && at - parent <= 9 ? at - parent : YAML_LAYOUT.indent };
    parent = OPENS_BLOCK.test(content) ? at : undefined;
  }
  return YAML_LAYOUT;
}

/** yaml's own rendering, without re-folding long lines, in the layout given (a plan's own: `layoutOf`). */
export function stringifyPlan(doc: Document, layout: PlanLayout = YAML_LAYOUT): string {
  return doc.toString({ lineWidth: 0, indent: layout.indent });
}

/**
 * The new file text after an edit: `current` is the file as it is now, `before` and `after` the
 * documents before and after the edit. Lines the edit did not change keep `current`'s bytes even where
 * yaml would render them differently; if that splice would not read back as `after`, yaml's whole
 * rendering is used instead (formatting may change, values and comments never do).
 */
export function renderPlanEdit(current: string, before: Document, after: Document): string {
  return renderEditedPlan(current, stringifyPlan(before, layoutOf(current)), after).text;
}

/**
 * An edit rendered, with what the next edit starts from: the new text, the document that text holds, and
 * yaml's own rendering of that document.
 */
export interface RenderedEdit {
  readonly text: string;
  readonly doc: Document;
  readonly rendering: string;
}

/**
 * `renderPlanEdit` for a run of edits (the interview saves after every answer), given yaml's rendering of
 * the document before the edit (`stringifyPlan(before, layoutOf(current))`, the `rendering` of the previous edit) rather than
 * that document, so the edit may be applied to it in place. The result's `doc` is what the next edit is
 * applied to: `after` itself when the new text is proven to hold it (`holdsPlainly`), else the new text
 * read back. A whole plan is rendered once per edit, and read once (by the fast reader, for most plans).
 */
export function renderEditedPlan(current: string, beforeRendering: string, after: Document): RenderedEdit {
  // A file with CRLF line breaks throughout keeps them, on the lines the edit adds too.
  if (current.includes('\r\n') && !/(?:^|[^\r])\n/.test(current)) {
    const edit = renderEditedPlan(current.replace(/\r\n/g, '\n'), beforeRendering, after);
    return { ...edit, text: edit.text.replace(/\n/g, '\r\n') };
  }
  const s0 = beforeRendering;
  const s1 = stringifyPlan(after, layoutOf(current));
  // The file is yaml's own rendering: the new text is yaml's rendering of `after`.
  if (s0 === current) return { text: s1, doc: after, rendering: s1 };
  const o = current.split('\n');
  const a = s0.split('\n');
  const b = s1.split('\n');
  // Lines that differ only in spacing or a trailing comment are the same line for alignment (yaml moves
  // such comments to a line of their own); the user's version of them is what is written.
  const aToO = matchLines(a.map(looseLine), o.map(looseLine));
  const aToB = matchLines(a, b);
  const out: string[] = [];
  // A three-way merge with yaml's rendering `a` as the base: the user's file `o` differs from it only in
  // formatting, the edited rendering `b` only where the edit changed something. Lines the edit kept are
  // written as the user had them (or not at all when only yaml's rendering has them); lines it changed
  // are replaced by yaml's new rendering, at the place the user's version of them was.
  const oPositionFrom = (i: number): number => {
    for (let k = i; k < a.length; k++) if (aToO[k]! >= 0) return aToO[k]!;
    return o.length;
  };
  // Lines are appended one by one: a plan has any number of lines, more than a call's arguments may hold.
  const keep = (from: number, to: number): void => {
    for (let k = from; k < to; k++) out.push(o[k]!);
  };
  const insert = (from: number, to: number): void => {
    for (let k = from; k < to; k++) out.push(b[k]!);
  };
  let prevA = -1;
  let prevO = -1;
  let prevB = -1;
  for (let i = 0; i <= a.length; i++) {
    const end = i === a.length;
    if (!end && aToB[i]! < 0) continue;
    const inO = end ? o.length : aToO[i]!;
    const inB = end ? b.length : aToB[i]!;
    let first = Infinity;
    let last = -Infinity;
    for (let k = prevA + 1; k < i; k++) {
      const x = aToO[k]!;
      if (x < 0) continue;
      first = Math.min(first, x);
      last = Math.max(last, x);
    }
    if (prevA + 1 < i) {
      if (last >= 0) {
        keep(prevO + 1, first);
        prevO = last;
      } else {
        // Only yaml's rendering had these lines: the user's version is what lies before the next known line.
        prevO = (inO >= 0 ? inO : oPositionFrom(i)) - 1;
      }
      insert(prevB + 1, inB);
    } else if (inB > prevB + 1) {
      if (inO >= 0) {
        keep(prevO + 1, inO);
        prevO = inO - 1;
      }
      insert(prevB + 1, inB);
    }
    if (inO >= 0) {
      keep(prevO + 1, end ? o.length : inO + 1);
      prevO = inO;
    }
    prevA = i;
    prevB = inB;
  }
  const spliced = out.join('\n');
  const expected = expectedOf(after, s1);
  const kept = holdsPlainly(spliced, expected, after, s1) ?? readBack(spliced, expected) ?? readBack(s1, expected);
  if (kept === undefined) throw new Error('the edited plan would not read back as written');
  return kept;
}

/** A line `looseLine` changes: a trailing comment, white space other than one space after text, or at the end. */
const NOT_LOOSE = /\s#|\S(?:\s\s|[^\S ])|\s$/;

function looseLine(line: string): string {
  // Most lines are already as loose as they get: no regular expression replaces anything in them.
  if (!NOT_LOOSE.test(line)) return line;
  return line
    .replace(/\s+#.*$/, '')
    .replace(/(\S)\s+/g, '$1 ')
    .trimEnd();
}

/** What the text of an edited plan must hold: the data of the document after the edit, and its comments. */
export interface ExpectedPlan {
  /** The document's plain data, as JSON. */
  readonly data: string;
  /** The comment lines of yaml's rendering of the document, in order (see `commentsIn`). */
  readonly comments: string;
}

/** What a text must hold to be `after`, given yaml's rendering of `after`. */
export function expectedOf(after: Document, afterRendering: string): ExpectedPlan {
  return { data: JSON.stringify(after.toJS()), comments: commentsIn(afterRendering) };
}

/**
 * `text` checked without building a document from it, when it is in the plain YAML the fast reader knows
 * (as plans are): its data as that reader reads it (equal to yaml's wherever the reader answers, which
 * also means yaml reads the text without an error; test/unit/fast-yaml.test.ts) and its comment lines, as
 * written, exactly those expected, in order. The text then holds `after`, which the next edit starts from,
 * with yaml's rendering of `after` as its base. Undefined when anything differs or the reader gives up:
 * `readBack` decides then.
 */
export function holdsPlainly(text: string, expected: ExpectedPlan, after: Document, afterRendering: string): RenderedEdit | undefined {
  if (commentsIn(text) !== expected.comments) return undefined;
  const fast = parseFastYaml(text);
  if (fast === undefined || JSON.stringify(fast.value) !== expected.data) return undefined;
  return { text, doc: after, rendering: afterRendering };
}

/**
 * `text` read back by yaml, if it holds exactly the data and the comments expected (comments as yaml
 * renders them, in document order: a splice that lost or duplicated one is refused); undefined if not.
 */
export function readBack(text: string, expected: ExpectedPlan): RenderedEdit | undefined {
  try {
    const doc = readPlanDocument(text);
    if (doc.errors.length > 0 || JSON.stringify(doc.toJS()) !== expected.data) return undefined;
    const rendering = stringifyPlan(doc, layoutOf(text));
    return commentsIn(rendering) === expected.comments ? { text, doc, rendering } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every line of a YAML text with a `#` at its start or after white space, from its first `#`, in order: every
 * comment, and the odd value that holds such a `#` (the same in the texts compared, or they differ).
 */
function commentsIn(text: string): string {
  return text
    .split('\n')
    .filter((l) => /(^|\s)#/.test(l))
    .map((l) => l.slice(l.indexOf('#')))
    .join('\n');
}
