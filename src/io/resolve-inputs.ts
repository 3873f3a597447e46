// Turns lint's arguments (files, directories, globs) into a sorted list of plan files. Nothing that
// could be a plan is skipped silently: an entry that is not a regular file is still listed, and the
// reader then names it as bad input; a folder that cannot be searched is a problem of its own.
import { existsSync, lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../errors.js';
import { describeFsError } from './read-input.js';

const PLAN_FILE = /\.ya?ml$/i;

export function resolveInputs(args: readonly string[]): { files: string[]; problems: Diagnostic[] } {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  for (const arg of args) {
    // A real file whose name holds glob characters is taken as it is.
    if (hasGlob(arg) && !existsSync(arg)) {
      const matches = expandGlob(arg, (file, message) => problems.push({ file, message }));
      if (matches.length === 0) problems.push({ file: arg, message: 'the pattern matches no file' });
      for (const match of matches) files.push(match);
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      problems.push({ file: arg, message: 'file not found' });
      continue;
    }
    if (stat.isDirectory()) {
      let entries: Dirent[];
      try {
        entries = readdirSync(arg, { withFileTypes: true });
      } catch (error) {
        problems.push({ file: arg, message: `cannot list the directory: ${describeFsError(error)}` });
        continue;
      }
      // Links, devices and pipes with a plan's name are kept: reading them says what is wrong.
      const plans = entries
        .filter((e) => PLAN_FILE.test(e.name) && !e.isDirectory())
        .map((e) => path.join(arg, e.name))
        .sort();
      if (plans.length === 0) problems.push({ file: arg, message: 'the directory holds no *.yaml or *.yml file' });
      for (const plan of plans) files.push(plan);
    } else {
      files.push(arg);
    }
  }
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, problems };
}

export function hasGlob(arg: string): boolean {
  return /[*?[]/.test(arg);
}

/** Folders a glob searches at most this deep below its fixed part. */
export const MAX_GLOB_DEPTH = 20;

/**
 * Expands `*`, `?`, `[...]` and `**` (any depth) without following the shell; skips node_modules and
 * dot folders, and does not descend into linked folders (no cycles). Matching entries that are not
 * regular files (links, devices) are returned, for the reader to refuse by name; folders that cannot be
 * listed or lie too deep are reported through `problem`.
 */
export function expandGlob(pattern: string, problem: (file: string, message: string) => void = () => {}): string[] {
  const normalized = pattern.split(path.sep).join('/');
  const parts = normalized.split('/');
  const firstGlob = parts.findIndex(hasGlob);
  const baseParts = parts.slice(0, firstGlob);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  const matcher = globToRegExp(parts.slice(firstGlob).join('/'));
  const out: string[] = [];
  const walk = (dir: string, relative: string, depth: number): void => {
    if (depth > MAX_GLOB_DEPTH) {
      problem(dir, `not searched: more than ${MAX_GLOB_DEPTH} folders deep below the pattern's start`);
      return;
    }
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // The pattern's own starting folder missing simply matches nothing.
      if (depth > 0 || (error as NodeJS.ErrnoException).code !== 'ENOENT')
        problem(dir, `cannot list the folder: ${describeFsError(error)}`);
      return;
    }
    for (const entry of entries) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        walk(full, rel, depth + 1);
      } else if (matcher.test(rel) && !isLinkToFolder(full)) {
        out.push(baseParts.length === 0 ? rel : full);
      }
    }
  };
  walk(base, '', 0);
  return out.sort();
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function isLinkToFolder(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink() && statSync(file).isDirectory();
  } catch {
    return false; // a broken link: kept, and reported when read
  }
}
