// An independent check of what may reach a terminal or a CI log (the "done when"), for tests,
// and the hostile strings the tests feed every output.

/** The colour codes commready's painter emits; nothing else may start with ESC. */
const OWN_SGR = /\u001b\[(?:1|2|22|31|32|33|36|39)m/g;

/**
 * Characters that act on a terminal or hide from a reader: controls, format characters (bidi, zero-width,
 * soft hyphen, tags), other default-ignorables, line and paragraph separators, noncharacters and lone
 * surrogates. Written out here, apart from src/text/sanitize.ts, so that the check does not trust it.
 */
const ACTS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}\p{Cs}]/u;

/** Every way the text breaks the rule, empty when it is safe. */
export function unsafeParts(text: string, colour = false): string[] {
  const plain = colour ? text.replace(OWN_SGR, '') : text;
  const problems: string[] = [];
  for (const ch of plain) {
    if (ch === '\n' || !ACTS.test(ch)) continue;
    const c = ch.codePointAt(0)!;
    problems.push(`${c < 0x20 || (c >= 0x7f && c <= 0x9f) ? 'control' : 'invisible or bidi'} U+${c.toString(16).padStart(4, '0')}`);
  }
  for (const line of plain.split('\n')) {
    if (/^\s*::/.test(line)) problems.push(`line starts with '::': ${JSON.stringify(line.slice(0, 40))}`);
    // GitHub's runner reads the older `##[command]` syntax anywhere in a line.
    if (line.includes('##[')) problems.push(`'##[' in a line: ${JSON.stringify(line.slice(0, 60))}`);
    // Azure Pipelines' agent reads `##vso[` anywhere in a line; TeamCity reads `##teamcity[` service messages.
    for (const prefix of ['##vso[', '##teamcity['])
      if (line.includes(prefix)) problems.push(`'${prefix}' in a line: ${JSON.stringify(line.slice(0, 60))}`);
  }
  return problems;
}

/** Hostile text of every kind the issue names, by what it tries; the tests put each in a key, a value and a file name. */
export const HOSTILE_STRINGS: Readonly<Record<string, string>> = {
  'C0 controls': 'C0 \u0000\u0007\u0008\u000b\u000c\r\u001b end',
  'C1 controls': 'C1 \u0085\u009b31m\u0090 end',
  'bidi overrides': 'bidi \u202eevil\u202c \u2066iso\u2069 \u200f end',
  'a workflow command': '::error file=x.yaml,line=1::forged',
  'a workflow command on a new line': '\n::warning::forged on a new line',
  'the older ##[error]': '##[error]forged anywhere',
  'the older ##[add-mask]': 'text ##[add-mask]secret',
  'the older ##[stop-commands]': 'x ##[stop-commands]token',
  "Azure's ##vso[ on a new line": 'x\n##vso[task.complete result=Succeeded;]done',
  "Azure's ##vso[ mid-line": 'text ##vso[task.setvariable variable=forged]1',
  "TeamCity's ##teamcity[": "##teamcity[buildStatus status='SUCCESS' text='forged']",
  '##[ split by a zero-width space': '#\u200b#[error]split by a zero-width space',
  'a percent-encoded newline': '%0A::error::percent-encoded newline',
  'ESC sequences': 'ESC \u001b[2J\u001b[1A\u001b[2K cleared',
  'OSC title and hyperlink': 'OSC \u001b]0;owned title\u0007 \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\',
  'zero-width and tag characters': 'zero-width \u200b\u200c\u200d\u2060\ufeff\u00ad\u{e0041} end',
  'Markdown and HTML injection':
    '<img src=x onerror=alert(1)> **bold** [click](javascript:alert(1)) https://evil.example/x www.evil.example `code` | cell |',
};
