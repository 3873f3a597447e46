// The package's version, read from package.json (kept apart so that --version loads nothing else).
import { readFileSync } from 'node:fs';

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
