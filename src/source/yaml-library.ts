// Loads the exact YAML parser (yaml, CommonJS) synchronously on first need, so that files the fast
// reader reads never pay for loading it. Loading a module is this file's only effect; that is why it
// alone may import node:module (see eslint.config.js).
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let library: typeof Yaml | undefined;

/** The `yaml` package, loaded on first call. */
export function yamlLibrary(): typeof Yaml {
  return (library ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
