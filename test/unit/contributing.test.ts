// CONTRIBUTING.md's "How to add…" steps stay true: each extension has its section, every file a section
// names exists (a templated name such as `format-<name>.ts` has examples to copy), and every registry or
// function it names (`NAME` in `file`) is defined in that file and read by the code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-table.js';
import { RULE_KIND_MODULES, RULE_KINDS } from '../../src/methodology/rule-kinds/index.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { FORMATS } from '../../src/report/types.js';
import { VALUE_KINDS } from '../../src/methodology/question-types.js';
import { VALUE_KIND_MODULES } from '../../src/interview/value-kinds/index.js';

const guide = readFileSync('CONTRIBUTING.md', 'utf8');
const howTo = guide.slice(guide.indexOf('## How to add…'), guide.indexOf('\n## ', guide.indexOf('## How to add…') + 1));

/** The "How to add…" sections by heading, with their text. */
const sections = new Map(
  howTo
    .split(/^### /m)
    .slice(1)
    .map((part) => [part.slice(0, part.indexOf('\n')).trim(), part] as const),
);

const PATH = /^(?:src|test|schemas|docs|checklists|scripts|examples|bin)\/[^\s`]+$|^(?:README|CONTRIBUTING)\.md$|^[\w.-]+\.config\.js$/;

/** Backticked names in a text that are repository paths. */
function pathsIn(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((t) => PATH.test(t));
}

/** Files under a folder, recursively, as repository paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f));
}
const sourceFiles = filesUnder('src').filter((f) => f.endsWith('.ts'));

/** `NAME` in `file` and `name` (`file`): a registry or function and where the guide says it lives. */
function namedDefinitions(text: string): { name: string; file: string }[] {
  return [...text.matchAll(/`([A-Za-z_]\w*)` (?:in |\()`([^`]+)`/g)]
    .map((m) => ({ name: m[1]!, file: m[2]! }))
    .filter((d) => PATH.test(d.file));
}

describe('CONTRIBUTING.md, How to add…', () => {
  it('has a step-by-step section for each extension', () => {
    expect([...sections.keys()]).toEqual(
      expect.arrayContaining(['An output format', 'A rule kind', 'A command', 'An interview value kind']),
    );
    for (const [heading, text] of sections) expect(text, heading).toMatch(/^1\. /m);
  });

  for (const [heading, text] of sections) {
    it(`names only files that exist: ${heading}`, () => {
      const named = pathsIn(text);
      expect(named.length).toBeGreaterThan(2);
      for (const file of named) {
        if (!/[<*]/.test(file)) {
          expect(existsSync(file), file).toBe(true);
          continue;
        }
        // A file to write: its folder exists and holds files named the same way to copy from.
        const pattern = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[^>]+>|\\\*/g, '[\\w-]+')}$`);
        const examples = existsSync(path.dirname(file)) ? filesUnder(path.dirname(file)).filter((f) => pattern.test(f)) : [];
        expect(examples, file).not.toEqual([]);
      }
    });

    it(`names registries where they are defined, and the code reads them: ${heading}`, () => {
      for (const { name, file } of namedDefinitions(text)) {
        const source = readFileSync(file, 'utf8');
        const definition = new RegExp(`(?:const|function|class|type|interface) ${name}\\b`);
        expect(source, `${name} in ${file}`).toMatch(definition);
        if (!file.startsWith('src/')) continue;
        // Read by the code: named again beyond its definition, in its own module or in another.
        const uses = sourceFiles.reduce((n, f) => n + (readFileSync(f, 'utf8').match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0), 0);
        expect(uses, `${name} is read somewhere in src/`).toBeGreaterThan(1);
      }
    });
  }

  it('names the registries the code dispatches on', () => {
    expect(Object.keys(FORMATTERS)).toEqual([...FORMATS]);
    expect(Object.keys(RULE_KIND_MODULES)).toEqual([...RULE_KINDS]);
    expect(COMMANDS.length).toBeGreaterThan(0);
    expect(Object.keys(VALUE_KIND_MODULES).sort()).toEqual([...VALUE_KINDS].sort());
    const named = new Set([...sections.values()].flatMap((text) => namedDefinitions(text).map((d) => d.name)));
    for (const registry of [
      'FORMATS',
      'FORMATTERS',
      'RULE_KIND_MODULES',
      'COMMANDS',
      'EVERY_OPTION',
      'VALUE_KINDS',
      'VALUE_KIND_MODULES',
      'ValueKindModule',
    ])
      expect(named).toContain(registry);
  });
});
