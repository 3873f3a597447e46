// Pure: community files found in a commit's tree (names, sizes, contents passed in), turned into
// proposals with file:line evidence. Files are looked for where forges look: the root, `.github/` and
// `docs/`. Presence is not substance: a stub is a note, a template still holding its placeholders is a
// located gap, and contact details found in a file are cited by line, never copied. Each detection is
// one function and one row of FILE_DETECTIONS, which detectCommunityFiles walks in order.
import {
  detectConductDocument,
  detectConductEnforcement,
  detectConductReporting,
  detectConductScope,
  detectConductTemplate,
  isConductStub,
  noteConductAddresses,
  noteConductPlaceholders,
} from './code-of-conduct.js';
import { ReadFile, splitPath, type FilesByKind, type Findings } from './file-findings.js';
import {
  detectClaFile,
  detectContributingGuide,
  detectDcoFile,
  detectDecisionWords,
  detectFirstIssue,
  detectGovernanceDocument,
  detectLicences,
  detectMaintainers,
  detectSecurityPolicy,
  noteSingleOwners,
} from './governance-files.js';
import { detectContactLinks, detectFunding, detectReadmeTitle, detectSupportLinks, detectTemplates } from './participation-files.js';
import type { Note, NoteCode, Proposal, ProposalRule } from './types.js';

/** A blob of the tree, as ls-tree lists it. */
export interface RepoFile {
  path: string;
  /** 100644 or 100755 for a file, 120000 for a symbolic link, 160000 for a submodule. */
  mode: string;
  size: number;
  oid: string;
}

/** No community file is read beyond this size. */
export const MAX_COMMUNITY_FILE = 1024 * 1024;

export const FILE_KINDS = [
  'coc',
  'security',
  'governance',
  'maintainers',
  'codeowners',
  'contributing',
  'dco',
  'cla',
  'licence',
  'support',
  'readme',
  'issue-template',
  'issue-config',
  'pr-template',
  'discussion-template',
  'funding',
  'package-json',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const TEXT_EXTENSIONS = new Set(['', '.md', '.markdown', '.rst', '.txt', '.adoc', '.asciidoc', '.org']);
/** Where forges look for community files, in order of preference. */
const PLACES = ['', '.github', 'docs'];

const STEMS: Readonly<Record<string, FileKind>> = {
  code_of_conduct: 'coc',
  'code-of-conduct': 'coc',
  codeofconduct: 'coc',
  conduct: 'coc',
  security: 'security',
  governance: 'governance',
  maintainers: 'maintainers',
  owners: 'maintainers',
  maintainers_list: 'maintainers',
  codeowners: 'codeowners',
  contributing: 'contributing',
  dco: 'dco',
  cla: 'cla',
  'contributor-license-agreement': 'cla',
  contributor_license_agreement: 'cla',
  license: 'licence',
  licence: 'licence',
  copying: 'licence',
  unlicense: 'licence',
  support: 'support',
  readme: 'readme',
  pull_request_template: 'pr-template',
  issue_template: 'issue-template',
};

/** The kind of community file a path is, or undefined. */
export function fileKind(path: string): FileKind | undefined {
  const { dir, stem, ext, name } = splitPath(path);
  const lowerDir = dir.toLowerCase();
  if (lowerDir === '.github/issue_template') {
    if (stem === 'config' && (ext === '.yml' || ext === '.yaml')) return 'issue-config';
    return ['.md', '.yml', '.yaml'].includes(ext) ? 'issue-template' : undefined;
  }
  if (lowerDir === '.github/pull_request_template' && ext === '.md') return 'pr-template';
  if (lowerDir === '.github/discussion_template' && (ext === '.yml' || ext === '.yaml')) return 'discussion-template';
  if (lowerDir === '.github' && name.toLowerCase() === 'funding.yml') return 'funding';
  if (lowerDir === '.github' && (name.toLowerCase() === 'dco.yml' || name.toLowerCase() === 'dco.yaml')) return 'dco';
  if (dir === '' && name === 'package.json') return 'package-json';
  if (dir === '' && name === '.clabot') return 'cla';
  if (!PLACES.includes(lowerDir)) return undefined;
  // LICENSE-MIT, COPYING.LIB
  const base = /^(license|licence|copying)[-_.]/.test(stem) ? 'license' : stem;
  const kind = STEMS[base];
  if (!kind) return undefined;
  if (kind === 'licence' && dir !== '') return undefined;
  if (kind !== 'licence' && kind !== 'codeowners' && kind !== 'dco' && !TEXT_EXTENSIONS.has(ext)) return undefined;
  if (kind === 'codeowners' && ext !== '') return undefined;
  return kind;
}

function placeRank(path: string): number {
  const { dir } = splitPath(path);
  const i = PLACES.indexOf(dir.toLowerCase());
  return i < 0 ? PLACES.length : i;
}

/** The files detect reads: community files of each kind, best placed first, and notes on those it cannot read. */
export function selectCommunityFiles(entries: readonly RepoFile[]): { read: RepoFile[]; kinds: Map<string, FileKind>; notes: Note[] } {
  const read: RepoFile[] = [];
  const kinds = new Map<string, FileKind>();
  const notes: Note[] = [];
  const candidates = entries
    .map((e) => ({ e, kind: fileKind(e.path) }))
    .filter((c): c is { e: RepoFile; kind: FileKind } => c.kind !== undefined)
    .sort((a, b) => placeRank(a.e.path) - placeRank(b.e.path) || (a.e.path < b.e.path ? -1 : a.e.path > b.e.path ? 1 : 0));
  for (const { e, kind } of candidates) {
    if (e.mode === '120000') {
      notes.push({ code: 'symlink-skipped', file: e.path });
      continue;
    }
    if (e.mode !== '100644' && e.mode !== '100755') continue;
    if (e.size > MAX_COMMUNITY_FILE) {
      notes.push({ code: 'too-large', file: e.path, data: { bytes: e.size } });
      continue;
    }
    kinds.set(e.path, kind);
    read.push(e);
  }
  return { read, kinds, notes };
}

/** What the detectors need besides the files. */
export interface FileContext {
  /** The web address of a path on the forge, when the repository has one. */
  urlOf?: (path: string) => string | undefined;
  /** The canonical name of a person known from the history (after the mailmap), by name, address or login. */
  resolvePerson?: (name: string | undefined, address: string | undefined) => string | undefined;
}

/** One detection from community files: what it reads, what it may propose and note, and the function. */
export interface FileDetection {
  /** The kinds of file it reads (found where fileKind looks: the root, `.github/`, `docs/`). */
  reads: readonly FileKind[];
  /** The rules of the proposals it may make, each with its evidence (see the function's comment). */
  proposes: readonly ProposalRule[];
  /** The notes it may add (besides the one `no-forge-url` note, added once for every detection that proposes an address). */
  notes: readonly NoteCode[];
  /** Adds what it finds to `out`. */
  detect: (files: FilesByKind, out: Findings) => void;
}

/**
 * Every detection from community files, in the order their proposals and notes are listed. A new
 * detection is one function (in code-of-conduct.ts, governance-files.ts or participation-files.ts) and
 * one row here.
 */
export const FILE_DETECTIONS: readonly FileDetection[] = [
  { reads: ['coc'], proposes: ['coc.file', 'coc.link'], notes: ['stub-file'], detect: detectConductDocument },
  { reads: ['coc'], proposes: ['coc.template'], notes: [], detect: detectConductTemplate },
  { reads: ['coc'], proposes: [], notes: ['coc-placeholder'], detect: noteConductPlaceholders },
  { reads: ['coc'], proposes: ['coc.reporting'], notes: ['personal-address'], detect: detectConductReporting },
  { reads: ['coc'], proposes: [], notes: ['personal-address'], detect: noteConductAddresses },
  { reads: ['coc'], proposes: ['coc.enforcement'], notes: [], detect: detectConductEnforcement },
  { reads: ['coc'], proposes: ['coc.scope'], notes: [], detect: detectConductScope },
  { reads: ['security'], proposes: ['security.file'], notes: ['stub-file', 'security-no-route'], detect: detectSecurityPolicy },
  { reads: ['governance'], proposes: ['governance.file'], notes: ['stub-file'], detect: detectGovernanceDocument },
  { reads: ['governance'], proposes: ['governance.decision-words'], notes: [], detect: detectDecisionWords },
  { reads: ['maintainers'], proposes: ['maintainers.file'], notes: [], detect: detectMaintainers },
  { reads: ['codeowners'], proposes: [], notes: ['codeowners-single-owner'], detect: noteSingleOwners },
  { reads: ['contributing'], proposes: ['contributing.file'], notes: ['stub-file'], detect: detectContributingGuide },
  { reads: ['contributing'], proposes: ['contributing.first-issue'], notes: [], detect: detectFirstIssue },
  { reads: ['dco'], proposes: ['sign-off.file'], notes: [], detect: detectDcoFile },
  { reads: ['cla'], proposes: ['cla.file'], notes: [], detect: detectClaFile },
  { reads: ['licence'], proposes: ['licence.file'], notes: [], detect: detectLicences },
  { reads: ['issue-config'], proposes: ['channels.contact-links'], notes: [], detect: detectContactLinks },
  { reads: ['support', 'readme'], proposes: ['channels.support-links'], notes: [], detect: detectSupportLinks },
  {
    reads: ['issue-template', 'discussion-template', 'pr-template'],
    proposes: ['templates.files'],
    notes: [],
    detect: detectTemplates,
  },
  { reads: ['funding'], proposes: ['funding.file'], notes: [], detect: detectFunding },
  { reads: ['readme'], proposes: ['readme.title'], notes: [], detect: detectReadmeTitle },
];

/** The files read, by kind in the order given (best placed first); binary files are noted and left out. */
function readFiles(
  files: readonly RepoFile[],
  kinds: ReadonlyMap<string, FileKind>,
  contents: ReadonlyMap<string, string>,
  notes: Note[],
): Map<FileKind, ReadFile[]> {
  const byKind = new Map<FileKind, ReadFile[]>();
  for (const f of files) {
    const text = contents.get(f.path);
    const kind = kinds.get(f.path);
    if (text === undefined || kind === undefined) continue;
    if (text.includes('\0')) {
      notes.push({ code: 'binary-skipped', file: f.path });
      continue;
    }
    const list = byKind.get(kind) ?? [];
    list.push(new ReadFile(f.path, kind, f.size, text));
    byKind.set(kind, list);
  }
  return byKind;
}

/**
 * Runs every file detection (or those of `detections`, in their order). `contents` holds the text of each
 * file of `files` that could be read.
 */
export function detectCommunityFiles(
  files: readonly RepoFile[],
  kinds: ReadonlyMap<string, FileKind>,
  contents: ReadonlyMap<string, string>,
  context: FileContext,
  detections: readonly FileDetection[] = FILE_DETECTIONS,
): { proposals: Proposal[]; notes: Note[]; codeOfConduct?: string } {
  const out: Findings = { proposals: [], notes: [], context, noForge: false };
  const byKind = readFiles(files, kinds, contents, out.notes);
  for (const detection of detections) detection.detect(byKind, out);
  if (out.noForge) out.notes.push({ code: 'no-forge-url' });
  // A stub is no code of conduct: nothing rests on it, its adoption date included.
  const coc = byKind.get('coc')?.[0];
  const adopted = coc && !isConductStub(coc.text);
  return { proposals: out.proposals, notes: out.notes, ...(adopted ? { codeOfConduct: coc.path } : {}) };
}
