// When output is coloured, and that a run without a terminal decides it without loading chalk.
import { describe, expect, it } from 'vitest';
import { createPainter } from '../../src/cli/paint.js';
import { plainPainter } from '../../src/report/types.js';

const terminal = () => true;
const pipe = () => false;

describe('createPainter', () => {
  it('never colours with --no-color or NO_COLOR, even on a terminal', async () => {
    expect(await createPainter(false, { env: { FORCE_COLOR: '3' }, stdoutIsTerminal: terminal })).toBe(plainPainter);
    expect(await createPainter(undefined, { env: { NO_COLOR: '1' }, stdoutIsTerminal: terminal })).toBe(plainPainter);
  });

  it('does not colour a pipe or a file unless something forces it', async () => {
    expect(await createPainter(undefined, { env: {}, stdoutIsTerminal: pipe })).toBe(plainPainter);
    expect(await createPainter(undefined, { env: { CI: 'true' } })).toBe(plainPainter);
  });

  it('colours with --color whatever the output is', async () => {
    const paint = await createPainter(true, { env: {}, stdoutIsTerminal: pipe });
    expect(paint).not.toBe(plainPainter);
    expect(paint.red('x')).toMatch(/^\u001b\[31mx\u001b\[39m$/);
  });

  it("leaves FORCE_COLOR and Azure Pipelines to chalk's own detection", async () => {
    // chalk reads the process's environment when it loads; these only make the painter ask it.
    const asked = await createPainter(undefined, { env: { TF_BUILD: 'True', AGENT_NAME: 'a' }, stdoutIsTerminal: pipe });
    const { supportsColor } = await import('chalk');
    expect(asked === plainPainter).toBe(!supportsColor || supportsColor.level === 0);
  });
});
