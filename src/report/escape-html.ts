// HTML escaping of input text, for the HTML report and the few HTML elements Markdown reports use
// (`<details>`, `<summary>`): markup characters as entities, controls and bidi characters as visible
// escapes, and no GitHub workflow command (`::` at a line's start, `##[` anywhere) left readable to a runner.
import { defuseCommands, showControls } from '../text/sanitize.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML character data or an attribute value: renders as the text itself, never as markup. */
export function escapeHtml(text: string): string {
  const shown = showControls(text, { newlines: true }).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
  return defuseCommands(shown, (ch) => (ch === ':' ? '&#58;' : '&#35;'));
}

/**
 * escapeHtml, for an HTML element inside Markdown (`<summary>`): Markdown's own punctuation as entities too,
 * so that no renderer that reads Markdown inside it finds a link or emphasis there.
 */
export function escapeHtmlInMarkdown(text: string): string {
  return escapeHtml(text).replace(/[[\]()\\`*_|~!]/g, (c) => `&#${c.charCodeAt(0)};`);
}
