// Colour for terminal text: chalk's detection, plus NO_COLOR (which chalk ignores) and --no-color.
import { Chalk, supportsColor } from 'chalk';
import { plainPainter, type Painter } from '../report/types.js';

/** An explicit --color or --no-color wins; then NO_COLOR; then chalk's detection (FORCE_COLOR, TTY, CI). */
export function createPainter(colorFlag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): Painter {
  if (colorFlag === false) return plainPainter;
  if (colorFlag === undefined && env.NO_COLOR !== undefined && env.NO_COLOR !== '') return plainPainter;
  const detected = supportsColor ? supportsColor.level : 0;
  const level = colorFlag === true ? Math.max(1, detected) : detected;
  if (level === 0) return plainPainter;
  const chalk = new Chalk({ level: level as 1 | 2 | 3 });
  return { bold: chalk.bold, dim: chalk.dim, red: chalk.red, yellow: chalk.yellow, green: chalk.green, cyan: chalk.cyan };
}
