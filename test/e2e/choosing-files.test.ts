// Choosing files as ESLint does: directories searched to any depth, ignore patterns from the config and the
// command line, commready's own config never linted, standard input, unmatched patterns, a count gate, and
// the command-line conveniences around them (--print-config, an unknown command with --help).
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../spec-checks.js';
import { expectOneErrorLine, runCli } from './run-cli.js';

const TODAY = ['--today', '2026-11-25'];

/** A repository with plans at several depths, a draft to ignore, a workflow file and commready's config. */
function project(config = 'lint:\n  failOn: blocker\nignores:\n  - plans/drafts/\n'): string {
  const dir = tempDir('commready-files-');
  mkdirSync(path.join(dir, '.git'));
  for (const sub of ['plans/team/eu', 'plans/drafts', '.github/workflows', 'node_modules/x'])
    mkdirSync(path.join(dir, sub), { recursive: true });
  copyFileSync('examples/launch-ready.yaml', path.join(dir, 'plans/launch-ready.yaml'));
  copyFileSync('examples/launch-ready.yaml', path.join(dir, 'plans/team/eu/deep.yaml'));
  copyFileSync('examples/forum-only.yaml', path.join(dir, 'plans/drafts/forum-only.yaml'));
  writeFileSync(path.join(dir, '.github/workflows/community-ci.yml'), 'on: push\n');
  writeFileSync(path.join(dir, 'node_modules/x/community.yaml'), 'not: a plan\n');
  writeFileSync(path.join(dir, 'commready.config.yaml'), config);
  return dir;
}

const listed = (stdout: string) => [...stdout.matchAll(/^(\S+\.ya?ml)\s+(PASS|FAIL)/gm)].map((m) => m[1]);

describe('lint chooses files as ESLint does', () => {
  it('searches directories to any depth, and never lints its own config file (`lint .` no longer exits 2)', () => {
    const dir = project();
    const r = runCli(['lint', '.', ...TODAY], {}, dir);
    // What the config's ignores leave out of the search is said, once a pattern: the config comes with a pull request.
    expect(r.stderr).toBe(
      "commready: .: not checked: 1 plan file left out by the ignore pattern 'plans/drafts/' (commready.config.yaml)\n",
    );
    expect(r.code).toBe(0);
    // The draft is ignored by the config; dot folders, node_modules and commready.config.yaml are never plans.
    expect(listed(r.stdout)).toEqual(['plans/launch-ready.yaml', 'plans/team/eu/deep.yaml']);
  });

  it('takes ignore patterns from --ignore-pattern too, and `!` takes one back', () => {
    const dir = project('ignores:\n  - plans/drafts/\n  - "**/deep.yaml"\n');
    const some = runCli(['lint', 'plans', ...TODAY], {}, dir);
    expect(listed(some.stdout)).toEqual(['plans/launch-ready.yaml']);
    expect(some.stderr.split('\n').filter(Boolean).sort()).toEqual([
      "commready: plans: not checked: 1 plan file left out by the ignore pattern '**/deep.yaml' (commready.config.yaml)",
      "commready: plans: not checked: 1 plan file left out by the ignore pattern 'plans/drafts/' (commready.config.yaml)",
    ]);
    // A folder left out is said with the plans it holds; one that holds no plan, or none the glob could match, is not said.
    copyFileSync('examples/halfway.yaml', path.join(dir, 'plans/drafts/second.yaml'));
    mkdirSync(path.join(dir, 'coverage'));
    writeFileSync(path.join(dir, 'coverage/lcov.json'), '{}\n');
    const counted = runCli(['lint', 'plans', '--ignore-pattern', 'coverage/', ...TODAY], {}, dir);
    expect(counted.stderr).toContain(
      "plans: not checked: 2 plan files left out by the ignore pattern 'plans/drafts/' (commready.config.yaml)",
    );
    expect(runCli(['lint', '.', '--ignore-pattern', 'coverage/', ...TODAY], {}, dir).stderr).not.toContain('coverage');
    expect(runCli(['lint', 'plans/*.yaml', ...TODAY], {}, dir).stderr).toBe('');
    expect(runCli(['lint', 'plans/**/*.yaml', ...TODAY], {}, dir).stderr).toContain(
      "plans/**/*.yaml: not checked: 2 plan files left out by the ignore pattern 'plans/drafts/' (commready.config.yaml)",
    );
    // A folder whose every plan is left out gives the gate nothing to judge: exit 2, saying why.
    const none = runCli(['lint', 'plans/team', ...TODAY], {}, dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('plans/team: the directory holds no plan that the ignore patterns keep');
    expect(runCli(['lint', 'plans/team/**/*.yaml', ...TODAY], {}, dir).stderr).toContain(
      'the pattern matches no file that the ignore patterns keep',
    );
    const back = runCli(
      ['lint', 'plans', '--ignore-pattern', '!plans/team/eu/deep.yaml', '--ignore-pattern', 'plans/launch-ready.yaml', ...TODAY],
      {},
      dir,
    );
    expect(listed(back.stdout)).toEqual(['plans/team/eu/deep.yaml']);
    // No '!' takes a file back out of a folder left out (as gitignore): named or found, it stays out.
    const folder = project('ignores:\n  - plans/drafts/\n  - "!plans/drafts/forum-only.yaml"\n');
    expect(runCli(['lint', 'plans/drafts/forum-only.yaml', ...TODAY], {}, folder).code).toBe(2);
    expect(listed(runCli(['lint', 'plans', ...TODAY], {}, folder).stdout)).toEqual(['plans/launch-ready.yaml', 'plans/team/eu/deep.yaml']);
    // Globs are filtered by the same patterns.
    expect(listed(runCli(['lint', 'plans/**/*.yaml', ...TODAY], {}, dir).stdout)).toEqual(['plans/launch-ready.yaml']);
  });

  it('fails a run whose named plans are all ignored (a gate that judges nothing), unless --no-error-on-unmatched-pattern', () => {
    const dir = project();
    // A pull request's config may ignore the very plan CI names: nothing judged is no pass.
    const strict = runCli(['lint', 'plans/drafts/forum-only.yaml', 'commready.config.yaml'], {}, dir);
    expect(strict.code).toBe(2);
    expect(expectOneErrorLine(strict.stderr)).toBe(
      "plans/drafts/forum-only.yaml: not checked: left out by the ignore pattern 'plans/drafts/' (commready.config.yaml); no plan is left to lint",
    );
    const r = runCli(['lint', 'plans/drafts/forum-only.yaml', 'commready.config.yaml', '--no-error-on-unmatched-pattern'], {}, dir);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      "commready: plans/drafts/forum-only.yaml: not checked: left out by the ignore pattern 'plans/drafts/' (commready.config.yaml)",
      "commready: commready.config.yaml: not checked: commready's own config file, not a plan",
      'commready: no plan to check',
    ]);
    // Its own config file named alone is never a plan (a hook may pass it): said, not an error.
    expect(runCli(['lint', 'commready.config.yaml'], {}, dir)).toMatchObject({
      code: 0,
      stderr: "commready: commready.config.yaml: not checked: commready's own config file, not a plan\ncommready: no plan to check\n",
    });
    // A plan ignored beside one that is not: the other is judged, the ignored one named on standard error.
    const mixed = runCli(['lint', 'plans/drafts/forum-only.yaml', 'plans/launch-ready.yaml', ...TODAY], {}, dir);
    expect(mixed.code, mixed.stderr).toBe(0);
    expect(mixed.stderr).toContain('plans/drafts/forum-only.yaml: not checked');
  });

  it('says which linked folders a directory search passes over, and lints them when named', () => {
    const dir = project('lint:\n  failOn: none\n');
    mkdirSync(path.join(dir, 'community'));
    copyFileSync('examples/halfway.yaml', path.join(dir, 'community/halfway.yaml'));
    symlinkSync('../community', path.join(dir, 'plans/riverside'));
    const r = runCli(['lint', 'plans', ...TODAY], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(listed(r.stdout)).not.toContain('plans/riverside/halfway.yaml');
    expect(r.stderr).toContain('commready: plans/riverside: not checked: a linked folder, not searched (name it to lint its plans)');
    expect(listed(runCli(['lint', 'plans/riverside', ...TODAY], {}, dir).stdout)).toEqual(['plans/riverside/halfway.yaml']);
  });

  it('says which plans a directory search leaves out in dot folders and dot files, and lints them when named', () => {
    const dir = project('lint:\n  failOn: blocker\n');
    mkdirSync(path.join(dir, 'plans/.archive'));
    copyFileSync('examples/forum-only.yaml', path.join(dir, 'plans/.archive/acme.yaml'));
    copyFileSync('examples/forum-only.yaml', path.join(dir, 'plans/.acme.yaml'));
    writeFileSync(path.join(dir, 'plans/.archive/settings.yml'), 'not: a plan\n');
    const r = runCli(['lint', 'plans', ...TODAY], {}, dir);
    expect(listed(r.stdout)).not.toContain('plans/.archive/acme.yaml');
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'commready: plans/.acme.yaml: not checked: a dot file, not searched (name it to lint it)',
      'commready: plans/.archive/acme.yaml: not checked: in a dot folder, not searched (name it to lint it)',
    ]);
    expect(runCli(['lint', 'plans/.archive/acme.yaml', ...TODAY], {}, dir).code).toBe(1);
  });

  it('says which plans a directory search leaves out in node_modules, and lints them when named', () => {
    const dir = project('lint:\n  failOn: blocker\n');
    mkdirSync(path.join(dir, 'plans/node_modules/some-package'), { recursive: true });
    copyFileSync('examples/forum-only.yaml', path.join(dir, 'plans/node_modules/acme.yaml'));
    // A package's own files are not read: only the folder's first level, as in a dot folder.
    copyFileSync('examples/forum-only.yaml', path.join(dir, 'plans/node_modules/some-package/deep.yaml'));
    writeFileSync(path.join(dir, 'plans/node_modules/config.yml'), 'not: a plan\n');
    const r = runCli(['lint', 'plans', ...TODAY], {}, dir);
    expect(listed(r.stdout)).not.toContain('plans/node_modules/acme.yaml');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'commready: plans/node_modules/acme.yaml: not checked: in node_modules, not searched (name it to lint it)',
    ]);
    expect(runCli(['lint', 'plans/node_modules/acme.yaml', ...TODAY], {}, dir).code).toBe(1);
  });

  it('says which plans renamed out of the search (.yaml.bak, .yml.orig, .json) it leaves out, with names shown safely', () => {
    const dir = project();
    copyFileSync('examples/forum-only.yaml', path.join(dir, 'plans/community.yaml.bak'));
    copyFileSync('examples/forum-only.yaml', path.join(dir, 'plans/team/c\u001b[2J.yml.orig'));
    copyFileSync('examples/forum-only.yaml', path.join(dir, 'plans/community.json'));
    writeFileSync(path.join(dir, 'plans/bare.json'), JSON.stringify({ community: { name: 'Acme' } }));
    writeFileSync(path.join(dir, 'plans/package.json'), '{ "name": "x", "community": "not at the top" }\n');
    writeFileSync(path.join(dir, 'plans/notes.yaml.txt'), 'not: a plan\n');
    const r = runCli(['lint', 'plans', ...TODAY], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(listed(r.stdout)).toEqual(['plans/launch-ready.yaml', 'plans/team/eu/deep.yaml']);
    const why = 'not checked: not named *.yaml or *.yml, not searched (name it to lint it)';
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      `commready: plans/bare.json: ${why}`,
      `commready: plans/community.json: ${why}`,
      `commready: plans/community.yaml.bak: ${why}`,
      `commready: plans/team/c\\x1b[2J.yml.orig: ${why}`,
      "commready: plans: not checked: 1 plan file left out by the ignore pattern 'plans/drafts/' (commready.config.yaml)",
    ]);
    expect(runCli(['lint', 'plans/community.yaml.bak', ...TODAY], {}, dir).code).toBe(1);
  });

  it('names a plan left out of the search however its top is dressed: a long comment, indentation, flow style', () => {
    const dir = project();
    const plan = readFileSync('examples/forum-only.yaml', 'utf8');
    // The key a search recognises a plan by, pushed past the first 4 KB, indented, or written in flow style.
    writeFileSync(path.join(dir, 'plans/.commented.yaml'), `${'#'.repeat(5000)}\n${plan}`);
    writeFileSync(path.join(dir, 'plans/old.yaml.bak'), `${'# note\n'.repeat(1500)}${plan}`);
    writeFileSync(path.join(dir, 'plans/.indented.yaml'), `---\n${plan.replace(/^/gm, '  ')}`);
    writeFileSync(path.join(dir, 'plans/.flow.yml'), '# x\n{version: 3, community: {name: Acme}}\n');
    // Not plans: a workflow with a nested `community` key, a nested key in a dot file.
    writeFileSync(path.join(dir, 'plans/.ci.yml'), 'on: push\njobs:\n  community:\n    runs-on: x\n');
    writeFileSync(path.join(dir, 'plans/.nested.yml'), 'x:\n  community: 1\n');
    const r = runCli(['lint', 'plans', ...TODAY], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(
      r.stderr
        .split('\n')
        .filter((line) => line.includes('not searched'))
        .sort(),
    ).toEqual([
      'commready: plans/.commented.yaml: not checked: a dot file, not searched (name it to lint it)',
      'commready: plans/.flow.yml: not checked: a dot file, not searched (name it to lint it)',
      'commready: plans/.indented.yaml: not checked: a dot file, not searched (name it to lint it)',
      'commready: plans/old.yaml.bak: not checked: not named *.yaml or *.yml, not searched (name it to lint it)',
    ]);
  });

  it("says which plans a search leaves out because they carry a config file's name", () => {
    // A failing plan renamed commready.config.yaml in a plans folder: not judged, and not read as the
    // config either (only the working directory and the folders above it hold that).
    const dir = project();
    copyFileSync('examples/forum-only.yaml', path.join(dir, 'plans/commready.config.yaml'));
    copyFileSync('examples/forum-only.yaml', path.join(dir, 'plans/team/.commreadyrc.yml'));
    writeFileSync(path.join(dir, 'plans/team/commready.config.yml'), 'lint:\n  failOn: major\n');
    const why = "not checked: named as commready's config file, not searched (rename it to lint it)";
    const searched = runCli(['lint', 'plans', ...TODAY], {}, dir);
    expect(searched.code, searched.stderr).toBe(0);
    expect(listed(searched.stdout)).toEqual(['plans/launch-ready.yaml', 'plans/team/eu/deep.yaml']);
    expect(
      searched.stderr
        .split('\n')
        .filter((line) => line.includes('config file'))
        .sort(),
    ).toEqual([`commready: plans/commready.config.yaml: ${why}`]);
    const globbed = runCli(['lint', 'plans/*.yaml', ...TODAY], {}, dir);
    expect(globbed.stderr).toContain(`commready: plans/commready.config.yaml: ${why}`);
  });

  it('never judges a plan a link takes out of the repository; a link within it is read as the plan', () => {
    // A checkout whose pull request made community/plan.yaml a link to a passing plan elsewhere on the runner.
    const top = tempDir('commready-links-');
    try {
      const checkout = path.join(top, 'checkout');
      const elsewhere = path.join(top, 'runner\u001b[2J');
      for (const dir of [path.join(checkout, '.git'), path.join(checkout, 'community'), path.join(checkout, 'shared'), elsewhere])
        mkdirSync(dir, { recursive: true });
      copyFileSync('examples/launch-ready.yaml', path.join(elsewhere, 'passing.yaml'));
      copyFileSync('examples/halfway.yaml', path.join(checkout, 'shared/plan.yaml'));
      // The normal case, and a link to another file of the repository: judged as the plan they hold.
      copyFileSync('examples/launch-ready.yaml', path.join(checkout, 'community/plan.yaml'));
      expect(runCli(['lint', 'community', ...TODAY], {}, checkout).code).toBe(0);
      rmSync(path.join(checkout, 'community/plan.yaml'));
      symlinkSync('../shared/plan.yaml', path.join(checkout, 'community/plan.yaml'));
      const inside = runCli(['lint', 'community', '--fail-on', 'none', ...TODAY], {}, checkout);
      expect(inside.code, inside.stderr).toBe(0);
      expect(listed(inside.stdout)).toEqual(['community/plan.yaml']);
      rmSync(path.join(checkout, 'community/plan.yaml'));
      symlinkSync(path.join(elsewhere, 'passing.yaml'), path.join(checkout, 'community/plan.yaml'));
      const refused = `community/plan.yaml: a symbolic link leads outside the repository, to ${path.join(top, 'runner\\x1b[2J', 'passing.yaml')}; not checked (name that file itself to lint it)`;
      for (const args of [['community'], ['community/plan.yaml'], ['community/*.yaml']]) {
        const r = runCli(['lint', ...args, ...TODAY], {}, checkout);
        expect(r.code, args.join(' ')).toBe(2);
        expect(expectOneErrorLine(r.stderr), args.join(' ')).toBe(refused);
        expect(r.stdout).toBe('');
      }
      // The workflow, which the pull request does not write, may name the file outside itself.
      expect(runCli(['lint', path.join(elsewhere, 'passing.yaml'), ...TODAY], {}, checkout).code).toBe(0);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });

  it('refuses an ignores list of the wrong type in the config with its position, exit 2', () => {
    const dir = project('ignores: drafts\n');
    const r = runCli(['lint', 'plans'], {}, dir);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/^commready\.config\.yaml:1:\d+: ignores must be an array/);
  });

  it('lints a plan from standard input under --stdin-filename, and refuses plan files beside --stdin', () => {
    const dir = project();
    const text = readFileSync('examples/halfway.yaml', 'utf8');
    const bin = path.resolve('bin/commready.cjs');
    const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };
    const r = spawnSync(
      process.execPath,
      [bin, 'lint', '--stdin', '--stdin-filename', 'plans/from-editor.yaml', '--format', 'json', ...TODAY],
      {
        cwd: dir,
        input: text,
        encoding: 'utf8',
        env,
      },
    );
    expect(r.status, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).plans[0]).toMatchObject({ file: 'plans/from-editor.yaml', passed: false });
    // An ignored name is not linted, and leaves the gate nothing to judge: exit 2, as a named plan the
    // config ignores does (ESLint only warns), unless --no-error-on-unmatched-pattern says an editor asks.
    const stdinLint = (...extra: string[]) =>
      spawnSync(process.execPath, [bin, 'lint', '--stdin', '--stdin-filename', 'plans/drafts/x.yaml', ...extra], {
        cwd: dir,
        input: text,
        encoding: 'utf8',
        env,
      });
    const ignored = stdinLint();
    expect(ignored.status).toBe(2);
    expect(expectOneErrorLine(ignored.stderr)).toMatch(/^plans\/drafts\/x\.yaml: not checked: .*; no plan is left to lint$/);
    const fromEditor = stdinLint('--no-error-on-unmatched-pattern');
    expect(fromEditor.status).toBe(0);
    expect(fromEditor.stderr).toContain('plans/drafts/x.yaml: not checked');
    const both = runCli(['lint', '--stdin', 'plans'], {}, dir);
    expect(both.code).toBe(2);
    expect(expectOneErrorLine(both.stderr)).toBe('commready: --stdin lints standard input: name no plan files with it');
    const nothing = runCli(['lint'], {}, dir);
    expect(nothing.code).toBe(2);
    expect(expectOneErrorLine(nothing.stderr)).toBe(
      'commready: name the plans to lint (files, directories or glob patterns), or give --stdin',
    );
  });

  it('passes over globs and folders without plans with --no-error-on-unmatched-pattern; missing files still fail', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'empty'));
    const strict = runCli(['lint', 'none/*.yaml'], {}, dir);
    expect(strict.code).toBe(2);
    expect(expectOneErrorLine(strict.stderr)).toBe('none/*.yaml: the pattern matches no file');
    const lax = runCli(['lint', 'none/*.yaml', 'empty', 'plans/launch-ready.yaml', '--no-error-on-unmatched-pattern', ...TODAY], {}, dir);
    expect(lax.code, lax.stderr).toBe(0);
    expect(listed(lax.stdout)).toEqual(['plans/launch-ready.yaml']);
    expect(runCli(['lint', 'none/*.yaml', '--no-error-on-unmatched-pattern'], {}, dir)).toMatchObject({
      code: 0,
      stderr: 'commready: no plan to check\n',
    });
    expect(runCli(['lint', 'missing.yaml', '--no-error-on-unmatched-pattern'], {}, dir).code).toBe(2);
  });

  it('fails on more open gaps than --max-gaps (or lint.maxGaps), as ESLint does with --max-warnings', () => {
    const dir = project();
    // launch-ready.yaml passes with one major and one minor gap open (and one waived, which does not count).
    const at = runCli(['lint', 'plans/launch-ready.yaml', '--max-gaps', '2', ...TODAY], {}, dir);
    expect(at.code, at.stderr).toBe(0);
    const over = runCli(['lint', 'plans/launch-ready.yaml', '--max-gaps', '1', ...TODAY], {}, dir);
    expect(over.code).toBe(1);
    expect(expectOneErrorLine(over.stderr)).toBe('commready: 2 open gaps, more than --max-gaps 1 allows');
    writeFileSync(path.join(dir, 'commready.config.yaml'), 'lint:\n  maxGaps: 0\n');
    expect(runCli(['lint', 'plans/launch-ready.yaml', ...TODAY], {}, dir).code).toBe(1);
    const bad = runCli(['lint', 'plans', '--max-gaps', 'many'], {}, dir);
    expect(expectOneErrorLine(bad.stderr)).toBe("commready: --max-gaps must be a whole number, not 'many'");
  });

  it('prints the settings it would judge by with --print-config, command line over config', () => {
    const dir = project('lint:\n  failOn: major\n  minScore: 60\nignores:\n  - plans/drafts/\n');
    const r = runCli(['lint', '--print-config', '--min-score', '80', '--ignore-pattern', 'old/'], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toMatchObject({
      configFile: 'commready.config.yaml',
      checklists: 'built-in',
      lint: { failOn: 'major', minScore: 80, maxGaps: null, maxWaiverDays: 365, planParams: 'tighten-only' },
      ignores: [
        { pattern: 'plans/drafts/', relativeTo: '.', from: 'commready.config.yaml' },
        { pattern: 'old/', relativeTo: '.', from: '--ignore-pattern' },
      ],
    });
  });
});

describe('an unknown command', () => {
  it('is named with exit 2 even when --help follows it', () => {
    for (const argv of [
      ['frobnicate', '--help'],
      ['lnt', '-h'],
      ['--today', '2026-01-01', 'frobnicate', '--help'],
    ]) {
      const r = runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(expectOneErrorLine(r.stderr)).toMatch(
        new RegExp(`^commready: unknown command '${argv.includes('lnt') ? 'lnt' : 'frobnicate'}'`),
      );
    }
    expect(runCli(['lnt', '--help']).stderr).toContain('(Did you mean lint?)');
    expect(runCli(['lint', '--help']).code).toBe(0);
    expect(runCli(['help', 'lint']).code).toBe(0);
  });
});
