import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneErrorLine, runCli } from './run-cli.js';
import { validation } from '../helpers.js';
import { COMMANDS } from '../../src/cli/command-table.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const MINI = ['--checklists', 'test/fixtures/mini', '--today', '2026-07-01'];
const write = (name: string, text: string): string => {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
};

describe('commready (built binary)', () => {
  it('prints its version and help with examples', () => {
    const version = runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    for (const cmd of [[], ...COMMANDS.map((c) => [c.name])]) {
      const help = runCli([...cmd, '--help']);
      expect(help.code, cmd.join(' ')).toBe(0);
      expect(help.stdout, cmd.join(' ')).toMatch(/Examples:/);
    }
  });

  it('exits 1 when a plan fails its threshold and 0 when every plan passes', () => {
    const both = runCli(['lint', 'test/fixtures/plans', ...MINI]);
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/test\/fixtures\/plans\/mini-empty\.yaml:1:1 {2}blocker {2}A purpose is written/);
    expect(both.stdout).toMatch(/2 plans: 1 passed, 1 failed/);
    expect(runCli(['lint', 'test/fixtures/plans/mini-complete.yaml', ...MINI]).code).toBe(0);
    expect(runCli(['lint', 'test/fixtures/plans/mini-empty.yaml', '--fail-on', 'none', ...MINI]).code).toBe(0);
    expect(runCli(['lint', 'test/fixtures/plans/mini-complete.yaml', '--min-score', '100.5', ...MINI]).code).toBe(2);
  });

  it('expands quoted glob patterns itself', () => {
    const r = runCli(['lint', 'test/fixtures/plans/mini-*.yaml', ...MINI]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/2 plans/);
  });

  it('never hides an input error behind a pass', () => {
    const bad = write('bad-type.yaml', 'community:\n  name: 42\n');
    const r = runCli(['lint', 'test/fixtures/plans/mini-complete.yaml', bad, ...MINI]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/mini-complete\.yaml {2}PASS/);
    expect(expectOneErrorLine(r.stderr)).toBe(`${bad}:2:3: community.name must be a string`);
  });

  const badInputs: [string, string, RegExp][] = [
    ['malformed.yaml', 'community:\n  name: "unclosed\n', /^.*malformed\.yaml:\d+:\d+: YAML syntax error/],
    ['duplicate.yaml', 'community:\n  name: A\n  name: B\n', /^.*duplicate\.yaml:3:3: duplicate key/],
    [
      'wrong-type.yaml',
      'community:\n  name: A\nparams: { people_min: many }\n',
      /^.*wrong-type\.yaml:3:11: params\.people_min must be a number$/,
    ],
    [
      'unknown-item.yaml',
      'community: { name: A }\nassessment:\n  first.purpse: { status: met }\n',
      /^.*unknown-item\.yaml:3:3: unknown item id 'first\.purpse' in methodology 'mini' \(did you mean 'first\.purpose'/,
    ],
  ];
  for (const [name, text, pattern] of badInputs) {
    it(`exits 2 with one file:line:col line for ${name.replace('.yaml', '')}`, () => {
      const file = write(name, text);
      for (const cmd of ['lint', 'report']) {
        const r = runCli([cmd, file, ...MINI]);
        expect(r.code, cmd).toBe(2);
        expect(expectOneErrorLine(r.stderr)).toMatch(pattern);
      }
    });
  }

  it('exits 2 for a missing file, an empty directory, a glob matching nothing', () => {
    expect(expectOneErrorLine(runCli(['lint', 'nope.yaml']).stderr)).toBe('nope.yaml: file not found');
    expect(runCli(['report', 'nope.yaml']).code).toBe(2);
    const empty = mkdtempSync(path.join(tmp, 'empty-'));
    const r = runCli(['lint', empty]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toBe(`${empty}: the directory holds no *.yaml or *.yml file`);
    const g = runCli(['lint', 'test/fixtures/plans/*.yml']);
    expect(g.code).toBe(2);
    expect(expectOneErrorLine(g.stderr)).toBe('test/fixtures/plans/*.yml: the pattern matches no file');
  });

  it('exits 2 with one line for an unknown flag, command or value', () => {
    for (const args of [
      ['lint', 'x.yaml', '--bogus'],
      ['frobnicate'],
      ['lint', 'x.yaml', '--fail-on', 'severe'],
      ['lint', 'x.yaml', '--format', 'xml'],
      ['report', 'x.yaml', '--today', '2026-02-30'],
    ]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(expectOneErrorLine(r.stderr), args.join(' ')).toMatch(/^commready: /);
    }
  });

  it('writes several formats in one run, and json that validates against the report schema', () => {
    const json = path.join(tmp, 'out.json');
    const r = runCli(['report', 'test/fixtures/plans/mini-empty.yaml', '--format', 'text', '--format', `json=${json}`, ...MINI]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/readiness report/);
    const parsed = JSON.parse(readFileSync(json, 'utf8'));
    expect(validation.report(parsed)).toBe(true);
    const viaOutput = path.join(tmp, 'out2.json');
    expect(runCli(['lint', 'test/fixtures/plans', '--format', 'json', '--output', viaOutput, ...MINI]).code).toBe(1);
    expect(JSON.parse(readFileSync(viaOutput, 'utf8')).summary).toEqual({ plans: 2, passed: 1, failed: 1, notChecked: 0 });
  });

  it('refuses to write a report over an input plan', () => {
    const plan = write('precious.yaml', readFileSync('test/fixtures/plans/mini-complete.yaml', 'utf8'));
    const before = readFileSync(plan, 'utf8');
    const r = runCli(['report', plan, '--format', 'json', '--output', plan, ...MINI]);
    expect(r.code).toBe(2);
    expect(readFileSync(plan, 'utf8')).toBe(before);
  });

  it('honours NO_COLOR over FORCE_COLOR, and FORCE_COLOR when piped', () => {
    const args = ['report', 'test/fixtures/plans/mini-empty.yaml', ...MINI];
    expect(runCli(args, { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
    expect(runCli(args, { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
    expect(runCli([...args, '--no-color'], { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
    expect(runCli(args, { NO_COLOR: '' }).stdout).not.toMatch(/\u001b\[/);
  });

  it('init writes a starter plan once, and never overwrites without --force', () => {
    const file = path.join(tmp, 'starter.yaml');
    const first = runCli(['init', file, '--name', 'Makers', '--type', 'grassroots']);
    expect(first.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    // Not installed in the project: the published schema of this version, never a path into a cache.
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=https://unpkg.com/commready@${version}/schemas/plan.schema.json`);
    expect(text).toMatch(/^observed: \{\}$/m);
    expect(text).toMatch(/^version: 3$/m);
    expect(text).toMatch(/^ {2}stage: planning$/m);
    expect(text).toMatch(/^people: \[\]$/m);
    writeFileSync(file, `${text}# my own note\n`);
    const second = runCli(['init', file]);
    expect(second.code).toBe(2);
    expect(expectOneErrorLine(second.stderr)).toMatch(/already exists; use --force/);
    expect(readFileSync(file, 'utf8')).toMatch(/# my own note/);
    expect(runCli(['init', file, '--force']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toMatch(/# my own note/);
    const report = runCli(['report', file, '--today', '2026-07-01']);
    expect(report.code, report.stderr).toBe(0);
  });

  it('explain prints a guide, and suggests the nearest ids for an unknown one', () => {
    const ok = runCli(['explain', 'first.people', ...MINI]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/first\.people — Enough people with a host/);
    expect(ok.stdout).toMatch(/people_min \(3 by default\)/);
    expect(ok.stdout).toMatch(/Checked: custom\.people holds a list of at least people_min \(3 by default\) entries\./);
    expect(ok.stdout).not.toMatch(/\{"|":/);
    const bad = runCli(['explain', 'first.peple', ...MINI]);
    expect(bad.code).toBe(2);
    expect(expectOneErrorLine(bad.stderr)).toMatch(/unknown item 'first\.peple'; did you mean 'first\.people'/);
  });

  it('validate-checklists passes a good methodology and fails a broken evidence rule with a position', () => {
    expect(runCli(['validate-checklists', 'test/fixtures/mini']).code).toBe(0);
    const copy = path.join(tmp, 'broken-methodology');
    cpSync('test/fixtures/mini', copy, { recursive: true });
    const phase = path.join(copy, 'first.yaml');
    writeFileSync(phase, readFileSync(phase, 'utf8').replace('{ type: string, minLength: 10 }', '{ type: string, minLength: -1 }'));
    const r = runCli(['validate-checklists', copy]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/first\.yaml:13:9: invalid evidence schema/);
  });

  it("points at the plan's methodology key when that directory is missing, and resolves absolute paths", () => {
    const missing = write('mref.yaml', 'community: { name: X }\nmethodology: nowhere\n');
    const r = runCli(['report', missing]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toBe(`${missing}:2:1: methodology directory 'nowhere' not found (relative to the plan)`);
    const absolute = write('mabs.yaml', `community: { name: X }\nmethodology: ${path.resolve('test/fixtures/mini')}\n`);
    expect(runCli(['report', absolute, '--today', '2026-07-01']).code).toBe(0);
  });

  it('never writes a report through a link onto a plan, or into a methodology directory', () => {
    const plan = write('linked-plan.yaml', readFileSync('test/fixtures/plans/mini-complete.yaml', 'utf8'));
    const before = readFileSync(plan, 'utf8');
    const link = path.join(tmp, 'link.yaml');
    symlinkSync(plan, link);
    const viaLink = runCli(['report', link, '-o', plan, ...MINI]);
    expect(viaLink.code).toBe(2);
    expect(expectOneErrorLine(viaLink.stderr)).toBe(`${plan}: is one of the inputs of this run`);
    expect(readFileSync(plan, 'utf8')).toBe(before);
    const copy = path.join(tmp, 'mini-copy');
    cpSync('test/fixtures/mini', copy, { recursive: true });
    const phase = readFileSync(path.join(copy, 'first.yaml'), 'utf8');
    const into = runCli(['report', plan, '--checklists', copy, '-o', path.join(copy, 'first.yaml'), '--today', '2026-07-01']);
    expect(into.code).toBe(2);
    expect(expectOneErrorLine(into.stderr)).toBe(`${path.join(copy, 'first.yaml')}: is in a methodology directory; write it elsewhere`);
    expect(readFileSync(path.join(copy, 'first.yaml'), 'utf8')).toBe(phase);
  });

  it('leaves no temporary file behind when a report cannot be written', () => {
    const dir = mkdtempSync(path.join(tmp, 'out-'));
    mkdirSync(path.join(dir, 'taken'));
    const r = runCli(['report', 'test/fixtures/plans/mini-empty.yaml', '-f', `json=${path.join(dir, 'taken')}`, ...MINI]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toBe(`${path.join(dir, 'taken')}: is a directory; name a file inside it`);
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('ends quietly, with its own exit code, when the reader closes the pipe early', () => {
    // The guide of every phase is far larger than a pipe's buffer, so the writes after head exits fail.
    for (const command of ['guide launch', 'docs']) {
      const r = spawnSync('bash', ['-c', `node bin/commready.cjs ${command} | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 15_000,
      });
      expect(r.stdout.split('\n').filter(Boolean), command).toHaveLength(1);
      expect(r.stderr, command).toBe('exit=0\n');
    }
  });

  it('reads valid UTF-8 (even U+FFFD and a BOM) and refuses invalid bytes', () => {
    const ok = write('utf8.yaml', '\uFEFFcommunity: { name: "Caf\u00e9 \uFFFD" }\n');
    expect(runCli(['report', ok, ...MINI]).code).toBe(0);
    const bad = path.join(tmp, 'latin1.yaml');
    writeFileSync(bad, Buffer.from([0x63, 0x3a, 0x20, 0xe9, 0x0a]));
    const r = runCli(['report', bad, ...MINI]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toBe(`${bad}: is not valid UTF-8 text`);
  });

  it('is strict about numbers, and lints a file named twice only once', () => {
    expect(expectOneErrorLine(runCli(['lint', 'x.yaml', '--min-score', '0x10']).stderr)).toMatch(
      /--min-score must be a number from 0 to 100, not '0x10'/,
    );
    const r = runCli(['lint', 'test/fixtures/plans/mini-complete.yaml', './test/fixtures/plans/mini-complete.yaml', ...MINI]);
    expect(r.stdout).toMatch(/^1 plan: 1 passed, 0 failed · /m);
  });

  it('takes a real file whose name looks like a glob as it is', () => {
    const odd = write('plan[1].yaml', readFileSync('test/fixtures/plans/mini-complete.yaml', 'utf8'));
    expect(runCli(['lint', odd, ...MINI]).code).toBe(0);
  });

  it('counts plans it could not check in the lint summary', () => {
    const bad = write('bad-summary.yaml', 'community: [1]\n');
    const r = runCli(['lint', 'test/fixtures/plans/mini-complete.yaml', bad, ...MINI]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/2 plans: 1 passed, 0 failed, 1 not checked \(input errors\)/);
  });

  it("checks --min-level against each plan's own methodology", () => {
    const own = write('own-methodology.yaml', `community: { name: X }\nmethodology: ${path.resolve('test/fixtures/mini')}\n`);
    const r = runCli(['lint', own, 'examples/launch-ready.yaml', '--min-level', 'ready', '--today', '2026-07-01']);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/--min-level: methodology 'commready' has no level 'ready'/);
  });

  it("init points $schema at the project's own installed copy, found from the plan's directory upward", () => {
    const project = path.join(tmp, 'project');
    mkdirSync(path.join(project, 'node_modules', 'commready', 'schemas'), { recursive: true });
    writeFileSync(path.join(project, 'node_modules', 'commready', 'schemas', 'plan.schema.json'), '{}');
    mkdirSync(path.join(project, 'plans', 'team'), { recursive: true });
    const file = path.join(project, 'plans', 'team', 'makers.yaml');
    expect(runCli(['init', file]).code).toBe(0);
    const first = readFileSync(file, 'utf8').split('\n')[0]!;
    expect(first).toBe('# yaml-language-server: $schema=../../node_modules/commready/schemas/plan.schema.json');
    expect(existsSync(path.resolve(path.dirname(file), first.split('$schema=')[1]!))).toBe(true);
  });

  it('init refuses an unknown community type with a suggestion', () => {
    const r = runCli(['init', path.join(tmp, 'typo.yaml'), '--type', 'grasroots']);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/unknown community type 'grasroots' \(did you mean 'grassroots'\?\)/);
    expect(existsSync(path.join(tmp, 'typo.yaml'))).toBe(false);
  });

  it('lets an explicit --color win over NO_COLOR', () => {
    expect(runCli(['report', 'test/fixtures/plans/mini-empty.yaml', '--color', ...MINI], { NO_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
  });

  it('refuses a plan parameter that the rules cannot use, at its line', () => {
    const p = write('bad-param.yaml', 'community: { name: X }\nparams:\n  people_min: 2.5\n');
    const r = runCli(['lint', p, ...MINI]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(
      new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:3: params\\.people_min: 2\\.5 cannot be used`),
    );
  });

  it('fails a plan whose blockers are met only by one person written twice, or by steps of one letter', () => {
    const strong = readFileSync('examples/launch-ready.yaml', 'utf8');
    const lint = (name: string, text: string) => runCli(['lint', write(name, text), '--today', '2026-11-25']);
    expect(lint('strong.yaml', strong).code).toBe(0);
    // Maya alone holds the responder role on the roster; the list names her three ways.
    const mayaAlone = strong
      .replace('roles: [conduct responder, moderator, response rota, greeter]', 'roles: [moderator, response rota, greeter]')
      .replace('  - name: Hannah Brooks\n    roles: [conduct responder]\n', '  - name: Hannah Brooks\n    roles: [legal]\n');
    const one = lint(
      'one-responder.yaml',
      mayaAlone.replace(
        'responders: [Maya Okonkwo, Tom\u00e1s Ibarra, Hannah Brooks]',
        'responders: [Maya Okonkwo, "Okonkwo, Maya", Maya Okonkwo (backup)]',
      ),
    );
    expect(one.code).toBe(1);
    expect(one.stdout).toMatch(
      / {2}blocker {2}Breaches can be reported privately to named responders: partly met {2}governance\.reporting/,
    );
    const letters = lint('letters.yaml', strong.replace(/^ {4}enforcement:\n(?: {6}- .*\n)+/m, '    enforcement: [a, b, c]\n'));
    expect(letters.code).toBe(1);
    expect(letters.stdout).toMatch(
      / {2}blocker {2}An enforcement ladder and an appeal route are published: partly met {2}governance\.enforcement/,
    );
    expect(letters.stdout).toMatch(/'a' decides nothing/);
    // The roster names one person twice: bad input at the second entry, not a second responder.
    const twice = lint('roster-twice.yaml', strong.replace('  - name: Hannah Brooks\n', '  - name: Okonkwo, Maya\n'));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/roster-twice\.yaml:\d+:\d+: 'Okonkwo, Maya' is already in the roster \(people\[3\]\)/);
  });

  it('with no arguments prints help to standard output and exits with the usage-error code', () => {
    for (const args of [[], ['--no-color'], ['--today', '2026-01-01']]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toMatch(/^Usage: commready/);
      expect(r.stderr).toBe('');
    }
  });

  it("takes '-' as standard output for --output and --format name=-", () => {
    const r = runCli(['report', 'test/fixtures/plans/mini-empty.yaml', '--format', 'json', '--output', '-', ...MINI]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).plans[0].score).toBe(0);
    const both = runCli(['lint', 'test/fixtures/plans', '--format', 'json=-', '--format', `text=${path.join(tmp, 'dash.txt')}`, ...MINI]);
    expect(both.code).toBe(1);
    expect(JSON.parse(both.stdout).summary.failed).toBe(1);
    expect(existsSync('-')).toBe(false);
  });

  it('shows a hostile plan name escaped, on one line, through the binary', () => {
    const plan = write('hostile.yaml', 'community:\n  name: "\\e]0;owned\\a\\e[2J\\u202eX\\n::error::forged"\n');
    const r = runCli(['report', plan, ...MINI], { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain('\\x1b]0;owned\\x07\\x1b[2J\\u202eX\\n::error::forged — readiness report');
    expect(r.stdout).not.toMatch(/\u001b(?!\[(?:1|2|22|31|32|33|36|39)m)/);
    expect(r.stdout).not.toMatch(/^\s*::/m);
  });
});
