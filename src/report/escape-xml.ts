// XML 1.0 escaping: markup characters as entities; characters XML 1.0 forbids (C0 controls, lone surrogates,
// U+FFFE/U+FFFF) and those that mislead a reader (C1, bidi and other invisible characters) replaced by visible
// escapes, not encoded; workflow commands (a file printed to a CI log) defused with character references.
import { defuseCommands, showControls } from '../text/sanitize.js';

const XML_ESCAPE = (ch: ':' | '#'): string => `&#${ch.charCodeAt(0)};`;

/** Text for an element body: line breaks kept, tabs shown as `\t` (no byte below 0x20 but LF). */
export function escapeXmlText(text: string): string {
  return defuseCommands(
    showControls(text, { newlines: true }).replace(/[&<>]/g, (ch) => ENTITY[ch]!),
    XML_ESCAPE,
  );
}

/** Text for an attribute value in double quotes: line breaks kept as character references. */
export function escapeXmlAttribute(text: string): string {
  return defuseCommands(
    showControls(text, { newlines: true }).replace(/[&<>"'\n]/g, (ch) => ENTITY[ch]!),
    XML_ESCAPE,
  );
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;' };
