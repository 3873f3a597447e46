// Collects what `commready detect` reads, then hands it to the pure detectors in src/detect/: a git
// repository through plumbing (its tree, the community files and .mailmap as blobs of HEAD, one
// streamed `git log`, its tags), exports of issues or forum posts, and an affiliation map. The time base
// is the HEAD commit's committer date (or --as-of, or the exports' latest post), never the clock, so
// two runs on one commit agree.
import { statSync } from 'node:fs';
import path from 'node:path';
import { InputError, type Diagnostic } from '../errors.js';
import { parseAffiliations, type Affiliations } from '../detect/affiliations.js';
import { isConductStub } from '../detect/code-of-conduct.js';
import { detectCommunityFiles, fileKind, MAX_COMMUNITY_FILE, selectCommunityFiles, type RepoFile } from '../detect/community-files.js';
import { exportProposals, latestPost } from '../detect/export-metrics.js';
import { ExportShapeError, parseDiscourse, parseGitHubIssues, type ExportData } from '../detect/exports.js';
import {
  GIT_LOG_FORMAT,
  HistoryAccumulator,
  RecordSplitter,
  parseCommitRecord,
  personResolver,
  utcDate,
  type CommitChain,
  type HistorySummary,
} from '../detect/git-history.js';
import { historyProposals } from '../detect/history-proposals.js';
import { EMPTY_MAILMAP, parseMailmap, type Mailmap } from '../detect/mailmap.js';
import { mergeProposals, withoutPersonalData } from '../detect/review-proposals.js';
import type { Detection, ExportFacts, Note, Proposal, TimeBase } from '../detect/types.js';
import { daysBetween } from '../text/dates.js';
import {
  GitFailure,
  MAX_MAILMAP,
  blobsExist,
  readHead,
  createGitRunner,
  firstParentChain,
  listTags,
  listTree,
  openRepository,
  readBlobs,
  type GitRunner,
  type HeadInfo,
  type RepositoryInfo,
} from './git-repository.js';
import { readTextFile } from './read-input.js';

export interface DetectInputs {
  /** The repository's directory (its work tree, a subfolder of it, or a bare repository). */
  dir: string;
  env: NodeJS.ProcessEnv;
  /** `gh issue list --json number,author,createdAt,closedAt,comments` output. */
  issues?: string;
  /** A Discourse export: topics with their post stream, or posts with their topic. */
  forum?: string;
  /** An affiliation map (address or domain, organisation, optional `< YYYY-MM-DD`). */
  affiliations?: string;
  /** Measure as of the end of this day (UTC) instead of the HEAD commit's date. */
  asOf?: string;
  /** Today (YYYY-MM-DD): only to say when as_of is already too old for the plan's freshness limit. */
  today: string;
  maxAgeDays?: number;
  /** The git binary (tests may point at another). */
  git?: string;
}

function parseJsonFile(file: string): unknown {
  const text = readTextFile(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    if (at) {
      const offset = Number(at[1]);
      const before = text.slice(0, offset).split('\n');
      throw new InputError([
        {
          file,
          line: before.length,
          col: before[before.length - 1]!.length + 1,
          message: `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
        },
      ]);
    }
    throw new InputError([{ file, message: `not valid JSON: ${message}` }]);
  }
}

/** Reads an export; a shape it does not recognise is one line `file: what is wrong`. */
export function readExport(file: string, kind: 'issues' | 'forum'): ExportData {
  const data = parseJsonFile(file);
  try {
    return kind === 'issues' ? parseGitHubIssues(data) : parseDiscourse(data);
  } catch (error) {
    if (error instanceof ExportShapeError) throw new InputError([{ file, message: error.message }]);
    throw error;
  }
}

export function readAffiliations(file: string): Affiliations {
  const { affiliations, problems } = parseAffiliations(readTextFile(file));
  if (problems.length > 0) throw new InputError(problems.map((p): Diagnostic => ({ file, line: p.line, col: 1, message: p.message })));
  return affiliations;
}

/** The web address of a path on the forge (GitHub, GitLab, Gitea/Codeberg, Bitbucket layouts). */
export function fileUrl(webUrl: string, ref: string, filePath: string): string {
  const host = new URL(webUrl).hostname;
  const encoded = filePath.split('/').map(encodeURIComponent).join('/');
  const refPart = encodeURIComponent(ref);
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return `${webUrl}/-/blob/${refPart}/${encoded}`;
  if (host === 'codeberg.org' || host.startsWith('gitea.'))
    return `${webUrl}/src/${/^[0-9a-f]{40,64}$/.test(ref) ? 'commit' : 'branch'}/${refPart}/${encoded}`;
  if (host === 'bitbucket.org') return `${webUrl}/src/${refPart}/${encoded}`;
  return `${webUrl}/blob/${refPart}/${encoded}`;
}

function gitProblem(dir: string, error: unknown): never {
  if (error instanceof GitFailure) throw new InputError([{ file: dir, message: `git could not read it: ${error.message}` }]);
  throw error;
}

/** The end of a UTC day, Unix seconds: `--as-of 2026-08-20` measures up to 23:59:59 that day. */
function endOfDay(date: string): number {
  return Date.parse(`${date}T23:59:59Z`) / 1000;
}

/**
 * Finds the main-line commit where a file first appeared: the oldest commit of the first-parent chain
 * whose tree has it, by a search that probes up to 128 commits per git call. Where the file appeared
 * under its name by a move (a code of conduct file of another name in the commit before), the search
 * continues with the old name, up to five moves.
 */
async function firstOnMainLine(
  git: GitRunner,
  chain: CommitChain,
  file: string,
): Promise<{ index: number; moved: boolean; path: string } | undefined> {
  let current = file;
  let moved = false;
  let start = 0;
  const present = async (indexes: number[], p: string): Promise<boolean[]> =>
    blobsExist(
      git,
      indexes.map((i) => `${chain.hash(i)}:${p}`),
    );
  for (let hop = 0; hop < 6; hop++) {
    let lo = start;
    let hi = chain.length - 1;
    if (hi < lo) return undefined;
    // Each git call probes up to 128 commits spread over the range still open: three calls for a main
    // line of a hundred thousand commits. The first call also checks both ends.
    let first = true;
    while (hi - lo > 1 || first) {
      const step = Math.max(1, Math.floor((hi - lo) / 128));
      const probes: number[] = first ? [lo] : [];
      for (let i = lo + step; i < hi; i += step) probes.push(i);
      probes.push(hi);
      const found = await present(probes, current);
      if (first) {
        if (!found[0]) return undefined;
        if (found[found.length - 1]) return { index: hi, moved, path: current };
        first = false;
      }
      let newLo = lo;
      let newHi = hi;
      for (let k = 0; k < probes.length; k++) {
        if (found[k]) newLo = probes[k]!;
        else {
          newHi = probes[k]!;
          break;
        }
      }
      if (newLo === lo && newHi === hi) break;
      lo = newLo;
      hi = newHi;
    }
    // lo has the file, hi (its first parent on the main line) does not: was it moved there?
    const before = await listTree(git, chain.hash(hi));
    const previous = before.find((e) => e.type === 'blob' && fileKind(e.path) === 'coc' && e.path !== current);
    if (!previous) return { index: lo, moved, path: current };
    moved = true;
    current = previous.path;
    start = hi;
  }
  return undefined;
}

/** The directory given must be one: anything else is one line on it. */
function checkDirectory(dir: string): void {
  try {
    if (!statSync(dir).isDirectory()) throw new InputError([{ file: dir, message: 'is not a directory; give the repository folder' }]);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file: dir, message: 'directory not found' }]);
  }
}

interface ExportRead {
  file: string;
  data: ExportData;
}

/** The exports given, read and checked before git runs. */
function readExports(inputs: DetectInputs): ExportRead[] {
  const read: ExportRead[] = [];
  if (inputs.issues !== undefined) read.push({ file: inputs.issues, data: readExport(inputs.issues, 'issues') });
  if (inputs.forum !== undefined) read.push({ file: inputs.forum, data: readExport(inputs.forum, 'forum') });
  return read;
}

/**
 * The repository and its HEAD (undefined outside a repository, or without commits). Outside one, detect
 * needs exports to read. git's own failures are one line on the directory.
 */
async function openHead(git: GitRunner, dir: string, exportCount: number): Promise<{ repo?: RepositoryInfo; headInfo?: HeadInfo }> {
  let repo: RepositoryInfo | undefined;
  try {
    repo = await openRepository(git, dir);
  } catch (error) {
    gitProblem(dir, error);
  }
  if (!repo && exportCount === 0) {
    throw new InputError([
      { file: dir, message: 'not a git repository; detect reads one (or give --issues or --forum to read exports alone)' },
    ]);
  }
  if (!repo) return {};
  try {
    const headInfo = await readHead(git, repo.partial);
    return headInfo ? { repo, headInfo } : { repo };
  } catch (error) {
    gitProblem(dir, error);
  }
}

/** The time base: --as-of, else HEAD's committer date, else the exports' latest post, else today. */
function timeBaseOf(
  inputs: DetectInputs,
  headInfo: HeadInfo | undefined,
  exportsRead: readonly ExportRead[],
): { asOfTime: number; timeBase: TimeBase } {
  if (inputs.asOf !== undefined) return { asOfTime: endOfDay(inputs.asOf), timeBase: 'option' };
  if (headInfo) return { asOfTime: headInfo.time, timeBase: 'head' };
  const latest = latestPost(exportsRead.map((e) => e.data));
  return { asOfTime: latest ?? endOfDay(inputs.today), timeBase: latest !== undefined ? 'exports' : 'option' };
}

/** Each export's proposals and notes, added to those given, and its figures. */
function detectExports(exportsRead: readonly ExportRead[], asOfTime: number, asOf: string, found: Findings): ExportFacts[] {
  const facts: ExportFacts[] = [];
  for (const { file, data } of exportsRead) {
    const result = exportProposals({ data, name: path.basename(file), asOfTime, asOf });
    for (const p of result.proposals) found.proposals.push(p);
    for (const n of result.notes) found.notes.push(n);
    facts.push(result.facts);
  }
  return facts;
}

/** The repository as the output describes it. */
function repositoryOf(repo: RepositoryInfo, headInfo: HeadInfo | undefined): NonNullable<Detection['repository']> {
  return {
    bare: repo.bare,
    shallow: repo.shallow,
    ...(headInfo ? { head: headInfo.head } : {}),
    ...(repo.branch && headInfo ? { branch: repo.branch } : {}),
  };
}

/** Proposals and notes as the detections add them, before they are merged. */
interface Findings {
  proposals: Proposal[];
  notes: Note[];
}

/** Everything detect reads, as proposals and notes (merged and cleared of personal data), and its figures. */
export async function collectDetection(inputs: DetectInputs): Promise<Detection> {
  const { dir } = inputs;
  checkDirectory(dir);
  const exportsRead = readExports(inputs);
  const affiliations = inputs.affiliations !== undefined ? readAffiliations(inputs.affiliations) : undefined;
  const git = createGitRunner(dir, inputs.env, inputs.git);
  const { repo, headInfo } = await openHead(git, dir, exportsRead.length);
  const found: Findings = { proposals: [], notes: [] };
  if (!repo) found.notes.push({ code: 'not-a-repository' });
  else if (!headInfo) found.notes.push({ code: 'no-commits' });

  const { asOfTime, timeBase } = timeBaseOf(inputs, headInfo, exportsRead);
  const asOf = utcDate(asOfTime);
  const age = daysBetween(asOf, inputs.today);
  if (age > (inputs.maxAgeDays ?? 90)) found.notes.push({ code: 'as-of-old', data: { asOf, days: age } });

  let history: Detection['history'];
  if (repo && headInfo) {
    try {
      history = await readRepository({ git, repo, headInfo, asOfTime, asOf, affiliations }, found);
    } catch (error) {
      gitProblem(dir, error);
    }
  }
  const exportFacts = detectExports(exportsRead, asOfTime, asOf, found);
  const guarded = withoutPersonalData(mergeProposals(found.proposals));
  for (const n of guarded.notes) found.notes.push(n);
  return {
    asOf,
    asOfTime,
    timeBase,
    ...(repo ? { repository: repositoryOf(repo, headInfo) } : {}),
    proposals: guarded.proposals,
    notes: found.notes,
    ...(history ? { history } : {}),
    exports: exportFacts,
  };
}

/** What reading a repository's commit needs. */
interface RepositoryRead {
  git: GitRunner;
  repo: RepositoryInfo;
  headInfo: HeadInfo;
  asOfTime: number;
  asOf: string;
  affiliations: Affiliations | undefined;
}

/** The .mailmap of HEAD's tree, or the empty one with a note saying why it was not read. */
function mailmapOf(headInfo: HeadInfo, notes: Note[]): Mailmap {
  const skipped = (why: string): Mailmap => {
    notes.push({ code: 'mailmap-skipped', data: { why } });
    return EMPTY_MAILMAP;
  };
  if (headInfo.mailmapSkipped === 'link') return skipped('is a symbolic link');
  if (headInfo.mailmapSkipped === 'large') return skipped(`is larger than ${MAX_MAILMAP} bytes`);
  if (headInfo.mailmapSkipped === 'absent') return skipped('is not in this partial clone');
  if (headInfo.mailmap?.includes(0)) return skipped('is not text');
  return headInfo.mailmap ? parseMailmap(headInfo.mailmap.toString('utf8')) : EMPTY_MAILMAP;
}

/** The history up to HEAD in one streamed `git log`, summed up as of the time base. */
async function readHistory(read: RepositoryRead, mailmap: Mailmap): Promise<HistorySummary> {
  const { git, affiliations } = read;
  const { head } = read.headInfo;
  const accumulator = new HistoryAccumulator({ asOfTime: read.asOfTime, mailmap, head, ...(affiliations ? { affiliations } : {}) });
  const splitter = new RecordSplitter();
  const onRecord = (text: string): void => {
    const record = parseCommitRecord(text);
    if (record) accumulator.add(record);
    else accumulator.skip();
  };
  await git.stream(
    ['log', '-z', '--no-textconv', '--no-ext-diff', '--no-color', '--no-show-signature', `--format=${GIT_LOG_FORMAT}`, head],
    (text) => splitter.push(text, onRecord),
  );
  const rest = splitter.end();
  if (rest.length > 0) onRecord(rest);
  const summary: HistorySummary = accumulator.finish();
  // Clock skew can order a main-line parent before its child: read the rest of the chain from git.
  if (summary.chainBrokenAt) {
    for (const c of await firstParentChain(git, summary.chainBrokenAt)) summary.chain.push(c.hash, c.time);
  }
  return summary;
}

/** The text of each community file read (a binary one as a lone NUL, which the detections note and skip). */
function contentsOf(files: readonly RepoFile[], blobs: ReadonlyMap<string, Buffer>): Map<string, string> {
  const contents = new Map<string, string>();
  for (const f of files) {
    const bytes = blobs.get(f.oid);
    if (bytes) contents.set(f.path, bytes.includes(0) ? '\0' : bytes.toString('utf8'));
  }
  return contents;
}

/** How many main-line versions of a code of conduct that began as a stub are read to find its first text. */
const MAX_CONDUCT_VERSIONS = 64;

/**
 * The oldest main-line commit whose version of `file` (up to HEAD) is a text, not a stub: where a file
 * that began as `TBD` was written. Undefined past MAX_CONDUCT_VERSIONS versions.
 */
async function firstConductText(git: GitRunner, head: string, file: string): Promise<{ hash: string; time: number } | undefined> {
  const listed = (
    await git.run(['log', '--first-parent', '--reverse', '--raw', '--no-abbrev', '--no-renames', '--format=%x1e%H %ct', head, '--', file])
  ).toString('utf8');
  const versions: { hash: string; time: number; oid: string }[] = [];
  for (const entry of listed.split('\x1e').slice(1)) {
    const [hash, time] = entry.slice(0, entry.indexOf('\n')).split(' ');
    const oid = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [AMT]/m.exec(entry)?.[1];
    if (hash && oid) versions.push({ hash, time: Number(time), oid });
  }
  if (versions.length > MAX_CONDUCT_VERSIONS) return undefined;
  const blobs = await readBlobs(
    git,
    versions.map((v) => v.oid),
    MAX_COMMUNITY_FILE,
  );
  const written = versions.find((v) => {
    const bytes = blobs.get(v.oid);
    return bytes !== undefined && !isConductStub(bytes.toString('utf8'));
  });
  return written && { hash: written.hash, time: written.time };
}

/**
 * `coc.adopted`: the committer date of the first main-line commit that has the code of conduct (medium
 * when it moved there). A file that began as a stub was adopted when it was written: the first version
 * that is a text, medium. Dating reads the trees of older commits, whose blobs a partial clone lacks;
 * the last commit of a shallow clone is not a date of adoption.
 */
async function dateCodeOfConduct(read: RepositoryRead, summary: HistorySummary, file: string): Promise<Proposal | undefined> {
  const { git, repo } = read;
  if (summary.chain.length === 0 || repo.partial) return undefined;
  const first = await firstOnMainLine(git, summary.chain, file);
  const shallowEnd = first && repo.shallow && first.index === summary.chain.length - 1;
  if (!first || shallowEnd) return undefined;
  let commit = summary.chain.hash(first.index);
  let time = summary.chain.time(first.index);
  const firstVersion = (await readBlobs(git, [`${commit}:${first.path}`], MAX_COMMUNITY_FILE)).values().next().value;
  const beganAsStub = firstVersion !== undefined && isConductStub(firstVersion.toString('utf8'));
  if (beganAsStub) {
    const written = await firstConductText(git, read.headInfo.head, file);
    if (!written) return undefined;
    ({ hash: commit, time } = written);
  }
  const date = utcDate(time);
  return {
    path: 'governance.code_of_conduct.adopted',
    value: date,
    confidence: first.moved || beganAsStub ? 'medium' : 'high',
    rule: 'coc.adopted',
    source: 'files',
    evidence: [beganAsStub ? { kind: 'commit', commit, date, file, afterStub: true } : { kind: 'commit', commit, date, file: first.path }],
    data: { moved: first.moved && !beganAsStub },
  };
}

/** The commit's history and community files, as proposals and notes added to `found`, and the history's figures. */
async function readRepository(read: RepositoryRead, found: Findings): Promise<NonNullable<Detection['history']>> {
  const { git, repo, headInfo } = read;
  const { head } = headInfo;
  if (repo.partial) found.notes.push({ code: 'partial-clone', data: { missing: headInfo.missing ?? 0 } });
  const mailmap = mailmapOf(headInfo, found.notes);
  // The history, the tags and the community files are read side by side.
  const tagsPromise = listTags(git);
  tagsPromise.catch(() => undefined);
  const entries: RepoFile[] = headInfo.tree
    .filter((e) => e.type === 'blob')
    .map((e) => ({ path: e.path, mode: e.mode, size: e.size ?? 0, oid: e.oid }));
  const selected = selectCommunityFiles(entries);
  const blobsPromise = readBlobs(
    git,
    selected.read.map((f) => f.oid),
    MAX_COMMUNITY_FILE,
  );
  blobsPromise.catch(() => undefined);
  const summary = await readHistory(read, mailmap);
  const tags = await tagsPromise;
  const blobs = await blobsPromise;
  for (const n of selected.notes) found.notes.push(n);
  const rev = `${repo.branch ?? 'HEAD'} at ${head.slice(0, 12)}`;
  const fromHistory = historyProposals({ summary, rev, asOf: read.asOf, shallow: repo.shallow, tags });
  for (const p of fromHistory.proposals) found.proposals.push(p);
  for (const n of fromHistory.notes) found.notes.push(n);

  const ref = repo.branch ?? head;
  const webUrl = repo.webUrl;
  const fromFiles = detectCommunityFiles(selected.read, selected.kinds, contentsOf(selected.read, blobs), {
    ...(webUrl ? { urlOf: (p: string) => fileUrl(webUrl, ref, p) } : {}),
    resolvePerson: personResolver(summary.names, mailmap),
  });
  for (const p of fromFiles.proposals) found.proposals.push(p);
  for (const n of fromFiles.notes) found.notes.push(n);
  const adopted = fromFiles.codeOfConduct ? await dateCodeOfConduct(read, summary, fromFiles.codeOfConduct) : undefined;
  if (adopted) found.proposals.push(adopted);
  return fromHistory.facts;
}
