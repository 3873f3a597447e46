// Pure: the kind of answer a plan field takes, read from the plan schema, so a question that names a
// path is asked the right way (a fixed-choice field as a choice, a share as a percentage, records with
// their fields, nested lists included).
import { askableNode, derefPlanSchema } from './plan-schema-paths.js';
import type { FieldSpec, ValueSpec } from './question-types.js';

type SchemaNode = Record<string, unknown>;

/** The value spec for a schema node, or a reason it cannot be asked (an open object). */
export function valueFromSchema(planSchema: SchemaNode, node: SchemaNode, depth = 0): ValueSpec | { problem: string } {
  const n = askableNode(planSchema, node);
  if (Array.isArray(n.enum)) return { kind: 'one-choice', choices: n.enum.map((v) => ({ value: v as string, name: String(v) })) };
  const type = Array.isArray(n.type) ? n.type[0] : n.type;
  switch (type) {
    case 'boolean':
      return { kind: 'yes-no' };
    case 'string':
      if (n.format === 'date') return { kind: 'date' };
      if (n.format === 'uri') return { kind: 'short-text', format: 'url' };
      return { kind: 'short-text' };
    case 'number':
    case 'integer': {
      if (n.minimum === 0 && n.maximum === 1) return { kind: 'percentage' };
      return {
        kind: 'number',
        ...(typeof n.minimum === 'number' ? { minimum: n.minimum } : {}),
        ...(typeof n.maximum === 'number' ? { maximum: n.maximum } : {}),
        ...(type === 'integer' ? { integer: true } : {}),
      };
    }
    case 'array': {
      const items = askableNode(planSchema, (n.items as SchemaNode | undefined) ?? {});
      if (Array.isArray(items.enum))
        return { kind: 'several-choices', choices: items.enum.map((v) => ({ value: v as string, name: String(v) })) };
      if (items.type === 'object' && depth < 3) {
        const fields = recordFields(planSchema, items, depth + 1);
        return 'problem' in fields ? fields : { kind: 'records', fields };
      }
      return { kind: 'text-list' };
    }
    default:
      return { problem: 'it is a section, not a value: name a field inside it' };
  }
}

function recordFields(planSchema: SchemaNode, node: SchemaNode, depth: number): FieldSpec[] | { problem: string } {
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const out: FieldSpec[] = [];
  for (const [key, raw] of Object.entries((node.properties as Record<string, SchemaNode> | undefined) ?? {})) {
    const child = derefPlanSchema(planSchema, raw) ?? raw;
    const value = valueFromSchema(planSchema, child, depth);
    if ('problem' in value) continue; // nested open objects are left to hand editing
    // The property's own words come first: a shared definition's description (a person's name, say)
    // explains the file format, not this field.
    const description =
      typeof raw.description === 'string' ? raw.description : typeof child.description === 'string' ? child.description : key;
    out.push({ key, message: firstSentence(description), value, ...(required.has(key) ? {} : { optional: true }) });
  }
  return out.length > 0 ? out : { problem: 'its entries have no fields to ask' };
}

/** Abbreviations whose full stop does not end a sentence ("When they are on duty, e.g. 'Mon-Wed'"). */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|cf|vs)\.$/i;

/** The description's first sentence, as a field's label: a full stop inside an abbreviation does not end it. */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const ends = /[.?!](?=\s|$)/g;
  for (let m = ends.exec(trimmed); m; m = ends.exec(trimmed)) {
    const sentence = trimmed.slice(0, m.index + 1);
    if (!ABBREVIATION.test(sentence)) return sentence.replace(/\.$/, '');
  }
  return trimmed;
}
