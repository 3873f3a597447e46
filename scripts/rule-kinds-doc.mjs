#!/usr/bin/env node
// Writes docs/rule-kinds.md, the reference of evidence rule kinds for methodology authors, from the
// methodology schema's definitions: the schema is what validate-checklists enforces, so the reference
// cannot drift from it. `npm run docs` runs this; a test compares the file with what it would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DOC = 'docs/rule-kinds.md';
const SCHEMA = 'schemas/methodology.schema.json';

/** The definition name of a kind: `rule` and the kind in PascalCase (`personal-data` → rulePersonalData). */
const defName = (kind) => `rule${kind.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())}`;

const PATH_PATTERNS = new Set(['^[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*$', '^[a-z_][a-z0-9_]*(\\.([a-z_][a-z0-9_]*|\\*))*$']);
const KEY_PATTERN = '^[a-z_][a-z0-9_]*$';

/** What an option takes, in a few words. */
function valueOf(node) {
  if (node.$ref === '#/$defs/numberOrParam') return 'number or `{ $param }`';
  if (node.$ref === '#/$defs/text') return 'text';
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (Array.isArray(node.type) && node.type.includes('object') && node.type.includes('boolean')) return 'JSON Schema';
  if (node.type === 'boolean') return '`true` or `false`';
  if (node.type === 'string') {
    if (PATH_PATTERNS.has(node.pattern)) return node.pattern.includes('|\\*') ? 'plan path (`*` allowed)' : 'plan path';
    if (node.pattern === KEY_PATTERN) return 'key';
    return node.pattern ? 'name' : 'text';
  }
  if (node.type === 'array') {
    const items = node.items ?? {};
    const of = items.enum ? items.enum.map((v) => `\`${v}\``).join(', ') : plural(valueOf(items));
    const count = node.minItems === node.maxItems && node.minItems !== undefined ? `${node.minItems} ` : '';
    return `list of ${count}${of}`;
  }
  if (node.type === 'object') return node.properties ? 'record' : 'record of keys to texts';
  throw new Error(`rule-kinds-doc: no words for ${JSON.stringify(node)}`);
}

/** `plan path (…)` → `plan paths (…)`, `key` → `keys`. */
const plural = (words) => words.replace(/^(\S+(?: path)?)/, '$1s');

/** Table rows of a definition's options, a record's own options dotted below it. */
function rows(properties, required, prefix = '') {
  return Object.entries(properties).flatMap(([key, node]) => {
    if (key === 'kind') return [];
    const name = `\`${prefix}${key}\`${required.includes(key) ? ' (required)' : ''}`;
    const described = node.description ?? '';
    if (described === '') throw new Error(`rule-kinds-doc: ${prefix}${key} has no description in the schema`);
    const own = `| ${name} | ${valueOf(node)} | ${cell(described)} |`;
    return node.properties ? [own, ...rows(node.properties, node.required ?? [], `${prefix}${key}.`)] : [own];
  });
}

const cell = (text) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function ruleKindsMarkdown(schema) {
  const defs = schema.$defs;
  const kindNode = defs.evidenceRule.properties.kind;
  const out = [
    '# Evidence rule kinds',
    '',
    `<!-- Generated from ${SCHEMA} by \`npm run docs\`: edit the schema, not this file. -->`,
    '',
    "An item of a methodology lists its `evidence`: rules checked against a plan's facts. The item is met when",
    'every rule passes. Every rule has a `path` into the plan and a `message`, the instruction shown when it',
    `fails; \`kind\` picks how it is checked: ${kindNode.enum.map((k) => `\`${k}\``).join(', ')} (\`schema\` when left out).`,
    '',
    'A number option may instead be `{ $param: name }`: the value in force of a parameter of the manifest,',
    'which community types and formalities may change, and which `{name}` shows in a message.',
    '`commready validate-checklists DIR` checks a methodology against these definitions.',
    '',
    ...kindNode.enum.map((kind) => `- [\`${kind}\`](#${kind})`),
  ];
  for (const kind of kindNode.enum) {
    const def = defs[defName(kind)];
    out.push('', `## \`${kind}\``, '', cell(def.description), '', '| Option | Value | What it does |', '| --- | --- | --- |');
    for (const row of rows(def.properties, def.required ?? [])) out.push(row);
  }
  return `${out.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DOC, ruleKindsMarkdown(JSON.parse(readFileSync(SCHEMA, 'utf8'))));
}
