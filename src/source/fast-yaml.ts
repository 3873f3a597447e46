// A fast first-pass reader for the plain YAML that plans are made of (block maps and sequences,
// one-line flow collections, plain, quoted and block scalars, comments). It gives up, returning
// undefined, on anything else or anything doubtful, and the exact parser (yaml) then reads the file;
// differential property tests prove both give the same values and positions wherever it answers.

/**
 * Offsets (0-based, into the text) of the items of a sequence, or of the keys of a map in the order of
 * its keys (Object.keys: the reader keeps no key that a JavaScript object would reorder, as numbers).
 */
export type Offsets = number[];

export interface FastYaml {
  value: unknown;
  /** Where each map key and sequence item starts, per container of `value`. */
  offsets: WeakMap<object, Offsets>;
  /** Where the document's content starts. */
  rootOffset: number;
}

/** Thrown inside the reader to give up; never escapes `parseFastYaml`. */
const GIVE_UP = new Error('not for the fast reader');
function giveUp(): never {
  throw GIVE_UP;
}

interface Line {
  /** Offset of the line's first character. */
  start: number;
  indent: number;
  /** The line without its trailing comment and trailing spaces; '' for blank and comment lines. */
  content: string;
  /** The raw line (for block scalars). */
  raw: string;
}

/** Longest key accepted: yaml refuses implicit keys over 1024 characters. */
const MAX_KEY = 1000;
/** Deeper than this, the exact parser decides (it also reports too deep a nesting). */
const MAX_NESTING = 90;

/** Reads `text` if it only uses the constructs this reader knows; otherwise undefined. */
export function parseFastYaml(text: string): FastYaml | undefined {
  // Tabs, carriage returns, a BOM and control characters are left to the exact parser, and so are the
  // Unicode spaces that JavaScript's trim removes but YAML keeps as text (U+00A0 and the like);
  // directives, anchors, aliases and tags are given up on where they appear.
  if (/[\t\r\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/.test(text))
    return undefined;
  try {
    return new Reader(text).read();
  } catch {
    // Given up (GIVE_UP), or any surprise such as a stack overflow: the exact parser decides.
    return undefined;
  }
}

class Reader {
  private readonly lines: Line[] = [];
  private i = 0;
  private readonly offsets = new WeakMap<object, Offsets>();

  constructor(text: string) {
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      const raw = end < 0 ? text.slice(start) : text.slice(start, end);
      // The empty piece after a final newline is not a line (it matters to block scalars that keep blanks).
      if (end < 0 && raw === '' && start > 0) break;
      this.lines.push(lineOf(raw, start));
      if (end < 0) break;
      start = end + 1;
    }
  }

  read(): FastYaml {
    this.skipBlank();
    if (this.i >= this.lines.length) return { value: null, offsets: this.offsets, rootOffset: 0 };
    const first = this.lines[this.i]!;
    if (first.indent !== 0) giveUp();
    const rootOffset = first.start;
    const value = this.blockNode(-1, 0);
    this.skipBlank();
    if (this.i < this.lines.length) giveUp();
    return { value, offsets: this.offsets, rootOffset };
  }

  private skipBlank(): void {
    while (this.i < this.lines.length && this.lines[this.i]!.content === '') this.i++;
  }

  /** The node that starts on the current line, indented more than `parent`. */
  private blockNode(parent: number, depth: number): unknown {
    if (depth > MAX_NESTING) giveUp();
    const line = this.lines[this.i]!;
    if (line.indent <= parent) giveUp();
    if (isSeqEntry(line.content)) return this.blockSeq(line.indent, depth);
    if (keyEnd(line.content) >= 0) return this.blockMap(line.indent, 0, depth);
    // A lone scalar or flow collection as a whole document or nested node.
    const value = this.inlineValue(line.content, line.start + line.indent, depth);
    this.i++;
    this.checkNoContinuation(line.indent);
    return value;
  }

  /**
   * A block map whose keys sit at column `indent`; the first key may start `skip` characters into the
   * current line (a map written on a sequence item's line).
   */
  private blockMap(indent: number, skip: number, depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const keys: number[] = [];
    this.offsets.set(map, keys);
    let first = true;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (!first) {
        if (line.content === '') {
          this.i++;
          continue;
        }
        if (line.indent < indent) break;
        if (line.indent > indent) giveUp();
      }
      const from = first && skip > 0 ? skip : line.indent;
      first = false;
      let key: string;
      let restFrom: number;
      // Most lines are `key: value` with a plain key: one match reads both; anything else the long way.
      BLOCK_KEY.lastIndex = from;
      if (BLOCK_KEY.test(line.content)) {
        // The key's characters hold no ':', so the first one after it ends the key.
        key = checkedKey(line.content.slice(from, line.content.indexOf(':', from)));
        restFrom = BLOCK_KEY.lastIndex;
      } else {
        const text = line.content.slice(from);
        const end = keyEnd(text);
        if (end < 0) giveUp();
        key = plainKey(text.slice(0, end));
        restFrom = from + scan(SPACES, text, end + 1);
      }
      if (Object.hasOwn(map, key)) giveUp(); // the exact parser reports the duplicate
      keys.push(line.start + from);
      this.i++;
      map[key] = this.valueAfterIndicator(line.content.slice(restFrom), line.start + restFrom, indent, depth, true);
    }
    return map;
  }

  private blockSeq(indent: number, depth: number): unknown[] {
    const seq: unknown[] = [];
    const items: number[] = [];
    this.offsets.set(seq, items);
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.content === '') {
        this.i++;
        continue;
      }
      if (line.indent < indent) break;
      if (line.indent > indent || !isSeqEntry(line.content)) {
        if (line.indent === indent) break; // a key of the enclosing map at the same column
        giveUp();
      }
      const after = line.content.slice(indent + 1);
      const rest = after.trimStart();
      if (rest === '') giveUp(); // an empty item: its position is the exact parser's business
      const column = indent + 1 + (after.length - rest.length);
      const restAt = line.start + column;
      items.push(restAt);
      if (isSeqEntry(rest)) giveUp(); // "- - x": nested compact sequences
      if (keyEnd(rest) >= 0 && !rest.startsWith('{') && !rest.startsWith('[') && !rest.startsWith('"') && !rest.startsWith("'")) {
        seq.push(this.blockMap(column, column, depth + 1));
        continue;
      }
      this.i++;
      seq.push(this.valueAfterIndicator(rest, restAt, indent, depth, false));
    }
    return seq;
  }

  /** The value after `key:` or `- ` on a line already consumed; `rest` is what follows on that line. */
  private valueAfterIndicator(rest: string, restAt: number, indent: number, depth: number, inMap: boolean): unknown {
    if (rest === '') {
      this.skipBlank();
      const next = this.lines[this.i];
      if (!next) return null;
      if (next.indent > indent) return this.blockNode(indent, depth + 1);
      // "key:" followed by a sequence at the key's own column.
      if (inMap && next.indent === indent && isSeqEntry(next.content)) return this.blockSeq(indent, depth + 1);
      return null;
    }
    if (rest[0] === '|' || rest[0] === '>') return this.blockScalar(rest, indent);
    const value = this.inlineValue(rest, restAt, depth);
    this.checkNoContinuation(indent);
    return value;
  }

  /** A plain or quoted scalar, or a one-line flow collection, that must fill `text`. */
  private inlineValue(text: string, at: number, depth: number): unknown {
    if (text[0] === '{' || text[0] === '[') {
      const flow = new FlowReader(text, at, this.offsets, depth);
      const value = flow.node();
      flow.end();
      return value;
    }
    if (text[0] === '"' || text[0] === "'") {
      const { value, end } = quoted(text, 0);
      if (text.slice(end).trim() !== '') giveUp();
      return value;
    }
    return plainScalar(text);
  }

  /** A plain scalar continued on the next, more indented line is a multi-line scalar: not handled. */
  private checkNoContinuation(indent: number): void {
    this.skipBlank();
    const next = this.lines[this.i];
    if (next && next.indent > indent) giveUp();
  }

  private blockScalar(header: string, parent: number): string {
    const m = /^([|>])([-+]?)$/.exec(header);
    if (!m) giveUp(); // indentation indicators and anything after the header
    const literal = m[1] === '|';
    const chomp = m[2];
    const body: string[] = [];
    let contentIndent = -1;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.raw.trim() === '') {
        if (line.raw.length > 0) giveUp(); // whitespace-only lines keep spaces in ways not handled here
        if (contentIndent < 0) giveUp(); // leading blank lines
        body.push('');
        this.i++;
        continue;
      }
      const indent = line.raw.length - line.raw.trimStart().length;
      if (indent <= parent) break;
      if (contentIndent < 0) contentIndent = indent;
      if (indent < contentIndent) giveUp();
      if (indent > contentIndent && !literal) giveUp(); // more-indented folded lines
      body.push(line.raw.slice(contentIndent));
      this.i++;
    }
    if (contentIndent < 0) giveUp();
    let trailing = 0;
    while (body.length > 0 && body[body.length - 1] === '') {
      body.pop();
      trailing++;
    }
    // Blank lines after the scalar belong to the document, but with keep (+) they are part of it.
    let text: string;
    if (literal) text = body.join('\n');
    else {
      text = '';
      for (let k = 0; k < body.length; k++) {
        const piece = body[k]!;
        if (k === 0) text = piece;
        else if (piece === '') text += '\n';
        else text += body[k - 1] === '' ? piece : ` ${piece}`;
      }
    }
    if (body.length === 0) giveUp();
    if (chomp === '-') return text;
    if (chomp === '+') return `${text}\n${'\n'.repeat(trailing)}`;
    return `${text}\n`;
  }
}

/** Reads one flow collection written on a single line. */
class FlowReader {
  private p = 0;
  constructor(
    private readonly s: string,
    private readonly at: number,
    private readonly offsets: WeakMap<object, Offsets>,
    private readonly depth: number,
  ) {}

  end(): void {
    this.spaces();
    if (this.p < this.s.length) giveUp();
  }

  private spaces(): void {
    while (this.s[this.p] === ' ') this.p++;
  }

  node(level = 0): unknown {
    if (this.depth + level > MAX_NESTING) giveUp();
    this.spaces();
    const c = this.s[this.p];
    if (c === '{') return this.map(level);
    if (c === '[') return this.seq(level);
    if (c === '"' || c === "'") {
      const { value, end } = quoted(this.s, this.p);
      this.p = end;
      return value;
    }
    const start = this.p;
    this.p = scan(FLOW_PLAIN, this.s, start);
    // It stopped at a ':' that would make the scalar a key ("a: b" or "a:" inside a flow collection).
    if (this.s.charCodeAt(this.p) === COLON) giveUp();
    return plainScalar(this.s.slice(start, this.p));
  }

  private seq(level: number): unknown[] {
    const seq: unknown[] = [];
    const items: number[] = [];
    this.offsets.set(seq, items);
    this.p++;
    this.spaces();
    if (this.s[this.p] === ']') {
      this.p++;
      return seq;
    }
    for (;;) {
      this.spaces();
      const c = this.s[this.p];
      if (c === undefined || c === ',' || c === ']') giveUp(); // empty entries, trailing commas
      items.push(this.at + this.p);
      seq.push(this.node(level + 1));
      this.spaces();
      if (this.s[this.p] === ',') {
        this.p++;
        continue;
      }
      if (this.s[this.p] === ']') {
        this.p++;
        return seq;
      }
      giveUp();
    }
  }

  private map(level: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const keys: number[] = [];
    this.offsets.set(map, keys);
    this.p++;
    this.spaces();
    if (this.s[this.p] === '}') {
      this.p++;
      return map;
    }
    for (;;) {
      this.spaces();
      const keyStart = this.p;
      this.p = scan(FLOW_KEY, this.s, keyStart);
      if (this.s[this.p] !== ':' || this.s[this.p + 1] !== ' ') giveUp(); // "k:v", "k:" with no value, or no colon
      const key = plainKey(this.s.slice(keyStart, this.p));
      if (Object.hasOwn(map, key)) giveUp();
      keys.push(this.at + keyStart);
      this.p += 2;
      this.spaces();
      const c = this.s[this.p];
      if (c === undefined || c === ',' || c === '}') giveUp(); // an empty value
      map[key] = this.node(level + 1);
      this.spaces();
      if (this.s[this.p] === ',') {
        this.p++;
        this.spaces();
        if (this.s[this.p] === '}') giveUp(); // a trailing comma
        continue;
      }
      if (this.s[this.p] === '}') {
        this.p++;
        return map;
      }
      giveUp();
    }
  }
}

const SPACE = 32;
const COLON = 58;

// Character runs are matched by sticky regular expressions: one native call instead of a loop per
// character, which is what a run's first (interpreted) parse spends its time on.
/** A plain scalar inside a flow collection: up to a flow indicator (`,` `[` `]` `{` `}`) or a ':' ending a key. */
const FLOW_PLAIN = /(?:[^,[\]{}:]+|:(?![ ,[\]{}]|$))*/y;
/** A key inside a flow map: up to a ':', a comment, a quote or a flow indicator. */
const FLOW_KEY = /[^:#"',[\]{}]*/y;
/** The inside of a double-quoted scalar up to its end or an escape; of a single-quoted one up to a quote. */
const DOUBLE_QUOTED_RUN = /[^"\\]*/y;
const SINGLE_QUOTED_RUN = /[^']*/y;
/** Leading spaces. */
const SPACES = / */y;

/** Where the run that `pattern` (sticky, matching the empty string too) finds at `from` ends. */
function scan(pattern: RegExp, s: string, from: number): number {
  pattern.lastIndex = from;
  pattern.test(s);
  return pattern.lastIndex;
}

function lineOf(raw: string, start: number): Line {
  const indent = scan(SPACES, raw, 0);
  if (indent === raw.length || raw[indent] === '#') return { start, indent, content: '', raw };
  if (indent === 0 && (raw.startsWith('---') || raw.startsWith('...') || raw[0] === '%')) giveUp();
  // A comment starts at '#' after a space; quotes may hide one, so a quote before it gives up unless closed.
  let content = raw;
  const hash = raw.indexOf(' #');
  if (hash >= 0) {
    const before = raw.slice(0, hash);
    if (before.includes('"') || before.includes("'")) {
      // Let the quoted-scalar reader see the whole line; it gives up if a comment follows the quote oddly.
      content = stripCommentOutsideQuotes(raw);
    } else content = before;
  }
  return { start, indent, content: content.trimEnd(), raw };
}

/** The line up to a ' #' that is not inside quotes. */
function stripCommentOutsideQuotes(raw: string): string {
  let quote: string | undefined;
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k]!;
    if (quote) {
      if (c === '\\' && quote === '"') k++;
      else if (c === quote) {
        if (quote === "'" && raw[k + 1] === "'") k++;
        else quote = undefined;
      }
    } else if (c === '"' || c === "'") {
      // A quote inside a plain scalar (it's) is an apostrophe, not a quoted scalar: give up.
      const prev = raw[k - 1];
      if (prev !== undefined && prev !== ' ' && prev !== '[' && prev !== '{' && prev !== ',') giveUp();
      quote = c;
    } else if (c === '#' && raw[k - 1] === ' ') return raw.slice(0, k - 1);
  }
  if (quote) giveUp();
  return raw;
}

function isSeqEntry(content: string): boolean {
  const t = content.trimStart();
  return t === '-' || t.startsWith('- ');
}

/** Where the `:` of a block key is (followed by a space or the end), or -1 when the line is no key. */
function keyEnd(text: string): number {
  const t = text.trimStart();
  // Keys start as PLAIN_KEY says; anything else (flow, quotes, indicators, "-x") is no key for this reader.
  if (t === '' || '{["\'-?:#&*!|>%@`,'.includes(t[0]!)) return -1;
  const lead = text.length - t.length;
  for (let k = t.indexOf(':'); k >= 0; k = t.indexOf(':', k + 1)) {
    if (k + 1 === t.length || t.charCodeAt(k + 1) === SPACE) return lead + k;
  }
  return -1;
}

/** The keys this reader takes: words of letters, digits and `_.$/-`, separated by single spaces. */
const KEY = String.raw`[A-Za-z0-9_$][A-Za-z0-9_.$/-]*(?: [A-Za-z0-9_.$/-]+)*`;
const PLAIN_KEY = new RegExp(`^${KEY}$`);
/** Such a key, its ':' and the spaces after it, at the start of a block map entry. */
const BLOCK_KEY = new RegExp(`${KEY}:(?: +|$)`, 'y');

function plainKey(raw: string): string {
  const key = raw.trim();
  if (key.length === 0 || !PLAIN_KEY.test(key)) giveUp();
  return checkedKey(key);
}

/** A key PLAIN_KEY accepts, unless it is too long, resolves to anything but a string or has a meaning of its own. */
function checkedKey(key: string): string {
  if (key.length > MAX_KEY || key === '__proto__' || key === '<<' || typeof resolvePlainInPlace(key) !== 'string') giveUp();
  return key;
}

/** What makes a plain scalar more than text: an indicator first, or ': ', ' #' or a final ':' inside. */
const NOT_PLAIN = /^(?:[[\]{},#&*!|>'"%@`]|[-?:](?: |$))|: | #|:$/;

/** A plain scalar; inside a flow collection, FLOW_PLAIN has already stopped it at any flow indicator. */
function plainScalar(raw: string): unknown {
  // trim removes only spaces here: texts with other white space went to the exact parser.
  const s = raw.trim();
  if (s === '' || s.length > 10_000 || NOT_PLAIN.test(s)) giveUp();
  return resolvePlain(s);
}

/** YAML 1.2 core schema resolution of a plain scalar, as yaml does it (null, bool, int, float, string). */
export function resolvePlain(s: string): unknown {
  const value = resolvePlainInPlace(s);
  return value === s ? detach(s) : value;
}

/** resolvePlain, but a string comes back as the very string given (a view into the text, maybe). */
function resolvePlainInPlace(s: string): unknown {
  // A scalar led by a letter is text unless it is one of the words null, true or false (4 or 5
  // letters, in three casings): most keys and values are settled here.
  const c = s.charCodeAt(0);
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (letter && (!'nNtTfF'.includes(s[0]!) || (s.length !== 4 && s.length !== 5))) return s;
  // A digit-led scalar with a '-' anywhere but after an exponent's e is no number: dates at once.
  if (c >= 48 && c <= 57) {
    const dash = s.indexOf('-', 1);
    if (dash > 0 && s[dash - 1] !== 'e' && s[dash - 1] !== 'E') return s;
  }
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
    return s.endsWith('n') || s.endsWith('N') ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

/**
 * A copy of a string that no longer points into the file's text. V8 makes substrings of 13 or more
 * characters views of their parent, so a kept value (a community's name in a result) would keep the
 * whole file alive; flattening a concatenation copies the characters.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/** A quoted scalar starting at `start` and closing on the same line. */
function quoted(s: string, start: number): { value: string; end: number } {
  const q = s[start]!;
  // Runs of ordinary characters are copied in one slice; a scalar without escapes is one slice.
  const parts: string[] = [];
  let from = start + 1;
  let k = from;
  const run = q === '"' ? DOUBLE_QUOTED_RUN : SINGLE_QUOTED_RUN;
  for (;;) {
    k = scan(run, s, k);
    if (k >= s.length) giveUp(); // not closed on this line
    const c = s[k]!;
    if (k > from) parts.push(s.slice(from, k));
    if (q === "'") {
      if (s[k + 1] !== "'") return { value: joined(parts), end: k + 1 };
      parts.push("'");
      k += 2;
    } else if (c === '"') {
      return { value: joined(parts), end: k + 1 };
    } else {
      const e = s[k + 1];
      if (e === undefined) giveUp();
      if (e === 'x' || e === 'u' || e === 'U') {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = s.slice(k + 2, k + 2 + len);
        if (!HEX[len]!.test(hex)) giveUp();
        const code = parseInt(hex, 16);
        if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) giveUp();
        parts.push(String.fromCodePoint(code));
        k += 2 + len;
      } else {
        const r = Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : undefined;
        if (r === undefined) giveUp();
        parts.push(r);
        k += 2;
      }
    }
    from = k;
  }
}

const HEX: Record<number, RegExp> = { 2: /^[0-9a-fA-F]{2}$/, 4: /^[0-9a-fA-F]{4}$/, 8: /^[0-9a-fA-F]{8}$/ };

/** The pieces as one string that does not point into the file's text (see detach). */
function joined(parts: readonly string[]): string {
  return parts.length === 1 ? detach(parts[0]!) : parts.join('');
}
