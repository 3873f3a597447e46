// Diagnostics are bounded per file and each problem is listed once, however many the input multiplies.
import { describe, expect, it } from 'vitest';
import { capDiagnostics, DiagnosticList, InputError, MAX_DIAGNOSTICS_PER_FILE, type Diagnostic } from '../../src/errors.js';

const at = (file: string, line: number, message = 'bad'): Diagnostic => ({ file, line, col: 1, message });

describe('capDiagnostics', () => {
  it('lists the first 50 problems of each file once, then one line counting the rest', () => {
    const many = [...Array.from({ length: 120 }, (_, i) => at('a.yaml', i + 1)), at('a.yaml', 1), at('b.yaml', 7), at('b.yaml', 7)];
    const capped = capDiagnostics(many);
    expect(capped.filter((d) => d.file === 'a.yaml')).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
    expect(capped[MAX_DIAGNOSTICS_PER_FILE]).toEqual({
      file: 'a.yaml',
      omitted: 70,
      message: '70 more problems not listed (commready lists the first 50 of a file); fix these first',
    });
    expect(capped.slice(-1)).toEqual([at('b.yaml', 7)]);
    expect(capDiagnostics(capped), 'capping twice changes nothing').toEqual(capped);
    expect(capDiagnostics([...capped, ...Array.from({ length: 5 }, (_, i) => at('a.yaml', 500 + i))])[50]!.omitted).toBe(75);
  });

  it('is what an InputError holds and prints, even for 200,000 problems of one file', () => {
    const error = new InputError(Array.from({ length: 200_000 }, (_, i) => at('big.yaml', i + 1, `problem ${i}`)));
    expect(error.diagnostics).toHaveLength(51);
    expect(error.message.split('\n')).toHaveLength(51);
    expect(error.diagnostics[50]!.message).toMatch(/^199950 more problems not listed/);
  });
});

describe('DiagnosticList', () => {
  it('makes only the diagnostics it lists, each problem once, sorted by position', () => {
    const list = new DiagnosticList('p.yaml', 3);
    let made = 0;
    const make = (line: number) => () => {
      made++;
      return at('p.yaml', line);
    };
    for (const line of [9, 4, 4, 7, 2, 1]) list.add(`key ${line}`, make(line));
    expect(made).toBe(3);
    expect(list.size).toBe(5);
    expect(list.list()).toEqual([
      at('p.yaml', 4),
      at('p.yaml', 7),
      at('p.yaml', 9),
      expect.objectContaining({ file: 'p.yaml', omitted: 2 }),
    ]);
  });
});
