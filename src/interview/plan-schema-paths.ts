// Pure: looks plan paths up in the plan's JSON Schema, so the interview asks only for fields the schema
// accepts and offers the schema's fixed choices instead of free text.

type SchemaNode = Record<string, unknown>;

function resolveRef(root: SchemaNode, node: SchemaNode): SchemaNode {
  let current = node;
  for (let guard = 0; guard < 10 && typeof current.$ref === 'string'; guard++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) return current;
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = (target as SchemaNode | undefined)?.[part];
    if (!target || typeof target !== 'object') return current;
    current = { ...(target as SchemaNode), ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) };
  }
  return current;
}

/** The schema of the value at `segments` (`*` or a number for list items), or undefined if not accepted. */
export function schemaAtPath(root: unknown, segments: readonly string[]): SchemaNode | undefined {
  if (!root || typeof root !== 'object') return undefined;
  let node = resolveRef(root as SchemaNode, root as SchemaNode);
  for (const segment of segments) {
    const isIndex = segment === '*' || /^\d+$/.test(segment);
    if (isIndex) {
      const items = node.items;
      if (!items || typeof items !== 'object') return undefined;
      node = resolveRef(root as SchemaNode, items as SchemaNode);
      continue;
    }
    const props = node.properties as Record<string, SchemaNode> | undefined;
    if (props && Object.hasOwn(props, segment)) {
      node = resolveRef(root as SchemaNode, props[segment]!);
      continue;
    }
    const extra = node.additionalProperties;
    if (extra === false) return undefined;
    if (extra && typeof extra === 'object') {
      node = resolveRef(root as SchemaNode, extra as SchemaNode);
      continue;
    }
    // No properties and no closed object: anything goes below here.
    if (!props) return {};
    return undefined;
  }
  return node;
}

export function schemaAcceptsPath(root: unknown, segments: readonly string[]): boolean {
  return schemaAtPath(root, segments) !== undefined;
}

/** The fixed values the schema allows at a path (`enum`), if any. */
export function schemaChoicesAt(root: unknown, segments: readonly string[]): readonly (string | number | boolean)[] | undefined {
  const node = schemaAtPath(root, segments);
  const values = node?.enum;
  return Array.isArray(values) && values.every((v) => ['string', 'number', 'boolean'].includes(typeof v))
    ? (values as (string | number | boolean)[])
    : undefined;
}
