// Every way methodology text reaches a reader, over the whole built-in methodology (every item, every
// community type and formality, every stage): no `{word:…}` and no `{param}` placeholder gets through.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadCourse } from '../../src/io/load-course.js';
import { loadValidation } from '../../src/io/package-files.js';
import { renderGapReport } from '../../src/interview/gap-report.js';
import { runInterview } from '../../src/interview/run-interview.js';
import { allItems } from '../../src/methodology/types.js';
import { renderStarterPlan } from '../../src/plan/starter-plan.js';
import { renderCourseMarkdown } from '../../src/report/render-course.js';
import { FORMATS } from '../../src/report/types.js';
import { builtinMethodology, fakeIo } from '../helpers.js';
import { AnsweringAsker } from '../interview/answering-asker.js';
import { interviewSession } from '../interview/interview-session.js';

const m = builtinMethodology();
const dir = mkdtempSync(path.join(tmpdir(), 'commready-leaks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A placeholder left unfilled: `{word:host}`, or `{name}` in the form a parameter's placeholder takes. */
const UNFILLED = /\{word:[^}]*\}|\{[a-z][a-z0-9_]*\}/;

function leaks(label: string, text: string): string[] {
  return text
    .split('\n')
    .filter((line) => UNFILLED.test(line))
    .map((line) => `${label}: ${line.trim().slice(0, 160)}`);
}

async function run(argv: string[]): Promise<string> {
  const io = fakeIo();
  await main(argv, io);
  expect(io.err.join(''), argv.join(' ')).toBe('');
  return io.out.join('');
}

const STAGES = ['planning', 'launching', 'running'] as const;
const COMBINATIONS = m.profiles.flatMap((p) => m.formalities.map((f) => [p.id, f.id] as const));

/** A plan of every type, formality and stage, meeting in person with under-18s: every item is judged somewhere. */
function planText(type: string, formality: string, stage: string): string {
  return [
    'version: 2',
    'community:',
    `  name: Makers of ${type}`,
    `  type: ${type}`,
    `  formality: ${formality}`,
    `  stage: ${stage}`,
    ...(stage === 'planning' ? [] : ['  opened: 2026-01-15']),
    '  size: 400',
    '  format: hybrid',
    '  minors: true',
    '  regions: [FR]',
    '',
  ].join('\n');
}

describe('no placeholder reaches a file or a screen', { timeout: 120_000 }, () => {
  it('the methodology itself uses placeholders (or this test would prove nothing)', () => {
    const titles = allItems(m).map((i) => i.title);
    expect(titles.filter((t) => /\{word:/.test(t)).length).toBeGreaterThan(3);
    expect(titles.filter((t) => /\{[a-z_]+\}/.test(t)).length).toBeGreaterThan(10);
  });

  it('explain, guide and checklists, for every item, phase and listing', async () => {
    const found: string[] = [];
    for (const item of allItems(m)) found.push(...leaks(`explain ${item.id}`, await run(['explain', item.id])));
    for (const phase of [...m.phases.map((p) => p.id), undefined])
      found.push(...leaks(`guide ${phase ?? ''}`, await run(['guide', ...(phase ? [phase] : [])])));
    for (const flag of [[], ['--params'], ['--profiles']])
      found.push(...leaks(`checklists ${flag.join('')}`, await run(['checklists', ...flag])));
    expect(found).toEqual([]);
  });

  it('docs and the course', async () => {
    const course = loadCourse('checklists', m, loadValidation())!;
    expect([...leaks('docs', await run(['docs'])), ...leaks('course', renderCourseMarkdown(course, m))]).toEqual([]);
  });

  it("init's starter plan, with no type and with every type", async () => {
    const found: string[] = [];
    for (const type of [undefined, ...m.profiles.map((p) => p.id)]) {
      const file = path.join(dir, `init-${type ?? 'none'}.yaml`);
      await run(['init', file, '--force', ...(type ? ['--type', type] : [])]);
      found.push(...leaks(`init ${type ?? ''}`, readFileSync(file, 'utf8')));
    }
    found.push(...leaks('interview starter', renderStarterPlan(m, { schemaPath: 'plan.schema.json', name: '' })));
    expect(found).toEqual([]);
  });

  /** One run of a command that writes every format, each to its own file (a plan is assessed once, not ten times). */
  async function everyFormat(command: 'report' | 'lint', file: string, extra: string[] = []): Promise<string[]> {
    const out = (format: string) => path.join(dir, `${path.basename(file)}.${command}.${format}`);
    const stdout = await run([command, file, ...extra, ...FORMATS.flatMap((f) => ['--format', `${f}=${out(f)}`])]);
    expect(stdout, `${command} ${file}`).toBe('');
    return FORMATS.flatMap((format) => leaks(`${command} ${file} ${format}`, readFileSync(out(format), 'utf8')));
  }

  it('report and lint in every format, for every type, formality and stage', async () => {
    const found: string[] = [];
    for (const [i, [type, formality]] of COMBINATIONS.entries()) {
      for (const stage of STAGES) {
        const file = path.join(dir, `${type}-${formality}-${stage}.yaml`);
        writeFileSync(file, planText(type, formality, stage));
        found.push(...(await everyFormat('report', file)));
        // lint words the same findings more briefly: one stage per type and formality is enough.
        if (stage === STAGES[i % STAGES.length]) found.push(...(await everyFormat('lint', file, ['--no-config'])));
      }
    }
    for (const example of ['examples/volunteer-meetup.yaml', 'examples/launch-ready.yaml', 'examples/open-source.yaml'])
      found.push(...(await everyFormat('report', example)));
    expect(found).toEqual([]);
  }, 300_000);

  it.each(COMBINATIONS.map(([type, formality], i) => [type, formality, STAGES[1 + (i % 2)]!] as const))(
    'the interview for type %s, formality %s, stage %s: prompts, help, feedback, summary and gap report',
    async (type, formality, stage) => {
      const asker = new AnsweringAsker(true);
      const reports: string[] = [];
      const s = interviewSession(asker, planText(type, formality, stage), m, {
        writeGapReport: async () => {
          const assessed = s.options.commit(s.saves.at(-1)!);
          if (!assessed.ok) throw new Error(assessed.problem);
          for (const format of ['markdown', 'text'] as const) reports.push(renderGapReport(assessed.assessment, m, format, '0.0.0'));
          return 'plan.gaps.md';
        },
      });
      await runInterview(asker, s.options);
      expect(asker.eventsOf('feedback').length).toBeGreaterThan(10);
      expect(reports).toHaveLength(2);
      expect([...asker.shown, ...reports].flatMap((text) => leaks('interview', text))).toEqual([]);
    },
    60_000,
  );
});
