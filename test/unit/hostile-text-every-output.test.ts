// Every hostile string of the issue (controls, C1, bidi overrides, workflow commands old and new, a
// percent-encoded newline, ESC and OSC sequences, zero-width characters, Markdown and HTML) put in a key,
// a value and a file name, through every output: every format of report and lint (colour on and off),
// lint's step summary, diff as text and Markdown, explain, guide, checklists, docs and validate-checklists,
// and their error lines. The interview's rendering has its own test (test/interview/inquirer-asker-escapes.test.ts).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { FORMATS } from '../../src/report/types.js';
import { HOSTILE_STRINGS, unsafeParts } from '../output-safety-check.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-every-output-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Markup a hostile string carries that must never be live in Markdown: HTML, a script link, bare URLs that would autolink. */
const LIVE_MARKDOWN = [/(?<!\\)<img/, /(?<!\\)\]\(javascript:/, /https:\/\/evil/, /www\.evil/];

/** Runs one command in-process; what it printed, and the step summary it appended. */
async function run(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, today: () => '2026-07-01', columns: 80 };
  const code = await main(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Checks one output: nothing raw that acts on a terminal or a runner; Markdown with no live markup. */
function expectSafe(what: string, text: string, options: { colour?: boolean; markdown?: boolean; github?: boolean } = {}): void {
  if (options.github) {
    for (const line of text.trimEnd().split('\n'))
      expect(line, what).toMatch(
        /^(::(error|warning|notice) file=[^,\n]*,line=\d+,col=\d+,title=[^,:\n]*::|::notice title=commready::|commready: )/,
      );
    expect(unsafeParts(text.replace(/^::(error|warning|notice) /gm, '')), what).toEqual([]);
  } else expect(unsafeParts(text, options.colour), what).toEqual([]);
  if (options.markdown) for (const live of LIVE_MARKDOWN) expect(text, `${what}: ${live}`).not.toMatch(live);
}

/** A copy of the mini methodology with `text` in a phase's title, an item's title, guidance and question. */
function methodologyWith(dir: string, text: string): string {
  cpSync('test/fixtures/mini', dir, { recursive: true });
  const phase = path.join(dir, 'first.yaml');
  const quoted = JSON.stringify(text);
  writeFileSync(
    phase,
    readFileSync(phase, 'utf8')
      .replace('title: First phase', () => `title: ${quoted}`)
      .replace('title: A purpose is written', () => `title: ${quoted}`)
      .replace('guidance: Write it.', () => `guidance: ${quoted}`)
      .replace('message: Why does it exist?', () => `message: ${quoted}`),
  );
  return dir;
}

/**
 * Each hostile string on its own in the full run; in the fast loop all of them at once, in one string,
 * so that every part still goes through every output (a file name then holds only the first of them).
 */
const CASES: readonly (readonly [string, string])[] =
  process.env.COMMREADY_TEST_LOOP === 'fast'
    ? [['every hostile string at once', Object.values(HOSTILE_STRINGS).join(' ')]]
    : Object.entries(HOSTILE_STRINGS);

describe('hostile text in every output', () => {
  it('never reaches any output raw, as a key, a value or a file name', async () => {
    let n = 0;
    for (const [what, hostile] of CASES) {
      const dir = path.join(tmp, String(n++));
      const methodology = methodologyWith(dir, hostile);
      const MINI = ['--checklists', methodology, '--today', '2026-07-01'];
      // A file name can hold anything but '/' and NUL, within 255 bytes.
      const file = path.join(dir, `${hostile.replace(/[/\u0000]/g, '_').slice(0, 80)}.yaml`);
      writeFileSync(
        file,
        stringify({
          community: { name: hostile, type: 'customer' },
          custom: { purpose: `${hostile} and more words`, people: [hostile, 'Bo', 'Cy'], host: hostile, [hostile]: hostile },
          assessment: {
            'first.values': { status: 'n/a', note: hostile },
            'second.review': { status: 'unmet', waiver: { reason: hostile, expires: '2026-12-31' } },
          },
        }),
      );
      const withKey = path.join(dir, 'key.yaml');
      writeFileSync(withKey, stringify({ community: { name: 'X' }, assessment: { [hostile]: { status: 'met' } }, [hostile]: 1 }));

      for (const command of ['report', 'lint']) {
        for (const format of FORMATS) {
          const r = await run([command, file, ...MINI, '--format', format]);
          expect(r.code, `${what}: ${command} ${format}: ${r.stderr}`).toBeLessThan(2);
          expectSafe(`${what}: ${command} --format ${format}`, r.stdout, { markdown: format === 'markdown', github: format === 'github' });
          if (format === 'json') expect(JSON.parse(r.stdout).plans[0].community.name).toBe(hostile);
          if (format === 'sarif') expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
        }
        const coloured = await run([command, file, ...MINI, '--color']);
        expectSafe(`${what}: ${command} --color`, coloured.stdout, { colour: true });
        const key = await run([command, withKey, ...MINI]);
        expect(key.code, `${what}: ${command} with a hostile key`).toBe(2);
        expect(key.stderr.split('\n').filter(Boolean).length, what).toBeGreaterThanOrEqual(2);
        expectSafe(`${what}: ${command}'s error lines`, key.stderr);
      }

      const summary = path.join(dir, 'summary.md');
      writeFileSync(summary, '');
      await run(['lint', file, ...MINI, '--format', 'github'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
      expect(readFileSync(summary, 'utf8'), what).toMatch(/^## commready lint/);
      expectSafe(`${what}: the step summary`, readFileSync(summary, 'utf8'), { markdown: true });

      // diff: a file name, titles and gap ids (keys of the report) from the reports.
      const report = JSON.parse((await run(['report', file, ...MINI, '--format', 'json'])).stdout) as {
        plans: { items: { id: string; title: string; severity?: string }[]; gaps: string[] }[];
      };
      const later = structuredClone(report);
      // An item the table has no row for carries its own fields (schema version 2).
      later.plans[0]!.items.push({ ...later.plans[0]!.items[0]!, id: hostile, title: hostile, severity: 'major' });
      later.plans[0]!.gaps.push(hostile);
      const before = path.join(dir, 'before.json');
      const after = path.join(dir, 'after.json');
      writeFileSync(before, JSON.stringify(report));
      writeFileSync(after, JSON.stringify(later));
      for (const format of ['text', 'markdown']) {
        const d = await run(['diff', before, after, '--format', format]);
        expect(d.code, `${what}: diff ${format}: ${d.stderr}`).toBe(0);
        expect(d.stdout, what).toMatch(/new gaps|New gaps/);
        expectSafe(`${what}: diff --format ${format}`, d.stdout, { markdown: format === 'markdown' });
      }

      for (const args of [['explain', 'first.purpose'], ['guide', 'first'], ['guide'], ['checklists'], ['docs'], ['explain', hostile]]) {
        const r = await run([...args, '--checklists', methodology]);
        // docs renders the methodology's own Markdown (its guidance is Markdown by design): only what acts is checked.
        expectSafe(`${what}: ${args[0]}`, r.stdout);
        expectSafe(`${what}: ${args[0]}'s error lines`, r.stderr);
      }
      const checked = await run(['validate-checklists', methodology]);
      expect(checked.code, `${what}: ${checked.stderr}`).toBe(0);
      expectSafe(`${what}: validate-checklists`, checked.stdout + checked.stderr);
    }
  }, 120_000);
});
