// The shipped JSON Schemas: valid, documented, and satisfied by every bundled file.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { validation } from '../helpers.js';

type Node = Record<string, unknown>;

/** Every property schema in a JSON Schema, with its path. */
function properties(node: unknown, path: string, out: { path: string; schema: Node }[] = []): { path: string; schema: Node }[] {
  if (!node || typeof node !== 'object') return out;
  const n = node as Node;
  for (const [key, child] of Object.entries((n.properties as Record<string, Node> | undefined) ?? {})) {
    out.push({ path: `${path}.${key}`, schema: child });
    properties(child, `${path}.${key}`, out);
  }
  for (const key of ['items', 'additionalProperties']) if (n[key] && typeof n[key] === 'object') properties(n[key], `${path}[]`, out);
  for (const [key, child] of Object.entries((n.$defs as Record<string, Node> | undefined) ?? {})) properties(child, `#${key}`, out);
  return out;
}

describe('schemas', () => {
  it('describe every field of the plan, for editors', () => {
    const plan = validation.schemas.plan;
    const props = properties(plan, '');
    expect(props.length).toBeGreaterThan(150);
    const undocumented = props
      .filter((p) => typeof p.schema.description !== 'string' && typeof p.schema.$ref !== 'string')
      .map((p) => p.path);
    expect(undocumented).toEqual([]);
  });

  it('compile under strict ajv (2020-12)', () => {
    expect(typeof validation.plan).toBe('function');
    expect(typeof validation.report).toBe('function');
    expect(typeof validation.manifest).toBe('function');
    expect(typeof validation.phase).toBe('function');
  });

  it('accept every bundled example plan and reject an unknown top-level section', () => {
    for (const file of readdirSync('examples').filter((f) => f.endsWith('.yaml'))) {
      const source = parseYamlSource(file, readFileSync(`examples/${file}`, 'utf8'));
      expect(validation.plan(source.value), `${file}: ${JSON.stringify(validation.plan.errors)}`).toBe(true);
      expect(readFileSync(`examples/${file}`, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/plan\.schema\.json\n/);
    }
    expect(validation.plan({ community: { name: 'x' }, extras: {} })).toBe(false);
  });

  it('accept the built-in manifest', () => {
    const source = parseYamlSource('methodology.yaml', readFileSync('checklists/methodology.yaml', 'utf8'));
    expect(validation.manifest(source.value), JSON.stringify(validation.manifest.errors)).toBe(true);
  });
});
