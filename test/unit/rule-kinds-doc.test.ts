// docs/rule-kinds.md, the methodology author's reference of rule kinds, is generated from the methodology
// schema: it must be current, and the generator refuses an option the schema leaves undescribed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script in plain JavaScript, without types
import { ruleKindsMarkdown } from '../../scripts/rule-kinds-doc.mjs';
import { RULE_KINDS } from '../../src/methodology/rule-kinds/index.js';

const schema = JSON.parse(readFileSync('schemas/methodology.schema.json', 'utf8')) as {
  $defs: Record<string, { properties: Record<string, { description?: string }> }>;
};
const generate = ruleKindsMarkdown as (s: unknown) => string;

describe('docs/rule-kinds.md', () => {
  it('is what `npm run docs` writes from the schema today', () => {
    expect(readFileSync('docs/rule-kinds.md', 'utf8')).toBe(generate(schema));
  });

  it('has a section for every registered kind, with a row for each of its options', () => {
    const doc = generate(schema);
    for (const kind of RULE_KINDS) expect(doc).toContain(`## \`${kind}\``);
    expect(doc).toMatch(/\| `fields_differ` \| list of 2 keys \| Two fields of each entry/);
    expect(doc).toMatch(/\| `before\.path` \(required\) \| plan path \|/);
  });

  it('refuses an option the schema does not describe', () => {
    const bare = structuredClone(schema);
    delete bare.$defs.rulePeople!.properties.min!.description;
    expect(() => generate(bare)).toThrow(/min has no description/);
  });
});
