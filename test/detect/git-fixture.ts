// Synthetic git repositories built at test time with `git fast-import`: fixed identities and raw
// timestamps, so every figure is known in advance; a repository of a few dozen commits takes
// milliseconds. Nothing is checked out: detect reads through plumbing, as it must.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DAY = 86_400;

/** Unix seconds of an ISO date-time (UTC). */
export function at(iso: string): number {
  return Date.parse(iso.includes('T') ? iso : `${iso}T12:00:00Z`) / 1000;
}

export type FileContent = string | { symlink: string } | { bytes: number };

export interface FixtureCommit {
  /** `Name <address>`; default `Ada Lovelace <ada@example.org>`. */
  author?: string;
  time: number;
  committerTime?: number;
  message?: string;
  files?: Record<string, FileContent>;
  remove?: string[];
  /** A commit on a side branch first, merged by this one (which then changes nothing itself). */
  mergeOf?: FixtureCommit;
  /** An annotated tag on this commit, dated like it. */
  tag?: string;
}

const created: string[] = [];

/** Removes every repository this module built. */
export function removeFixtures(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function tempDir(prefix = 'commready-detect-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** fast-import's `data` command: the length in bytes, then the bytes. */
function data(text: string | Buffer): Buffer {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')]);
}

function modifications(files: Record<string, FileContent> = {}, remove: string[] = []): Buffer[] {
  const out: Buffer[] = [];
  for (const [p, content] of Object.entries(files)) {
    if (typeof content === 'string') out.push(Buffer.from(`M 100644 inline ${p}\n`), data(content));
    else if ('symlink' in content) out.push(Buffer.from(`M 120000 inline ${p}\n`), data(content.symlink));
    else out.push(Buffer.from(`M 100644 inline ${p}\n`), data(Buffer.alloc(content.bytes, 0x61)));
  }
  for (const p of remove) out.push(Buffer.from(`D ${p}\n`));
  return out;
}

export interface RepoOptions {
  bare?: boolean;
  /** The URL of `origin` (never contacted). */
  remote?: string;
}

/** A repository holding `commits` on `main`, oldest first. Returns its directory. */
export function buildRepo(commits: readonly FixtureCommit[], options: RepoOptions = {}): string {
  const dir = tempDir();
  const git = (args: string[], input?: Buffer): string =>
    execFileSync('git', args, { cwd: dir, input, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
  git(['init', '-q', ...(options.bare ? ['--bare'] : []), '-b', 'main', '.']);
  if (options.remote) git(['remote', 'add', 'origin', options.remote]);
  if (commits.length === 0) return dir;
  const stream: Buffer[] = [];
  let mark = 0;
  let main = 0;
  for (const c of commits) {
    const commitText = (x: FixtureCommit, ref: string, from: number, merge?: number): void => {
      const who = x.author ?? 'Ada Lovelace <ada@example.org>';
      const m = ++mark;
      stream.push(
        Buffer.from(`commit ${ref}\nmark :${m}\nauthor ${who} ${x.time} +0000\ncommitter ${who} ${x.committerTime ?? x.time} +0000\n`),
        data(x.message ?? `Change at ${x.time}\n`),
        Buffer.from(`${from ? `from :${from}\n` : ''}${merge ? `merge :${merge}\n` : ''}`),
      );
      for (const b of modifications(x.files, x.remove)) stream.push(b);
      stream.push(Buffer.from('\n'));
    };
    if (c.mergeOf) {
      commitText(c.mergeOf, 'refs/heads/topic', main);
      const side = mark;
      commitText({ ...c, files: c.files ?? {}, message: c.message ?? 'Merge topic\n' }, 'refs/heads/main', main, side);
    } else commitText(c, 'refs/heads/main', main);
    main = mark;
    if (c.tag)
      stream.push(Buffer.from(`tag ${c.tag}\nfrom :${main}\ntagger Ada Lovelace <ada@example.org> ${c.time} +0000\n`), data('release\n'));
  }
  stream.push(Buffer.from('done\n'));
  git(['fast-import', '--quiet', '--done'], Buffer.concat(stream));
  git(['symbolic-ref', 'HEAD', 'refs/heads/main']);
  return dir;
}

/** `count` commits by `author`, one a day ending at `last`. */
export function daily(author: string, last: number, count: number, extra: Partial<FixtureCommit> = {}): FixtureCommit[] {
  return Array.from({ length: count }, (_, i) => ({ author, time: last - (count - 1 - i) * DAY, ...extra }));
}

/** Sorted by time, oldest first: the order a history is written in. */
export function chronological(commits: FixtureCommit[]): FixtureCommit[] {
  return [...commits].sort((a, b) => a.time - b.time);
}
