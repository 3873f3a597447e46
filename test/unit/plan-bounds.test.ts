// A symbolic link never carries lint out of the project it checks: a plan linked to a file outside the
// repository (or into node_modules or a dot folder) is a problem of its own, named, not judged; a link that
// stays inside is read as before; what lies outside is read only as the command line names it.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveInputs } from '../../src/io/resolve-inputs.js';
import { projectRoot } from '../../src/io/project-root.js';
import { isWithin } from '../../src/io/plan-bounds.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/**
 * A checkout (`repo`, with `.git`) whose `community/` holds a plan, a link to a plan elsewhere in the
 * checkout, a link to a passing plan outside it and a link into node_modules; and the folder outside.
 */
function machine(): { repo: string; outside: string; passing: string } {
  const top = mkdtempSync(path.join(tmpdir(), 'commready-bounds-'));
  made.push(top);
  const repo = path.join(top, 'repo');
  const outside = path.join(top, 'elsewhere');
  for (const dir of [
    path.join(repo, '.git'),
    path.join(repo, 'community'),
    path.join(repo, 'shared'),
    path.join(repo, 'node_modules/pkg'),
    outside,
  ])
    mkdirSync(dir, { recursive: true });
  const passing = path.join(outside, 'passing.yaml');
  copyFileSync('examples/launch-ready.yaml', passing);
  copyFileSync('examples/halfway.yaml', path.join(repo, 'community/own.yaml'));
  copyFileSync('examples/halfway.yaml', path.join(repo, 'shared/team.yaml'));
  copyFileSync('examples/launch-ready.yaml', path.join(repo, 'node_modules/pkg/passing.yaml'));
  symlinkSync('../shared/team.yaml', path.join(repo, 'community/team.yaml'));
  symlinkSync(passing, path.join(repo, 'community/plan.yaml'));
  symlinkSync('../node_modules/pkg/passing.yaml', path.join(repo, 'community/vendored.yaml'));
  return { repo, outside, passing };
}

const OUTSIDE = 'a symbolic link leads outside the repository, to';
const NOT_CHECKED = '; not checked (name that file itself to lint it)';

describe('plans behind symbolic links', () => {
  it('says why a named path cannot be read: a broken link, a loop, a file on the way, a missing file', () => {
    const { repo } = machine();
    const at = (name: string): string => path.join(repo, 'community', name);
    symlinkSync('gone.yaml', at('broken.yaml'));
    symlinkSync('loop.yaml', at('loop.yaml'));
    const r = resolveInputs([at('broken.yaml'), at('loop.yaml'), at('own.yaml/x.yaml'), at('missing.yaml')], {
      project: projectRoot(repo),
    });
    expect(r.files).toEqual([]);
    expect(r.problems).toEqual([
      { file: at('broken.yaml'), message: 'a symbolic link to a file that does not exist' },
      { file: at('loop.yaml'), message: 'too many levels of symbolic links' },
      { file: at('own.yaml/x.yaml'), message: 'a part of the path is not a directory' },
      { file: at('missing.yaml'), message: 'file not found' },
    ]);
  });

  it('a directory search reads plans and links that stay in the repository, and names a link out of it', () => {
    const { repo, passing } = machine();
    const community = path.join(repo, 'community');
    const r = resolveInputs([community], { project: projectRoot(repo) });
    expect(r.files).toEqual([path.join(community, 'own.yaml'), path.join(community, 'team.yaml')]);
    expect(r.problems).toEqual([
      { file: path.join(community, 'plan.yaml'), message: `${OUTSIDE} ${passing}${NOT_CHECKED}` },
      {
        file: path.join(community, 'vendored.yaml'),
        message: `a symbolic link leads into node_modules, to node_modules/pkg/passing.yaml, where lint looks for no plan${NOT_CHECKED}`,
      },
    ]);
  });

  it('a glob and a file named by its path are held to the same bounds', () => {
    const { repo, passing } = machine();
    const project = projectRoot(repo);
    const glob = resolveInputs([path.join(repo, 'community/*.yaml')], { project });
    expect(glob.files).toEqual([path.join(repo, 'community/own.yaml'), path.join(repo, 'community/team.yaml')]);
    expect(glob.problems.map((p) => path.basename(p.file))).toEqual(['plan.yaml', 'vendored.yaml']);
    const named = resolveInputs([path.join(repo, 'community/plan.yaml'), path.join(repo, 'community/team.yaml')], { project });
    expect(named.files).toEqual([path.join(repo, 'community/team.yaml')]);
    expect(named.problems).toEqual([{ file: path.join(repo, 'community/plan.yaml'), message: `${OUTSIDE} ${passing}${NOT_CHECKED}` }]);
  });

  it("a folder of the repository that is a link out of it is not searched, by name or as a pattern's start", () => {
    const { repo, outside } = machine();
    const project = projectRoot(repo);
    symlinkSync(outside, path.join(repo, 'plans'));
    const notSearched = {
      file: path.join(repo, 'plans'),
      message: `${OUTSIDE} ${outside}; not searched (name that folder itself to lint its plans)`,
    };
    expect(resolveInputs([path.join(repo, 'plans')], { project }).problems).toEqual([notSearched]);
    expect(resolveInputs([path.join(repo, 'plans/*.yaml')], { project }).problems).toEqual([notSearched]);
    // Through the linked folder, a file named is outside too.
    expect(resolveInputs([path.join(repo, 'plans/passing.yaml')], { project }).problems).toEqual([
      { file: path.join(repo, 'plans/passing.yaml'), message: `${OUTSIDE} ${path.join(outside, 'passing.yaml')}${NOT_CHECKED}` },
    ]);
  });

  it('a folder or pattern whose only plan is refused says that, not that it holds no plan', () => {
    const { repo, passing } = machine();
    const project = projectRoot(repo);
    mkdirSync(path.join(repo, 'lone'));
    symlinkSync(passing, path.join(repo, 'lone/plan.yaml'));
    const refused = [{ file: path.join(repo, 'lone/plan.yaml'), message: `${OUTSIDE} ${passing}${NOT_CHECKED}` }];
    expect(resolveInputs([path.join(repo, 'lone')], { project })).toMatchObject({ files: [], problems: refused });
    expect(resolveInputs([path.join(repo, 'lone/*.yaml')], { project })).toMatchObject({ files: [], problems: refused });
  });

  it('a link into a dot folder or to a dot file is named; a plan named in one by its own path is read', () => {
    const { repo } = machine();
    mkdirSync(path.join(repo, '.cache'));
    copyFileSync('examples/launch-ready.yaml', path.join(repo, '.cache/plan.yaml'));
    symlinkSync('../.cache/plan.yaml', path.join(repo, 'shared/cached.yaml'));
    writeFileSync(path.join(repo, 'shared/.hidden.yaml'), 'community: { name: A }\n');
    symlinkSync('.hidden.yaml', path.join(repo, 'shared/shown.yaml'));
    const project = projectRoot(repo);
    expect(resolveInputs([path.join(repo, 'shared')], { project }).problems).toEqual([
      {
        file: path.join(repo, 'shared/cached.yaml'),
        message: `a symbolic link leads into the dot folder .cache, to .cache/plan.yaml, where lint looks for no plan${NOT_CHECKED}`,
      },
      {
        file: path.join(repo, 'shared/shown.yaml'),
        message: `a symbolic link leads into the dot file .hidden.yaml, to shared/.hidden.yaml, where lint looks for no plan${NOT_CHECKED}`,
      },
    ]);
    expect(resolveInputs([path.join(repo, '.cache/plan.yaml')], { project })).toMatchObject({
      files: [path.join(repo, '.cache/plan.yaml')],
      problems: [],
    });
  });

  it('outside the repository, a plan named by its own path is read, and a link named or met in the folder named is not', () => {
    const { repo, outside, passing } = machine();
    const project = projectRoot(repo);
    expect(resolveInputs([passing], { project })).toMatchObject({ files: [passing], problems: [] });
    symlinkSync(passing, path.join(outside, 'current.yaml'));
    const link = path.join(outside, 'current.yaml');
    expect(resolveInputs([link], { project }).problems).toEqual([
      {
        file: link,
        message: `is a symbolic link, to ${passing}; outside the repository a plan is linted only by its own name (name that file itself to lint it)`,
      },
    ]);
    // Within the folder named, a link to a plan beside it is read; one leading out of the folder is not.
    expect(resolveInputs([outside], { project })).toMatchObject({ files: [link, passing], problems: [] });
    symlinkSync(path.join(repo, 'shared/team.yaml'), path.join(outside, 'team.yaml'));
    expect(resolveInputs([outside], { project }).problems).toEqual([
      {
        file: path.join(outside, 'team.yaml'),
        // Shown from the working directory, as the files of the project are.
        message: `a symbolic link leads outside the folder searched, to shared/team.yaml${NOT_CHECKED}`,
      },
    ]);
  });

  it('outside a repository the working directory is the project; a broken link is left for the reader to name', () => {
    const top = mkdtempSync(path.join(tmpdir(), 'commready-bounds-'));
    made.push(top);
    mkdirSync(path.join(top, 'plans'));
    writeFileSync(path.join(top, 'beside.yaml'), 'community: { name: A }\n');
    symlinkSync('../beside.yaml', path.join(top, 'plans/inside.yaml'));
    symlinkSync('../gone.yaml', path.join(top, 'plans/broken.yaml'));
    const plans = path.join(top, 'plans');
    const project = projectRoot(plans);
    expect(project.name).toBe('the working directory');
    const r = resolveInputs([plans], { project });
    expect(r.files).toEqual([path.join(plans, 'broken.yaml')]);
    expect(r.problems).toEqual([
      {
        file: path.join(plans, 'inside.yaml'),
        message: `a symbolic link leads outside the working directory, to ${path.join(top, 'beside.yaml')}${NOT_CHECKED}`,
      },
    ]);
    expect(resolveInputs([plans], { project: projectRoot(top) })).toMatchObject({
      files: [path.join(plans, 'broken.yaml'), path.join(plans, 'inside.yaml')],
      problems: [],
    });
  });

  it('says whether a path lies in a folder by its segments, not its spelling', () => {
    expect(isWithin('/srv/repo', '/srv/repo')).toBe(true);
    expect(isWithin('/srv/repo/a/b.yaml', '/srv/repo')).toBe(true);
    expect(isWithin('/srv/repo-other/b.yaml', '/srv/repo')).toBe(false);
    expect(isWithin('/srv/..repo/b.yaml', '/srv')).toBe(true);
    expect(isWithin('/srv/b.yaml', '/srv/repo')).toBe(false);
  });
});
