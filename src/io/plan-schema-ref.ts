// The `$schema` reference a new plan file gets: stable wherever the file lives, never into an npx cache.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { toolVersion } from './tool-version.js';

const INSTALLED = path.join('node_modules', 'commready', 'schemas', 'plan.schema.json');

/**
 * Relative to the project's own installed copy (`node_modules/commready/…`, looked for from the plan's
 * directory upward) when there is one; otherwise the published schema of this version.
 */
export function planSchemaRef(planFile: string, version = toolVersion()): string {
  const start = path.dirname(path.resolve(planFile));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, INSTALLED);
    if (existsSync(candidate)) {
      const rel = path.relative(start, candidate).split(path.sep).join('/');
      return rel.startsWith('.') ? rel : `./${rel}`;
    }
    if (path.dirname(dir) === dir) break;
  }
  return `https://unpkg.com/commready@${version}/schemas/plan.schema.json`;
}
