// An item's guide in Markdown: collapsible (`<details>`) so that a report carries every guide it refers to
// without a link to a file the reader lacks; or a link, when a published copy's address is given.
import { escapeMarkdown, markdownCode, safeLinkTarget, wrapMarkdown } from './escape-markdown.js';
import { escapeHtmlInMarkdown } from './escape-html.js';
import type { GuideBlock } from './report-view.js';
import { defuseCommands, escapeCodePoint, showControls } from '../text/sanitize.js';

/**
 * markdownlint's default rules, as a comment at the end of a report that holds guides: the two HTML
 * elements a guide needs, and code examples whose lines may be long.
 */
export const MARKDOWNLINT_GUIDES = [
  '<!-- markdownlint-configure-file {',
  '  "no-inline-html": { "allowed_elements": ["details", "summary"] },',
  '  "line-length": { "code_blocks": false }',
  '} -->',
].join('\n');

/** The guide's address: the base `--guide-url` gave, with the item's anchor; undefined if it cannot be a safe link. */
export function guideLink(guideUrl: string, anchor: string): string | undefined {
  return safeLinkTarget(`${guideUrl}#${anchor}`);
}

/** The guide as Markdown blocks (each a list of lines) indented by `indent`. */
export function markdownGuideBlocks(blocks: readonly GuideBlock[], indent: string): string[][] {
  return blocks.map((block): string[] => {
    switch (block.kind) {
      case 'paragraph':
        return wrapMarkdown(indent, escapeMarkdown(block.text), indent);
      case 'ordered':
      case 'bullets':
        return block.items.flatMap((item, i) => {
          const marker = block.kind === 'ordered' ? `${i + 1}. ` : '- ';
          return wrapMarkdown(`${indent}${marker}`, escapeMarkdown(item), indent + ' '.repeat(marker.length));
        });
      case 'code': {
        let longest = 2;
        for (const line of block.lines) for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
        const fence = '`'.repeat(longest + 1);
        const language = /^[A-Za-z0-9+-]{1,20}$/.test(block.language) ? block.language : 'text';
        return [
          `${indent}${fence}${language}`,
          // A code line is shown as it is, but can never be read as a workflow command by a runner.
          ...block.lines.map((l) => `${indent}${defuseCommands(showControls(l), escapeCodePoint)}`.trimEnd()),
          `${indent}${fence}`,
        ];
      }
    }
  });
}

/**
 * The guide of one item, collapsed under a summary line, indented by `indent` (inside a list item), as
 * the lines that follow the item's own: each block after an empty line. A guide is shared by the plans
 * whose gaps it explains, and so is its Markdown, made once.
 */
export function collapsibleGuide(itemId: string, blocks: readonly GuideBlock[], indent: string): string {
  let byPlace = renderedGuides.get(blocks);
  if (!byPlace) renderedGuides.set(blocks, (byPlace = new Map()));
  const key = `${indent}\u0000${itemId}`;
  let rendered = byPlace.get(key);
  if (rendered === undefined) {
    rendered = renderCollapsibleGuide(itemId, blocks, indent)
      .flatMap((block) => ['', ...block])
      .join('\n');
    byPlace.set(key, rendered);
  }
  return rendered;
}

/** Guides made into Markdown, by their blocks (kept while the blocks are) and then by indent and item. */
const renderedGuides = new WeakMap<readonly GuideBlock[], Map<string, string>>();

function renderCollapsibleGuide(itemId: string, blocks: readonly GuideBlock[], indent: string): string[][] {
  if (blocks.length === 0) return [];
  return [
    // A summary cannot wrap: a plain id is named, any other is left to the section's heading.
    [
      `${indent}<details><summary>${/^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$/.test(itemId) ? `Guide to ${escapeHtmlInMarkdown(itemId)}` : 'Guide to this item'}</summary>`,
    ],
    ...markdownGuideBlocks(blocks, indent),
    [`${indent}</details>`],
  ];
}

/**
 * Where each guide of a run was first written in full. A plan's gap carries its item's guide, so a run of
 * many plans wrote the same guides over and over (three quarters of a Markdown report of 1,000 plans): a
 * run of several plans writes each once and refers back to it. Keyed by item and guide, so two
 * methodologies' guides to one id are told apart; a run holds one entry per guide.
 */
export class GuidesWritten<Place> {
  private readonly first = new Map<readonly GuideBlock[], Map<string, Place>>();

  /** Where the guide to `itemId` was written, and whether this is the first time (then at `here()`). */
  placeOf(itemId: string, blocks: readonly GuideBlock[], here: () => Place): { place: Place; first: boolean } {
    let byItem = this.first.get(blocks);
    if (!byItem) this.first.set(blocks, (byItem = new Map()));
    const place = byItem.get(itemId);
    if (place !== undefined) return { place, first: false };
    const made = here();
    byItem.set(itemId, made);
    return { place: made, first: true };
  }
}

/** A run of several plans: the guides written so far, and where one written in full now would be. */
export interface SharedGuides {
  guides: GuidesWritten<string>;
  here: () => string;
}

/**
 * Where the gap's guide was written in full (`first` when that is here, now), or undefined when it is
 * written in full without a place: a report of one plan, or a gap without a guide.
 */
export function guidePlace(shared: SharedGuides | undefined, g: { itemId: string; guide: readonly GuideBlock[] }) {
  return shared && g.guide.length > 0 ? shared.guides.placeOf(g.itemId, g.guide, shared.here) : undefined;
}

/** "Full guide" as a link to the published guide. */
export function guideLinkLine(itemId: string, link: string): string {
  return `[${markdownCode(itemId)} in the methodology guide](${link})`;
}
