// Where a learner's course progress lives: the user's state directory, never the project. Pure: the
// environment, the platform and the home directory are parameters.
import path from 'node:path';

export interface StateDirInput {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  home: string;
}

/**
 * commready's state directory: `$XDG_STATE_HOME/commready` wherever XDG_STATE_HOME is set to an absolute
 * path (the XDG Base Directory rule, honoured on every platform); otherwise the platform's own place for
 * per-user application data: `~/Library/Application Support/commready` on macOS,
 * `%LOCALAPPDATA%\commready` on Windows, `~/.local/state/commready` elsewhere.
 */
export function stateDirectory({ env, platform, home }: StateDirInput): string {
  // Paths in the platform's own syntax, whatever the platform this runs on (tests ask for each).
  const p = platform === 'win32' ? path.win32 : path.posix;
  const xdg = env.XDG_STATE_HOME;
  // The specification says a relative path is invalid and must be ignored.
  if (xdg && p.isAbsolute(xdg)) return p.join(xdg, 'commready');
  if (platform === 'darwin') return p.join(home, 'Library', 'Application Support', 'commready');
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA && p.isAbsolute(env.LOCALAPPDATA) ? env.LOCALAPPDATA : p.join(home, 'AppData', 'Local');
    return p.join(local, 'commready');
  }
  return p.join(home, '.local', 'state', 'commready');
}

/** The progress file of one course: one file per course id, so that two methodologies' courses never mix. */
export function progressFile(stateDir: string, courseId: string): string {
  return path.join(stateDir, 'course', `${courseId}.json`);
}
