/// <reference lib="dom" />
// The HTML report in a real headless browser: Debian's Chromium, driven by playwright-core. It renders without
// a console error or a request, axe-core finds no serious or critical accessibility violation, it prints on
// A4 and Letter without spilling over the page's width, and its first screen matches a committed reference
// within a tolerance. CI installs Chromium (.ci/run); without it here, the tests are skipped, saying why.
import { formatRun } from '../../src/report/types.js';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import type { BrowserContext, Page } from 'playwright-core';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { plainPainter, type RunResult } from '../../src/report/types.js';
import { builtinMethodology, planFromYaml, validation } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
// CI installs Chromium (.ci/run): there a missing browser fails the tests instead of skipping them.
const HAVE_CHROMIUM = existsSync(CHROMIUM) || Boolean(process.env.CI);
/** The launch the project uses everywhere: no network of its own, no profile, no GPU. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const REFERENCE = 'test/golden/html-report.png';
/** Share of pixels that may differ from the reference (anti-aliasing, font hinting), and pixelmatch's colour threshold. */
const MAX_DIFF_SHARE = 0.01;

const methodology = builtinMethodology();

function reportOf(example: string, command: 'report' | 'lint' = 'report'): string {
  const file = `examples/${example}.yaml`;
  const assessment = assessPlan(planFromYaml(readFileSync(file, 'utf8'), methodology, file), methodology, validation, {
    today: '2026-11-25',
  });
  const run: RunResult =
    command === 'lint'
      ? {
          command,
          plans: [{ assessment, methodology, verdict: judgePlan(assessment, methodology, { failOn: 'blocker' }) }],
          thresholds: { failOn: 'blocker' },
        }
      : { command, plans: [{ assessment, methodology }] };
  return formatRun(FORMATTERS.html, run, { toolVersion: '9.9.9', paint: plainPainter, cwd: process.cwd() });
}

describe.skipIf(!HAVE_CHROMIUM)(
  `the HTML report in headless Chromium${HAVE_CHROMIUM ? '' : ` (skipped: ${CHROMIUM} is not installed; CI installs it)`}`,
  () => {
    let context: BrowserContext;
    let dir: string;
    const files: Record<string, string> = {};

    beforeAll(async () => {
      const { chromium } = await import('playwright-core');
      dir = mkdtempSync(path.join(os.tmpdir(), 'commready-html-'));
      for (const [name, example, command] of [
        ['halfway', 'halfway', 'report'],
        ['forum-only', 'forum-only', 'lint'],
        ['open-source', 'open-source', 'report'],
      ] as const) {
        files[name] = path.join(dir, `${name}.html`);
        writeFileSync(files[name]!, reportOf(example, command));
      }
      // A fresh profile each run, so that nothing a previous run left changes what is shown.
      context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: ARGS,
        viewport: { width: 1000, height: 1300 },
        deviceScaleFactor: 1,
        colorScheme: 'light',
        reducedMotion: 'reduce',
      });
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function open(name: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${files[name]}`, { waitUntil: 'load' });
      return { page, errors, requests };
    }

    it('renders without a console error, a script or a request beyond the file itself', async () => {
      for (const name of Object.keys(files)) {
        const { page, errors, requests } = await open(name);
        expect(errors, name).toEqual([]);
        expect(requests, name).toEqual([`file://${files[name]}`]);
        expect(await page.locator('script').count()).toBe(0);
        // The level and the phase chart are inline SVG, each with a text alternative.
        const pictures = await page
          .locator('svg[role="img"]')
          .evaluateAll((svgs) => svgs.map((svg) => document.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''));
        expect(pictures.length, name).toBe(2);
        for (const text of pictures) expect(text.length).toBeGreaterThan(20);
        await page.close();
      }
    }, 60_000);

    it('has headings in order, one h1, and axe-core finds no serious or critical violation', async () => {
      const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      for (const name of Object.keys(files)) {
        const { page } = await open(name);
        const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
        expect(levels.filter((l) => l === 1)).toHaveLength(1);
        for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `${name} heading ${i}`).toBeLessThanOrEqual(1);
        // axe is evaluated through the debugging protocol, which the page's script-free policy does not govern.
        await page.evaluate(axe);
        const violations = await page.evaluate(async () => {
          const result = await (
            window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
          ).axe.run();
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
        });
        expect(
          violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
          `${name}: ${JSON.stringify(violations)}`,
        ).toEqual([]);
        await page.close();
      }
    }, 120_000);

    it('prints on A4 and on Letter, never wider than the page', async () => {
      const { page } = await open('halfway');
      await page.emulateMedia({ media: 'print' });
      // The printable width of each paper, margins of the report's @page rule taken off (12 mm each side).
      for (const [paper, widthMm] of [
        ['A4', 210],
        ['Letter', 215.9],
      ] as const) {
        const px = Math.floor(((widthMm - 24) / 25.4) * 96);
        await page.setViewportSize({ width: px, height: 1000 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, paper).toBeLessThanOrEqual(0);
        const pdf = await page.pdf({ format: paper, printBackground: true });
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
        expect(pages, paper).toBeGreaterThan(1);
        expect(pages, paper).toBeLessThan(60);
      }
      await page.close();
    }, 60_000);

    it('looks like the committed reference (the first screen: title, level, scores and phase chart)', async () => {
      const { page } = await open('halfway');
      const shot = PNG.sync.read(await page.screenshot({ clip: { x: 0, y: 0, width: 1000, height: 1300 } }));
      await page.close();
      if (process.env.UPDATE_GOLDEN || !existsSync(REFERENCE)) {
        if (!process.env.UPDATE_GOLDEN) throw new Error(`${REFERENCE} is missing: run with UPDATE_GOLDEN=1 and review it`);
        writeFileSync(REFERENCE, PNG.sync.write(shot));
      }
      const reference = PNG.sync.read(readFileSync(REFERENCE));
      expect([shot.width, shot.height]).toEqual([reference.width, reference.height]);
      const diff = new PNG({ width: shot.width, height: shot.height });
      const differing = pixelmatch(reference.data, shot.data, diff.data, shot.width, shot.height, { threshold: 0.1 });
      if (differing / (shot.width * shot.height) > MAX_DIFF_SHARE)
        writeFileSync(path.join(os.tmpdir(), 'commready-html-diff.png'), PNG.sync.write(diff));
      expect(
        differing / (shot.width * shot.height),
        `differing pixels (diff image in ${os.tmpdir()}/commready-html-diff.png)`,
      ).toBeLessThanOrEqual(MAX_DIFF_SHARE);
    }, 60_000);
  },
);
