import { describe, expect, it } from 'vitest';
import { locate, parseYamlSource, pointerToPath } from '../../src/source/yaml-source.js';
import { inputErrorsOf } from '../helpers.js';

describe('parseYamlSource', () => {
  it('keeps dates and yes/no as strings even under a %YAML 1.1 directive', () => {
    const s = parseYamlSource('a.yaml', '%YAML 1.1\n---\ndue: 2025-01-10\nflag: no\n');
    expect(s.value).toEqual({ due: '2025-01-10', flag: 'no' });
  });

  it('reports a duplicate key with its line and column', () => {
    const [d] = inputErrorsOf(() => parseYamlSource('a.yaml', 'a: 1\nb: 2\na: 3\n'));
    expect(d).toMatchObject({ file: 'a.yaml', line: 3, col: 1 });
    expect(d!.message).toMatch(/duplicate key/);
  });

  it('reports malformed YAML as one positioned diagnostic', () => {
    const errors = inputErrorsOf(() => parseYamlSource('a.yaml', 'a:\n  - x\n  y: [1, 2\n'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBeGreaterThanOrEqual(2);
    expect(errors[0]!.message).toMatch(/YAML/);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
      );
    const [d] = inputErrorsOf(() => parseYamlSource('bomb.yaml', `${lines.join('\n')}\n`));
    expect(d!.message).toMatch(/alias/i);
  });

  it('refuses unknown tags', () => {
    const [d] = inputErrorsOf(() => parseYamlSource('a.yaml', 'x: !!js/function "f"\n'));
    expect(d!.message).toMatch(/tag/);
  });

  it('reads an empty file as null', () => {
    expect(parseYamlSource('a.yaml', '').value).toBeNull();
  });
});

describe('locate', () => {
  const s = parseYamlSource('a.yaml', 'top:\n  list:\n    - name: x\n    - name: y\n  other: 1\n');

  it('finds the key of an existing path', () => {
    expect(locate(s, ['top', 'list', 1, 'name'])).toEqual({ line: 4, col: 7, exact: true });
  });

  it('falls back to the nearest existing parent', () => {
    expect(locate(s, ['top', 'missing', 'deeper'])).toEqual({ line: 1, col: 1, exact: false });
    expect(locate(s, ['top', 'list', 5])).toEqual({ line: 2, col: 3, exact: false });
  });

  it('decodes JSON pointers', () => {
    expect(pointerToPath('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
  });
});
