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
    const branches = (['oneOf', 'anyOf'] as const).flatMap((k): SchemaNode[] =>
      Array.isArray(current[k]) ? (current[k] as SchemaNode[]).map((b) => deref(planSchema, b) ?? b) : [],
    );
    const child: SchemaNode | undefined = [current, ...branches]
      .map((n) => (n.properties as Record<string, SchemaNode> | undefined)?.[segment])
      .find((c) => c !== undefined);
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

/** The plan schema's node for a path (references followed), or undefined where the schema does not describe it. */
export function planSchemaNodeAt(planSchema: SchemaNode, segments: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = deref(planSchema, planSchema);
  for (const segment of segments) {
    if (!node) return undefined;
    // A value written two ways (a string, or a record of parts): its fields are the record's.
    const branches = [...((node.anyOf as SchemaNode[] | undefined) ?? []), ...((node.oneOf as SchemaNode[] | undefined) ?? [])].map(
      (b) => deref(planSchema, b) ?? b,
    );
    const record = branches.find((b) => b.properties && Object.hasOwn(b.properties as object, segment));
    if (!node.properties && record) node = record;
    const properties = node.properties as Record<string, SchemaNode> | undefined;
    const extra = node.additionalProperties;
    // A free-form section (`custom`) holds anything: its fields have no schema to read a kind from.
    const child: SchemaNode | undefined =
      properties?.[segment] ?? (extra === true ? {} : typeof extra === 'object' && extra ? (extra as SchemaNode) : undefined);
    node = child && deref(planSchema, child);
  }
  return node;
}

/** A node resolved for asking: references followed and, for a fact written bare or dated, the bare form. */
export function askableNode(planSchema: SchemaNode, node: SchemaNode): SchemaNode {
  const resolved = deref(planSchema, node) ?? node;
  const anyOf = resolved.anyOf as SchemaNode[] | undefined;
  if (Array.isArray(anyOf)) {
    const bare = anyOf.map((n) => deref(planSchema, n) ?? n).find((n) => n.type !== 'object');
    if (bare) return bare;
  }
  return resolved;
}

export { deref as derefPlanSchema };
