import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../helpers.js';

describe('main', () => {
  it('returns the exit code instead of exiting', async () => {
    const io = fakeIo();
    expect(await main(['lint', 'test/fixtures/plans', '--checklists', 'test/fixtures/mini'], io)).toBe(1);
    expect(io.out.join('')).toMatch(/2 plans: 1 passed, 1 failed/);
  });

  it('turns an unexpected error into one line asking for a bug report, exit 2, no stack', async () => {
    const io = fakeIo({
      stdout: () => {
        throw new TypeError('boom');
      },
    });
    expect(await main(['report', 'test/fixtures/plans/mini-complete.yaml', '--checklists', 'test/fixtures/mini'], io)).toBe(2);
    expect(io.err).toEqual(['commready: internal error (TypeError: boom); this is a bug, please report it with the command you ran\n']);
  });

  it('uses the clock it is given for "today"', async () => {
    const io = fakeIo({ today: () => '2030-01-01' });
    await main(['report', 'test/fixtures/plans/mini-complete.yaml', '--checklists', 'test/fixtures/mini', '--format', 'json'], io);
    expect(JSON.parse(io.out.join('')).plans[0].today).toBe('2030-01-01');
  });
});
