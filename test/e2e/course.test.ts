// `commready course` through the built binary, without a terminal: the module list and the lessons print,
// a quiz refuses at once, progress stays in the state directory, and the certificate is refused, then
// written, then verified, then fails verification once a character changes. lint never loads course code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument, visit } from 'yaml';
import { canonicalJson, checkCertificate, renderCertificateMarkdown } from '../../src/course/certificate.js';
import { emptyProgress, type CourseProgress } from '../../src/course/progress.js';
import { verificationCode } from '../../src/course/verification-code.js';
import { recordAnswer, scoreAttempt, startAttempt } from '../../src/course/quiz.js';
import { parseCourse } from '../../src/methodology/course.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { builtinMethodology, validation } from '../helpers.js';
import { expectOneErrorLine, runCli } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-course-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const course = parseCourse(
  parseYamlSource('checklists/course.yaml', readFileSync('checklists/course.yaml', 'utf8')),
  builtinMethodology(),
  validation,
);

/** A learner's sandbox: a project folder, a home and a state directory of their own. */
function sandbox(name: string) {
  const root = path.join(tmp, name);
  const project = path.join(root, 'project');
  const state = path.join(root, 'state');
  mkdirSync(project, { recursive: true });
  mkdirSync(path.join(root, 'home'));
  const env = { XDG_STATE_HOME: state, HOME: path.join(root, 'home') };
  const progressFile = path.join(state, 'commready', 'course', 'commready-course.json');
  return {
    project,
    state,
    progressFile,
    run: (args: string[]) => runCli(args, env, project),
    progress: () => JSON.parse(readFileSync(progressFile, 'utf8')) as CourseProgress,
  };
}

/** A worked plan with every sentence its learner's own (here, each with words added): what a practicum is. */
function inOwnWords(yamlText: string): string {
  const doc = parseDocument(yamlText);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.trim().split(/\s+/).length >= 5) node.value = `${node.value} (in our words)`;
    },
  });
  return doc.toString();
}

/** Progress with every quiz passed on the grassroots track's questions. */
function allQuizzesPassed(): CourseProgress {
  const p: CourseProgress = { ...emptyProgress(course), track: 'grassroots' };
  for (const m of course.modules) {
    let attempt = startAttempt(m, 'grassroots', () => 0.5, '2026-11-30');
    for (const id of attempt.order) {
      const q = m.questions.find((x) => x.id === id)!;
      attempt = recordAnswer(
        attempt,
        id,
        attempt.shown[id]!.findIndex((o) => q.options[o]!.best),
      );
    }
    const result = scoreAttempt(m, attempt, 'grassroots', '2026-11-30');
    p.modules[m.id] = { attempts: 1, best: result, last: result };
  }
  return p;
}

describe('commready course without a terminal', () => {
  it('lists the modules with their time and progress, and writes nothing', () => {
    const s = sandbox('list');
    const r = s.run(['course']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Building a community that lasts, a course in eight modules \(course 3\.0\.0\)$/m);
    for (const m of course.modules) expect(r.stdout).toMatch(new RegExp(`^ {2}\\d {2}${m.id} +\\d`, 'm'));
    expect(r.stdout).toMatch(/No track chosen yet: choose one with --track <id>/);
    expect(r.stdout).toContain(`Progress is kept in ${s.progressFile}.`);
    expect(existsSync(s.state)).toBe(false);
  });

  it('remembers the track and the learner in the state directory, never in the project', () => {
    const s = sandbox('remember');
    const r = s.run(['course', '--track', 'open-source', '--learner', 'Ada Okafor']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Track: Open-source project community \(open-source\); case community: Tidekit\./);
    expect(s.progress()).toMatchObject({ format: 1, course: { id: 'commready-course' }, track: 'open-source', learner: 'Ada Okafor' });
    expect(readdirSync(s.project)).toEqual([]);
    const bad = s.run(['course', '--track', 'open-sauce']);
    expect(bad.code).toBe(2);
    expect(expectOneErrorLine(bad.stderr)).toMatch(/^commready: --track: unknown track 'open-sauce' \(did you mean 'open-source'\?\)/);
  });

  it('refuses a quiz at once with one line, as the interview does, and leaves no trace', () => {
    const s = sandbox('quiz');
    const started = Date.now();
    const r = s.run(['course', 'quiz', 'intro', '--track', 'customer']);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toBe(
      "commready: course quiz needs a terminal; without one, read the lesson with 'commready course intro' and take the quiz in a terminal",
    );
    expect(r.stdout).toBe('');
    expect(existsSync(s.state)).toBe(false);
  });

  it("prints a module's lesson whole: its text, the case, every guide of its phase, the exercises and the readings", () => {
    const s = sandbox('lesson');
    const r = s.run(['course', 'launch', '--track', 'professional']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Module 5 of 7: Launch \(launch\)$/m);
    expect(r.stdout).toMatch(/^Your track: Partner or professional community$/m);
    for (const id of ['launch.date-owner', 'launch.soft-launch', 'launch.response-promise', 'launch.retros'])
      expect(r.stdout).toContain(`${id} — `);
    expect(r.stdout).toMatch(/^Readings$/m);
    const byNumber = s.run(['course', '0']);
    expect(byNumber.stdout).toMatch(/^Module 0 of 7: A web page with a discussion forum is not a community \(intro\)$/m);
    const unknown = s.run(['course', 'lanch']);
    expect(unknown.code).toBe(2);
    expect(expectOneErrorLine(unknown.stderr)).toMatch(
      /^commready: unknown module 'lanch' \(did you mean 'launch'\?\) \(modules: intro, purpose/,
    );
  });

  it('prints the rubric as Markdown for a reviewer, with no progress needed', () => {
    const s = sandbox('rubric');
    const r = s.run(['course', 'rubric']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# Practicum rubric: Building a community that lasts/);
    expect(r.stdout).toMatch(/^## 2\. The fit of the onboarding journey$/m);
    expect(existsSync(s.state)).toBe(false);
  });
});

describe('the practicum and the certificate', () => {
  it('refuses the certificate until everything is passed, then writes one that verifies, and fails verification after one character changes', () => {
    const s = sandbox('certificate');
    const refused = s.run(['course', 'certificate']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^No certificate yet\. It needs you to:\n {2}- choose your track with --track/);
    expect(refused.stdout).toContain("pass the quiz of module 'intro' (commready course quiz intro)");
    expect(readdirSync(s.project)).toEqual([]);

    mkdirSync(path.dirname(s.progressFile), { recursive: true });
    writeFileSync(s.progressFile, JSON.stringify(allQuizzesPassed()));
    const stillMissing = s.run(['course', 'certificate']);
    expect(stillMissing.code).toBe(1);
    expect(stillMissing.stdout).toBe(
      'No certificate yet. It needs you to:\n  - record the practicum: commready course practicum <your plan>\n  - give the name for the certificate with --learner "<your name>"\n',
    );

    // The course's worked plan is not a practicum; a plan of another track's profile does not pass.
    const model = s.run(['course', 'practicum', path.resolve('examples/course/grassroots.yaml'), '--today', '2026-12-01']);
    expect(model.code).toBe(1);
    expect(model.stdout).toMatch(
      /has (\d+) of its \1 written answers word for word from the course's worked plans; the practicum is a plan you write yourself\. Nothing recorded\./,
    );
    // Nor is a worked plan with its name and a line changed, nor another track's worked plan under this track.
    const renamed = path.join(s.project, 'renamed.yaml');
    writeFileSync(
      renamed,
      readFileSync('examples/course/grassroots.yaml', 'utf8')
        .replace('name: Canal Street Coders', 'name: Canal Road Coders')
        .replace(
          'tagline: Learn to code together, at the library and online, whatever your age.',
          'tagline: Code together at the library, whatever your age.',
        ),
    );
    const copy = s.run(['course', 'practicum', 'renamed.yaml', '--today', '2026-12-01']);
    expect(copy.code).toBe(1);
    expect(copy.stdout).toMatch(/^renamed\.yaml has \d+ of its \d+ written answers word for word from the course's worked plans;/);
    const otherTrack = s.run([
      'course',
      'practicum',
      path.resolve('examples/course/customer.yaml'),
      '--today',
      '2026-12-01',
      '--track',
      'customer',
    ]);
    expect(otherTrack.stdout).toMatch(/written answers word for word/);
    s.run(['course', '--track', 'grassroots']);
    expect(s.progress().practicum).toBeUndefined();
    writeFileSync(path.join(s.project, 'customer.yaml'), inOwnWords(readFileSync('examples/course/customer.yaml', 'utf8')));
    const other = s.run(['course', 'practicum', 'customer.yaml', '--today', '2026-12-01']);
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(
      /It is judged as customer \(funded\); your track, Grassroots or volunteer group, asks for community\.type: grassroots/,
    );
    // A plan with a blocker open does not pass either.
    const mine = path.join(s.project, 'canal-street.yaml');
    const own = inOwnWords(readFileSync('examples/course/grassroots.yaml', 'utf8'));
    writeFileSync(mine, own.replace('    dm_policy: disabled\n', ''));
    const open = s.run(['course', 'practicum', 'canal-street.yaml', '--today', '2026-12-01']);
    expect(open.code).toBe(1);
    expect(open.stdout).toMatch(/Open blockers: governance\.safeguarding\./);
    expect(s.progress().practicum).toBeUndefined();

    writeFileSync(mine, own);
    const passed = s.run(['course', 'practicum', 'canal-street.yaml', '--today', '2026-12-01']);
    expect(passed.code, passed.stdout + passed.stderr).toBe(0);
    const fingerprint = createHash('sha256').update(readFileSync(mine)).digest('hex');
    expect(passed.stdout).toContain(fingerprint);
    expect(s.progress().practicum).toMatchObject({
      fingerprint,
      community: 'Canal Street Coders',
      track: 'grassroots',
      level: { id: 'launch-ready' },
    });

    const written = s.run(['course', 'certificate', '--learner', 'Ada Okafor', '--output', 'ada', '--today', '2026-12-02']);
    expect(written.code, written.stdout + written.stderr).toBe(0);
    expect(written.stdout).toMatch(/^Wrote ada\.md and ada\.html: Ada Okafor, Building a community that lasts/);
    const code = /Verification code ([0-9A-Z-]+);/.exec(written.stdout)![1]!;
    expect(readdirSync(s.project).sort()).toEqual(['ada.html', 'ada.md', 'canal-street.yaml', 'customer.yaml', 'renamed.yaml']);
    for (const file of ['ada.md', 'ada.html']) {
      const text = readFileSync(path.join(s.project, file), 'utf8');
      expect(text).toContain('Ada Okafor');
      expect(text).toContain('2026-12-02');
      expect(text).toContain('commready community-building methodology 3.0.0');
      expect(text).toContain(fingerprint);
      expect(text).toContain(code);
      expect(text).toMatch(/self-paced assessment/);
      expect(text).toMatch(/It is not an accreditation/);
      for (const m of course.modules) expect(text).toContain(m.title.replace(/'/g, file.endsWith('.html') ? '&apos;' : "'").slice(0, 20));
      const ok = s.run(['course', 'verify', file]);
      expect(ok.code, ok.stdout).toBe(0);
      expect(ok.stdout.trimEnd()).toMatch(
        new RegExp(
          `^${file.replace('.', '\\.')}: valid\\. Ada Okafor completed .* code ${code}\\. The page matches its record and code, and its scores pass course 3\\.0\\.0\\. The code needs no secret, so anyone with commready can write a record that verifies: it records a self-paced assessment, not an accreditation; to check the practicum, ask for the plan and compare its SHA-256\\.$`,
        ),
      );
    }

    // A record written by hand, with its code computed as anyone can: the scores below the pass mark refuse it.
    const ok = checkCertificate(readFileSync(path.join(s.project, 'ada.md'), 'utf8'), verificationCode);
    if (!ok.ok) throw new Error('the certificate just written does not verify');
    const forged = { ...ok.record, modules: ok.record.modules.map((x) => ({ ...x, correct: 0, percent: 0 })) };
    writeFileSync(path.join(s.project, 'forged.md'), renderCertificateMarkdown(forged, verificationCode(canonicalJson(forged))));
    const refusedForgery = s.run(['course', 'verify', 'forged.md']);
    expect(refusedForgery.code).toBe(1);
    expect(refusedForgery.stdout).toBe(
      `forged.md: NOT valid: its record does not show a pass of ${course.modules.map((x) => `'${x.id}'`).join(', ')}.\n`,
    );

    // One character of the record changed: the code no longer matches.
    const md = readFileSync(path.join(s.project, 'ada.md'), 'utf8');
    writeFileSync(path.join(s.project, 'record.md'), md.replace('"learner":"Ada Okafor"', '"learner":"Ada Okafer"'));
    const record = s.run(['course', 'verify', 'record.md']);
    expect(record.code).toBe(1);
    expect(record.stdout).toBe(
      'record.md: NOT valid: its record does not match its verification code: it was changed after it was written.\n',
    );
    // One character of the page changed: the page no longer says what its record says.
    writeFileSync(path.join(s.project, 'page.md'), md.replace('on 2026-12-02.', 'on 2026-12-03.'));
    const page = s.run(['course', 'verify', 'page.md']);
    expect(page.code).toBe(1);
    expect(page.stdout).toBe('page.md: NOT valid: its text differs from what its record says: it was changed after it was written.\n');
    const html = readFileSync(path.join(s.project, 'ada.html'), 'utf8');
    writeFileSync(path.join(s.project, 'page.html'), html.replace('(100%)', '(10%)'));
    expect(s.run(['course', 'verify', 'page.html']).code).toBe(1);
    // Not a certificate at all; a file that is not there.
    const readme = s.run(['course', 'verify', path.resolve('README.md')]);
    expect(readme.code).toBe(1);
    expect(readme.stdout).toMatch(/NOT valid: it carries no certificate record/);
    const missing = s.run(['course', 'verify', 'nothing.md']);
    expect(missing.code).toBe(2);
    expect(expectOneErrorLine(missing.stderr)).toBe('nothing.md: file not found');
  });

  it('judges the practicum plan again when the certificate is written: a plan edited to fail, or gone, gets none', () => {
    const s = sandbox('rejudged');
    mkdirSync(path.dirname(s.progressFile), { recursive: true });
    writeFileSync(s.progressFile, JSON.stringify({ ...allQuizzesPassed(), learner: 'Ada Okafor' }));
    const mine = path.join(s.project, 'canal-street.yaml');
    const own = inOwnWords(readFileSync('examples/course/grassroots.yaml', 'utf8'));
    writeFileSync(mine, own);
    const passed = s.run(['course', 'practicum', 'canal-street.yaml', '--today', '2026-12-01']);
    expect(passed.code, passed.stdout + passed.stderr).toBe(0);
    const recorded = s.progress().practicum;

    // The plan loses its safeguarding blocker after the pass was recorded.
    writeFileSync(mine, own.replace('    dm_policy: disabled\n', ''));
    const edited = s.run(['course', 'certificate', '--output', 'ada', '--today', '2026-12-02']);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toBe('');
    expect(edited.stdout).toBe(
      `No certificate: the practicum plan ${mine} no longer passes as of 2026-12-02: Emergent (readiness 97.9, blockers open: governance.safeguarding) where the practicum asks for Launch-ready with no blocker open; record the practicum again with 'commready course practicum <your plan>'.\n`,
    );
    expect(readdirSync(s.project)).toEqual(['canal-street.yaml']);
    expect(s.progress().practicum).toEqual(recorded);

    // The plan is gone.
    rmSync(mine);
    const gone = s.run(['course', 'certificate', '--output', 'ada', '--today', '2026-12-02']);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toBe(
      `No certificate: the practicum plan ${mine} cannot be read or judged (file not found); record the practicum again with 'commready course practicum <your plan>'.\n`,
    );
    expect(readdirSync(s.project)).toEqual([]);

    // Still passing, from another folder, with an edit since: the certificate carries the plan as it is now.
    const still = own.replace('name: Canal Street Coders', 'name: Canal Street Code Club');
    writeFileSync(mine, still);
    const written = runCli(
      ['course', 'certificate', '--output', path.join(s.project, 'ada'), '--today', '2026-12-02'],
      { XDG_STATE_HOME: s.state, HOME: path.join(s.project, '..', 'home') },
      path.join(s.project, '..'),
    );
    expect(written.code, written.stdout + written.stderr).toBe(0);
    const text = readFileSync(path.join(s.project, 'ada.md'), 'utf8');
    expect(text).toContain(createHash('sha256').update(still).digest('hex'));
    expect(text).not.toContain(recorded!.fingerprint);
    expect(text).toContain('The plan of Canal Street Code Club reached Launch-ready');
    expect(text).toContain('judged as of 2026-12-02');
  });

  it('refuses a progress file it did not write, saying what to do, and never overwrites it', () => {
    const s = sandbox('broken');
    mkdirSync(path.dirname(s.progressFile), { recursive: true });
    writeFileSync(s.progressFile, '{"format": 7}');
    const r = s.run(['course', '--track', 'internal']);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toBe(
      `${s.progressFile}: is not commready course progress (it is not progress format 1); move it away to start afresh`,
    );
    expect(readFileSync(s.progressFile, 'utf8')).toBe('{"format": 7}');
  });
});

describe('what each command loads', () => {
  /** Every module `main(args)` loads from dist/, run without the bundle so each module shows. */
  function loadedModules(args: readonly string[]): string[] {
    const dir = mkdtempSync(path.join(tmp, 'modules-'));
    const log = path.join(dir, 'modules.log');
    const hooks = path.join(dir, 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(process.env.MODULE_LOG, url + '\\n'); return next(url, context); }\n`,
    );
    const register = path.join(dir, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    writeFileSync(log, '');
    const main = pathToFileURL(path.resolve('dist/cli/main.js')).href;
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        pathToFileURL(register).href,
        '--input-type=module',
        '-e',
        `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(${JSON.stringify(args)});`,
      ],
      {
        encoding: 'utf8',
        input: '',
        timeout: 15_000,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', MODULE_LOG: log, XDG_STATE_HOME: path.join(dir, 'state') },
      },
    );
    if (r.error) throw r.error;
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  }

  it('lint never loads course code or Inquirer; the module list loads the course but not Inquirer', () => {
    const lint = loadedModules(['lint', 'examples/halfway.yaml', '--today', '2026-07-01']);
    expect(lint.some((url) => url.endsWith('/dist/cli/commands/lint.js'))).toBe(true);
    expect(lint.filter((url) => /\/dist\/course\/|\/dist\/cli\/commands\/course\.js|@inquirer/.test(url))).toEqual([]);
    const list = loadedModules(['course']);
    expect(list.some((url) => url.endsWith('/dist/course/course-text.js'))).toBe(true);
    expect(list.filter((url) => /@inquirer|inquirer-course-asker|run-quiz/.test(url))).toEqual([]);
  });
});
