// Answers "does the plan schema describe this path?", so evidence rules cannot read a field no plan can have.

type SchemaNode = Record<string, unknown>;

/** True when `segments` names a property the plan schema describes (or one under a free-form object). */
export function planSchemaHasPath(planSchema: SchemaNode, segments: readonly string[]): boolean {
  let node: SchemaNode | undefined = planSchema;
  for (const segment of segments) {
    node = node && deref(planSchema, node);
    if (!node) return false;
    // A field that takes several shapes (oneOf/anyOf) has the properties of any of its object shapes.
    const current: SchemaNode = node;
    const branches = (['oneOf', 'anyOf'] as const).flatMap((k): SchemaNode[] => (Array.isArray(current[k]) ? (current[k] as SchemaNode[]).map((b) => deref(planSchema, b) ?? b) : []));
    const child: SchemaNode | undefined = [current, ...branches].map((n) => (n.properties as Record<string, SchemaNode> | undefined)?.[segment]).find((c) => c !== undefined);
    if (child) {
      node = child;
      continue;
    }
    const extra = node.additionalProperties;
    if (extra === true) return true;
    if (extra && typeof extra === 'object') {
      node = extra as SchemaNode;
      continue;
    }
    return false;
  }
  return true;
}

function deref(root: SchemaNode, node: SchemaNode): SchemaNode | undefined {
  let current: SchemaNode | undefined = node;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
    const ref: string = current.$ref as string;
    if (!ref.startsWith('#/')) return undefined;
    current = ref
      .slice(2)
      .split('/')
      .reduce<SchemaNode | undefined>((n, key) => (n ? (n[key] as SchemaNode | undefined) : undefined), root);
  }
  return current;
}
