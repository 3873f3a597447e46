// Turns lint's arguments (files, directories, globs) into a sorted list of plan files. Directories are
// searched to any depth, as ESLint does; node_modules, dot folders and dot files, commready's own config
// files and whatever the ignore patterns name are left out. Nothing else that could be a plan is skipped
// silently (a plan in a dot file or folder, or renamed to `.yaml.bak` or `.json`, is named as not checked): an entry that is not a regular file is still listed, and the reader then names it as bad input;
// a folder that cannot be searched is a problem of its own. A symbolic link that would take lint out of the
// project, or into a place it never looks for plans, is a problem too (io/plan-bounds.ts says why).
import { closeSync, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../errors.js';
import { describeFsError, describeOpenError, maxFileSize } from './read-input.js';
import { globToRegExp, hasGlob } from './glob.js';
import { isConfigFileName, type IgnoreRules } from './ignore-patterns.js';
import { PlanBounds, type Bound } from './plan-bounds.js';
import { projectRoot, type ProjectRoot } from './project-root.js';

export { globToRegExp, hasGlob } from './glob.js';

const PLAN_FILE = /\.ya?ml$/i;
/**
 * A name a plan may have been renamed to, out of the search: `.yaml` or `.yml` inside it (`.yaml.bak`,
 * `.yml.orig`, `.yaml~`) or `.json` at its end. Only files with such names are read, to say so.
 */
const RENAMED_PLAN = /\.ya?ml|\.json$/i;

export interface ResolveOptions {
  /** Files and folders left out (config `ignores`, `--ignore-pattern`). */
  ignores?: IgnoreRules;
  /** A glob that matches nothing, or a folder without plans, is a problem (default) or is passed over. */
  errorOnUnmatched?: boolean;
  /** The project whose links may not lead out of it (default: the one holding the working directory). */
  project?: ProjectRoot;
}

export interface ResolvedInputs {
  files: string[];
  problems: Diagnostic[];
  /**
   * What is left out, each with why (lint says so on standard error): files named on the command line,
   * linked folders a search passes over, and per folder or pattern searched, how many plan files and
   * folders each ignore pattern left out (a config's `ignores` is part of a pull request: a plan it takes
   * out of the gate is said, not silent).
   */
  ignored: { file: string; why: string }[];
  /** Globs and folders that gave no plan, passed over with --no-error-on-unmatched-pattern. */
  unmatched: string[];
}

/** Folders below a directory argument are searched at most this deep. */
export const MAX_FOLDER_DEPTH = 20;

export function resolveInputs(args: readonly string[], options: ResolveOptions = {}): ResolvedInputs {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  const ignored: ResolvedInputs['ignored'] = [];
  const unmatched: string[] = [];
  const { ignores } = options;
  const bounds = new PlanBounds(options.project ?? projectRoot());
  const refuse = (file: string, message: string): void => {
    problems.push({ file, message });
  };
  const noMatch = (arg: string, message: string): void => {
    if (options.errorOnUnmatched === false) unmatched.push(arg);
    else problems.push({ file: arg, message });
  };
  for (const arg of args) {
    const leftOut = new LeftOut(ignores);
    // A search whose plans were all refused as links out of bounds said so: it is no search without plans.
    const refusedBefore = bounds.refusals;
    // A real file whose name holds glob characters is taken as it is.
    if (hasGlob(arg) && !existsSync(arg)) {
      const base = globBase(arg);
      const searched = existsSync(base) ? bounds.folder(base, 'the folder the pattern starts in') : undefined;
      if (searched && 'refused' in searched) {
        refuse(base, searched.refused);
        continue;
      }
      const links = searched && { bounds, bound: searched.bound };
      const matches = expandGlob(arg, refuse, ignores, leftOut, links).filter((file) => {
        if (leftOut.keeps(file)) return true;
        noteConfigNamedPlan(file, ignored);
        return false;
      });
      for (const entry of leftOut.said(arg)) ignored.push(entry);
      if (matches.length === 0 && bounds.refusals === refusedBefore)
        noMatch(arg, leftOut.any ? 'the pattern matches no file that the ignore patterns keep' : 'the pattern matches no file');
      for (const match of matches) files.push(match);
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch (error) {
      problems.push({ file: arg, message: describeOpenError(arg, error) });
      continue;
    }
    if (stat.isDirectory()) {
      const searched = bounds.folder(arg, 'the folder searched');
      if ('refused' in searched) {
        refuse(arg, searched.refused);
        continue;
      }
      const plans: string[] = [];
      const listed = listPlans(arg, 0, plans, { problems, leftOut, skipped: ignored, bounds, bound: searched.bound });
      for (const entry of leftOut.said(arg)) ignored.push(entry);
      if (!listed) continue;
      plans.sort();
      if (plans.length === 0 && bounds.refusals === refusedBefore)
        noMatch(
          arg,
          leftOut.any ? 'the directory holds no plan that the ignore patterns keep' : 'the directory holds no *.yaml or *.yml file',
        );
      for (const plan of plans) files.push(plan);
    } else if (isConfigFileName(arg)) {
      ignored.push({ file: arg, why: "commready's own config file, not a plan" });
    } else {
      const by = ignores?.ignoredBy(arg);
      const refused = by === undefined ? bounds.file(arg) : undefined;
      if (refused !== undefined) refuse(arg, refused);
      else if (by === undefined) files.push(arg);
      else ignored.push({ file: arg, why: `left out by the ignore pattern ${by}` });
    }
  }
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, problems, ignored, unmatched };
}

/** What one directory argument's search reports into, and the bound of the links it meets. */
interface Search {
  problems: Diagnostic[];
  leftOut: LeftOut;
  skipped: { file: string; why: string }[];
  bounds: PlanBounds;
  bound: Bound;
}

/**
 * The plan files in `dir` and the folders below it, into `out`; false when `dir` itself cannot be listed.
 * Linked folders are not entered (they are not directories to readdir's entries), so no cycle.
 */
function listPlans(dir: string, depth: number, out: string[], search: Search): boolean {
  const { problems, leftOut, skipped, bounds, bound } = search;
  if (depth > MAX_FOLDER_DEPTH) {
    problems.push({ file: dir, message: `not searched: more than ${MAX_FOLDER_DEPTH} folders deep` });
    return true;
  }
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ file: dir, message: `cannot list the directory: ${describeFsError(error)}` });
    return false;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) {
      // Left out, as ESLint leaves dot folders out; but a plan moved there is said, not silently gone.
      if (entry.name !== '.git') noteHiddenPlans(path.join(dir, entry.name), entry, skipped);
      continue;
    }
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // node_modules is left out as ESLint leaves it out; a plan moved into one is said, as in a dot folder.
      if (entry.name === 'node_modules') notePlansIn(full, 'in node_modules', skipped);
      else if (leftOut.keepsFolder(full, '', takesPlanFile)) listPlans(full, depth + 1, out, search);
      // Devices, pipes and links with a plan's name are kept (reading them says what is wrong), unless
      // a link leads where lint does not read.
    } else if (PLAN_FILE.test(entry.name)) {
      if (!leftOut.keeps(full)) {
        noteConfigNamedPlan(full, skipped);
        continue;
      }
      const refused = entry.isSymbolicLink() ? bounds.link(full, bound) : undefined;
      if (refused === undefined) out.push(full);
      else problems.push({ file: full, message: refused });
    } else if (entry.isFile() && RENAMED_PLAN.test(entry.name)) {
      // Not a plan's name, so not judged; but a failing plan renamed out of the search is said, not silently green.
      if (!leftOut.names(full) && looksLikePlan(full, /\.json$/i.test(entry.name)))
        skipped.push({ file: full, why: 'not named *.yaml or *.yml, not searched (name it to lint it)' });
    } else if (entry.isSymbolicLink() && isFolder(full)) {
      // Not entered (no cycles), but said: plans moved behind a link are not silently out of the run.
      skipped.push({ file: full, why: 'a linked folder, not searched (name it to lint its plans)' });
    }
  }
  return true;
}

/**
 * A file a search found under one of commready's config names that holds a plan, named as not checked: a
 * failing plan renamed `commready.config.yaml` in a plans folder is neither judged nor read as the config
 * (only the working directory and the folders up to the repository's root hold that), so it is said.
 */
function noteConfigNamedPlan(file: string, skipped: { file: string; why: string }[]): void {
  if (isConfigFileName(file) && looksLikePlan(file))
    skipped.push({ file, why: "named as commready's config file, not searched (rename it to lint it)" });
}

/**
 * A dot file, or a dot folder's own files, that hold a plan (a `community:` key at the top): each named in
 * the run's log as not checked. Only the folder's first level is read, and only the head of each file, so
 * a `.github` or a cache folder costs a directory listing.
 */
function noteHiddenPlans(full: string, entry: Dirent, skipped: { file: string; why: string }[]): void {
  if (entry.isFile()) {
    if (PLAN_FILE.test(entry.name) && looksLikePlan(full))
      skipped.push({ file: full, why: 'a dot file, not searched (name it to lint it)' });
    return;
  }
  if (entry.isDirectory()) notePlansIn(full, 'in a dot folder', skipped);
}

/** The plans among a left-out folder's own files (its first level: a package folder or a cache costs a listing). */
function notePlansIn(folder: string, where: string, skipped: { file: string; why: string }[]): void {
  let inside: Dirent[];
  try {
    inside = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const file of inside) {
    const child = path.join(folder, file.name);
    if (file.isFile() && PLAN_FILE.test(file.name) && looksLikePlan(child))
      skipped.push({ file: child, why: `${where}, not searched (name it to lint it)` });
  }
}

/**
 * Whether the file holds a top-level `community:` key, as every plan does: at the indentation of its first
 * line that is not a comment, a blank or a document marker (a whole plan indented, or a comment block of any
 * length above it, is still a plan), or a key of a flow mapping (`{version: 3, community: …}`). In JSON, with `json`, a
 * `"community":` key first in the object or indented as a top-level key is. The whole file is read, up to
 * the size a plan may have, so a plan's key cannot be pushed out of sight. Never throws.
 */
function looksLikePlan(file: string, json = false): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(Math.min(fstatSync(fd).size, maxFileSize()));
    const n = readSync(fd, head, 0, head.length, 0);
    const text = head.toString('utf8', 0, n).replace(/^\uFEFF/, '');
    if (json && /^(?:\{\s*| {0,2}|\t)"community"\s*:/m.test(text)) return true;
    const first = /^(?:(?:[ \t]*(?:#.*)?|---[ \t]*(?:#.*)?|%.*)(?:\r?\n|$))*([ \t]*)(\S)/.exec(text);
    if (!first) return false;
    // JSON is a flow mapping too; its own test above keeps a nested key out (package.json's fields).
    if (first[2] === '{') return !json && /[{,]\s*["']?community["']?\s*:/.test(text);
    return new RegExp(`^${first[1]}["']?community["']?[ \\t]*:`, 'm').test(text);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Folders a glob searches at most this deep below its fixed part. */
export const MAX_GLOB_DEPTH = 20;

/**
 * Expands `*`, `?`, `[...]` and `**` (any depth) without following the shell; skips node_modules and
 * dot folders, and does not descend into linked folders (no cycles). Matching entries that are not
 * regular files (devices, links) are returned, for the reader to refuse by name, except links that lead out of
 * `links`' bound; those, and folders that cannot be listed or lie too deep, are reported through `problem`.
 */
export function expandGlob(
  pattern: string,
  problem: (file: string, message: string) => void = () => {},
  ignores?: IgnoreRules,
  leftOut: LeftOut = new LeftOut(ignores),
  links?: { bounds: PlanBounds; bound: Bound },
): string[] {
  const parts = pattern.split(path.sep).join('/').split('/');
  const firstGlob = parts.findIndex(hasGlob);
  const baseParts = parts.slice(0, firstGlob);
  const base = globBase(pattern);
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
        // What lies below a left-out folder is counted only where the pattern could have matched it.
        if (!leftOut.keepsFolder(full, rel, (file, below) => matcher.test(below) && !isLinkToFolder(file))) continue;
        walk(full, rel, depth + 1);
      } else if (matcher.test(rel) && !isLinkToFolder(full)) {
        const file = baseParts.length === 0 ? rel : full;
        const refused = entry.isSymbolicLink() && links ? links.bounds.link(file, links.bound) : undefined;
        if (refused === undefined) out.push(file);
        else if (leftOut.keeps(file)) problem(file, refused);
      }
    }
  };
  walk(base, '', 0);
  return out.sort();
}

/** The folder a glob starts in: its part before the first segment with a glob character (`.` when none). */
export function globBase(pattern: string): string {
  const parts = pattern.split(path.sep).join('/').split('/');
  const baseParts = parts.slice(0, parts.findIndex(hasGlob));
  return baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
}

function isLinkToFolder(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink() && statSync(file).isDirectory();
  } catch {
    return false; // a broken link: kept, and reported when read
  }
}

/**
 * What the ignore patterns leave out of one argument's search, counted per pattern: said once a pattern
 * (not once a file: a project may leave out hundreds of fixtures on purpose). commready's own config files
 * are never plans and are not counted.
 */
class LeftOut {
  private readonly byPattern = new Map<string, number>();
  constructor(private readonly ignores: IgnoreRules | undefined) {}

  /** Whether a file found is kept; one left out by a pattern is counted under it. */
  keeps(file: string): boolean {
    if (isConfigFileName(file)) return false;
    const by = this.ignores?.ignoredBy(file);
    if (by === undefined) return true;
    this.count(by, 1);
    return false;
  }

  /**
   * Whether a folder is searched. One left out by a pattern is not searched, but the files below it that
   * the search would have taken (`takes`, given a file's path and its path relative to `relative`'s base)
   * are counted under that pattern: a pull request that adds `teams/` to the ignores says how many plans
   * it takes out of the gate, and a folder of no plans says nothing.
   */
  keepsFolder(folder: string, relative: string, takes: (file: string, relative: string) => boolean): boolean {
    const by = this.ignores?.ignoredBy(folder, true);
    if (by === undefined) return true;
    this.count(by, filesBelow(folder, relative, takes, 0));
    return false;
  }

  /** Whether an ignore pattern names the file, counting nothing (for a file the search would not take anyway). */
  names(file: string): boolean {
    return isConfigFileName(file) || this.ignores?.ignoredBy(file) !== undefined;
  }

  get any(): boolean {
    return this.byPattern.size > 0;
  }

  /** One entry per pattern that left a plan out of `arg`. */
  said(arg: string): { file: string; why: string }[] {
    return [...this.byPattern].map(([by, files]) => ({
      file: arg,
      why: `${plural(files, 'plan file')} left out by the ignore pattern ${by}`,
    }));
  }

  private count(by: string, files: number): void {
    if (files > 0) this.byPattern.set(by, (this.byPattern.get(by) ?? 0) + files);
  }
}

/** The files below `dir` that `takes` takes, searched as a search would (no dot folders, node_modules or links). */
function filesBelow(dir: string, relative: string, takes: (file: string, relative: string) => boolean, depth: number): number {
  if (depth > MAX_FOLDER_DEPTH) return 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let count = 0;
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') count += filesBelow(full, rel, takes, depth + 1);
    } else if (!isConfigFileName(full) && takes(full, rel)) count++;
  }
  return count;
}

/** What a directory search takes: a file with a plan's name. */
const takesPlanFile = (file: string): boolean => PLAN_FILE.test(file);

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
