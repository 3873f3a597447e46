// Collects what `commready detect` reads, then hands it to the pure detectors in src/detect/: a git
// repository through plumbing (its tree, the community files and .mailmap as blobs of HEAD, one
// streamed `git log`, its tags), exports of issues or forum posts, and an affiliation map. The time base
// is the HEAD commit's committer date (or --as-of, or the exports' latest post), never the clock, so
// two runs on one commit agree.
import { statSync } from 'node:fs';
import path from 'node:path';
import { InputError, type Diagnostic } from '../errors.js';
import { parseAffiliations, type Affiliations } from '../detect/affiliations.js';
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

/** Everything detect reads, as proposals and notes (merged and cleared of personal data), and its figures. */
export async function collectDetection(inputs: DetectInputs): Promise<Detection> {
  const { dir } = inputs;
  try {
    if (!statSync(dir).isDirectory()) throw new InputError([{ file: dir, message: 'is not a directory; give the repository folder' }]);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file: dir, message: 'directory not found' }]);
  }
  const exportsRead: { file: string; data: ExportData }[] = [];
  if (inputs.issues !== undefined) exportsRead.push({ file: inputs.issues, data: readExport(inputs.issues, 'issues') });
  if (inputs.forum !== undefined) exportsRead.push({ file: inputs.forum, data: readExport(inputs.forum, 'forum') });
  const affiliations = inputs.affiliations !== undefined ? readAffiliations(inputs.affiliations) : undefined;

  const git = createGitRunner(dir, inputs.env, inputs.git);
  let repo: RepositoryInfo | undefined;
  try {
    repo = await openRepository(git, dir);
  } catch (error) {
    gitProblem(dir, error);
  }
  const notes: Note[] = [];
  const proposals: Proposal[] = [];
  if (!repo && exportsRead.length === 0) {
    throw new InputError([
      { file: dir, message: 'not a git repository; detect reads one (or give --issues or --forum to read exports alone)' },
    ]);
  }
  let headInfo: HeadInfo | undefined;
  if (repo) {
    try {
      headInfo = await readHead(git, repo.partial);
    } catch (error) {
      gitProblem(dir, error);
    }
  }
  if (!repo) notes.push({ code: 'not-a-repository' });
  else if (!headInfo) notes.push({ code: 'no-commits' });

  // The time base: --as-of, else HEAD's committer date, else the exports' latest post, else today.
  let asOfTime: number;
  let timeBase: TimeBase;
  if (inputs.asOf !== undefined) {
    asOfTime = endOfDay(inputs.asOf);
    timeBase = 'option';
  } else if (headInfo) {
    asOfTime = headInfo.time;
    timeBase = 'head';
  } else {
    const latest = latestPost(exportsRead.map((e) => e.data));
    asOfTime = latest ?? endOfDay(inputs.today);
    timeBase = latest !== undefined ? 'exports' : 'option';
  }
  const asOf = utcDate(asOfTime);
  const age = daysBetween(asOf, inputs.today);
  if (age > (inputs.maxAgeDays ?? 90)) notes.push({ code: 'as-of-old', data: { asOf, days: age } });

  let history: Detection['history'];
  if (repo && headInfo) {
    try {
      history = await readRepository(git, repo, headInfo, asOfTime, asOf, affiliations, proposals, notes);
    } catch (error) {
      gitProblem(dir, error);
    }
  }
  const exportFacts: ExportFacts[] = [];
  for (const { file, data } of exportsRead) {
    const result = exportProposals({ data, name: path.basename(file), asOfTime, asOf });
    for (const p of result.proposals) proposals.push(p);
    for (const n of result.notes) notes.push(n);
    exportFacts.push(result.facts);
  }
  const guarded = withoutPersonalData(mergeProposals(proposals));
  for (const n of guarded.notes) notes.push(n);
  return {
    asOf,
    asOfTime,
    timeBase,
    ...(repo
      ? {
          repository: {
            bare: repo.bare,
            shallow: repo.shallow,
            ...(headInfo ? { head: headInfo.head } : {}),
            ...(repo.branch && headInfo ? { branch: repo.branch } : {}),
          },
        }
      : {}),
    proposals: guarded.proposals,
    notes,
    ...(history ? { history } : {}),
    exports: exportFacts,
  };
}

async function readRepository(
  git: GitRunner,
  repo: RepositoryInfo,
  headInfo: HeadInfo,
  asOfTime: number,
  asOf: string,
  affiliations: Affiliations | undefined,
  proposals: Proposal[],
  notes: Note[],
): Promise<NonNullable<Detection['history']>> {
  const { head } = headInfo;
  if (repo.partial) notes.push({ code: 'partial-clone', data: { missing: headInfo.missing ?? 0 } });
  let mailmap: Mailmap = EMPTY_MAILMAP;
  if (headInfo.mailmapSkipped === 'link') notes.push({ code: 'mailmap-skipped', data: { why: 'is a symbolic link' } });
  else if (headInfo.mailmapSkipped === 'large')
    notes.push({ code: 'mailmap-skipped', data: { why: `is larger than ${MAX_MAILMAP} bytes` } });
  else if (headInfo.mailmapSkipped === 'absent') notes.push({ code: 'mailmap-skipped', data: { why: 'is not in this partial clone' } });
  else if (headInfo.mailmap?.includes(0)) notes.push({ code: 'mailmap-skipped', data: { why: 'is not text' } });
  else if (headInfo.mailmap) mailmap = parseMailmap(headInfo.mailmap.toString('utf8'));
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

  const accumulator = new HistoryAccumulator({ asOfTime, mailmap, head, ...(affiliations ? { affiliations } : {}) });
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
  const tags = await tagsPromise;
  const blobs = await blobsPromise;
  for (const n of selected.notes) notes.push(n);
  const rev = `${repo.branch ?? 'HEAD'} at ${head.slice(0, 12)}`;
  const fromHistory = historyProposals({ summary, rev, asOf, shallow: repo.shallow, tags });
  for (const p of fromHistory.proposals) proposals.push(p);
  for (const n of fromHistory.notes) notes.push(n);

  const contents = new Map<string, string>();
  for (const f of selected.read) {
    const bytes = blobs.get(f.oid);
    if (bytes) contents.set(f.path, bytes.includes(0) ? '\0' : bytes.toString('utf8'));
  }
  const ref = repo.branch ?? head;
  const webUrl = repo.webUrl;
  const fromFiles = detectCommunityFiles(selected.read, selected.kinds, contents, {
    ...(webUrl ? { urlOf: (p: string) => fileUrl(webUrl, ref, p) } : {}),
    resolvePerson: personResolver(summary.names, mailmap),
  });
  for (const p of fromFiles.proposals) proposals.push(p);
  for (const n of fromFiles.notes) notes.push(n);

  // Dating the code of conduct reads the trees of older commits, whose blobs a partial clone lacks.
  if (fromFiles.codeOfConduct && summary.chain.length > 0 && !repo.partial) {
    const first = await firstOnMainLine(git, summary.chain, fromFiles.codeOfConduct);
    const shallowEnd = first && repo.shallow && first.index === summary.chain.length - 1;
    if (first && !shallowEnd) {
      const date = utcDate(summary.chain.time(first.index));
      proposals.push({
        path: 'governance.code_of_conduct.adopted',
        value: date,
        confidence: first.moved ? 'medium' : 'high',
        rule: 'coc.adopted',
        source: 'files',
        evidence: [{ kind: 'commit', commit: summary.chain.hash(first.index), date, file: first.path }],
        data: { moved: first.moved },
      });
    }
  }
  return fromHistory.facts;
}
