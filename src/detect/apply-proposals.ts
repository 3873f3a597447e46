// Pure: writes the proposals that may be written into the plan's text through the plan editor, so that
// every line the edit does not touch stays byte for byte as it was (comments, order, formatting), and
// shows the change as a unified diff.
import { parseDocument, type Document } from 'yaml';
import { getPlanValue, renderPlanEdit, setPlanValue, splitPlanPath } from '../plan/edit-plan.js';
import { matchLines } from '../text/diff-lines.js';
import { isEmptyValue } from './review-proposals.js';
import type { ReviewedProposal } from './types.js';

/** Actions that write. */
export function writes(p: ReviewedProposal): boolean {
  return p.action === 'add' || p.action === 'update';
}

function parse(text: string): Document {
  return parseDocument(text, { schema: 'core', uniqueKeys: true });
}

/** Sets one proposal in the document; false when the plan's shape leaves no place for it. */
function setProposal(doc: Document, p: ReviewedProposal): boolean {
  const path = splitPlanPath(p.path);
  try {
    if (p.point === undefined) {
      setPlanValue(doc, path, p.value);
      return true;
    }
    const list = getPlanValue(doc, path);
    if (list === undefined || list === null || (Array.isArray(list) && list.length === 0)) {
      setPlanValue(doc, path, [{ point: p.point, decision: p.value }]);
      return true;
    }
    if (!Array.isArray(list)) return false;
    const index = list.findIndex((e) => e !== null && typeof e === 'object' && (e as Record<string, unknown>).point === p.point);
    if (index >= 0) {
      if (!isEmptyValue((list[index] as Record<string, unknown>).decision)) return false;
      setPlanValue(doc, [...path, index, 'decision'], p.value);
    } else setPlanValue(doc, [...path, list.length], { point: p.point, decision: p.value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The plan's new text with every writable proposal of `proposals` set, and those that were; `only` narrows
 * them further (used to find the largest set the plan's schema accepts). Unchanged text when nothing is set.
 */
export function applyProposals(
  text: string,
  proposals: readonly ReviewedProposal[],
  only: (p: ReviewedProposal) => boolean = () => true,
): { text: string; written: ReviewedProposal[]; refused: ReviewedProposal[] } {
  const before = parse(text);
  const after = parse(text);
  const written: ReviewedProposal[] = [];
  const refused: ReviewedProposal[] = [];
  for (const p of proposals) {
    if (!writes(p) || !only(p)) continue;
    if (setProposal(after, p)) written.push(p);
    else refused.push(p);
  }
  if (written.length === 0) return { text, written, refused };
  return { text: renderPlanEdit(text, before, after), written, refused };
}

/** A unified diff of two texts (three lines of context), or '' when they are equal. */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string): string {
  if (oldText === newText) return '';
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const match = matchLines(a, b);
  // Edit script: walk both, emitting kept, removed and added lines.
  type Line = { op: ' ' | '-' | '+'; text: string; ai: number; bi: number };
  const script: Line[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const m = match[i]!;
    if (m < 0) {
      script.push({ op: '-', text: a[i]!, ai: i, bi: j });
      continue;
    }
    while (j < m) {
      script.push({ op: '+', text: b[j]!, ai: i, bi: j });
      j++;
    }
    script.push({ op: ' ', text: a[i]!, ai: i, bi: j });
    j++;
  }
  while (j < b.length) {
    script.push({ op: '+', text: b[j]!, ai: a.length, bi: j });
    j++;
  }
  const CONTEXT = 3;
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  let k = 0;
  while (k < script.length) {
    if (script[k]!.op === ' ') {
      k++;
      continue;
    }
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change within reach.
    const start = Math.max(0, k - CONTEXT);
    let end = k;
    let last = k;
    while (end < script.length) {
      if (script[end]!.op !== ' ') last = end;
      else if (end - last > 2 * CONTEXT) break;
      end++;
    }
    const stop = Math.min(script.length, last + CONTEXT + 1);
    const hunk = script.slice(start, stop);
    const oldStart = hunk[0]!.ai;
    const newStart = hunk[0]!.bi;
    const oldCount = hunk.filter((l) => l.op !== '+').length;
    const newCount = hunk.filter((l) => l.op !== '-').length;
    out.push(`@@ -${oldCount === 0 ? oldStart : oldStart + 1},${oldCount} +${newCount === 0 ? newStart : newStart + 1},${newCount} @@`);
    for (const l of hunk) out.push(`${l.op}${l.text}`);
    k = stop;
  }
  return `${out.join('\n')}\n`;
}
