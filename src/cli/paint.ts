// Colour for terminal text: chalk's detection, plus NO_COLOR (which chalk ignores) and --no-color.
import { Chalk, supportsColor } from 'chalk';
import { plainPainter, type Painter } from '../report/types.js';

export function createPainter(colorFlag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): Painter {
  if (colorFlag === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return plainPainter;
  const level = colorFlag === true ? Math.max(1, supportsColor ? supportsColor.level : 0) : supportsColor ? supportsColor.level : 0;
  if (level === 0) return plainPainter;
  const chalk = new Chalk({ level: level as 1 | 2 | 3 });
  return { bold: chalk.bold, dim: chalk.dim, red: chalk.red, yellow: chalk.yellow, green: chalk.green, cyan: chalk.cyan };
}
