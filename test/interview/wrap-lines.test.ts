import { describe, expect, it } from 'vitest';
import { visibleWidth, wrapLines } from '../../src/interview/wrap-lines.js';

const LINE = 'Quick path: the points that decide your level (up to Operating safely), 18 questions, about 6 min. More is offered after.';
const BULLET = '  • Newcomers are greeted within 72 hours, by name, by someone from the roster: not met yet. Still: name the greeters.';

describe("commready's own lines at any width", () => {
  it('break only between words, fit the width, and keep every word whole, from 20 to 120 columns', () => {
    for (let width = 20; width <= 120; width++) {
      for (const text of [LINE, BULLET]) {
        const lines = wrapLines(text, width).split('\n');
        for (const line of lines) expect(visibleWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
        expect(lines.join(' ').split(/\s+/).filter(Boolean)).toEqual(text.split(/\s+/).filter(Boolean));
      }
    }
  });

  it('hangs a list entry under its text, and ignores colour codes when measuring', () => {
    expect(wrapLines(BULLET, 40).split('\n').slice(1)).toEqual(expect.arrayContaining([expect.stringMatching(/^ {4}\S/)]));
    const coloured = `\u001b[1m${LINE}\u001b[22m`;
    expect(wrapLines(coloured, 60).replace(/\u001b\[[0-9;]*m/g, '')).toBe(wrapLines(LINE, 60));
  });

  it('leaves a line as it is where the width is unknown', () => {
    expect(wrapLines(LINE, undefined)).toBe(LINE);
  });
});
