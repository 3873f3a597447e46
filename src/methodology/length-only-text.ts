// Finds text rules that judge by length alone (a padded sentence passes, a crisp one fails), so a
// methodology that opts in (`strict_text`) can refuse them.

/** Paths inside a schema of every string subschema whose only test of substance is a `minLength` above 1. */
export function lengthOnlyTextPaths(schema: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(schema)) return schema.flatMap((v, i) => lengthOnlyTextPaths(v, [...path, i]));
  if (schema === null || typeof schema !== 'object') return [];
  const record = schema as Record<string, unknown>;
  const own: (string | number)[][] = [];
  const min = record.minLength;
  // A `{ $param }` minimum is a length threshold too: only the literal 1 means "written".
  const judgesLength = min !== undefined && !(typeof min === 'number' && min <= 1);
  const hasSubstance = ['pattern', 'format', 'enum', 'const'].some((k) => Object.hasOwn(record, k));
  if (judgesLength && !hasSubstance) own.push([...path, 'minLength']);
  const nested = Object.entries(record).flatMap(([k, v]) => (k === 'minLength' ? [] : lengthOnlyTextPaths(v, [...path, k])));
  return [...own, ...nested];
}
