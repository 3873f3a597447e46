// Text a format needs only at its end (an HTML page's articles, SARIF's results) is set aside in a temporary
// file by the command line's writer: the output must be the same as a run held in memory, and the temporary
// file must be gone on every way out (a finished run, a run stopped by an error).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { withLintDetails } from '../../src/report/lint-details.js';
import { formatRun, FORMATS, joinOutput, plainPainter, type FormatPart, type RunResult } from '../../src/report/types.js';
import { openOutputs } from '../../src/cli/write-outputs.js';
import { openSpoolFile } from '../../src/io/spool-file.js';
import type { CliIo } from '../../src/cli/io.js';
import { miniMethodology, planFromYaml, validation } from '../helpers.js';

const m = miniMethodology();
const thresholds = { failOn: 'blocker' as const };

/** Seven plans, passing and failing in turn, so a page has an overview and a log has results from several plans. */
function lintRun(): RunResult {
  const plans = Array.from({ length: 7 }, (_, i) => {
    const name = i % 2 === 0 ? 'mini-empty' : 'mini-complete';
    const file = `test/fixtures/plans/${name}.yaml`;
    const assessment = assessPlan(planFromYaml(readFileSync(file, 'utf8'), m, `plans/${i}/${name}.yaml`), m, validation, {
      today: '2026-07-01',
    });
    return { assessment, methodology: m, verdict: judgePlan(assessment, m, thresholds) };
  });
  return { command: 'lint', plans, thresholds };
}

let spoolDir: string;
let savedTmpdir: string | undefined;
beforeEach(() => {
  savedTmpdir = process.env.TMPDIR;
  spoolDir = mkdtempSync(path.join(tmpdir(), 'commready-spool-test-'));
  process.env.TMPDIR = spoolDir;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(spoolDir, { recursive: true, force: true });
});

function captureIo(): { io: CliIo; text: () => string } {
  let out = '';
  return {
    io: { stdout: (t) => (out += t), stderr: () => undefined, env: {}, today: () => '2026-07-01' },
    text: () => out,
  };
}

describe('the writer sets text aside in a temporary file and brings it back unchanged', () => {
  it.each(['html', 'sarif'] as const)('%s: the same text as the run held in memory, and no temporary file left', (format) => {
    const run = lintRun();
    const held = formatRun(FORMATTERS[format], run, { toolVersion: '9.9.9', paint: plainPainter, cwd: process.cwd() });
    const { io, text } = captureIo();
    const outputs = openOutputs({ command: 'lint', thresholds, expected: run.plans.length }, [{ format }], io, plainPainter, '9.9.9', {});
    for (const plan of run.plans) outputs.plan(withLintDetails(plan));
    // Open, yet without a name in the temporary folder: nothing to leave behind if the process dies now.
    expect(readdirSync(spoolDir)).toEqual([]);
    outputs.end({ notChecked: 0 });
    expect(text()).toBe(held);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('a run stopped part way removes its temporary file and leaves the target as it was', () => {
    const run = lintRun();
    const target = path.join(spoolDir, 'report.html');
    writeFileSync(target, 'the old page\n');
    const { io } = captureIo();
    const outputs = openOutputs({ command: 'lint', thresholds }, [{ format: 'html', file: target }], io, plainPainter, '9.9.9', {});
    for (const plan of run.plans.slice(0, 4)) outputs.plan(withLintDetails(plan));
    outputs.abort();
    expect(readFileSync(target, 'utf8')).toBe('the old page\n');
    expect(readdirSync(spoolDir)).toEqual(['report.html']);
  });

  it('HTML and SARIF set aside every article and every kept result; the end puts them back in order', () => {
    const run = lintRun();
    for (const format of ['html', 'sarif'] as const) {
      const texts: string[] = [];
      const setAside = (text: string): FormatPart => ({ setAside: texts.push(text) - 1 });
      const writer = FORMATTERS[format]({ command: 'lint', thresholds }, { toolVersion: '9.9.9', paint: plainPainter, setAside });
      for (const plan of run.plans) expect(writer.plan(withLintDetails(plan))).toBe('');
      const end = writer.end({ notChecked: 0 });
      expect(texts.length).toBeGreaterThanOrEqual(format === 'html' ? run.plans.length : 1);
      const parts = typeof end === 'string' ? [end] : end;
      const refs = parts.flatMap((p) => (typeof p === 'string' ? [] : [p.setAside]));
      expect(refs).toEqual([...refs].sort((a, b) => a - b));
      const rebuilt = parts.map((p) => (typeof p === 'string' ? p : texts[p.setAside]!)).join('');
      expect(rebuilt).toBe(formatRun(FORMATTERS[format], run, { toolVersion: '9.9.9', paint: plainPainter }));
      // Without the writer that holds them, set-aside parts cannot be joined: a bug, said as one.
      expect(() => joinOutput(end)).toThrow(/set aside/);
    }
  });

  it('every other format needs nothing set aside', () => {
    const run = lintRun();
    for (const format of FORMATS.filter((f) => f !== 'html' && f !== 'sarif')) {
      const setAside = (): FormatPart => {
        throw new Error(`${format} set text aside`);
      };
      const writer = FORMATTERS[format]({ command: 'lint', thresholds }, { toolVersion: '9.9.9', paint: plainPainter, setAside });
      for (const plan of run.plans) writer.plan(withLintDetails(plan));
      expect(() => writer.end({ notChecked: 0 })).not.toThrow();
    }
  });
});

describe('the spool file', () => {
  it('gives back each piece by its number, in any order, across write batches and in UTF-8', () => {
    const spool = openSpoolFile();
    try {
      const pieces = ['first', '', 'é ü — 💡 set aside', 'x'.repeat(1_500_000), 'after the batch'];
      const numbers = pieces.map((p) => spool.add(p));
      expect(numbers).toEqual([0, 1, 2, 3, 4]);
      for (const i of [4, 2, 0, 3, 1]) expect(spool.read(i).toString('utf8')).toBe(pieces[i]);
      expect(spool.add('added after reading')).toBe(5);
      expect(spool.read(5).toString('utf8')).toBe('added after reading');
      expect(() => spool.read(6)).toThrow(RangeError);
      expect(readdirSync(spoolDir)).toEqual([]);
    } finally {
      spool.close();
      spool.close();
    }
  });
});
