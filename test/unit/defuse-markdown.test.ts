// A methodology's own Markdown as `commready docs` publishes it: the author's Markdown kept, nothing that
// renders as HTML, pings someone, links a script or acts on a terminal or a CI runner.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import {
  defuseMarkdown,
  escapeBrackets,
  defuseMarkdownLine,
  isSafeLinkTarget,
  markdownCodeSpan,
} from '../../src/report/defuse-markdown.js';
import { HOSTILE_STRINGS, unsafeParts } from '../output-safety-check.js';

/** Markup that must never be live in the published Markdown. */
const LIVE = [/<img/, /<script/, /(?<!\\)\]\(javascript:/i, /(?<![`\\])@[a-z]/i, /(?<!`)#[0-9]/, /&#/];

describe('defuseMarkdown', () => {
  it("keeps the author's Markdown", () => {
    const guide = [
      'Some **bold**, _emphasis_ and `code <plan> @x #1` text.',
      '',
      '- a list item with [a link](https://acme.example/a_(b)) and [an anchor](#phase-x)',
      '1. an ordered one',
      '',
      '```yaml',
      'community: { type: <kind> }  # @team #12',
      '```',
    ].join('\n');
    expect(defuseMarkdown(guide)).toBe(guide);
  });

  it('turns raw HTML into text outside code', () => {
    expect(defuseMarkdown('<img src=x onerror=alert(1)> and `<b>`')).toBe('&lt;img src=x onerror=alert(1)> and `<b>`');
    expect(defuseMarkdown('<script>\nalert(1)\n</script>')).toBe('&lt;script>\nalert(1)\n&lt;/script>');
    expect(defuseMarkdown('<javascript:alert(1)>')).toBe('&lt;javascript:alert(1)>');
  });

  it('breaks mentions and issue references the way the reports do, also when written as character references', () => {
    expect(defuseMarkdown('ask @sam or @org/team about #123')).toBe('ask @<!---->sam or @<!---->org/team about #<!---->123');
    expect(defuseMarkdown('&#64;sam &#x40;sam &commat;sam &num;1 &amp; &mdash;')).toBe(
      '&amp;#<!---->64;sam &amp;#x40;sam &amp;commat;sam &amp;num;1 &amp; &mdash;',
    );
    expect(defuseMarkdown('a@b and # heading-like and #x')).toBe('a@<!---->b and # heading-like and #x');
  });

  it('leaves a link to anything but http(s), the page or a relative path as text', () => {
    expect(defuseMarkdown('[click](javascript:alert(1))')).toBe('[click\\](javascript:alert(1))');
    expect(defuseMarkdown('[x](data:text/html,hi) [y](javascript&#58;alert(1)) [z](java\\script:1)')).toBe(
      '[x\\](data:text/html,hi) [y\\](javascript&amp;#<!---->58;alert(1)) [z\\](java\\script:1)',
    );
    expect(defuseMarkdown('[ok](https://acme.example/?a=1&b=2) [rel](guide.md#top)')).toBe(
      '[ok](https://acme.example/?a=1&b=2) [rel](guide.md#top)',
    );
    expect(defuseMarkdown('[ref]: javascript:alert(1)\n[next]:\n  javascript:alert(1)\n[fine]: https://acme.example')).toBe(
      '\\[ref]: javascript:alert(1)\n\\[next]:\n  javascript:alert(1)\n[fine]: https://acme.example',
    );
  });

  it('shows controls and invisible characters as escapes, in text and in code', () => {
    expect(defuseMarkdown('a\u001b[2Jb \u202eevil `c\u0007` \u200b')).toBe('a\\\\x1b[2Jb \\\\u202eevil `c\\x07` \\\\u200b');
    expect(defuseMarkdown('```\nx\u0000\u2028y\n```')).toBe('```\nx\\x00\\u2028y\n```');
    expect(defuseMarkdown('a\tb\r\nc\rd')).toBe('a   b\nc\\\\x0dd');
  });

  it('never lets a line start a workflow command, nor hold one read anywhere', () => {
    expect(defuseMarkdown('::error::forged\n  ::warning::x')).toBe('\\::error::forged\n  \\::warning::x');
    expect(defuseMarkdown('a ##[error]x ##vso[task] `##teamcity[m]`')).toBe('a #\\#[error]x #\\#vso[task] `#\\x23teamcity[m]`');
    expect(defuseMarkdown('```\n::error::in code\n##[error]\n```')).toBe('```\n\\x3a:error::in code\n#\\x23[error]\n```');
  });

  it('takes nothing for code once a backtick run is left open, until the block ends', () => {
    // The open run on the first line may close on the second: what sits between is then code, and what
    // follows is text, so the second line is treated as text whole.
    expect(defuseMarkdown('x `\na` <img src=x> `b`\n\n`<ok>`')).toBe('x `\na` &lt;img src=x> `b`\n\n`<ok>`');
    expect(defuseMarkdown('\\`<img>` `<b>`')).toBe('\\`&lt;img>` `&lt;b>`');
  });

  it('puts a line on one line and a code span around any text', () => {
    expect(defuseMarkdownLine(' a\n\n<b>  c ')).toBe('a &lt;b> c');
    expect(markdownCodeSpan('plain')).toBe('`plain`');
    expect(markdownCodeSpan('a`b')).toBe('``a`b``');
    expect(markdownCodeSpan('`x\u001b')).toBe('`` `x\\x1b ``');
    expect(isSafeLinkTarget('https://doi.org/10.1002/(SICI)x')).toBe(true);
    expect(isSafeLinkTarget('https://x.example/a)b')).toBe(false);
    expect(isSafeLinkTarget('//evil.example')).toBe(false);
    expect(escapeBrackets('[a\\] \\\\[b]')).toBe('\\[a\\] \\\\\\[b\\]');
  });

  it('leaves no hostile string live', () => {
    for (const [what, hostile] of Object.entries(HOSTILE_STRINGS)) {
      for (const text of [defuseMarkdown(hostile), defuseMarkdownLine(hostile)]) {
        expect(unsafeParts(text), what).toEqual([]);
        for (const live of LIVE.slice(0, 3)) expect(text, what).not.toMatch(live);
      }
      expect(unsafeParts(markdownCodeSpan(hostile)), what).toEqual([]);
    }
  });
});

describe('docs of a methodology with hostile text', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'commready-docs-hostile-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const io = (err: string[]): CliIo => ({ stdout: () => {}, stderr: (t) => err.push(t), env: {}, today: () => '2026-12-07', columns: 80 });

  it('writes a file with nothing live in any field', async () => {
    const dir = path.join(tmp, 'm');
    cpSync('test/fixtures/mini', dir, { recursive: true });
    const hostile = `${Object.values(HOSTILE_STRINGS).join(' ')} @sam #42 <script>alert(1)</script> [x](javascript:alert(1))`;
    const quoted = JSON.stringify(hostile);
    const edit = (file: string, pairs: [string, string][]): void => {
      let text = readFileSync(path.join(dir, file), 'utf8');
      for (const [from, to] of pairs) {
        expect(text, from).toContain(from);
        text = text.replace(from, () => to);
      }
      writeFileSync(path.join(dir, file), text);
    };
    edit('first.yaml', [
      ['title: First phase', `title: ${quoted}`],
      ['summary: People and purpose.', `summary: ${quoted}`],
      ['title: A purpose is written', `title: ${quoted}`],
      ['why: Everything follows from it.', `why: ${quoted}`],
      ['guidance: Write it.', `guidance: ${JSON.stringify(`${hostile}\n\n${hostile}\n`)}`],
      ['message: Why does it exist?', `message: ${quoted}`],
      ['title: Example, url', `title: ${quoted}, url`],
      ['message: Write the purpose under custom.purpose.', `message: ${quoted}`],
      ['rating: { met: Written and agreed.', `rating: { met: ${quoted}`],
    ]);
    edit('methodology.yaml', [
      ['title: Mini test methodology', `title: ${quoted}`],
      ['description: Nothing yet.', `description: ${quoted}`],
      ['description: No sponsor.', `description: ${quoted}`],
      ['reason: A volunteer group has no sponsor.', `reason: ${quoted}`],
      ['description: People needed.', `description: ${quoted}`],
      ['{ id: fw.people, title: People }', `{ id: fw.people, title: ${quoted} }`],
    ]);
    const output = path.join(tmp, 'out.md');
    const err: string[] = [];
    expect(await main(['docs', '--checklists', dir, '--output', output], io(err)), err.join('')).toBe(0);
    const written = readFileSync(output, 'utf8');
    expect(unsafeParts(written)).toEqual([]);
    for (const live of LIVE) expect(written, String(live)).not.toMatch(live);
    // Each field is still there, defused.
    expect(written.split('@<!---->sam').length).toBeGreaterThan(10);
  });

  it("writes the course's own texts defused too", async () => {
    const dir = path.join(tmp, 'c');
    cpSync('checklists', dir, { recursive: true });
    const hostile = `${Object.values(HOSTILE_STRINGS).join(' ')} @sam #42 <script>alert(1)</script>`;
    const course = path.join(dir, 'course.yaml');
    const text = readFileSync(course, 'utf8');
    expect(text).toContain('title: Building a community');
    writeFileSync(
      course,
      text
        .replace(/^title: .*$/m, () => `title: ${JSON.stringify(hostile)}`)
        .replace(/^    lesson: \|-$/m, () => `    lesson: ${JSON.stringify(`${hostile}\n\n`)} # |-`)
        .replace(/^(    lesson: .*\n)((?: {6}.*\n|\n)*)/m, '$1'),
    );
    const err: string[] = [];
    const args = ['docs', '--checklists', dir, '--output', path.join(tmp, 'm.md'), '--course', path.join(tmp, 'course.md')];
    expect(await main(args, io(err)), err.join('')).toBe(0);
    const written = readFileSync(path.join(tmp, 'course.md'), 'utf8');
    expect(written.split('@<!---->sam').length).toBe(3);
    expect(unsafeParts(written)).toEqual([]);
    for (const live of LIVE) expect(written, String(live)).not.toMatch(live);
  });
});
