// The build's snapshot of the built-in methodology must be exactly what parsing the files gives.
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// The built package (dist/) is what holds the snapshot: load it from there, as the binary does.
import { ITEM_TEXT_KEYS, fingerprintOf, loadSnapshot, snapshotIsCurrent, snapshotTexts, statsOf } from '../../dist/io/builtin-snapshot.js';
import { loadBuiltinMethodology as loadBuiltin } from '../../dist/io/load-methodology.js';
import { builtinChecklistsDir, loadValidation, schemasDir } from '../../dist/io/package-files.js';
import { paramValues, resolveParams } from '../../src/methodology/evidence-schema.js';
import { allItems } from '../../src/methodology/types.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { ajvErrorsToDiagnostics, withErrorDetails } from '../../src/validation/schema-validation.js';
import { builtinMethodology, validation } from '../helpers.js';

const aot = loadSnapshot(builtinChecklistsDir, schemasDir);

describe('the precompiled built-in methodology', () => {
  it('exists after the build and matches the current files', () => {
    expect(aot, 'run npm run build').not.toBeNull();
  });

  it('equals a fresh parse of checklists/, its long texts kept in a file of their own', () => {
    const fresh = builtinMethodology();
    const texts = snapshotTexts();
    const core = aot!.snapshot.methodology;
    const whole = {
      ...core,
      ...texts.methodology,
      location: '',
      phases: core.phases.map((phase) => ({ ...phase, items: phase.items.map((item) => ({ ...item, ...texts.items[item.id] })) })),
    };
    expect(whole).toEqual(JSON.parse(JSON.stringify({ ...fresh, location: '' })));
    // What lint reads holds none of the long texts.
    for (const item of allItems(core)) for (const key of ITEM_TEXT_KEYS) expect(Object.hasOwn(item, key)).toBe(false);
  });

  it('gives the loaded methodology its long texts when first read, as the files say', () => {
    const loaded = loadBuiltin(loadValidation());
    const fresh = builtinMethodology();
    expect(loaded.questions).toEqual(JSON.parse(JSON.stringify(fresh.questions)));
    expect(loaded.changelog).toEqual(fresh.changelog);
    allItems(loaded).forEach((item, i) => {
      const expected = allItems(fresh)[i]!;
      expect([item.why, item.guidance, item.references, item.question], item.id).toEqual(
        JSON.parse(JSON.stringify([expected.why, expected.guidance, expected.references, expected.question])),
      );
    });
    // Once read, a text is a plain value of the item.
    const first = allItems(loaded)[0]!;
    expect(Object.getOwnPropertyDescriptor(first, 'guidance')).toMatchObject({ value: first.guidance, writable: true });
  });

  it('has precompiled evidence validators that agree with run-time ones', () => {
    const m = builtinMethodology();
    const values = paramValues(m.params);
    const samples: unknown[] = [null, '', 'a short text', 'x'.repeat(300), 0, 24, 1000, true, [], ['a'], Array(30).fill({ name: 'A' }), {}];
    for (const item of allItems(m)) {
      for (const rule of item.evidence) {
        if (rule.kind !== 'schema' && rule.kind !== 'observed') continue;
        const schema = resolveParams(rule.schema, values);
        const key = aot!.snapshot.evidenceKeys[JSON.stringify(schema)];
        expect(key, `${item.id} ${rule.path}`).toBeDefined();
        const ahead = aot!.validators[key!]!;
        const now = validation.compileEvidence(schema);
        for (const sample of samples) expect(ahead(sample), `${item.id} ${rule.path} ${JSON.stringify(sample)}`).toBe(now(sample));
      }
    }
  });

  it('has a precompiled plan validator that reports like the run-time one, suggestions included', () => {
    const source = parseYamlSource('p.yaml', 'community:\n  name: X\n  nmae: Y\nlaunch: { response_time_hours: soon }\n');
    // The build's validator, given the error details it is compiled without, as loadValidation does.
    const precompiled = withErrorDetails(aot!.validators.plan!, () => validation.schemas.plan);
    expect(precompiled(source.value)).toBe(false);
    const ahead = ajvErrorsToDiagnostics(precompiled.errors, source);
    expect(validation.plan(source.value)).toBe(false);
    expect(ahead).toEqual(ajvErrorsToDiagnostics(validation.plan.errors, source));
    expect(ahead.map((d) => d.message)).toContain("unknown key 'nmae' in community (did you mean 'name'?)");
  });

  it('has a precompiled plan validator (built from the schema without its annotations) that fails as the run-time one', () => {
    const precompiled = withErrorDetails(aot!.validators.plan!, () => validation.schemas.plan);
    const example = parseYamlSource('p.yaml', readFileSync('examples/launch-ready.yaml', 'utf8')).value as Record<string, unknown>;
    let failures = 0;
    for (const [section, value] of Object.entries(example)) {
      const entries = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
      for (const key of [undefined, ...entries])
        for (const wrong of [7, 'text', [], { unexpected: true }]) {
          const plan = structuredClone(example);
          if (key === undefined) plan[section] = wrong;
          else (plan[section] as Record<string, unknown>)[key] = wrong;
          const valid = precompiled(plan);
          expect(valid).toBe(validation.plan(plan));
          expect(precompiled.errors).toEqual(validation.plan.errors);
          if (!valid) failures++;
        }
    }
    expect(failures).toBeGreaterThan(100);
  });
});

describe('whether the snapshot is current', () => {
  const copy = (): { checklists: string; schemas: string } => {
    const root = mkdtempSync(path.join(tmpdir(), 'commready-snapshot-'));
    cpSync(builtinChecklistsDir, path.join(root, 'checklists'), { recursive: true, preserveTimestamps: true });
    cpSync(schemasDir, path.join(root, 'schemas'), { recursive: true, preserveTimestamps: true });
    return { checklists: path.join(root, 'checklists'), schemas: path.join(root, 'schemas') };
  };
  const snapshotOf = (dirs: { checklists: string; schemas: string }) => ({
    fingerprint: fingerprintOf(dirs.checklists, dirs.schemas),
    stats: statsOf(dirs.checklists, dirs.schemas),
  });

  it('is settled by the files’ stats alone when nothing changed', () => {
    const dirs = copy();
    const snapshot = snapshotOf(dirs);
    expect(snapshotIsCurrent(snapshot, dirs.checklists, dirs.schemas)).toBe(true);
    // A wrong hash does not matter while every stat matches: no file is read.
    expect(snapshotIsCurrent({ ...snapshot, fingerprint: 'x' }, dirs.checklists, dirs.schemas)).toBe(true);
  });

  it('falls back to the contents when a file was touched, and stays current if they are the same', () => {
    const dirs = copy();
    const snapshot = snapshotOf(dirs);
    utimesSync(path.join(dirs.checklists, 'purpose.yaml'), new Date('2030-01-01'), new Date('2030-01-01'));
    expect(snapshotIsCurrent(snapshot, dirs.checklists, dirs.schemas)).toBe(true);
    expect(snapshotIsCurrent({ ...snapshot, fingerprint: 'x' }, dirs.checklists, dirs.schemas)).toBe(false);
  });

  it('is out of date when a file changed, was added or was removed', () => {
    const edited = copy();
    const snapshot = snapshotOf(edited);
    const file = path.join(edited.checklists, 'purpose.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('purpose', 'purpoze')); // same size, new time
    expect(snapshotIsCurrent(snapshot, edited.checklists, edited.schemas)).toBe(false);

    const added = copy();
    const before = snapshotOf(added);
    writeFileSync(path.join(added.checklists, 'extra.yaml'), 'id: extra\n');
    expect(snapshotIsCurrent(before, added.checklists, added.schemas)).toBe(false);

    const removed = copy();
    const whole = snapshotOf(removed);
    rmSync(path.join(removed.checklists, 'course.yaml'));
    expect(snapshotIsCurrent(whole, removed.checklists, removed.schemas)).toBe(false);
  });
});
