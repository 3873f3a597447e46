// Which files lint leaves out, as ESLint's `ignores` and `--ignore-pattern` do: glob patterns matched
// against a path relative to where they were written (the config file's folder, or the working directory
// for the command line); a pattern that matches a folder leaves out everything below it, and no `!` takes
// a file back from a folder left out (as gitignore); otherwise `!` re-includes, and the last pattern that
// matches decides. commready's own config files are never plans.
import path from 'node:path';
import { CONFIG_FILES } from './config-files.js';
import { globToRegExp } from './glob.js';

/** Patterns written in one place, matched relative to `base` (an absolute folder). */
export interface IgnoreSource {
  base: string;
  patterns: readonly string[];
  /** Where the patterns come from, for messages: `--ignore-pattern` or the config file's name. */
  origin: string;
}

interface CompiledPattern {
  negated: boolean;
  /** Only folders (the pattern ended with `/`). */
  folderOnly: boolean;
  matcher: RegExp;
  text: string;
  origin: string;
  base: string;
}

/** Answers whether a file or folder is left out, and by which pattern. */
export interface IgnoreRules {
  /** The pattern that leaves `file` out (with where it was written), or undefined when it is kept. */
  ignoredBy(file: string, isFolder?: boolean): string | undefined;
}

const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILES);

/** True for commready's own config file names, which are never linted as plans. */
export function isConfigFileName(file: string): boolean {
  return CONFIG_NAMES.has(path.basename(file));
}

export function compileIgnores(sources: readonly IgnoreSource[]): IgnoreRules {
  const compiled: CompiledPattern[] = [];
  for (const source of sources) {
    for (const raw of source.patterns) {
      const trimmed = raw.trim();
      if (trimmed.length === 0 || trimmed.startsWith('#')) continue;
      const negated = trimmed.startsWith('!');
      let pattern = negated ? trimmed.slice(1) : trimmed;
      const folderOnly = pattern.endsWith('/');
      pattern = pattern.replace(/\/+$/, '').replace(/^\.\//, '').replace(/^\//, '');
      if (pattern.length === 0) continue;
      compiled.push({
        negated,
        folderOnly,
        matcher: globToRegExp(pattern),
        text: trimmed,
        origin: source.origin,
        base: path.resolve(source.base),
      });
    }
  }
  /** The pattern that decides a path itself (the last that matches it), when it leaves the path out. */
  const decide = (absolute: string, isFolder: boolean): string | undefined => {
    let decided: CompiledPattern | undefined;
    for (const pattern of compiled) {
      const relative = path.relative(pattern.base, absolute).split(path.sep).join('/');
      // Patterns only see what lies below the folder they were written for.
      if (relative === '' || relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) continue;
      if (pattern.matcher.test(relative) && (isFolder || !pattern.folderOnly)) decided = pattern;
    }
    return decided && !decided.negated ? `'${decided.text}' (${decided.origin})` : undefined;
  };
  return {
    ignoredBy(file, isFolder = false) {
      if (compiled.length === 0) return undefined;
      const absolute = path.resolve(file);
      // A folder left out leaves out everything below it, whatever a later '!' says of a file there, as
      // in gitignore and ESLint: so a file is out whether a search passes it or the command line names it.
      // The folders above are decided first, from the top.
      const above: string[] = [];
      for (let dir = path.dirname(absolute); dir !== path.dirname(dir); dir = path.dirname(dir)) above.push(dir);
      for (let i = above.length - 1; i >= 0; i--) {
        const by = decide(above[i]!, true);
        if (by !== undefined) return by;
      }
      return decide(absolute, isFolder);
    },
  };
}
