// Pure: changes values at plan paths in a yaml Document, and renders the result so that every line the
// change does not touch stays byte for byte as the user wrote it (comments, key order, formatting).
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
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
        const fresh = doc.createNode(typeof path[i + 1] === 'number' ? [] : {}) as Node;
        if (pair) pair.value = fresh;
        else parent.items.push(doc.createPair(key, fresh) as Pair);
        parent = fresh;
      } else parent = pair.value;
    } else if (isSeq(parent)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0 || index > parent.items.length) throw new Error(`cannot set index ${String(key)} of a list of ${parent.items.length}`);
      if (last) {
        const old = parent.items[index];
        if (isScalar(old) && isPrimitive(value)) old.value = value;
        else parent.items[index] = doc.createNode(value);
        return;
      }
      let child = parent.items[index];
      if (!(isMap(child) || isSeq(child))) {
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
    if (typeof value !== 'string' && (old.type === 'BLOCK_FOLDED' || old.type === 'BLOCK_LITERAL')) old.type = undefined;
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

/** yaml's own rendering, without re-folding long lines. */
export function stringifyPlan(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}

/**
 * The new file text after an edit: `current` is the file as it is now, `before` and `after` the
 * documents before and after the edit. Lines the edit did not change keep `current`'s bytes even where
 * yaml would render them differently; if that splice would not read back as `after`, yaml's whole
 * rendering is used instead (formatting may change, values and comments never do).
 */
export function renderPlanEdit(current: string, before: Document, after: Document): string {
  const s0 = stringifyPlan(before);
  const s1 = stringifyPlan(after);
  if (s0 === current) return s1;
  const o = current.split('\n');
  const a = s0.split('\n');
  const b = s1.split('\n');
  const aToO = matchLines(a, o);
  const aToB = matchLines(a, b);
  const out: string[] = [];
  // Walk the lines that are the same in all three texts; between two such anchors, keep the user's
  // lines when the edit did not change that stretch, else take yaml's new rendering of it.
  let prevA = -1;
  let prevO = -1;
  let prevB = -1;
  for (let i = 0; i <= a.length; i++) {
    const anchor = i === a.length || (aToO[i]! >= 0 && aToB[i]! >= 0 && aToO[i]! > prevO && aToB[i]! > prevB);
    if (!anchor) continue;
    const nextO = i === a.length ? o.length : aToO[i]!;
    const nextB = i === a.length ? b.length : aToB[i]!;
    const gapA = a.slice(prevA + 1, i);
    const gapB = b.slice(prevB + 1, nextB);
    if (gapA.length === gapB.length && gapA.every((line, j) => line === gapB[j])) out.push(...o.slice(prevO + 1, nextO));
    else out.push(...gapB);
    if (i < a.length) out.push(o[nextO]!);
    prevA = i;
    prevO = nextO;
    prevB = nextB;
  }
  const spliced = out.join('\n');
  return readsAs(spliced, s1) ? spliced : s1;
}

function readsAs(text: string, expected: string): boolean {
  try {
    const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
    if (doc.errors.length > 0) return false;
    const want = parseDocument(expected, { schema: 'core' });
    return JSON.stringify(doc.toJS()) === JSON.stringify(want.toJS()) && commentsOf(doc) === commentsOf(want);
  } catch {
    return false;
  }
}

/** Every comment in document order, to check that a splice lost or duplicated none. */
function commentsOf(doc: Document): string {
  return stringifyPlan(doc).split('\n').filter((l) => /(^|\s)#/.test(l)).map((l) => l.slice(l.indexOf('#'))).join('\n');
}
