// The build's snapshot of the built-in methodology must be exactly what parsing the files gives.
import { describe, expect, it } from 'vitest';
// The built package (dist/) is what holds the snapshot: load it from there, as the binary does.
import { loadSnapshot } from '../../dist/io/builtin-snapshot.js';
import { builtinChecklistsDir, loadValidation, schemasDir } from '../../dist/io/package-files.js';
import { paramValues, resolveParams } from '../../src/methodology/evidence-schema.js';
import { allItems } from '../../src/methodology/types.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { ajvErrorsToDiagnostics } from '../../src/validation/schema-validation.js';
import { builtinMethodology, validation } from '../helpers.js';

const aot = loadSnapshot(builtinChecklistsDir, schemasDir);

describe('the precompiled built-in methodology', () => {
  it('exists after the build and matches the current files', () => {
    expect(aot, 'run npm run build').not.toBeNull();
  });

  it('equals a fresh parse of checklists/', () => {
    const fresh = builtinMethodology();
    expect({ ...aot!.snapshot.methodology, location: '' }).toEqual(JSON.parse(JSON.stringify({ ...fresh, location: '' })));
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
    const precompiled = loadValidation().plan;
    expect(precompiled).toBe(aot!.validators.plan);
    expect(precompiled(source.value)).toBe(false);
    const ahead = ajvErrorsToDiagnostics(precompiled.errors, source);
    expect(validation.plan(source.value)).toBe(false);
    expect(ahead).toEqual(ajvErrorsToDiagnostics(validation.plan.errors, source));
    expect(ahead.map((d) => d.message)).toContain("unknown key 'nmae' in community (did you mean 'name'?)");
  });
});
