// The code of dist/generated/validators.cjs: the plan schema's validator (commready's own patterns,
// native) and the evidence schemas' validators (authors' patterns, on RE2, the run-time engine), as one
// CommonJS module. Kept apart from precompile.mjs so that tests can generate it for any schema.
import { createRequire } from 'node:module';
import { createAjvFor } from '../dist/io/ajv-factory.js';

const require = createRequire(import.meta.url);
const standaloneCode = require('ajv/dist/standalone/index.js').default;

/**
 * @param {Record<string, unknown>} planSchema
 * @param {Record<string, unknown>} evidence evidence schemas by export name
 * @returns {string}
 */
export function validatorsModuleCode(planSchema, evidence) {
  const ownAjv = createAjvFor('plan', { code: { source: true } });
  ownAjv.addSchema(planSchema);
  const evidenceAjv = createAjvFor('evidence', { code: { source: true } });
  for (const [key, schema] of Object.entries(evidence)) evidenceAjv.addSchema(schema, key);
  const evidenceExports = Object.fromEntries(Object.keys(evidence).map((k) => [k, k]));
  // Each standalone module is wrapped so that two can share a file.
  const part = (ajv, exportsMap) =>
    `(function () {\nconst module = { exports: {} };\nconst exports = module.exports;\n${standaloneCode(ajv, exportsMap)}\nreturn module.exports;\n})()`;
  const parts = [part(ownAjv, { plan: String(planSchema.$id) })];
  if (Object.keys(evidence).length > 0) parts.push(part(evidenceAjv, evidenceExports));
  return `"use strict";\nmodule.exports = Object.assign({}, ${parts.join(', ')});\n`;
}
