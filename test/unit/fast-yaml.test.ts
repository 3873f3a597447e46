// Differential tests: wherever the fast reader answers, it must give exactly what the exact parser
// (yaml's Document API) gives, values and positions alike; where it is unsure, it must give up.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFastYaml } from '../../src/source/fast-yaml.js';
import { locate, parseYamlSource, parseYamlSourceExact, type DataPath, type YamlSource } from '../../src/source/yaml-source.js';
import { InputError } from '../../src/errors.js';
import { runs } from '../properties.js';

/** Every path in a value, plus for each container a missing child, and a path into each scalar. */
function probePaths(value: unknown, path: (string | number)[] = [], out: DataPath[] = []): DataPath[] {
  out.push(path);
  if (Array.isArray(value)) {
    value.forEach((v, i) => probePaths(v, [...path, i], out));
    out.push([...path, value.length], [...path, 'x']);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) probePaths(v, [...path, k], out);
    out.push([...path, 'no-such-key']);
  } else out.push([...path, 'below-a-scalar']);
  return out;
}

type Outcome = 'fast' | 'gave-up';

/** Compares the two readers on one text; throws (fails) on any difference. */
function compare(text: string): Outcome {
  if (!parseFastYaml(text)) return 'gave-up';
  const fast = parseYamlSource('doc.yaml', text);
  expect(fast.fast, 'parseYamlSource uses the fast reader when it answers').toBeDefined();
  let exact: YamlSource;
  try {
    exact = parseYamlSourceExact('doc.yaml', text);
  } catch (error) {
    const detail = error instanceof InputError ? error.message : String(error);
    throw new Error(`the fast reader accepted a text the exact parser refuses (${detail}):\n${text}`);
  }
  expect(fast.value, text).toEqual(exact.value);
  // Every probe's position compared in one assertion (an expect per probe was most of this file's time);
  // a difference shows the path in the diff.
  const paths = probePaths(exact.value);
  expect(
    paths.map((path) => ({ path, at: locate(fast, path) })),
    text,
  ).toEqual(paths.map((path) => ({ path, at: locate(exact, path) })));
  return 'fast';
}

// ---- a generator of YAML texts, valid or not: the exact parser decides what they mean ----

const SCALARS = [
  'plain',
  'two words',
  'yes',
  'no',
  'null',
  'Null',
  '~',
  'true',
  'False',
  'TRUE',
  '0o17',
  '0x1F',
  '08',
  '1e3',
  '.5',
  '-.5',
  '+12',
  '1_000',
  '.inf',
  '-.Inf',
  '.NaN',
  '99999999999999999999',
  '-0',
  '3.',
  'a: b',
  'a #b',
  'a#b',
  "it's",
  'x"y',
  '-x',
  '- x',
  ':x',
  '?x',
  '? x',
  '@x',
  '`x',
  '',
  ' lead',
  'trail ',
  'é ü 日本',
  'https://x.org/a?b=c#d',
  '[a]',
  '{a}',
  'a,b',
  '#',
  '\\',
  'a\\nb',
  '%x',
  '&a',
  '*a',
  '!t',
  '|',
  '>',
  '---',
  '...',
  'multi\nline',
  'tab\there',
  'k:',
  'a:b',
  'x: ',
  '2026-11-25',
  '1.0',
  '0',
  '-',
  '[',
  ']',
  '}',
  '{',
  'a, b',
  '"q"',
  "'q'",
];
const KEYS = [
  'a',
  'b',
  'name',
  'first.values',
  'a b',
  'x-y',
  '1',
  'true',
  'null',
  '__proto__',
  '<<',
  '-k',
  'k:',
  '"q"',
  'a#b',
  '$schema',
  'é',
  'a',
  'b',
];

type Tree = { kind: 'scalar'; text: string } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .oneof(fc.constantFrom(...SCALARS), fc.string({ maxLength: 8 }), fc.integer().map(String), fc.double({ noNaN: false }).map(String))
      .map((text) => ({ kind: 'scalar' as const, text })),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.stringMatching(/^[a-z][a-z0-9_.-]{0,6}$/)), tie('node')), { maxLength: 4 })
      .map((entries) => ({ kind: 'map' as const, entries })),
    fc.array(tie('node'), { maxLength: 4 }).map((items) => ({ kind: 'seq' as const, items })),
  ),
})).node;

/** How each scalar and collection is written; drawn per node. */
const style = fc.record({
  quote: fc.constantFrom('plain', 'plain', 'double', 'single', 'literal', 'folded', 'literal-strip', 'literal-keep'),
  flow: fc.boolean(),
  indent: fc.constantFrom(2, 4),
  comment: fc.constantFrom('', '', '', ' # note', '  #x', '#glued'),
  blankBefore: fc.constantFrom('', '', '', '\n', '\n  \n', '# c\n'),
  sameIndentSeq: fc.boolean(),
  spaceAfterColon: fc.constantFrom(' ', ' ', ' ', '  ', ''),
});
type Style = typeof style extends fc.Arbitrary<infer S> ? S : never;

function scalarText(text: string, s: Style, indent: number): string {
  switch (s.quote) {
    case 'double':
      return JSON.stringify(text);
    case 'single':
      return `'${text.replace(/'/g, "''")}'`;
    case 'literal':
    case 'folded':
    case 'literal-strip':
    case 'literal-keep': {
      const header = { literal: '|', folded: '>', 'literal-strip': '|-', 'literal-keep': '|+' }[s.quote];
      return `${header}\n${text
        .split('\n')
        .map((l) => `${' '.repeat(indent + s.indent)}${l}`)
        .join('\n')}`;
    }
    default:
      return text;
  }
}

function flowText(t: Tree, s: Style): string {
  if (t.kind === 'scalar')
    return s.quote === 'double' ? JSON.stringify(t.text) : s.quote === 'single' ? `'${t.text.replace(/'/g, "''")}'` : t.text;
  if (t.kind === 'seq') return `[${t.items.map((i) => flowText(i, s)).join(', ')}]`;
  return `{ ${t.entries.map(([k, v]) => `${k}:${s.spaceAfterColon}${flowText(v, s)}`).join(', ')} }`;
}

/** Renders a node as block YAML lines at `indent`, with styles drawn from `styles` in turn. */
function render(t: Tree, indent: number, styles: Style[], counter = { n: 0 }): string {
  const s = styles[counter.n++ % styles.length]!;
  const pad = ' '.repeat(indent);
  if (t.kind === 'scalar')
    return `${pad}${scalarText(t.text, s, indent)}${s.quote.startsWith('l') || s.quote === 'folded' ? '' : s.comment}\n`;
  if (s.flow) return `${pad}${flowText(t, s)}${s.comment}\n`;
  const valueAfter = (v: Tree, childIndent: number, seqAtSameIndent: boolean): string => {
    const vs = styles[counter.n % styles.length]!;
    if (v.kind === 'scalar') {
      counter.n++;
      return ` ${scalarText(v.text, vs, childIndent - s.indent)}${vs.quote.startsWith('l') || vs.quote === 'folded' ? '' : vs.comment}\n`;
    }
    if (vs.flow) {
      counter.n++;
      return ` ${flowText(v, vs)}${vs.comment}\n`;
    }
    return `${s.comment}\n${vs.blankBefore}${render(v, seqAtSameIndent && v.kind === 'seq' ? childIndent - s.indent : childIndent, styles, counter)}`;
  };
  if (t.kind === 'map') {
    if (t.entries.length === 0) return `${pad}{}\n`;
    return t.entries.map(([k, v]) => `${s.blankBefore}${pad}${k}:${valueAfter(v, indent + s.indent, s.sameIndentSeq)}`).join('');
  }
  if (t.items.length === 0) return `${pad}[]\n`;
  return t.items
    .map((v) => {
      if (v.kind === 'map' && v.entries.length > 0 && !styles[counter.n % styles.length]!.flow) {
        // A map written on the item's line: its first key follows "- ", the others align with it.
        const inner = render(v, indent + 2, styles, counter);
        return `${pad}- ${inner.slice(indent + 2)}`;
      }
      return `${pad}-${valueAfter(v, indent + s.indent, false)}`;
    })
    .join('');
}

const documents = fc.tuple(tree, fc.array(style, { minLength: 1, maxLength: 12 })).map(([t, styles]) => render(t, 0, styles));

describe('the fast YAML reader', () => {
  const files = [
    ...readdirSync('examples')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `examples/${f}`),
    ...readdirSync('checklists').map((f) => `checklists/${f}`),
    ...readdirSync('test/fixtures/mini').map((f) => `test/fixtures/mini/${f}`),
    ...readdirSync('test/fixtures/plans').map((f) => `test/fixtures/plans/${f}`),
  ];

  it('reads every bundled example, checklist and fixture, exactly as the exact parser does', () => {
    // The interview questions share conditions through YAML anchors, which the fast reader leaves to the exact one.
    const withAnchors = new Set(['checklists/questions.yaml']);
    for (const file of files) expect(compare(readFileSync(file, 'utf8')), file).toBe(withAnchors.has(file) ? 'gave-up' : 'fast');
  });

  it('types digit-led scalars as the exact parser does: numbers, dates and other text', () => {
    const scalars = [
      '2026-06-01',
      '1e-5',
      '1E-5',
      '-1',
      '+1',
      '1.5e-3',
      '12-',
      '0x1-',
      '0o7-1',
      '1-2-3',
      '3.0',
      '1_000',
      '0x1F',
      '0o17',
      '2026-06-01T10:00:00',
    ];
    for (const v of scalars) expect(compare(`k: ${v}\nlist: [${v}, x]\n`), v).toBe('fast');
  });

  it('equals the exact parser on generated documents, and answers for most of them', () => {
    const outcomes: Outcome[] = [];
    fc.assert(
      fc.property(documents, (text) => {
        outcomes.push(compare(text));
      }),
      { numRuns: runs(3000), seed: 20261126 },
    );
    // The property must not hold vacuously: the fast reader has to take a fair share of the documents.
    expect(outcomes.filter((o) => o === 'fast').length).toBeGreaterThan(outcomes.length * 0.25);
  });

  it('gives up, or still equals the exact parser, on any small corruption of a real plan', () => {
    // The first 70 lines: flow and block maps, sequences, comments, quoted and block scalars.
    const text = readFileSync('examples/launch-ready.yaml', 'utf8').split('\n').slice(0, 70).join('\n');
    const pieces = [
      ' ',
      '\n',
      '-',
      ':',
      '#',
      '"',
      "'",
      '{',
      '}',
      '[',
      ']',
      ',',
      '|',
      '>',
      '&',
      '*',
      '!',
      '?',
      '  ',
      'x',
      '\t',
      '%',
      '@',
      '\\',
    ];
    const edits = fc.array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 3 }), fc.constantFrom(...pieces)), {
      minLength: 1,
      maxLength: 3,
    });
    let fast = 0;
    fc.assert(
      fc.property(edits, (list) => {
        let t = text;
        for (const [at, del, ins] of list) t = t.slice(0, at) + ins + t.slice(Math.min(t.length, at + del));
        if (compare(t) === 'fast') fast++;
      }),
      { numRuns: runs(300), seed: 7 },
    );
    expect(fast).toBeGreaterThan(0);
  });

  it('reads block keys in every spelling as the exact parser does, plain or not', () => {
    for (const text of [
      'k : v\n',
      'k  :   v\n',
      'a b: c\n',
      'a  b: c\n',
      'a:b: c\n',
      'a.b/c-d$: e\n',
      '_x:\n  - 1\n',
      'true: x\n',
      '12: x\n',
      'null: x\n',
      '__proto__: x\n',
      '<<: x\n',
      `${'k'.repeat(1001)}: x\n`,
      '- a : 1\n  b: 2\n',
      '- a: 1\n  b : 2\n',
      'k:    \n  j: 1\n',
    ])
      expect(() => compare(text), JSON.stringify(text)).not.toThrow();
    expect(compare('k : v\nl: w\n')).toBe('fast');
  });

  it('keeps the Unicode spaces YAML counts as content, where JavaScript would trim them', () => {
    // U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000: white space to String.prototype.trim, text to YAML.
    const spaces = ['\u00a0', '\u1680', '\u2003', '\u200a', '\u202f', '\u205f', '\u3000'];
    for (const space of spaces)
      for (const text of [
        `key: ${space}value\n`,
        `key: value${space}\n`,
        `- ${space}x\n`,
        `k: [${space}a, b${space}]\n`,
        `k: { a: ${space}b }\n`,
        `${space}k: v\n`,
        `k${space}: v\n`,
        `k: v ${space}# c\n`,
        `k: |\n  ${space}line\n`,
      ])
        expect(() => compare(text), JSON.stringify(text)).not.toThrow();
  });

  it('leaves anchors, tags, directives, several documents, tabs and multi-line scalars to the exact parser', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      'a:\n\tb: 1\n',
      'a: one\n  two\n',
      'a: "one\n  two"\n',
      'a: 1\na: 2\n',
      '? a\n: 1\n',
    ]) {
      expect(parseFastYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
