// Markdown a methodology's author wrote (guides, why-texts, titles, questions), made safe to publish while it
// stays Markdown: emphasis, lists, code spans and fences, and links to http(s) or within the page are kept;
// raw HTML, mentions and issue references, script links, controls, bidi characters and workflow commands
// are not. escapeMarkdown cannot serve here: it would escape the author's markup too.
import { defuseCommands, escapeCodePoint, isPlainAscii, isUnsafeChar } from '../text/sanitize.js';

/** An HTML comment with no text: after `@` or `#` it keeps GitHub from reading a mention or a reference. */
const EMPTY_COMMENT = '<!---->';
/** A fence opening or closing a code block: up to three spaces, then three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A link reference definition (`[label]: target`), whose target may also stand on the next line. */
const DEFINITION = /^\[(?:[^\]\\]|\\.)*\]:[ \t]*(\S*)/;
/** The `##` of a command GitHub's, Azure's or TeamCity's runner reads anywhere in a line. */
const ANYWHERE_COMMAND = /##(?=\[|vso\[|teamcity\[)/g;

/**
 * Multi-line Markdown from a methodology as Markdown that renders as its author meant it, and nothing more:
 * outside code, `<` is `&lt;` (no raw HTML, no autolink), `@name` and `#123` are broken by an empty comment,
 * a numeric character reference is shown as written, and a link to anything but http(s), the page or a
 * relative path is left as text; everywhere, controls and invisible characters are visible escapes, tabs
 * are spaces and no line can be read as a workflow command.
 */
export function defuseMarkdown(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  // A backtick run left open on a line of this block may close on a later one (a code span across lines):
  // from there to the block's end, nothing is taken for code, so nothing escapes unescaped.
  let openRun = false;
  for (const raw of lines) {
    const line = expandTabs(raw);
    const opener = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = undefined;
      out.push(defuseCommands(inCode(line), escapeCodePoint));
      continue;
    }
    if (opener !== undefined) {
      fence = opener;
      openRun = false;
      out.push(defuseCommands(inCode(line), escapeCodePoint));
      continue;
    }
    if (line.trim() === '') openRun = false;
    const defused = defuseLine(line, openRun);
    openRun = defused.openRun;
    out.push(defused.text);
  }
  return out.join('\n');
}

/** One line of a methodology's text (a title, a table cell, a message): white space collapsed, then defused. */
export function defuseMarkdownLine(text: string): string {
  return defuseMarkdown(text.replace(/\s+/g, ' ').trim());
}

/** Defused text with each bracket not yet escaped escaped: for a link's text, which a bracket would end or nest. */
export function escapeBrackets(defused: string): string {
  return defused.replace(/(\\*)([[\]])/g, (_m, slashes: string, bracket: string) =>
    slashes.length % 2 === 0 ? `${slashes}\\${bracket}` : `${slashes}${bracket}`,
  );
}

/** A code span holding `text` as it is (controls shown), delimited by more backticks than it holds. */
export function markdownCodeSpan(text: string): string {
  const shown = inCode(text.replace(/\s+/g, ' '));
  let longest = 0;
  for (const run of shown.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const ticks = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${shown}${pad}${ticks}`;
}

function defuseLine(line: string, openBefore: boolean): { text: string; openRun: boolean } {
  let openRun = openBefore;
  let out = '';
  let i = 0;
  while (i < line.length) {
    const tick = line.indexOf('`', i);
    if (tick < 0 || openRun) {
      out += defuseText(line.slice(i), line, i);
      break;
    }
    if (backslashesBefore(line, tick) % 2 === 1) {
      // An escaped backtick is text; the run may go on after it.
      out += defuseText(line.slice(i, tick + 1), line, i);
      i = tick + 1;
      continue;
    }
    let end = tick;
    while (line[end] === '`') end++;
    const run = line.slice(tick, end);
    const close = closingRun(line, end, run.length);
    out += defuseText(line.slice(i, tick), line, i);
    if (close < 0) {
      // No closing run on this line: the run may close a later line's text, so take the rest as text.
      openRun = true;
      out += defuseText(line.slice(tick), line, tick);
      break;
    }
    out += run + inCode(line.slice(end, close)) + run;
    i = close + run.length;
  }
  // A line that would start a workflow command starts with text: its first colon escaped.
  return { text: out.replace(/^(\s*)::/, '$1\\::'), openRun };
}

/** Where the next run of exactly `length` backticks starts at or after `from`, or -1. */
function closingRun(line: string, from: number, length: number): number {
  for (let i = line.indexOf('`', from); i >= 0;) {
    let end = i;
    while (line[end] === '`') end++;
    if (end - i === length) return i;
    i = line.indexOf('`', end);
  }
  return -1;
}

function backslashesBefore(line: string, at: number): number {
  let n = 0;
  while (at - n - 1 >= 0 && line[at - n - 1] === '\\') n++;
  return n;
}

/** Text outside code; `line` and `at` place it, for a link's target, which may run past it. */
function defuseText(text: string, line: string, at: number): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + width);
    i += width;
    if (c === '<') out += '&lt;';
    else if ((c === '@' && /[A-Za-z0-9]/.test(text[i] ?? '')) || (c === '#' && /[0-9]/.test(text[i] ?? ''))) out += c + EMPTY_COMMENT;
    // `&#64;` would render as an `@` that GitHub then reads as a mention: a numeric reference stays as written.
    else if (c === '&' && /^(?:#|commat;|num;)/i.test(text.slice(i))) out += '&amp;';
    else if (c === ']' && text[i] === '(' && !isSafeLinkTarget(linkTarget(line, at + i + 1))) out += '\\]';
    else if (c === '[' && !definitionIsSafe(line.slice(at + i - 1))) out += '\\[';
    else if (width === 1 && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) < 0x7f) out += c;
    else out += isUnsafeChar(ch) ? `\\${escapeCodePoint(ch)}` : ch;
  }
  return out.includes('##') ? out.replace(ANYWHERE_COMMAND, '#\\#') : out;
}

/** A link's target as written after `(`: up to white space or the `)` that closes it. */
function linkTarget(line: string, from: number): string {
  let depth = 0;
  let i = from;
  for (; i < line.length; i++) {
    const c = line[i]!;
    if (/\s/.test(c)) break;
    if (c === '(') depth++;
    if (c === ')' && depth-- === 0) break;
  }
  return line.slice(from, i);
}

/**
 * An http(s) address, or one within the page or relative to it, with balanced parentheses: never a target that
 * a character reference or an escape could turn into another scheme (`javascript&#58;`, `data\:`).
 */
export function isSafeLinkTarget(target: string): boolean {
  if (target === '' || /[\s<>\\`"]/.test(target) || Array.from(target).some(isUnsafeChar)) return false;
  let depth = 0;
  for (const c of target) if ((depth += c === '(' ? 1 : c === ')' ? -1 : 0) < 0) return false;
  if (depth !== 0) return false;
  if (/^https?:\/\//i.test(target)) return true;
  return !target.includes('&') && !target.startsWith('//') && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(target);
}

function definitionIsSafe(line: string): boolean {
  const match = DEFINITION.exec(line);
  return match === null || isSafeLinkTarget(match[1]!);
}

/**
 * Code as it is, but controls and invisible characters as visible escapes, and a command a runner reads
 * anywhere in a line with its second `#` escaped: in code a backslash is shown as it is, so `\x23`.
 */
function inCode(text: string): string {
  let out = text;
  if (!isPlainAscii(text)) {
    out = '';
    for (const ch of text) out += isUnsafeChar(ch) ? escapeCodePoint(ch) : ch;
  }
  return out.includes('##') ? out.replace(ANYWHERE_COMMAND, '#\\x23') : out;
}

/** Tabs as the spaces to the next multiple of four columns, which is how Markdown reads them. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out;
}
