// Pure: says in words what an evidence schema asks for, so no reader ever sees raw JSON Schema.
type Schema = Record<string, unknown>;

/** A value's parameter-aware rendering: `{ $param: x }` becomes "x (default 3)" or the value in force. */
export type ShowNumber = (value: unknown) => string;

const plainNumber: ShowNumber = (v) => String(v);

/** One phrase, e.g. "a list of at least 3 entries, each with name and role". */
export function describeSchema(schema: unknown, show: ShowNumber = plainNumber): string {
  if (schema === true || schema === undefined) return 'any value';
  if (schema === false) return 'no value';
  if (!isObject(schema)) return 'a value';
  const s = schema;
  const parts: string[] = [];
  if ('const' in s) return `exactly ${literal(s.const)}`;
  if (Array.isArray(s.enum)) return `one of ${s.enum.map(literal).join(', ')}`;
  const type = Array.isArray(s.type) ? s.type.join(' or ') : typeof s.type === 'string' ? s.type : undefined;
  switch (type) {
    case 'string':
      parts.push(describeString(s, show));
      break;
    case 'number':
    case 'integer':
      parts.push(describeNumber(s, type, show));
      break;
    case 'array':
      parts.push(describeArray(s, show));
      break;
    case 'object':
      parts.push(describeObject(s, show) || 'a record');
      break;
    case 'boolean':
      parts.push('yes or no');
      break;
    default:
      if (type) parts.push(`a ${type}`);
      else if ('minimum' in s || 'maximum' in s || 'exclusiveMinimum' in s || 'exclusiveMaximum' in s)
        parts.push(describeNumber(s, 'number', show));
      else if ('minItems' in s || 'items' in s || 'contains' in s) parts.push(describeArray(s, show));
      else if ('minLength' in s || 'format' in s || 'pattern' in s) parts.push(describeString(s, show));
      else if ('required' in s || 'properties' in s) parts.push(describeObject(s, show));
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[key])) parts.push(`either ${(s[key] as unknown[]).map((x) => describeSchema(x, show)).join(', or ')}`);
  }
  if (Array.isArray(s.allOf) && type !== 'array') parts.push((s.allOf as unknown[]).map((x) => describeSchema(x, show)).join(', and '));
  if (isObject(s.not)) parts.push(`not ${describeSchema(s.not, show)}`);
  const text = parts.filter(Boolean).join(', ');
  return text || 'a value';
}

function describeString(s: Schema, show: ShowNumber): string {
  const format = typeof s.format === 'string' ? (FORMAT_WORDS[s.format] ?? `text in ${s.format} format`) : undefined;
  let text = format ?? 'text';
  if (s.minLength !== undefined && s.maxLength !== undefined) text += ` of ${show(s.minLength)} to ${show(s.maxLength)} characters`;
  else if (s.minLength !== undefined)
    text = Number(s.minLength) <= 1 && !format ? 'some text' : `${text} of at least ${show(s.minLength)} characters`;
  else if (s.maxLength !== undefined) text += ` of at most ${show(s.maxLength)} characters`;
  if (typeof s.pattern === 'string') text += ` matching the pattern ${s.pattern}`;
  return text;
}

const FORMAT_WORDS: Record<string, string> = {
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date and time',
  uri: 'a URL',
  'uri-reference': 'a URL or relative link',
  email: 'an e-mail address',
};

function describeNumber(s: Schema, type: string, show: ShowNumber): string {
  const noun = type === 'integer' ? 'a whole number' : 'a number';
  const bounds: string[] = [];
  if (s.minimum !== undefined) bounds.push(`at least ${show(s.minimum)}`);
  if (s.exclusiveMinimum !== undefined) bounds.push(`above ${show(s.exclusiveMinimum)}`);
  if (s.maximum !== undefined) bounds.push(`at most ${show(s.maximum)}`);
  if (s.exclusiveMaximum !== undefined) bounds.push(`below ${show(s.exclusiveMaximum)}`);
  return bounds.length > 0 ? `${noun} ${bounds.join(' and ')}` : noun;
}

function describeArray(s: Schema, show: ShowNumber): string {
  let text: string;
  if (s.minItems !== undefined && s.maxItems !== undefined) text = `a list of ${show(s.minItems)} to ${show(s.maxItems)} entries`;
  else if (s.minItems !== undefined) text = `a list of at least ${show(s.minItems)} ${Number(s.minItems) === 1 ? 'entry' : 'entries'}`;
  else if (s.maxItems !== undefined) text = `a list of at most ${show(s.maxItems)} entries`;
  else text = 'a list';
  if (isObject(s.items)) {
    const each = describeSchema(s.items, show);
    if (each !== 'any value') text += `, each ${each.replace(/^a record /, '')}`;
  }
  if (Array.isArray(s.prefixItems)) {
    const first = s.prefixItems[0];
    if (first !== undefined) text += `, the first ${describeSchema(first, show).replace(/^a record /, '')}`;
  }
  const contains: unknown[] = [];
  if (s.contains !== undefined) contains.push(s.contains);
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) if (isObject(sub) && sub.contains !== undefined) contains.push(sub.contains);
  // minContains counts the entries that match `contains` (e.g. founders with a commitment).
  const atLeast = s.minContains !== undefined ? `at least ${show(s.minContains)} of: ` : '';
  if (contains.length > 0) text += `, including ${atLeast}${contains.map((c) => describeSchema(c, show)).join(' and ')}`;
  return text;
}

function describeObject(s: Schema, show: ShowNumber): string {
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  const props = isObject(s.properties) ? s.properties : {};
  const details: string[] = [];
  for (const [key, sub] of Object.entries(props)) {
    if (!isObject(sub) || Object.keys(sub).length === 0) continue;
    details.push(`${key} ${describeSchema(sub, show)}`);
  }
  const parts: string[] = [];
  if (required.length > 0) parts.push(`with ${list(required)}`);
  if (details.length > 0) parts.push(`where ${details.join('; ')}`);
  return parts.length > 0 ? `a record ${parts.join(', ')}` : 'a record';
}

function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function literal(value: unknown): string {
  if (value === true) return 'yes (true)';
  if (value === false) return 'no (false)';
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
