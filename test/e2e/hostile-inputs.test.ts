// Hostile inputs, tried as a new user would, against the built binary: each ends in a one-line error
// (exit 2) or a normal result, never a hang, a crash or an overwritten file.
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneErrorLine, runCli, UNPRIVILEGED } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-hostile-e2e-'));
// Readable by the unprivileged user some tests run the binary as.
chmodSync(tmp, 0o755);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let copies = 0;
/** The mini methodology and a fixed date, usable from any working directory. */
const MINI_ANYWHERE = ['--checklists', path.resolve('test/fixtures/mini'), '--today', '2026-07-01'];

/** A copy of the mini methodology whose first evidence schema is `schemaYaml`. */
function methodologyWith(schemaYaml: string): string {
  const dir = path.join(tmp, `m${copies++}`);
  cpSync('test/fixtures/mini', dir, { recursive: true });
  const file = path.join(dir, 'first.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('schema: { type: string, minLength: 10 }', () => `schema: ${schemaYaml}`),
  );
  return dir;
}

describe('hostile methodologies', () => {
  it('the precompiled evidence validators run patterns on RE2, as at run time', async () => {
    // The build's own generator, given an evidence schema with a catastrophic pattern.
    const { validatorsModuleCode } = (await import('../../scripts/standalone-validators.mjs' as string)) as {
      validatorsModuleCode: (plan: unknown, evidence: Record<string, unknown>) => string;
    };
    const plan = JSON.parse(readFileSync('schemas/plan.schema.json', 'utf8')) as unknown;
    const code = validatorsModuleCode(plan, { evil: { type: 'string', pattern: '^(a+)+$' } });
    expect(code).toMatch(/require\("re2js"\)/);
    expect(code).not.toMatch(/new RegExp\("\^\(a\+\)\+\$"/);
    const mod = { exports: {} as Record<string, (v: unknown) => boolean> };
    new Function('module', 'exports', 'require', code)(mod, mod.exports, createRequire(import.meta.url));
    // A backtracking engine would never finish this; the helper's timeout would fail the test.
    expect(mod.exports.evil!(`${'a'.repeat(5000)}!`)).toBe(false);
    expect(mod.exports.evil!('aaa')).toBe(true);
    expect(mod.exports.plan!({ community: { name: 'A' } })).toBe(true);
  });

  it('a catastrophic pattern cannot slow lint down: RE2 answers a long value at once', () => {
    const dir = methodologyWith("{ type: string, pattern: '^(a+)+$' }");
    expect(runCli(['validate-checklists', dir]).code).toBe(0);
    const plan = path.join(tmp, 'evil-value.yaml');
    writeFileSync(plan, `community: { name: A }\ncustom:\n  purpose: "${'a'.repeat(20_000)}!"\n`);
    // A backtracking engine would never finish; the helper's timeout would fail the test.
    const r = runCli(['lint', plan, '--checklists', dir, '--fail-on', 'none', '--today', '2026-07-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const item = (JSON.parse(r.stdout) as { plans: { items: { id: string; status: string }[] }[] }).plans[0]!.items.find(
      (i) => i.id === 'first.purpose',
    );
    expect(item?.status).toBe('unmet');
  });

  it('validate-checklists refuses a backreference pattern at its position', () => {
    const dir = methodologyWith("{ type: string, pattern: '(a)\\1' }");
    const r = runCli(['validate-checklists', dir]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/first\.yaml:13:33: invalid evidence schema: pattern cannot run in linear time/);
  });

  it('a $dynamicRef is refused by validate-checklists and by report, never an internal error', () => {
    const dir = methodologyWith("{ $defs: { s: { $dynamicAnchor: meta, type: string } }, $dynamicRef: '#meta' }");
    const v = runCli(['validate-checklists', dir]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/first\.yaml:13:\d+: invalid evidence schema: dynamic/);
    const r = runCli(['report', 'test/fixtures/plans/mini-complete.yaml', '--checklists', dir, '--today', '2026-07-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/first\.yaml:13:\d+: invalid evidence schema/);
  });

  it('a plan that names a hostile methodology gets a one-line error at the methodology, exit 2', () => {
    const dir = methodologyWith("{ type: string, pattern: '(?<=a)b' }");
    const plan = path.join(tmp, 'names-hostile.yaml');
    writeFileSync(plan, `methodology: ${path.basename(dir)}\ncommunity: { name: A }\n`);
    // Only a run that accepts the plan's own methodology loads it; by default lint judges by its own.
    const r = runCli(['lint', plan, '--today', '2026-07-01', '--methodology-from-plan']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(expectOneErrorLine(r.stderr)).toMatch(/first\.yaml:13:33: invalid evidence schema: pattern cannot run in linear time/);
    expect(runCli(['lint', plan, '--today', '2026-07-01']).stdout).toMatch(/the plan names methodology/);
  });

  it('a $ref cycle is one line naming the cycle, from validate-checklists and from a run that loads it', () => {
    const dir = methodologyWith("{ $defs: { a: { $ref: '#/$defs/b' }, b: { allOf: [{ $ref: '#/$defs/a' }] } }, $ref: '#/$defs/a' }");
    const cycle =
      /first\.yaml:13:\d+: invalid evidence schema: '\$ref' cycle: '#\/\$defs\/a' → '#\/\$defs\/b' → '#\/\$defs\/a' applies to the same value again and again/;
    for (const args of [
      ['validate-checklists', dir],
      ['report', 'test/fixtures/plans/mini-complete.yaml', '--checklists', dir],
    ]) {
      const r = runCli(args);
      expect(r.code, args[0]).toBe(2);
      expect(expectOneErrorLine(r.stderr)).toMatch(cycle);
      expect(r.stderr).not.toMatch(/call stack|internal error/);
    }
    // A schema may refer to itself below a property: that recursion ends with the value.
    const tree = methodologyWith(
      "{ $defs: { node: { type: object, properties: { child: { $ref: '#/$defs/node' } } } }, $ref: '#/$defs/node' }",
    );
    expect(runCli(['validate-checklists', tree]).code).toBe(0);
  });

  it('a pattern whose RE2 program is too large is refused at load with its position; ten rules cannot hold up a run', () => {
    const dir = path.join(tmp, `m${copies++}`);
    cpSync('test/fixtures/mini', dir, { recursive: true });
    const file = path.join(dir, 'first.yaml');
    const rule = "      - { path: custom.purpose, schema: { type: string, pattern: '[a-z]{1,1000}!$' }, message: M. }\n";
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        /    evidence:\n      - path: custom\.purpose\n.*\n.*\n/,
        () => `    evidence:\n${rule.repeat(10)}`,
      ),
    );
    /** One line per rule, each at its pattern. */
    const expectRefused = (stderr: string): void => {
      const lines = stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(10);
      lines.forEach((line, i) =>
        expect(line).toMatch(
          new RegExp(`first\\.yaml:${12 + i}:57: invalid evidence schema: the pattern compiles to 2003 RE2 instructions; at most 1000 `),
        ),
      );
    };
    const checked = runCli(['validate-checklists', dir]);
    expect(checked.code).toBe(2);
    expectRefused(checked.stderr);
    const plan = path.join(tmp, 'long-value.yaml');
    writeFileSync(plan, `community: { name: A }\ncustom:\n  purpose: "${'a'.repeat(100_000)}"\n`);
    const r = runCli(['lint', plan, '--checklists', dir, '--today', '2026-07-01']);
    expect(r.code).toBe(2);
    expectRefused(r.stderr);
    const fine = methodologyWith("{ type: string, pattern: '^[a-z]{1,400}$' }");
    expect(runCli(['validate-checklists', fine]).code).toBe(0);
  });

  it('a $ref to another document is refused with its position', () => {
    const dir = methodologyWith("{ $ref: 'https://acme.example/schema.json' }");
    const r = runCli(['validate-checklists', dir]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/first\.yaml:13:19: invalid evidence schema: '\$ref' may only point inside/);
  });

  it('an item with too many evidence rules is refused with its position', () => {
    const dir = path.join(tmp, `m${copies++}`);
    cpSync('test/fixtures/mini', dir, { recursive: true });
    const file = path.join(dir, 'first.yaml');
    const rules = Array.from({ length: 51 }, () => '      - { path: custom.purpose, schema: { type: string }, message: M. }\n').join('');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/    evidence:\n      - path: custom\.purpose\n.*\n.*\n/, () => `    evidence:\n${rules}`),
    );
    const r = runCli(['validate-checklists', dir]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/first\.yaml:11:5: the item has 51 evidence rules; at most 50/);
  });
});

describe('odd plans', () => {
  it('a key that is a list or a map is one error line at the key, and no plan text reaches stderr otherwise', () => {
    for (const [name, custom, at] of [
      ['seq-key.yaml', '  ? [secret-a, secret-b]\n  : x\n', '3:5'],
      ['map-key.yaml', '  {secret: 1}: x\n', '3:3'],
    ] as const) {
      const plan = path.join(tmp, name);
      writeFileSync(plan, `community: { name: A }\ncustom:\n${custom}`);
      const r = runCli(['lint', plan, ...MINI_ANYWHERE]);
      expect(r.code).toBe(2);
      expect(expectOneErrorLine(r.stderr)).toBe(
        `${plan}:${at}: a key here is a list or a map; keys must be plain text (write the key as text, or put the list under a key)`,
      );
      expect(r.stderr).not.toMatch(/secret|Warning/);
    }
  });

  it('names the key that breaks a rule, not the map that holds it', () => {
    const plan = path.join(tmp, 'bad-key.yaml');
    writeFileSync(plan, 'community: { name: A }\nassessment:\n  "Not An Id": { status: met }\nparams:\n  "Bad Name": 3\n');
    const r = runCli(['lint', plan, ...MINI_ANYWHERE]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^${plan.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:3: key 'Not An Id' is not a valid name \\(`)),
      expect.stringMatching(/:5:3: key 'Bad Name' is not a valid name \(/),
    ]);
  });

  it('YAML nested 1,000 deep gets a message about depth, not a syntax error', () => {
    const plan = path.join(tmp, 'deep.yaml');
    writeFileSync(plan, `community: { name: A }\ncustom:\n  x: ${'['.repeat(1000)}${']'.repeat(1000)}\n`);
    const r = runCli(['lint', plan]);
    expect(r.code).toBe(2);
    const line = expectOneErrorLine(r.stderr);
    expect(line).toMatch(/deep\.yaml:\d+:\d+: the YAML is nested (more than 100 levels deep|too deeply)/);
    expect(line).not.toMatch(/syntax/);
  });
});

describe('hostile input paths', () => {
  const MINI = ['--checklists', 'test/fixtures/mini', '--today', '2026-07-01'];
  /** A folder with one valid plan and, beside it, the given odd entries. */
  function folderWith(name: string, odd: (dir: string) => void): string {
    const dir = path.join(tmp, name);
    mkdirSync(dir);
    copyFileSync('test/fixtures/plans/mini-complete.yaml', path.join(dir, 'good.yaml'));
    odd(dir);
    return dir;
  }
  const errorLines = (stderr: string) => stderr.split('\n').filter(Boolean);

  it('a link to /dev/zero in a directory is named as bad input, never opened; the valid plan is still reported', () => {
    const dir = folderWith('zero-dir', (d) => symlinkSync('/dev/zero', path.join(d, 'zero.yaml')));
    const r = runCli(['lint', dir, ...MINI]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/good\.yaml {2}PASS/);
    expect(errorLines(r.stderr)).toEqual([
      `${path.join(dir, 'zero.yaml')}: a symbolic link leads outside the folder searched, to /dev/zero; not checked (name that file itself to lint it)`,
    ]);
  });

  it('a link to /dev/zero matched by a glob, or given by name, is bad input too; the device named is refused by kind', () => {
    const dir = folderWith('zero-glob', (d) => symlinkSync('/dev/zero', path.join(d, 'zero.yaml')));
    const glob = runCli(['lint', `${dir}/*.yaml`, ...MINI]);
    expect(glob.code).toBe(2);
    expect(glob.stdout).toMatch(/good\.yaml {2}PASS/);
    expect(errorLines(glob.stderr)).toEqual([
      expect.stringMatching(/zero\.yaml: a symbolic link leads outside the folder the pattern starts in, to \/dev\/zero;/),
    ]);
    const named = runCli(['lint', path.join(dir, 'good.yaml'), path.join(dir, 'zero.yaml'), ...MINI]);
    expect(named.code).toBe(2);
    expect(named.stdout).toMatch(/good\.yaml {2}PASS/);
    expect(errorLines(named.stderr)).toEqual([
      expect.stringMatching(/zero\.yaml: is a symbolic link, to \/dev\/zero; outside the repository/),
    ]);
    const device = runCli(['lint', path.join(dir, 'good.yaml'), '/dev/zero', ...MINI]);
    expect(device.code).toBe(2);
    expect(errorLines(device.stderr)).toEqual(['/dev/zero: is not a regular file (a character device); give the plan file itself']);
  });

  it('a named pipe and a broken link in a directory are named, never waited on or skipped', () => {
    const dir = folderWith('fifo-dir', (d) => {
      expect(spawnSync('mkfifo', [path.join(d, 'pipe.yaml')]).status).toBe(0);
      symlinkSync(path.join(d, 'gone.yaml'), path.join(d, 'broken.yaml'));
    });
    const r = runCli(['lint', dir, ...MINI]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/good\.yaml {2}PASS/);
    expect(errorLines(r.stderr)).toEqual([
      `${path.join(dir, 'broken.yaml')}: a symbolic link to a file that does not exist`,
      `${path.join(dir, 'pipe.yaml')}: is not a regular file (a named pipe); give the plan file itself`,
    ]);
  });

  it('a glob names a folder it cannot search instead of skipping it', () => {
    const dir = folderWith('locked-glob', (d) => mkdirSync(path.join(d, 'locked'), { mode: 0o000 }));
    const r = runCli(['lint', `${dir}/**/*.yaml`, ...MINI], {}, process.cwd(), UNPRIVILEGED);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/good\.yaml {2}PASS/);
    expect(errorLines(r.stderr)).toEqual([`${path.join(dir, 'locked')}: cannot list the folder: permission denied`]);
  });

  it('names an odd entry with escape characters in its name without letting them reach the terminal', () => {
    const dir = folderWith('escapes', (d) => symlinkSync('/dev/zero', path.join(d, 'red\u001b[31m.yaml')));
    const r = runCli(['lint', dir, ...MINI]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\u001b/);
    expect(errorLines(r.stderr)).toEqual([
      `${path.join(dir, 'red\\x1b[31m.yaml')}: a symbolic link leads outside the folder searched, to /dev/zero; not checked (name that file itself to lint it)`,
    ]);
  });

  it('refuses a plan over 5 MiB while reading, and COMMREADY_MAX_FILE_SIZE raises the limit', () => {
    const big = path.join(tmp, 'big.yaml');
    writeFileSync(
      big,
      `community: { name: A }\ncustom:\n  notes: |\n${'    padding padding padding padding padding padding padding padding\n'.repeat(90_000)}`,
    );
    const r = runCli(['lint', big, ...MINI, '--fail-on', 'none']);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toBe(
      `${big}: file is too large (more than 5242880 bytes; raise the limit with COMMREADY_MAX_FILE_SIZE, e.g. COMMREADY_MAX_FILE_SIZE=20M)`,
    );
    expect(runCli(['lint', big, ...MINI, '--fail-on', 'none'], { COMMREADY_MAX_FILE_SIZE: '8M' }).code).toBe(0);
    const bad = runCli(['lint', big, ...MINI], { COMMREADY_MAX_FILE_SIZE: 'lots' });
    expect(bad.code).toBe(2);
    expect(expectOneErrorLine(bad.stderr)).toMatch(/^commready: COMMREADY_MAX_FILE_SIZE must be a size in bytes/);
  });
});

describe('outputs', () => {
  it('docs -o never writes over a methodology file, built-in or given', () => {
    const builtin = readFileSync('checklists/launch.yaml', 'utf8');
    const r = runCli(['docs', '-o', 'checklists/launch.yaml']);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toBe('checklists/launch.yaml: is in a methodology directory; write it elsewhere');
    expect(readFileSync('checklists/launch.yaml', 'utf8')).toBe(builtin);
    const dir = methodologyWith('{ type: string, minLength: 10 }');
    const before = readFileSync(path.join(dir, 'first.yaml'), 'utf8');
    const own = runCli(['docs', '--checklists', dir, '-o', path.join(dir, 'first.yaml')]);
    expect(own.code).toBe(2);
    expect(readFileSync(path.join(dir, 'first.yaml'), 'utf8')).toBe(before);
    expect(runCli(['validate-checklists', dir]).code).toBe(0);
  });

  it('docs -o onto a directory, a device or a missing folder is one line, exit 2', () => {
    const cases: [string, RegExp][] = [
      [tmp, /is a directory; name a file inside it$/],
      ['/dev/null', /is not a regular file/],
      [path.join(tmp, 'missing', 'x.md'), /directory '.*missing' not found$/],
      [path.join('test/fixtures/plans/mini-complete.yaml', 'x.md'), /a part of the path is not a directory$/],
    ];
    for (const [target, message] of cases) {
      const r = runCli(['docs', '-o', target]);
      expect(r.code, target).toBe(2);
      expect(expectOneErrorLine(r.stderr), target).toMatch(message);
    }
  });

  it('docs -o into a read-only folder is one line, exit 2', () => {
    const dir = path.join(tmp, 'read-only');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    const r = runCli(['docs', '-o', path.join(dir, 'course.md')], {}, process.cwd(), UNPRIVILEGED);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/permission denied$/);
  });

  it("never writes through a link a pull request put at an output path, and a plan's hostile name changes nothing outside", () => {
    // A pull request's checkout: a plan whose name is a shell command, and `commready.md` committed as a
    // link to a script outside the checkout that a later step of the job runs.
    const runner = path.join(tmp, 'runner');
    const checkout = path.join(runner, 'checkout');
    mkdirSync(path.join(checkout, 'plans'), { recursive: true });
    const script = path.join(runner, 'deploy.sh');
    writeFileSync(script, '#!/bin/sh\necho deployed\n', { mode: 0o755 });
    copyFileSync('test/fixtures/plans/mini-complete.yaml', path.join(checkout, 'plans', 'x;touch PWNED;y.yaml'));
    symlinkSync(script, path.join(checkout, 'commready.md'));
    const reports = runCli(
      ['report', 'plans/x;touch PWNED;y.yaml', ...MINI_ANYWHERE, '-f', 'json=old.json', '-f', 'json=new.json'],
      {},
      checkout,
    );
    expect(reports.code, reports.stderr).toBe(0);
    const refused = /^commready\.md: is a symbolic link; commready never writes through one \(remove it, or write elsewhere\)$/;
    for (const args of [
      ['lint', 'plans/', ...MINI_ANYWHERE, '--fail-on', 'major', '--format', 'text', '--format', 'markdown=commready.md'],
      ['lint', 'plans/', ...MINI_ANYWHERE, '--format', 'sarif', '-o', 'commready.md'],
      ['report', 'plans/x;touch PWNED;y.yaml', ...MINI_ANYWHERE, '--format', 'markdown=commready.md'],
      ['diff', 'old.json', 'new.json', '--format', 'markdown', '-o', 'commready.md'],
      ['docs', '--checklists', path.resolve('test/fixtures/mini'), '-o', 'commready.md'],
    ]) {
      const r = runCli(args, {}, checkout);
      expect(r.code, args.join(' ')).toBe(2);
      expect(expectOneErrorLine(r.stderr), args.join(' ')).toMatch(refused);
      expect(r.stdout, 'nothing is printed before the refusal').toBe('');
    }
    const init = runCli(['init', 'commready.md'], {}, checkout);
    expect(init.code).toBe(2);
    expect(expectOneErrorLine(init.stderr)).toBe("commready: 'commready.md' already exists; use --force to overwrite it");
    expect(readFileSync(script, 'utf8')).toBe('#!/bin/sh\necho deployed\n');
    expect(statSync(script).mode & 0o777).toBe(0o755);
    expect(lstatSync(path.join(checkout, 'commready.md')).isSymbolicLink()).toBe(true);
    expect(readdirSync(checkout).sort()).toEqual(['commready.md', 'new.json', 'old.json', 'plans']);
    // The job's later step runs its script: it does what it did, and no command hidden in the plan's name ran.
    const later = spawnSync('sh', [script], { cwd: checkout, encoding: 'utf8' });
    expect(later.stdout).toBe('deployed\n');
    expect([existsSync(path.join(checkout, 'PWNED')), existsSync(path.join(runner, 'PWNED'))]).toEqual([false, false]);
    // An explicit --force replaces the link itself with the new plan; what it pointed to is never written.
    const forced = runCli(['init', 'commready.md', '--force'], {}, checkout);
    expect(forced.code, forced.stderr).toBe(0);
    expect(lstatSync(path.join(checkout, 'commready.md')).isFile()).toBe(true);
    expect(readFileSync(script, 'utf8')).toBe('#!/bin/sh\necho deployed\n');
  });

  it('diff -o refuses a named pipe or a device as report -o does, and keeps the mode of a file it replaces', () => {
    const dir = path.join(tmp, 'diff-out');
    mkdirSync(dir);
    const plan = 'test/fixtures/plans/mini-complete.yaml';
    const json = path.join(dir, 'r.json');
    expect(runCli(['report', plan, ...MINI_ANYWHERE, '--format', 'json', '-o', json]).code).toBe(0);
    const fifo = path.join(dir, 'pipe.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const command of [
      ['diff', json, json, '-o', fifo],
      ['report', plan, ...MINI_ANYWHERE, '-o', fifo],
    ]) {
      const r = runCli(command);
      expect(r.code, command[0]).toBe(2);
      expect(expectOneErrorLine(r.stderr)).toBe(
        `${fifo}: is not a regular file (a named pipe); leave out the file name to write to standard output`,
      );
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    }
    expect(expectOneErrorLine(runCli(['diff', json, json, '-o', '/dev/null']).stderr)).toMatch(
      /^\/dev\/null: is not a regular file \(a character device\)/,
    );
    expect(expectOneErrorLine(runCli(['diff', json, json, '-o', json]).stderr)).toBe(`${json}: is one of the inputs of this run`);
    const out = path.join(dir, 'progress.md');
    writeFileSync(out, 'old');
    chmodSync(out, 0o640);
    expect(runCli(['diff', json, json, '--format', 'markdown', '-o', out]).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readFileSync(out, 'utf8')).toMatch(/^## commready progress/);
    expect(readdirSync(dir).sort()).toEqual(['pipe.md', 'progress.md', 'r.json']);
  });

  it('init --force never writes into a methodology directory, built-in or given', () => {
    const dir = methodologyWith('{ type: string, minLength: 10 }');
    for (const [target, extra] of [
      [path.join(dir, 'first.yaml'), ['--checklists', dir]],
      [path.join(dir, 'new-plan.yaml'), ['--checklists', dir]],
      ['checklists/launch.yaml', []],
    ] as const) {
      const before = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
      const r = runCli(['init', target, '--force', ...extra]);
      expect(r.code, target).toBe(2);
      expect(expectOneErrorLine(r.stderr)).toBe(`${target}: is in a methodology directory; write it elsewhere`);
      expect(existsSync(target) ? readFileSync(target, 'utf8') : undefined).toBe(before);
    }
    expect(runCli(['validate-checklists', dir]).code).toBe(0);
  });

  it('keeps the mode of a report file it writes over, and leaves no temporary file', () => {
    const dir = path.join(tmp, 'modes');
    mkdirSync(dir);
    const out = path.join(dir, 'report.json');
    writeFileSync(out, '{}');
    chmodSync(out, 0o600);
    const r = runCli([
      'report',
      'test/fixtures/plans/mini-complete.yaml',
      '--checklists',
      'test/fixtures/mini',
      '--today',
      '2026-07-01',
      '--format',
      'json',
      '-o',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('plans');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });
});
