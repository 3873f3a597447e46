// The registry of output formats; adding a format fails to compile until it is registered here.
import { formatGithub } from './format-github.js';
import { formatJson } from './format-json.js';
import { formatText } from './format-text.js';
import { formatMarkdown } from './format-markdown.js';
import { formatSarif } from './format-sarif.js';
import { formatJunit } from './format-junit.js';
import { formatBadge } from './format-badge.js';
import { formatMarkdownCompact } from './format-markdown-compact.js';
import { formatGitlab } from './format-gitlab.js';
import { formatHtml } from './format-html.js';
import type { Format, Formatter } from './types.js';

export const FORMATTERS = {
  text: formatText,
  json: formatJson,
  markdown: formatMarkdown,
  sarif: formatSarif,
  junit: formatJunit,
  badge: formatBadge,
  github: formatGithub,
  'markdown-compact': formatMarkdownCompact,
  gitlab: formatGitlab,
  html: formatHtml,
} as const satisfies Record<Format, Formatter>;

export function isFormat(name: string): name is Format {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}
