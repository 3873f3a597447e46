// The real path of a file that may not exist yet: the one answer to "is this the same file?".
import { realpathSync } from 'node:fs';
import path from 'node:path';

/** The file's real path, following links; for a file not yet written, its directory's real path and its name. */
export function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}
