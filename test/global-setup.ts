// Every temporary folder a test makes (and every one the commands it spawns make) lives under one folder
// for the run, removed when the run ends: `npm test` leaves nothing behind in the system's temp folder.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'commready-tests-'));
  // Some tests run the CLI as an unprivileged user on folders inside: it must be able to reach them.
  chmodSync(root, 0o755);
  // Workers and the processes tests spawn start after this, and read it through os.tmpdir().
  process.env.TMPDIR = root;
  process.env.TMP = root;
  process.env.TEMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
