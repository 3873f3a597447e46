// The project a run checks: the repository holding the working directory (the nearest folder at or above it
// with `.git`), or the working directory itself outside a repository.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { realPath } from './real-path.js';

/** The project a run checks, as a real path, and its name in messages. */
export interface ProjectRoot {
  /** The working directory the arguments are relative to. */
  cwd: string;
  /** The real path of the repository's root, or of the working directory outside a repository. */
  dir: string;
  name: 'the repository' | 'the working directory';
}

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a worktree or submodule). */
export function repositoryRoot(dir: string): string | undefined {
  let current = dir;
  for (;;) {
    if (existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** The project of the working directory `cwd` (the process's, by default). */
export function projectRoot(cwd: string = process.cwd()): ProjectRoot {
  const resolved = path.resolve(cwd);
  const repository = repositoryRoot(resolved);
  return {
    cwd: resolved,
    dir: realPath(repository ?? resolved),
    name: repository === undefined ? 'the working directory' : 'the repository',
  };
}
