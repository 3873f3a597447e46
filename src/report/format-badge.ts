// An SVG readiness badge in the shields.io "flat" style: label on grey, level and score on a colour by score;
// the width follows the text, every text is XML-escaped and cut to a badge's length.
import { escapeXmlAttribute, escapeXmlText } from './escape-xml.js';
import { singleLine, truncate } from '../text/sanitize.js';
import type { Formatter, PlanResult } from './types.js';

/** Score thresholds and colours, from shields.io's palette. */
const COLOURS: readonly (readonly [number, string])[] = [
  [90, '#4c1'],
  [75, '#97ca00'],
  [50, '#dfb317'],
  [25, '#fe7d37'],
  [0, '#e05d44'],
];

/** One badge for the run: its lowest score, the first plan with it when several share it. */
export const formatBadge: Formatter = () => {
  let plans = 0;
  let worst: { score: number; message: string } | undefined;
  return {
    plan(plan) {
      plans++;
      if (!worst || plan.assessment.score < worst.score) worst = { score: plan.assessment.score, message: badgeMessage(plan) };
      return '';
    },
    end() {
      const label = plans > 1 ? `readiness (${plans} plans, lowest)` : 'readiness';
      if (!worst) return renderBadge(label, 'no plan', '#9f9f9f');
      return renderBadge(label, worst.message, colourFor(worst.score));
    },
  };
};

export function badgeMessage(plan: PlanResult): string {
  const a = plan.assessment;
  return `level ${a.level.index} ${truncate(singleLine(a.level.title), 24)} · ${a.score}/100`;
}

export function colourFor(score: number): string {
  return COLOURS.find(([min]) => score >= min)?.[1] ?? '#e05d44';
}

/**
 * Approximate advance widths of Verdana at 11px (shields.io's font), in pixels; characters not listed take
 * the width of a capital, so that the badge errs wide rather than clipping.
 */
const NARROW = new Set([..."ijl.,:;|!'’ "]);
const SLIGHT = new Set([...'frt()[]{}/\\-`I']);
const WIDE = new Set([...'mwMW@%']);

export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) width += ch === ' ' ? 3.9 : 3.6;
    else if (SLIGHT.has(ch)) width += 4.8;
    else if (WIDE.has(ch)) width += 10.6;
    else if (/[a-z0-9]/.test(ch)) width += 6.9;
    else width += 7.6;
  }
  return Math.ceil(width);
}

function renderBadge(label: string, message: string, colour: string): string {
  const left = textWidth(label) + 10;
  const right = textWidth(message) + 10;
  const total = left + right;
  const aria = `${label}: ${message}`;
  // Text is drawn at ten times the size and scaled down, as shields.io does, for crisper rendering.
  const text = (content: string, centre: number, width: number) => [
    `    <text aria-hidden="true" x="${centre * 10}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="${(width - 10) * 10}">${escapeXmlText(content)}</text>`,
    `    <text x="${centre * 10}" y="140" transform="scale(.1)" fill="#fff" textLength="${(width - 10) * 10}">${escapeXmlText(content)}</text>`,
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${escapeXmlAttribute(aria)}">`,
    `  <title>${escapeXmlText(aria)}</title>`,
    '  <linearGradient id="s" x2="0" y2="100%">',
    '    <stop offset="0" stop-color="#bbb" stop-opacity=".1"/>',
    '    <stop offset="1" stop-opacity=".1"/>',
    '  </linearGradient>',
    '  <clipPath id="r">',
    `    <rect width="${total}" height="20" rx="3" fill="#fff"/>`,
    '  </clipPath>',
    '  <g clip-path="url(#r)">',
    `    <rect width="${left}" height="20" fill="#555"/>`,
    `    <rect x="${left}" width="${right}" height="20" fill="${colour}"/>`,
    `    <rect width="${total}" height="20" fill="url(#s)"/>`,
    '  </g>',
    '  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">',
    ...text(label, left / 2, left),
    ...text(message, left + right / 2, right),
    '  </g>',
    '</svg>',
    '',
  ].join('\n');
}
