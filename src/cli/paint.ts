// Colour for terminal text: chalk's detection, plus NO_COLOR (which chalk ignores) and --no-color.
import { plainPainter, type Painter } from '../report/types.js';
import type { CliIo } from './io.js';

/**
 * An explicit --color or --no-color wins; then NO_COLOR; then chalk's detection (FORCE_COLOR, TTY, CI).
 * chalk (with the os and tty modules it loads) is imported only when colour is possible: without a
 * terminal its detection gives no colour unless FORCE_COLOR or Azure Pipelines (TF_BUILD and AGENT_NAME)
 * says otherwise, and a CI run then never loads it.
 */
export async function createPainter(colorFlag: boolean | undefined, io: Pick<CliIo, 'env' | 'stdoutIsTerminal'>): Promise<Painter> {
  const { env } = io;
  if (colorFlag === false) return plainPainter;
  if (colorFlag === undefined) {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return plainPainter;
    const forced = env.FORCE_COLOR !== undefined || ('TF_BUILD' in env && 'AGENT_NAME' in env);
    if (!forced && !io.stdoutIsTerminal?.()) return plainPainter;
  }
  const { Chalk, supportsColor } = await import('chalk');
  const detected = supportsColor ? supportsColor.level : 0;
  const level = colorFlag === true ? Math.max(1, detected) : detected;
  if (level === 0) return plainPainter;
  const chalk = new Chalk({ level: level as 1 | 2 | 3 });
  return { bold: chalk.bold, dim: chalk.dim, red: chalk.red, yellow: chalk.yellow, green: chalk.green, cyan: chalk.cyan };
}
