import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readPlanForEdit, savePlanText } from '../../src/io/save-plan.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-save-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('saving a plan', () => {
  it('writes atomically, keeps the file mode, and follows its own saves', () => {
    const file = path.join(tmp, 'mode.yaml');
    writeFileSync(file, 'community:\n  name: A\n');
    chmodSync(file, 0o640);
    let state = readPlanForEdit(file);
    state = savePlanText(state, 'community:\n  name: B\n');
    state = savePlanText(state, 'community:\n  name: C\n');
    expect(readFileSync(file, 'utf8')).toBe('community:\n  name: C\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(tmp).filter((f) => f.startsWith('mode.yaml'))).toEqual(['mode.yaml']);
  });

  it('refuses to overwrite a file changed, deleted or created by something else since it was read', () => {
    const file = path.join(tmp, 'changed.yaml');
    writeFileSync(file, 'community:\n  name: A\n');
    const state = readPlanForEdit(file);
    writeFileSync(file, 'community:\n  name: Edited by hand\n');
    expect(() => savePlanText(state, 'community:\n  name: B\n')).toThrow(InputError);
    expect(readFileSync(file, 'utf8')).toBe('community:\n  name: Edited by hand\n');
    try {
      savePlanText(state, 'x');
    } catch (error) {
      expect((error as InputError).diagnostics).toHaveLength(1);
      expect((error as InputError).diagnostics[0]!.message).toMatch(
        /^was changed by something else since the interview read it; not overwritten/,
      );
    }
    // detect --apply refuses alike, and says how to write into what the file holds now.
    expect(() => savePlanText(state, 'x', {}, 'detect')).toThrow(/since detect read it; not overwritten \(run detect --apply again/);
    expect(readFileSync(file, 'utf8')).toBe('community:\n  name: Edited by hand\n');
    rmSync(file);
    expect(() => savePlanText(state, 'x')).toThrow(/was deleted/);

    const fresh = path.join(tmp, 'fresh.yaml');
    const none = readPlanForEdit(fresh);
    expect(none.hash).toBeNull();
    writeFileSync(fresh, 'community:\n  name: Mine\n');
    expect(() => savePlanText(none, 'x')).toThrow(/was created by something else/);
    expect(readFileSync(fresh, 'utf8')).toBe('community:\n  name: Mine\n');
  });

  it('kill -9 at random moments during saves of a large plan leaves the old or the new file, never a part', async () => {
    const file = path.join(tmp, 'large.yaml');
    const plan = (n: number): string =>
      `community:\n  name: Version ${n}\ncustom:\n${Array.from({ length: 4000 }, (_, i) => `  key_${i}: "${'x'.repeat(60)} ${n}"`).join('\n')}\n`;
    writeFileSync(file, plan(0));
    // A child process saves new versions in a loop through the real writer until it is killed.
    const child = `
      import { readPlanForEdit, savePlanText } from ${JSON.stringify(path.resolve('dist/io/save-plan.js'))};
      const plan = ${plan.toString()};
      let state = readPlanForEdit(${JSON.stringify(file)});
      for (let n = 1; ; n++) {
        state = savePlanText(state, plan(n));
        if (n === 1) process.stdout.write('saving\\n');
      }
    `;
    let progressed = 0;
    for (let round = 0; round < 12; round++) {
      const before = readFileSync(file, 'utf8');
      const versionBefore = Number(/name: Version (\d+)/.exec(before)![1]);
      const proc = spawn(process.execPath, ['--input-type=module', '-e', child], { stdio: ['ignore', 'pipe', 'ignore'] });
      // Killed at a random moment once it is saving, however slow the machine is to start it.
      await new Promise((resolve) => proc.stdout.once('data', resolve));
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 80)));
      proc.kill('SIGKILL');
      await new Promise((resolve) => proc.on('exit', resolve));
      const after = readFileSync(file, 'utf8');
      const data = parseYaml(after) as { community: { name: string }; custom: Record<string, string> };
      const n = Number(/^Version (\d+)$/.exec(data.community.name)![1]);
      expect(after).toBe(n === versionBefore ? before : plan(n));
      if (n > versionBefore) progressed++;
      expect(Object.keys(data.custom)).toHaveLength(4000);
    }
    // The kills did land between saves that happened, not before the first one.
    expect(progressed).toBeGreaterThan(0);
  }, 60_000);
});
