// Turns lint's arguments (files, directories, globs) into a sorted list of plan files.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../errors.js';

const PLAN_FILE = /\.ya?ml$/i;

export function resolveInputs(args: readonly string[]): { files: string[]; problems: Diagnostic[] } {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  for (const arg of args) {
    // A real file whose name holds glob characters is taken as it is.
    if (hasGlob(arg) && !existsSync(arg)) {
      const matches = expandGlob(arg);
      if (matches.length === 0) problems.push({ file: arg, message: 'the pattern matches no file' });
      files.push(...matches);
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
      const plans = readdirSync(arg)
        .filter((name) => PLAN_FILE.test(name))
        .sort()
        .map((name) => path.join(arg, name))
        .filter((file) => statSync(file).isFile());
      if (plans.length === 0) problems.push({ file: arg, message: 'the directory holds no *.yaml or *.yml file' });
      files.push(...plans);
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

/** Expands `*`, `?`, `[...]` and `**` (any depth) without following the shell; skips node_modules and dot folders. */
export function expandGlob(pattern: string): string[] {
  const normalized = pattern.split(path.sep).join('/');
  const parts = normalized.split('/');
  const firstGlob = parts.findIndex(hasGlob);
  const baseParts = parts.slice(0, firstGlob);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  const matcher = globToRegExp(parts.slice(firstGlob).join('/'));
  const out: string[] = [];
  const walk = (dir: string, relative: string, depth: number): void => {
    if (depth > 20) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        walk(full, rel, depth + 1);
      } else if (entry.isFile() && matcher.test(rel)) {
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
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
