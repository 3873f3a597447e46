// The one walker of the plan schema, pinned on the cases where methodology validation's walker and the
// interview's used to answer differently: values written two ways, list items, references, unknown paths.
import { describe, expect, it } from 'vitest';
import { loadSchemas } from '../../src/io/package-files.js';
import {
  askableNode,
  peopleLists,
  personFields,
  planSchemaChoicesAt,
  planSchemaHasPath,
  planSchemaNodeAt,
} from '../../src/methodology/plan-schema-paths.js';

// A plan schema in miniature, one of each shape the real one uses.
const dated = (type: string) => ({
  anyOf: [
    { type },
    { type: 'object', additionalProperties: false, required: ['value'], properties: { value: { type }, as_of: { $ref: '#/$defs/date' } } },
  ],
});
const schema: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    community: {
      type: 'object',
      additionalProperties: false,
      properties: { name: { type: 'string' }, stage: { enum: ['planning', 'running'] }, opened: { $ref: '#/$defs/date' } },
    },
    statement: { oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: false, properties: { who: { type: 'string' } } }] },
    observed: {
      type: 'object',
      additionalProperties: false,
      properties: {
        retention: dated('number'),
        leaders: {
          anyOf: [
            { type: 'array', items: { $ref: '#/$defs/leader' } },
            { type: 'object', properties: { value: { type: 'array', items: { $ref: '#/$defs/leader' } } } },
          ],
        },
      },
    },
    goals: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          metric: { type: 'string' },
          kind: { enum: ['health', 'value'] },
          owners: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    assessment: { type: 'object', additionalProperties: { $ref: '#/$defs/answer' } },
    people: { type: 'array', items: { $ref: '#/$defs/person' } },
    custom: { type: 'object', additionalProperties: true },
    broken: { $ref: '#/$defs/missing' },
    remote: { $ref: 'https://acme.example/schema.json' },
  },
  $defs: {
    date: { type: 'string', format: 'date' },
    answer: {
      type: 'object',
      additionalProperties: false,
      properties: { status: { enum: ['met', 'unmet'] }, due: { $ref: '#/$defs/date' } },
    },
    person: { $ref: '#/$defs/named' },
    named: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' } } },
    leader: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, role: { enum: ['chair', 'host'] } } },
  },
};
const has = (path: string): boolean => planSchemaHasPath(schema, path.split('.'));
const nodeAt = (path: string): Record<string, unknown> | undefined => planSchemaNodeAt(schema, path.split('.'));

describe('a value written bare or as a record (anyOf / oneOf)', () => {
  it("has the record's fields, and the record's node for each", () => {
    expect(has('observed.retention.value')).toBe(true);
    expect(has('observed.retention.as_of')).toBe(true);
    expect(nodeAt('observed.retention.value')).toEqual({ type: 'number' });
    expect(nodeAt('observed.retention.as_of')).toEqual({ type: 'string', format: 'date' });
    expect(nodeAt('statement.who')).toEqual({ type: 'string' });
  });

  it('has no field that none of its shapes has, and nothing below its bare form', () => {
    expect(has('observed.retention.source')).toBe(false);
    expect(has('statement.what')).toBe(false);
    expect(nodeAt('observed.retention.value.more')).toBeUndefined();
  });

  it('is asked in its bare form', () => {
    expect(askableNode(schema, nodeAt('observed.retention')!)).toEqual({ type: 'number' });
  });
});

describe('list items', () => {
  it('are named by * or an index, and lead to the schema of an item', () => {
    expect(has('goals.*.metric')).toBe(true);
    expect(has('goals.0.metric')).toBe(true);
    expect(nodeAt('goals.*.owners')).toEqual({ type: 'array', items: { type: 'string' } });
    expect(planSchemaChoicesAt(schema, ['goals', '*', 'kind'])).toEqual(['health', 'value']);
    expect(has('goals.*.deadline')).toBe(false);
  });

  it('are found in the list shape of a value written two ways', () => {
    expect(has('observed.leaders.*.name')).toBe(true);
    expect(planSchemaChoicesAt(schema, ['observed', 'leaders', '*', 'role'])).toEqual(['chair', 'host']);
    expect(has('observed.leaders.value.*.role')).toBe(true);
  });

  it('are no field of something that is not a list, a free-form section included', () => {
    expect(has('community.*')).toBe(false);
    expect(has('community.name.0')).toBe(false);
    expect(has('custom.*')).toBe(false);
  });
});

describe('references', () => {
  it('are followed in properties, additionalProperties and items, through chains', () => {
    expect(nodeAt('community.opened')).toEqual({ type: 'string', format: 'date' });
    expect(planSchemaChoicesAt(schema, ['assessment', 'purpose.values', 'status'])).toEqual(['met', 'unmet']);
    expect(planSchemaHasPath(schema, ['assessment', 'purpose.values', 'due'])).toBe(true);
    expect(nodeAt('people.*.name')).toEqual({ type: 'string' });
  });

  it('that lead nowhere, or out of the schema, describe nothing', () => {
    expect(has('broken')).toBe(false);
    expect(has('broken.anything')).toBe(false);
    expect(has('remote')).toBe(false);
    expect(nodeAt('remote')).toBeUndefined();
  });
});

describe('unknown paths', () => {
  it('are refused: a missing key, a key below a scalar, a closed record', () => {
    expect(has('community.nickname')).toBe(false);
    expect(has('community.name.first')).toBe(false);
    expect(has('assessment.x.deadline')).toBe(false);
    expect(nodeAt('community.nickname')).toBeUndefined();
    expect(planSchemaChoicesAt(schema, ['community', 'nickname'])).toBeUndefined();
  });

  it("are refused when the key is only on Object's prototype", () => {
    for (const key of ['constructor', '__proto__', 'toString']) {
      expect(has(`community.${key}`), key).toBe(false);
      expect(has(`observed.retention.${key}`), key).toBe(false);
      expect(nodeAt(`community.${key}`), key).toBeUndefined();
    }
  });
});

describe('a free-form section', () => {
  it('holds any path below it, with no schema to read a kind or choices from', () => {
    expect(has('custom.anything')).toBe(true);
    expect(has('custom.anything.below.it')).toBe(true);
    expect(nodeAt('custom.anything')).toEqual({});
    expect(planSchemaChoicesAt(schema, ['custom', 'anything'])).toBeUndefined();
  });

  it('gives a node for its own keys only: a question fills custom.x, not custom.x.y', () => {
    expect(nodeAt('custom.anything.below')).toBeUndefined();
  });
});

describe('choices', () => {
  it('are the enum at the path when every value is a scalar', () => {
    expect(planSchemaChoicesAt(schema, ['community', 'stage'])).toEqual(['planning', 'running']);
    expect(planSchemaChoicesAt(schema, ['community', 'name'])).toBeUndefined();
    expect(planSchemaChoicesAt({ properties: { x: { enum: ['a', { b: 1 }] } } }, ['x'])).toBeUndefined();
  });
});

describe('the plan schema itself', () => {
  const plan = loadSchemas().plan;
  const accepts = (path: string): boolean => planSchemaHasPath(plan, path.split('.'));

  it('has the fields of its dated facts and of the list shape of member_leaders', () => {
    expect(accepts('observed.member_share.value')).toBe(true);
    expect(accepts('observed.member_share.as_of')).toBe(true);
    expect(accepts('observed.member_share.nonsense')).toBe(false);
    expect(accepts('observed.member_leaders.*.role')).toBe(true);
    expect(accepts('purpose.statement.who')).toBe(true);
  });

  it('refuses list items in a path with no list, and keys under a plain value', () => {
    expect(accepts('community.*')).toBe(false);
    expect(accepts('community.name.first')).toBe(false);
    expect(accepts('community.constructor')).toBe(false);
  });
});

describe('the fields that name a person', () => {
  const fields = personFields(loadSchemas().plan as Record<string, unknown>).map((f) => `${f.segments.join('.')}${f.key ? ' (key)' : ''}`);
  it('are read from the schema, lists and records included, with the key duties marked', () => {
    expect(fields).toEqual(
      expect.arrayContaining([
        'team.host.name (key)',
        'purpose.goals.*.owner',
        'audience.champions.owner',
        'audience.onboarding.steps.*.owner',
        'measures.knowledge_owner',
        'governance.code_of_conduct.reporting.responders.*',
        'measures.critical_functions.*.people.*',
      ]),
    );
  });
  it('leave out names of things that are not people', () => {
    for (const f of ['community.name', 'purpose.values.*.name', 'platform.name', 'audience.personas.*.name'])
      expect(fields).not.toContain(f);
  });
});

describe('the lists of people', () => {
  const lists = peopleLists(loadSchemas().plan as Record<string, unknown>);
  it('are the roster, lists of names and lists of records named by a person, on the roster or not', () => {
    expect(lists).toEqual(
      expect.arrayContaining([
        'people',
        'audience.founding_members',
        'team.stakeholders',
        'observed.member_leaders',
        'observed.member_leaders.value',
        'governance.moderation.moderators',
        'governance.code_of_conduct.reporting.responders',
        'measures.critical_functions.*.people',
      ]),
    );
  });
  it('leave out lists of named things: a note tells two metrics or two channels apart', () => {
    for (const l of ['measures.metrics', 'platform.channels', 'governance.roles', 'purpose.values', 'audience.personas', 'launch.experts'])
      expect(lists).not.toContain(l);
  });
});
