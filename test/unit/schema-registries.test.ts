// The JSON Schemas and the TypeScript registries name the same things: every enum the schemas hold for a
// closed set of the code (rule kinds, severities, stages, statuses…) lists exactly that set, and each
// rule kind's schema definition is dispatched on its name and takes the thresholds its module declares.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../src/methodology/finding-kinds.js';
import { QUESTION_TIERS } from '../../src/methodology/question-types.js';
import { RULE_KIND_MODULES, RULE_KINDS } from '../../src/methodology/rule-kinds/index.js';
import { DIMENSIONS, FORMALITIES, QUESTION_KINDS, SEVERITIES, STAGES } from '../../src/methodology/types.js';
import { ANSWER_STATUSES } from '../../src/plan/types.js';
import { ITEM_STATUSES } from '../../src/scoring/types.js';
import { FAIL_ON } from '../../src/scoring/verdict.js';

type Node = Record<string, unknown>;

const schema = (name: string): Node => JSON.parse(readFileSync(`schemas/${name}.schema.json`, 'utf8')) as Node;
const methodology = schema('methodology');
const defs = methodology.$defs as Record<string, Node>;

/** The node at a path of keys inside a schema. */
function at(node: Node, ...keys: string[]): Node {
  let here: unknown = node;
  for (const key of keys) {
    here = (here as Node | undefined)?.[key];
    if (here === undefined) throw new Error(`no ${keys.join('.')} in the schema`);
  }
  return here as Node;
}
const enumAt = (node: Node, ...keys: string[]): unknown => at(node, ...keys).enum;

/** The keys of a rule's definition that take a number or a parameter, dotted inside an option (`before.within_days`). */
function paramKeysOf(properties: Record<string, Node>, prefix = ''): string[] {
  return Object.entries(properties).flatMap(([key, node]) =>
    node.$ref === '#/$defs/numberOrParam'
      ? [`${prefix}${key}`]
      : node.properties
        ? paramKeysOf(node.properties as Record<string, Node>, `${prefix}${key}.`)
        : [],
  );
}

/** The methodology schema's definition of a rule kind: `rule` and the kind in PascalCase (`personal-data` → rulePersonalData). */
const defName = (kind: string): string => `rule${kind.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;

describe('the methodology schema and the rule-kind registry', () => {
  it('lists exactly the registered kinds, in the table order', () => {
    expect(enumAt(defs, 'evidenceRule', 'properties', 'kind')).toEqual([...RULE_KINDS]);
    expect(RULE_KINDS).toEqual(Object.keys(RULE_KIND_MODULES));
  });

  it('names every kind in the description of `kind`', () => {
    const description = String(at(defs, 'evidenceRule', 'properties', 'kind').description);
    for (const kind of RULE_KINDS) expect(description).toContain(kind);
  });

  it("sends each kind to its own definition, and a rule without `kind` to schema's", () => {
    const dispatch = (at(defs, 'evidenceRule').allOf as Node[]).map((branch) => {
      const kind = (branch.if as Node).properties as Record<string, Node> | undefined;
      return [kind ? kind.kind!.const : '(none)', (branch.then as Node).$ref];
    });
    expect(dispatch).toEqual([['(none)', '#/$defs/ruleSchema'], ...RULE_KINDS.map((kind) => [kind, `#/$defs/${defName(kind)}`])]);
  });

  for (const [key, module] of Object.entries(RULE_KIND_MODULES)) {
    it(`defines kind '${key}' as its module does: the kind's name and the thresholds that may be parameters`, () => {
      expect(module.kind).toBe(key);
      const def = defs[defName(key)];
      expect(def, `$defs.${defName(key)}`).toBeDefined();
      const properties = def!.properties as Record<string, Node>;
      expect(properties.kind!.const).toBe(key);
      expect(paramKeysOf(properties).sort()).toEqual(module.params.map((p) => p.key).sort());
    });
  }
});

describe('the schemas and the other closed sets of the code', () => {
  const plan = schema('plan');
  const report = schema('report');
  const config = schema('config');
  const cases: [string, unknown, readonly unknown[]][] = [
    ['methodology severity', enumAt(defs, 'severity'), SEVERITIES],
    ['methodology stage', enumAt(defs, 'stage'), STAGES],
    ['methodology formality id', enumAt(defs, 'formality', 'properties', 'id'), FORMALITIES],
    ["methodology profile's formality", enumAt(defs, 'profile', 'properties', 'formality'), FORMALITIES],
    ["methodology course track's formality", enumAt(defs, 'courseTrack', 'properties', 'formality'), FORMALITIES],
    ["methodology item's dimension", enumAt(defs, 'item', 'properties', 'dimension'), DIMENSIONS],
    ["methodology item's question kind", enumAt(defs, 'question', 'properties', 'kind'), QUESTION_KINDS],
    ["methodology interview question's tier", enumAt(defs, 'interviewQuestion', 'properties', 'tier'), QUESTION_TIERS],
    ["plan answer's status", enumAt(plan, '$defs', 'answer', 'properties', 'status'), ANSWER_STATUSES],
    ["plan community's stage", enumAt(plan, 'properties', 'community', 'properties', 'stage'), STAGES],
    ["plan community's formality", enumAt(plan, 'properties', 'community', 'properties', 'formality'), FORMALITIES],
    ['report thresholds failOn', enumAt(report, 'properties', 'thresholds', 'properties', 'failOn'), FAIL_ON],
    ['report severity', enumAt(report, '$defs', 'severity'), SEVERITIES],
    ['report status', enumAt(report, '$defs', 'status'), ITEM_STATUSES],
    ['report finding code', enumAt(report, '$defs', 'plan', 'properties', 'findings', 'items', 'properties', 'code'), FINDING_CODES],
    ["report item's dimension", enumAt(report, '$defs', 'plan', 'properties', 'items', 'items', 'properties', 'dimension'), DIMENSIONS],
    ['config lint failOn', enumAt(config, 'properties', 'lint', 'properties', 'failOn'), FAIL_ON],
    ['config pinned formality', enumAt(config, 'properties', 'lint', 'properties', 'pin', 'properties', 'formality'), FORMALITIES],
  ];
  for (const [what, inSchema, inCode] of cases) {
    it(`agree on the ${what}`, () => {
      expect(inSchema).toEqual([...inCode]);
    });
  }
});
