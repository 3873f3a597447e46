// Loads ajv synchronously on first need (ajv is CommonJS), so runs that use only precompiled
// validators never pay for it.
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { AJV_OPTIONS } from '../validation/schema-validation.js';

const require = createRequire(import.meta.url);

export function createAjv(options: Record<string, unknown> = {}): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const ajv = new Ajv({ ...AJV_OPTIONS, ...options });
  addFormats(ajv);
  return ajv;
}
