// Where lint may read a plan from. A pull request controls every entry of its checkout, symbolic links
// included: `community/plan.yaml` committed as a link to a passing plan elsewhere on the CI machine (or in
// node_modules, or in .git) would have the gate judge a file the pull request never shows. So a link met
// inside the project (the repository holding the working directory, or the working directory outside one)
// must lead to a place in it where lint would look for plans itself: not outside it, not into node_modules
// or a dot folder. What lies outside the project is read only as the command line names it: a folder named
// there bounds the links its search meets, and a file named there must not itself be a link. The command line
// is the project's, not the pull request's; naming the linked-to file itself is the way to lint it.
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ProjectRoot } from './project-root.js';

/** The folder the links met below one argument must stay in. */
export interface Bound {
  /** A real path. */
  dir: string;
  name: string;
}

/** Why a plan or a folder is not read (the diagnostic's message), or undefined when it may be. */
export type Refusal = string | undefined;

export class PlanBounds {
  private readonly project: Bound;
  /** How many links these bounds have refused so far: a search whose plans were all refused found some. */
  refusals = 0;

  constructor(private readonly root: ProjectRoot) {
    this.project = { dir: root.dir, name: root.name };
  }

  /**
   * A folder to search (a directory named, or a glob's fixed part): the bound of the links its search meets,
   * or why it is not searched (it lies in the project as named, but a link takes it elsewhere).
   */
  folder(folder: string, name: string): { bound: Bound } | { refused: string } {
    const named = path.resolve(this.root.cwd, folder);
    const real = realPathOf(named);
    if (!isWithin(named, this.root.dir)) return { bound: { dir: real ?? named, name } };
    const why = real === undefined || real === named ? undefined : this.leadsAstray(real, this.project);
    return why === undefined
      ? { bound: this.project }
      : { refused: this.refused(`${why}; not searched (name that folder itself to lint its plans)`) };
  }

  /** A link a search met (its folders are real: searches enter no linked folder). */
  link(file: string, bound: Bound): Refusal {
    const real = realPathOf(path.resolve(this.root.cwd, file));
    // A broken link or a loop is left to the reader, which names it without reading anything.
    const why = real === undefined ? undefined : this.leadsAstray(real, bound);
    return why === undefined ? undefined : this.refused(`${why}; not checked (name that file itself to lint it)`);
  }

  /** A file named on the command line. */
  file(file: string): Refusal {
    const named = path.resolve(this.root.cwd, file);
    const real = realPathOf(named);
    if (real === undefined || real === named) return undefined;
    if (isWithin(named, this.root.dir)) {
      const why = this.leadsAstray(real, this.project);
      return why === undefined ? undefined : this.refused(`${why}; not checked (name that file itself to lint it)`);
    }
    // Outside the project a file is read as it was named: the folders typed on the way are the user's
    // choice, but a link at the file itself is not read.
    if (!isLink(named)) return undefined;
    return this.refused(
      `is a symbolic link, to ${this.shown(real)}; outside ${this.root.name} a plan is linted only by its own name (name that file itself to lint it)`,
    );
  }

  private refused(why: string): string {
    this.refusals++;
    return why;
  }

  /** Why a link's real path `real` is out of `bound`, or undefined when lint would look for plans there. */
  private leadsAstray(real: string, bound: Bound): string | undefined {
    const target = this.shown(real);
    if (!isWithin(real, bound.dir)) return `a symbolic link leads outside ${bound.name}, to ${target}`;
    const parts = path.relative(bound.dir, real).split(path.sep);
    const skipped = parts.findIndex((part) => part === 'node_modules' || part.startsWith('.'));
    if (skipped < 0) return undefined;
    const part = parts[skipped]!;
    const kind = skipped === parts.length - 1 ? 'file' : 'folder';
    const into = part === 'node_modules' ? 'node_modules' : `the dot ${kind} ${part}`;
    return `a symbolic link leads into ${into}, to ${target}, where lint looks for no plan`;
  }

  /** A real path as messages show it: relative to the working directory inside the project, else whole. */
  private shown(real: string): string {
    return isWithin(real, this.root.dir) ? path.relative(this.root.cwd, real) || '.' : real;
  }
}

/** Whether `file` is `dir` or lies below it (both absolute). */
export function isWithin(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function realPathOf(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
