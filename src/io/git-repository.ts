// Reads a git repository through plumbing only (rev-parse, ls-tree, cat-file, log, for-each-ref,
// rev-list, config --get), with fixed arguments and a cleaned environment: nothing from the repository
// is executed (no hooks, pagers, textconv or external diff drivers, no fsmonitor, no signature checks),
// files are read as blobs of a commit and never through the work tree (so no link leads out of it),
// and every read is capped. The only writes are git's own, and none are asked for.
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../errors.js';

/** Settings that override anything the repository's or the user's config could make git run or print. */
const SAFE_CONFIG = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.quotePath=false',
  // Offline: no transport at all, so a partial clone never fetches an object it lacks from its promisor.
  'protocol.allow=never',
  'log.showSignature=false',
  'log.decorate=false',
  'log.mailmap=false',
  'log.follow=false',
  'color.ui=false',
  'i18n.logOutputEncoding=UTF-8',
];

/**
 * The environment git runs in: the caller's, minus every GIT_* variable (which could point git at
 * another repository, add configuration or an external diff), with prompts and optional locks off,
 * replace refs ignored (the history read is the commits' own) and output flushed only when full.
 */
export function gitEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) if (!key.startsWith('GIT_')) clean[key] = value;
  return {
    ...clean,
    GIT_TERMINAL_PROMPT: '0',
    // git flushes its output after every commit when writing to a pipe; a reader that streams does not need it.
    GIT_FLUSH: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    // git 2.44 and later: report an object a partial clone lacks as missing instead of fetching it.
    GIT_NO_LAZY_FETCH: '1',
    GIT_PAGER: 'cat',
    GIT_ASKPASS: '',
    GIT_EDITOR: ':',
    LC_ALL: 'C',
    LANGUAGE: 'C',
  };
}

/** git failed, or said something other than what was expected. */
export class GitFailure extends Error {
  override name = 'GitFailure';
  constructor(
    message: string,
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(message);
  }
}

export interface GitRunner {
  /** Runs git and returns its standard output; fails beyond `maxBytes` of output. */
  run(args: readonly string[], options?: { input?: string; maxBytes?: number; okCodes?: readonly number[] }): Promise<Buffer>;
  /** Runs git and hands its standard output, decoded as UTF-8, to `onText` as it arrives. */
  stream(args: readonly string[], onText: (text: string) => void): Promise<void>;
}

const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;

export function createGitRunner(dir: string, env: NodeJS.ProcessEnv, gitBinary = 'git'): GitRunner {
  const environment = gitEnvironment(env);
  const argv = (args: readonly string[]): string[] => {
    const out = ['--no-pager', '--no-replace-objects'];
    for (const setting of SAFE_CONFIG) out.push('-c', setting);
    for (const a of args) out.push(a);
    return out;
  };
  const start = (args: readonly string[]) =>
    spawn(gitBinary, argv(args), { cwd: dir, env: environment, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });

  return {
    run(args, options = {}) {
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_OUTPUT;
      return new Promise((resolve, reject) => {
        const child = start(args);
        const chunks: Buffer[] = [];
        let size = 0;
        let stderr = '';
        let overflow = false;
        child.stdout.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            overflow = true;
            child.kill();
            return;
          }
          chunks.push(chunk);
        });
        child.stderr.on('data', (chunk: Buffer) => {
          if (stderr.length < 4096) stderr += chunk.toString('utf8');
        });
        child.on('error', (error) => reject(spawnFailure(error)));
        child.on('close', (code) => {
          if (overflow) reject(new GitFailure(`git ${args[0] ?? ''} printed more than ${maxBytes} bytes`, code, stderr));
          else if (code === 0 || (options.okCodes ?? []).includes(code ?? -1)) resolve(Buffer.concat(chunks, size));
          else reject(new GitFailure(firstLine(stderr) || `git ${args[0] ?? ''} exited with ${code}`, code, stderr));
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input ?? '');
      });
    },
    stream(args, onText) {
      return new Promise((resolve, reject) => {
        const child = start(args);
        const decoder = new StringDecoder('utf8');
        let stderr = '';
        let failed: unknown;
        child.stdout.on('data', (chunk: Buffer) => {
          if (failed !== undefined) return;
          try {
            onText(decoder.write(chunk));
          } catch (error) {
            failed = error;
            child.kill();
          }
        });
        child.stderr.on('data', (chunk: Buffer) => {
          if (stderr.length < 4096) stderr += chunk.toString('utf8');
        });
        child.on('error', (error) => reject(spawnFailure(error)));
        child.on('close', (code) => {
          if (failed !== undefined) return reject(failed);
          const rest = decoder.end();
          if (rest.length > 0) onText(rest);
          if (code === 0) resolve();
          else reject(new GitFailure(firstLine(stderr) || `git ${args[0] ?? ''} exited with ${code}`, code, stderr));
        });
        child.stdin.end();
      });
    },
  };
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim().length > 0) ?? '').trim();
}

function spawnFailure(error: Error): GitFailure {
  const code = (error as NodeJS.ErrnoException).code;
  return new GitFailure(
    code === 'ENOENT' ? 'git is not installed (or not on PATH); detect reads history with it' : error.message,
    null,
    '',
  );
}

/** What rev-parse says about the directory. */
export interface RepositoryInfo {
  bare: boolean;
  shallow: boolean;
  /** The branch HEAD is on (`main`), absent when detached. */
  branch?: string;
  /** The forge URL of `origin`, with any credentials removed (`https://github.com/o/r`). */
  webUrl?: string;
  /** A partial clone: objects it lacks (file contents, mostly) are never fetched, so they are not read. */
  partial: boolean;
}

/** The directory's repository, or undefined when it is not in one. Other failures are InputErrors on `dir`. */
export async function openRepository(git: GitRunner, dir: string): Promise<RepositoryInfo | undefined> {
  // What the repository is and which branch HEAD is on (exit 128 without commits, after printing the
  // first two answers), and, side by side, where origin is.
  const kind = git.run(['rev-parse', '--is-bare-repository', '--is-shallow-repository', '--abbrev-ref', 'HEAD'], { okCodes: [128] });
  const remote = git.run(['config', '--get', 'remote.origin.url'], { okCodes: [1] });
  remote.catch(() => undefined);
  const promisor = git.run(['config', '--get-regexp', '^(remote\\..+\\.promisor|extensions\\.partialclone)$'], { okCodes: [1] });
  promisor.catch(() => undefined);
  let lines: string[];
  try {
    lines = (await kind).toString('utf8').trim().split('\n');
  } catch (error) {
    if (error instanceof GitFailure && /not a git repository/i.test(error.stderr)) return undefined;
    if (error instanceof GitFailure) throw new InputError([{ file: dir, message: `git cannot read it: ${error.message}` }]);
    throw error;
  }
  const [bare, shallow, branch] = lines;
  if (bare !== 'true' && bare !== 'false') return undefined;
  const webUrl = forgeUrl((await remote).toString('utf8').trim());
  const partial = (await promisor)
    .toString('utf8')
    .split('\n')
    .some((line) => line.length > 0 && !/ false$/i.test(line));
  return {
    bare: bare === 'true',
    shallow: shallow === 'true',
    partial,
    ...(branch !== undefined && branch.length > 0 && branch !== 'HEAD' ? { branch } : {}),
    ...(webUrl ? { webUrl } : {}),
  };
}

/** What readHead gives: HEAD, its committer time, its tree and the `.mailmap` of that tree. */
export interface HeadInfo {
  head: string;
  time: number;
  tree: TreeEntry[];
  mailmap?: Buffer;
  mailmapSkipped?: 'link' | 'large' | 'absent';
  /** In a partial clone: blobs of HEAD's tree that are not here (left out of `tree`, never fetched). */
  missing?: number;
}

/**
 * The commit HEAD names, its committer time, its tree (every entry, with sizes) and the `.mailmap` blob of
 * that tree when it is a regular file (not a link): one cat-file call and one ls-tree call, side by side.
 * In a partial clone the tree holds only the blobs that are here. Undefined without commits.
 */
export async function readHead(git: GitRunner, partial = false): Promise<HeadInfo | undefined> {
  const batch = git.run(['cat-file', '--batch'], { input: partial ? 'HEAD\n' : 'HEAD\nHEAD:.mailmap\n' });
  const tree = partial ? presentTree(git) : listTree(git, 'HEAD').then((entries) => ({ entries, missing: [] as string[] }));
  tree.catch(() => undefined);
  const out = await batch;
  const eol = out.indexOf(10);
  const header = out.subarray(0, eol).toString('utf8').split(' ');
  if (header[1] !== 'commit') return undefined;
  const size = Number(header[2]);
  const commit = out.subarray(eol + 1, eol + 1 + size).toString('utf8');
  const committer = commit.split('\n').find((l) => l.startsWith('committer '));
  const time = committer ? / (\d+) [+-]\d{4}$/.exec(committer) : null;
  if (!time) throw new GitFailure('HEAD has no committer date', 0, '');
  const { entries, missing } = await tree;
  const entry = entries.find((e) => e.path === '.mailmap' && e.type === 'blob');
  let blob: Buffer | undefined;
  if (partial) {
    if (entry && entry.mode !== '120000' && (entry.size ?? 0) <= MAX_MAILMAP)
      blob = (await readBlobs(git, [entry.oid], MAX_MAILMAP)).get(entry.oid);
  } else {
    const at = eol + 1 + size + 1;
    const next = out.indexOf(10, at);
    const mailmapHeader = next < 0 ? [] : out.subarray(at, next).toString('utf8').split(' ');
    if (mailmapHeader[1] === 'blob') blob = out.subarray(next + 1, next + 1 + Number(mailmapHeader[2]));
  }
  let mailmap: Buffer | undefined;
  let mailmapSkipped: 'link' | 'large' | 'absent' | undefined;
  if (missing.includes('.mailmap')) mailmapSkipped = 'absent';
  else if (entry) {
    if (entry.mode === '120000') mailmapSkipped = 'link';
    else if ((entry.size ?? 0) > MAX_MAILMAP) mailmapSkipped = 'large';
    else mailmap = blob;
  }
  return {
    head: header[0]!,
    time: Number(time[1]),
    tree: entries,
    ...(mailmap ? { mailmap } : {}),
    ...(mailmapSkipped ? { mailmapSkipped } : {}),
    ...(partial ? { missing: missing.length } : {}),
  };
}

/**
 * HEAD's tree in a partial clone, without fetching: the objects it lacks come from `rev-list --missing=print`
 * (which never fetches) and are left out; the sizes of the blobs that are here come from `cat-file
 * --batch-check`. A tree that is not here either (a `tree:0` filter) gives no entries.
 */
async function presentTree(git: GitRunner): Promise<{ entries: TreeEntry[]; missing: string[] }> {
  const listed = await git.run(['rev-list', '--objects', '--missing=print', '--no-walk', 'HEAD']);
  const absent = new Set<string>();
  for (const line of listed.toString('utf8').split('\n')) if (line.startsWith('?')) absent.add(line.slice(1).trim());
  let entries: TreeEntry[];
  try {
    entries = await listTree(git, 'HEAD', [], false);
  } catch (error) {
    if (error instanceof GitFailure && absent.size > 0) return { entries: [], missing: [...absent] };
    throw error;
  }
  const present = entries.filter((e) => e.type === 'blob' && !absent.has(e.oid));
  const sizes = new Map<string, number>();
  if (present.length > 0) {
    const out = await git.run(['cat-file', '--batch-check'], { input: [...new Set(present.map((e) => `${e.oid}\n`))].join('') });
    for (const line of out.toString('utf8').split('\n')) {
      const [oid, type, size] = line.split(' ');
      if (oid && type === 'blob') sizes.set(oid, Number(size));
    }
  }
  const kept = entries
    .filter((e) => e.type !== 'blob' || sizes.has(e.oid))
    .map((e) => (e.type === 'blob' ? { ...e, size: sizes.get(e.oid)! } : e));
  return { entries: kept, missing: entries.filter((e) => e.type === 'blob' && absent.has(e.oid)).map((e) => e.path) };
}

/** A .mailmap larger than this is not read (git's own is tens of kilobytes). */
export const MAX_MAILMAP = 4 * 1024 * 1024;

/**
 * A remote URL as the web address of the repository on its forge, without credentials:
 * `git@github.com:o/r.git`, `ssh://git@host/o/r`, `https://user:token@host/o/r.git` → `https://host/o/r`.
 * Anything else (a local path, another scheme) gives undefined.
 */
export function forgeUrl(remote: string): string | undefined {
  let host: string;
  let repoPath: string;
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+)$/.exec(remote);
  if (scp) {
    host = scp[1]!;
    repoPath = scp[2]!;
  } else {
    let url: URL;
    try {
      url = new URL(remote);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
    host = url.hostname;
    repoPath = url.pathname.replace(/^\//, '');
  }
  repoPath = repoPath.replace(/\.git\/?$/, '').replace(/\/+$/, '');
  if (!/^[\w.-]+$/.test(host) || !/^[\w.~-]+(?:\/[\w.~-]+)+$/.test(repoPath) || repoPath.split('/').includes('..')) return undefined;
  return `https://${host}/${repoPath}`;
}

/** One entry of a tree: a regular file (blob), its size, its object id. */
export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  size?: number;
}

/** Every entry of the commit's tree (recursive), read with ls-tree: sizes included, nothing read from the work tree. */
export async function listTree(git: GitRunner, rev: string, paths: readonly string[] = [], sizes = true): Promise<TreeEntry[]> {
  // Sizes make git read every blob's header: a partial clone asks without them (see presentTree).
  const args = ['ls-tree', '-r', ...(sizes ? ['-l'] : []), '-z', '--full-tree', rev];
  if (paths.length > 0) {
    args.push('--');
    for (const p of paths) args.push(p);
  }
  const out = (await git.run(args)).toString('utf8');
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    if (record.length === 0) continue;
    const tab = record.indexOf('\t');
    const [mode, type, oid, size] = record.slice(0, tab).split(/\s+/);
    if (tab < 0 || !mode || !oid || (type !== 'blob' && type !== 'tree' && type !== 'commit')) continue;
    const n = Number(size);
    entries.push({ path: record.slice(tab + 1), mode, type, oid, ...(Number.isFinite(n) ? { size: n } : {}) });
  }
  return entries;
}

/** The blobs' contents, by object id, each read only when it is at most `maxBytes` (the caller checks sizes first). */
export async function readBlobs(git: GitRunner, oids: readonly string[], maxBytes: number): Promise<Map<string, Buffer>> {
  const unique = [...new Set(oids)];
  const found = new Map<string, Buffer>();
  if (unique.length === 0) return found;
  const out = await git.run(['cat-file', '--batch'], {
    input: unique.map((o) => `${o}\n`).join(''),
    maxBytes: unique.length * (maxBytes + 128),
  });
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    if (!Number.isFinite(size) || at + size > out.length) break;
    if (header[1] === 'blob' && size <= maxBytes) found.set(header[0]!, out.subarray(at, at + size));
    at += size + 1;
  }
  return found;
}

/** Which of the `<rev>:<path>` names exist as blobs (cat-file --batch-check): one git call for all. */
export async function blobsExist(git: GitRunner, names: readonly string[]): Promise<boolean[]> {
  if (names.length === 0) return [];
  const out = (await git.run(['cat-file', '--batch-check'], { input: names.map((n) => `${n}\n`).join('') })).toString('utf8');
  const lines = out.split('\n');
  return names.map((_, i) => / blob \d+$/.test(lines[i] ?? ''));
}

/** Tags with the time of the tag (annotated) or of the commit (lightweight). */
export async function listTags(git: GitRunner): Promise<{ name: string; time: number }[]> {
  const out = (await git.run(['for-each-ref', '--format=%(refname:strip=2)%00%(creatordate:unix)', 'refs/tags'])).toString('utf8');
  const tags: { name: string; time: number }[] = [];
  for (const line of out.split('\n')) {
    const [name, time] = line.split('\0');
    const t = Number(time);
    if (name && time && Number.isFinite(t)) tags.push({ name, time: t });
  }
  return tags;
}

/** The first-parent chain from `rev` (ids), for when the log's order left it incomplete. */
export async function firstParentChain(git: GitRunner, rev: string): Promise<{ hash: string; time: number }[]> {
  const listed = (await git.run(['log', '--first-parent', '-z', '--format=%H%x1f%ct', rev])).toString('utf8');
  return listed
    .split('\0')
    .filter((r) => r.length > 0)
    .map((r) => {
      const [hash, time] = r.split('\x1f');
      return { hash: hash!, time: Number(time) };
    });
}
