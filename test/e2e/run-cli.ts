// Spawns the built binary the way a user's shell would, with colour off, stdin closed and a timeout.
import { spawnSync } from 'node:child_process';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Permission checks mean nothing to root: tests of unreadable folders run the binary as the unprivileged
 * `nobody` user when the suite runs as root (as CI does), and as the current user otherwise.
 */
export const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

export function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
  cwd = process.cwd(),
  as: { uid?: number; gid?: number } = {},
  timeoutMs = 15_000,
): CliResult {
  const result = spawnSync(process.execPath, [`${process.cwd()}/bin/commready.cjs`, ...args], {
    cwd,
    ...as,
    encoding: 'utf8',
    input: '',
    timeout: timeoutMs,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The single line an error must be: no stack trace, no blank lines. */
export function expectOneErrorLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.length > 0);
  if (lines.length !== 1) throw new Error(`expected exactly one line on stderr, got ${lines.length}:\n${stderr}`);
  if (/\n\s+at /.test(stderr)) throw new Error(`stack trace on stderr:\n${stderr}`);
  return lines[0]!;
}
