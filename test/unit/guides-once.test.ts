// A Markdown or HTML report of several plans writes each guide once, where a reader meets it first, and
// refers back to it from every later gap of the same item.
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/report/formatters.js';
import { formatRun, plainPainter, type PlanResult, type RunResult } from '../../src/report/types.js';
import { builtinMethodology, judgedExample } from '../helpers.js';

const m = builtinMethodology();
const context = { toolVersion: '9.9.9', paint: plainPainter };
const thresholds = { failOn: 'blocker' as const };

// Plan 3 is plan 1 again under another name: every one of its gaps was met before.
const plans = [
  judgedExample(m, 'forum-only'),
  judgedExample(m, 'halfway'),
  judgedExample(m, 'forum-only', 'examples/forum-only-again.yaml'),
];
const run: RunResult = { command: 'lint', plans, thresholds };
const gapIds = (p: PlanResult) => p.assessment.gaps;
const distinct = new Set(plans.flatMap(gapIds));

/** The Markdown's plan sections, by plan number. */
function markdownSections(md: string): string[] {
  return md.split(/^## .*\(plan \d+\)$/m).slice(1);
}

describe('guides in a report of several plans', () => {
  it('Markdown: each guide once, at its first gap; later gaps name the plan that holds it', () => {
    const md = formatRun(FORMATTERS.markdown, run, context);
    const summaries = [...md.matchAll(/<summary>Guide to ([^<]+)<\/summary>/g)].map((x) => x[1]);
    expect(new Set(summaries).size).toBe(summaries.length);
    expect(new Set(summaries)).toEqual(distinct);
    const sections = markdownSections(md);
    expect(sections).toHaveLength(3);
    expect(sections[2]).not.toContain('<details>');
    for (const [n, section] of sections.entries()) {
      for (const ref of section.matchAll(/\*\*Guide:\*\* given in full under plan (\d+)/g)) {
        const at = Number(ref[1]);
        expect(at).toBeLessThan(n + 1);
        expect(sections[at - 1]).toContain('<details>');
      }
    }
    // Every gap of plan 3 refers to plan 1, where all of them were written.
    expect([...sections[2]!.matchAll(/given in full under plan 1\b/g)]).toHaveLength(gapIds(plans[2]!).length);
  });

  it('HTML: each guide once, with an id that every later gap of its item links to', () => {
    const html = formatRun(FORMATTERS.html, run, context);
    const ids = [...html.matchAll(/<details class="guide" id="(guide-\d+)">/g)].map((x) => x[1]!);
    expect(ids).toHaveLength(distinct.size);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...html.matchAll(/<details class="guide"/g)]).toHaveLength(ids.length);
    const links = [...html.matchAll(/<a href="#(guide-\d+)">The guide to <code>([^<]+)<\/code><\/a>, given in full above\./g)];
    expect(links.length).toBe(plans.flatMap(gapIds).length - distinct.size);
    for (const [, id, item] of links) {
      expect(ids).toContain(id);
      // The link's target is the guide to the same item.
      expect(html).toContain(`<details class="guide" id="${id}"><summary>Guide to <code>${item}</code></summary>`);
    }
    const third = html.slice(html.indexOf('id="plan-3"'));
    expect(third).not.toContain('<details class="guide"');
  });

  it('a report of one plan, and a run with --guide-url, are as before: no reference back', () => {
    const one = formatRun(FORMATTERS.markdown, { command: 'report', plans: [plans[0]!] }, context);
    expect([...one.matchAll(/<summary>Guide to /g)]).toHaveLength(gapIds(plans[0]!).length);
    const html = formatRun(FORMATTERS.html, { command: 'report', plans: [plans[0]!] }, context);
    expect(html).not.toMatch(/id="guide-|given in full/);
    const linked = formatRun(FORMATTERS.markdown, run, { ...context, guideUrl: 'https://acme.example/guide' });
    expect(linked).not.toMatch(/<details>|given in full/);
    expect([...linked.matchAll(/\*\*Full guide:\*\*/g)]).toHaveLength(plans.flatMap(gapIds).length);
  });
});
