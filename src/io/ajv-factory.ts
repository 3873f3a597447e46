// Loads ajv synchronously on first need (ajv is CommonJS), so runs that use only precompiled
// validators never pay for it. Evidence schemas' `pattern`s run on RE2 (linear time).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { AJV_OPTIONS, AJV_OPTIONS_BY_PURPOSE, type AjvPurpose } from '../validation/schema-validation.js';
import { withQuickUri } from '../validation/formats.js';
import { makeRe2Engine, re2EngineCode, type Re2Class } from '../validation/safe-regexp.js';

const require = createRequire(import.meta.url);

/**
 * The built formats module, by absolute path: standalone code made from this instance requires it from
 * anywhere (the build then bundles it into the precompiled validators).
 */
const FORMATS_MODULE = fileURLToPath(new URL('../validation/formats.js', import.meta.url));

/** Loads re2js's `RE2JS` class (CommonJS build, synchronous). */
export const loadRe2 = (): Re2Class => (require('re2js') as { RE2JS: Re2Class }).RE2JS;

/** The pattern engine for ajv: compiles eagerly, so a pattern RE2 refuses fails at schema compilation. */
export const re2PatternEngine = Object.assign(makeRe2Engine(loadRe2, true), { code: re2EngineCode() });

/**
 * A configured Ajv 2020 instance with formats. Patterns run on RE2 unless `patterns` is 'native', which
 * is only for commready's own schemas: their few patterns are reviewed here, and sparing every run the
 * loading of re2js keeps start-up fast. Methodology authors' schemas always get RE2.
 */
export function createAjv(
  options: Record<string, unknown> & { code?: Record<string, unknown> } = {},
  patterns: 'native' | 're2' = 're2',
): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const { _ } = require('ajv/dist/compile/codegen/index.js') as typeof import('ajv/dist/compile/codegen/index.js');
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const { fullFormats } = require('ajv-formats/dist/formats.js') as typeof import('ajv-formats/dist/formats.js');
  const ajv = new Ajv({
    ...AJV_OPTIONS,
    ...options,
    code: {
      ...(patterns === 're2' ? { regExp: re2PatternEngine } : {}),
      // Precompiled (standalone) validators take their formats from the same module.
      formats: _`require(${FORMATS_MODULE}).withQuickUri(require("ajv-formats/dist/formats.js").fullFormats)`,
      ...options.code,
    },
  });
  addFormats(ajv); // its keywords (formatMinimum, …); the formats themselves are replaced just below
  for (const [name, format] of Object.entries(withQuickUri(fullFormats))) ajv.addFormat(name, format);
  return ajv;
}

/** An instance for one purpose of createValidation, with that purpose's options (and `extra`, for the build). */
export function createAjvFor(purpose: AjvPurpose, extra: Record<string, unknown> & { code?: Record<string, unknown> } = {}): Ajv2020 {
  return createAjv({ ...AJV_OPTIONS_BY_PURPOSE[purpose], ...extra }, purpose === 'evidence' ? 're2' : 'native');
}
