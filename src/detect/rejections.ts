// Pure: the record of rejected proposals kept beside a plan (`.commready/detect.yaml`): a proposal
// rejected with some evidence is not offered again until its evidence changes. The file is YAML a
// person may edit; adding a rejection keeps what is there, comments included.
import { isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import type { Rejection } from './review-proposals.js';

export const REJECTIONS_HEADER =
  '# Proposals of `commready detect` rejected for this plan. Each returns when its evidence changes\n' +
  '# (a new value, another file or line): delete an entry to see it again.\n';

/** The rejections in the file's text; entries without a path and an evidence hash are ignored. */
export function parseRejections(text: string): { rejections: Rejection[]; problem?: string } {
  let doc;
  try {
    doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
  } catch (error) {
    return { rejections: [], problem: error instanceof Error ? error.message : String(error) };
  }
  if (doc.errors.length > 0) return { rejections: [], problem: doc.errors[0]!.message.split('\n')[0]! };
  const data = doc.toJS({ maxAliasCount: 100 }) as { rejected?: unknown } | null;
  const list = Array.isArray(data?.rejected) ? (data.rejected as unknown[]) : [];
  const rejections: Rejection[] = [];
  for (const entry of list) {
    if (entry === null || typeof entry !== 'object') continue;
    const { path, evidence, reason, date } = entry as Record<string, unknown>;
    if (typeof path !== 'string' || typeof evidence !== 'string') continue;
    rejections.push({
      path,
      evidence,
      ...(typeof reason === 'string' ? { reason } : {}),
      ...(typeof date === 'string' ? { date } : {}),
    });
  }
  return { rejections };
}

/** The file's text with `rejection` added (replacing an earlier entry for the same path). */
export function addRejection(text: string, rejection: Rejection): string {
  const doc = parseDocument(text.trim().length === 0 ? `${REJECTIONS_HEADER}rejected: []\n` : text, { schema: 'core' });
  if (!isMap(doc.contents)) doc.contents = doc.createNode({ rejected: [] }) as never;
  let list = doc.get('rejected', true) as YAMLSeq | undefined;
  if (!isSeq(list)) {
    doc.set('rejected', doc.createNode([]));
    list = doc.get('rejected', true) as YAMLSeq;
  }
  list.flow = false;
  list.items = list.items.filter((item) => !(isMap(item) && item.get('path') === rejection.path));
  list.items.push(doc.createNode(rejection) as never);
  return doc.toString({ lineWidth: 0 });
}
