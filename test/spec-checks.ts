// The CI formats checked as their consumers read them: SARIF against the OASIS schema (ajv, draft-04), JUnit
// against the Ant/Jenkins XSD and SVG as well-formed XML (xmllint), Markdown with markdownlint-cli2's defaults.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const SPECS = path.resolve('test/fixtures/specs');

export interface SpecCheck {
  ok: boolean;
  output: string;
}

let sarifValidate: (((data: unknown) => boolean) & { errors?: unknown }) | undefined;

export function checkSarif(text: string): SpecCheck {
  if (!sarifValidate) {
    const Ajv04 = require('ajv-draft-04') as new (options: Record<string, unknown>) => { compile(schema: unknown): typeof sarifValidate };
    const addFormats = require('ajv-formats') as (ajv: unknown) => void;
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats(ajv);
    sarifValidate = ajv.compile(JSON.parse(readFileSync(path.join(SPECS, 'sarif-schema-2.1.0.json'), 'utf8')));
  }
  const ok = sarifValidate!(JSON.parse(text));
  return { ok, output: ok ? '' : JSON.stringify(sarifValidate!.errors, null, 1).slice(0, 3000) };
}

export function tempDir(prefix = 'commready-spec-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs xmllint on the files; with a schema, validates them. Fails loudly when xmllint is missing. */
export function xmllint(files: readonly string[], schema?: string): SpecCheck {
  const args = ['--noout', ...(schema ? ['--schema', path.join(SPECS, schema)] : []), ...files];
  const r = spawnSync('xmllint', args, { encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw new Error(`xmllint could not run (install libxml2-utils): ${r.error.message}`);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Writes each text to a file in a fresh directory and runs xmllint on them all. */
export function xmllintTexts(texts: Readonly<Record<string, string>>, schema?: string): SpecCheck {
  const dir = tempDir();
  const files = Object.entries(texts).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  });
  return xmllint(files, schema);
}

/**
 * Runs markdownlint-cli2 with its default rules on the texts, written to a fresh directory outside the
 * repository so that no configuration file applies.
 */
export function markdownlintTexts(texts: Readonly<Record<string, string>>): SpecCheck {
  const dir = tempDir('commready-md-');
  for (const [name, text] of Object.entries(texts)) writeFileSync(path.join(dir, name), text);
  const bin = path.resolve('node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const r = spawnSync(process.execPath, [bin, ...Object.keys(texts)], { cwd: dir, encoding: 'utf8', timeout: 60_000, input: '' });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Characters no input may carry into an output: C0 but LF, DEL, C1, bidi controls, lone surrogates. */
export const UNSAFE_OUTPUT =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A line that a CI runner would read as a workflow command. */
export const WORKFLOW_COMMAND_LINE = /^\s*::/m;
