// Human-readable text reaches the streams through a few choke points only, each of which sanitises it;
// a new direct write fails here until it is reviewed and listed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** file → how many direct writes to standard output or error it may make (each one sanitised, see the file). */
const ALLOWED: Record<string, number> = {
  'src/cli/io.ts': 5, // the process streams themselves: descriptor 1, its stream fallback, standard error and a stream error line
  'src/cli/main.ts': 6, // diagnostics, refused outputs, usage, interruption and internal errors, debug stack
  'src/cli/commander-program.ts': 5, // commander's output hooks (its errors sanitised in outputError) and the help
  'src/cli/commands/interview.ts': 2, // the prompts' own screen (every plan text through safeText) and a closing line with a sanitised file name
  'src/cli/write-text.ts': 1, // sanitizeOutput
  'src/cli/write-outputs.ts': 1, // sanitizeOutput for human formats; machine formats escape by their own rules
  'src/cli/commands/diff.ts': 1, // sanitizeOutput or escaped Markdown
  'src/cli/commands/lint.ts': 2, // sanitised warnings (one helper); --print-config's JSON
  'src/cli/commands/detect.ts': 1, // sanitizeOutput for text; JSON escaped by escapeJsonText
  'src/cli/commands/docs.ts': 2, // sanitised file names
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

describe('output choke points', () => {
  it('only the listed modules write to the streams directly', () => {
    const found: Record<string, number> = {};
    for (const file of sourceFiles('src')) {
      const n = [
        ...readFileSync(file, 'utf8').matchAll(
          /\b(?:io\.(?:stdout|stderr)\(|process\.(?:stdout|stderr)\.write\(|\w*Stream\.write\(|writeSync\([12],|console\.(?:log|error|warn)\(|writeOut:|writeErr:)/g,
        ),
      ].length;
      if (n > 0) found[file.split(path.sep).join('/')] = n;
    }
    expect(found).toEqual(ALLOWED);
  });
});
