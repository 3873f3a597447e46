// A run over many plans stops V8's young generation at 4 MB a half (see src/io/young-generation.ts).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { capYoungGeneration } from '../../src/io/young-generation.js';
import { fakeIo } from '../helpers.js';

/** The young generation's size (both halves) after a workload that keeps much of what it allocates, in a fresh Node. */
function youngGenerationAfterWork(cap: boolean, nodeArgs: string[] = []): number {
  const code = `
    import { capYoungGeneration } from './dist/io/young-generation.js';
    import v8 from 'node:v8';
    const keep = [];
    for (let round = 0; round < 300; round++) {
      for (let i = 0; i < 2000; i++) keep.push({ i, text: 'x' + i });
      if (keep.length > 100000) keep.splice(0, 50000);
      if (${cap}) capYoungGeneration();
    }
    console.log(v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size);`;
  const r = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return Number(r.stdout) / 1024 / 1024;
}

/** The V8 the cap acts on: Node 20's. On later ones it must do nothing (engines allows them). */
const CAPPED_V8 = process.versions.v8.startsWith('11.');

describe('capYoungGeneration', () => {
  it("stops the young generation at 8 MB on Node 20's V8, where it would otherwise grow to its maximum; does nothing on later V8s", () => {
    const uncapped = youngGenerationAfterWork(false);
    expect(uncapped).toBeGreaterThanOrEqual(8); // 32 MB on a machine with V8's default limits
    expect(youngGenerationAfterWork(true)).toBe(CAPPED_V8 ? Math.min(uncapped, 8) : uncapped);
  });

  it('leaves the young generation as sized by whoever started Node with --max-semi-space-size', () => {
    expect(youngGenerationAfterWork(true, ['--max-semi-space-size=16'])).toBe(32);
  });
});

describe('lint over several plans', () => {
  it('calls the process between plans, which caps the young generation there', async () => {
    let calls = 0;
    const io = fakeIo({ betweenPlans: () => void calls++ });
    await main(['lint', 'examples/launch-ready.yaml', 'examples/halfway.yaml', 'examples/forum-only.yaml', '--today', '2026-11-26'], io);
    expect(calls).toBe(2);
    expect(processIo.betweenPlans).toBe(capYoungGeneration);
  });
});
