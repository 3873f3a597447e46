// Pure: community files found in a commit's tree (names, sizes, contents passed in), turned into
// proposals with file:line evidence. Files are looked for where forges look: the root, `.github/` and
// `docs/`. Presence is not substance: a stub is a note, a template still holding its placeholders is a
// located gap, and contact details found in a file are cited by line, never copied.
import { parse as parseYaml } from 'yaml';
import { findPersonalData, findPersonalDataIn } from '../text/personal-data.js';
import { codeOfConductTemplate, licenceId } from './fingerprints.js';
import { excerptOf, headingsOf, linesOf, plainHeading, plainText, sectionRange, urlsIn, type Heading } from './text-lines.js';
import type { Evidence, Note, Proposal, ProposalRule } from './types.js';

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

function split(path: string): { dir: string; name: string; stem: string; ext: string } {
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash);
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const lower = name.toLowerCase();
  return dot <= 0 ? { dir, name, stem: lower, ext: '' } : { dir, name, stem: lower.slice(0, dot), ext: lower.slice(dot) };
}

/** The kind of community file a path is, or undefined. */
export function fileKind(path: string): FileKind | undefined {
  const { dir, stem, ext, name } = split(path);
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
  const { dir } = split(path);
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

interface ReadFile {
  path: string;
  kind: FileKind;
  size: number;
  text: string;
  lines: string[];
}

const fileEvidence = (file: string, index?: number, endIndex?: number, lines?: readonly string[]): Evidence => ({
  kind: 'file',
  file,
  ...(index !== undefined ? { line: index + 1 } : {}),
  ...(endIndex !== undefined && endIndex !== index ? { endLine: endIndex + 1 } : {}),
  ...(index !== undefined && lines ? { excerpt: excerptOf(lines[index] ?? '') } : {}),
});

/**
 * Evidence that is a whole file: its lines from the first to the last that hold text, quoting the first
 * (usually its title), so that every proposal from a file cites lines, not only a name.
 */
function wholeFileEvidence(file: ReadFile): Evidence {
  const first = file.lines.findIndex((l) => l.trim().length > 0);
  if (first < 0) return fileEvidence(file.path);
  let last = file.lines.length - 1;
  while (last > first && file.lines[last]!.trim().length === 0) last--;
  return fileEvidence(file.path, first, last, file.lines);
}

/** Runs every file detector. `contents` holds the text of each file of `files` that could be read. */
export function detectCommunityFiles(
  files: readonly RepoFile[],
  kinds: ReadonlyMap<string, FileKind>,
  contents: ReadonlyMap<string, string>,
  context: FileContext,
): { proposals: Proposal[]; notes: Note[]; codeOfConduct?: string } {
  const proposals: Proposal[] = [];
  const notes: Note[] = [];
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
    list.push({ path: f.path, kind, size: f.size, text, lines: linesOf(text) });
    byKind.set(kind, list);
  }
  const first = (kind: FileKind): ReadFile | undefined => byKind.get(kind)?.[0];
  /** The file's web address, or (without a forge) the path, shown but never written. */
  const located = (path: string): { value: string; showOnly: boolean } => {
    const url = context.urlOf?.(path);
    return url ? { value: url, showOnly: false } : { value: path, showOnly: true };
  };
  let noForge = false;
  const add = (p: Proposal & { showOnlyWithoutForge?: boolean }): void => {
    const { showOnlyWithoutForge, ...proposal } = p;
    if (showOnlyWithoutForge) noForge = true;
    proposals.push(showOnlyWithoutForge ? { ...proposal, showOnly: true } : proposal);
  };
  /**
   * A document of substance (`minBytes` of text, as the Best Practices badge asks) proposed by its address
   * at `path`, cited whole; a shorter one is a stub, noted. True when proposed.
   */
  const addDocument = (file: ReadFile, minBytes: number, path: string, rule: ProposalRule): boolean => {
    if (file.text.trim().length < minBytes) {
      notes.push({ code: 'stub-file', file: file.path, data: { bytes: file.size } });
      return false;
    }
    const where = located(file.path);
    add({
      path,
      value: where.value,
      confidence: 'high',
      rule,
      source: 'files',
      evidence: [wholeFileEvidence(file)],
      showOnlyWithoutForge: where.showOnly,
    });
    return true;
  };

  // Code of conduct: the file, its template, its gaps, its reporting route, its ladder and scope.
  const coc = first('coc');
  if (coc) detectCodeOfConduct(coc, located, add, notes);

  const security = first('security');
  if (security) {
    const route = privateRoute(security.lines);
    const where = located(security.path);
    const stub = security.text.trim().length < 40;
    if (stub) notes.push({ code: 'stub-file', file: security.path, data: { bytes: security.size } });
    else {
      if (!route) notes.push({ code: 'security-no-route', file: security.path });
      add({
        path: 'governance.security_policy_url',
        value: where.value,
        confidence: route?.strong ? 'high' : 'medium',
        rule: 'security.file',
        source: 'files',
        evidence: route
          ? [wholeFileEvidence(security), fileEvidence(security.path, route.index, undefined, security.lines)]
          : [wholeFileEvidence(security)],
        data: { route: route ? route.kind : 'none', ...(route?.days !== undefined ? { disclosureDays: route.days } : {}) },
        showOnlyWithoutForge: where.showOnly,
      });
    }
  }

  const governance = first('governance');
  if (governance) {
    if (addDocument(governance, 40, 'governance.governance_url', 'governance.file')) {
      const words = decisionWords(governance.lines);
      if (words.found.length > 0) {
        proposals.push({
          path: 'governance.decisions.how',
          value: `As ${governance.path} describes it: ${words.found.join(', ')}`,
          confidence: 'low',
          rule: 'governance.decision-words',
          source: 'files',
          evidence: words.indexes.map((i) => fileEvidence(governance.path, i, undefined, governance.lines)),
        });
      }
    }
  }

  const maintainers = first('maintainers');
  if (maintainers) {
    const found = maintainerNames(maintainers.lines, context);
    if (found.length > 0) {
      proposals.push({
        path: 'people',
        value: found.map((m) => ({ name: m.name, roles: ['maintainer'] })),
        confidence: 'medium',
        rule: 'maintainers.file',
        source: 'files',
        evidence: found.map((m) => fileEvidence(maintainers.path, m.index, undefined, maintainers.lines)),
        raise: 'review-names',
      });
    }
  }
  const codeowners = first('codeowners');
  if (codeowners) {
    const single = singleOwnerAreas(codeowners.lines);
    if (single.length > 0)
      notes.push({ code: 'codeowners-single-owner', file: codeowners.path, line: single[0]! + 1, data: { areas: single.length } });
  }

  const contributing = first('contributing');
  if (contributing) {
    if (addDocument(contributing, 100, 'platform.participation_guide', 'contributing.file')) {
      const label = contributing.lines.findIndex((l) => /good[ -]first[ -]issue/i.test(l.slice(0, 2000)));
      if (label >= 0) {
        proposals.push({
          path: 'audience.onboarding.first_action',
          value: `Pick an issue labelled "good first issue" (as ${contributing.path} suggests)`,
          confidence: 'medium',
          rule: 'contributing.first-issue',
          source: 'files',
          evidence: [fileEvidence(contributing.path, label, undefined, contributing.lines)],
        });
      }
    }
  }

  const dco = first('dco');
  if (dco) {
    proposals.push({
      path: 'governance.contribution_terms',
      point: 'sign-off',
      value: `Developer Certificate of Origin: every commit is signed off (${dco.path})`,
      confidence: 'medium',
      rule: 'sign-off.file',
      source: 'files',
      evidence: [wholeFileEvidence(dco)],
    });
  }
  const cla = first('cla');
  if (cla) {
    proposals.push({
      path: 'governance.contribution_terms',
      point: 'sign-off',
      value: `Contributor licence agreement required (${cla.path})`,
      confidence: 'medium',
      rule: 'cla.file',
      source: 'files',
      evidence: [wholeFileEvidence(cla)],
    });
  }

  const licences = (byKind.get('licence') ?? []).filter((f) => split(f.path).dir === '');
  if (licences.length > 0) {
    const ids = licences.map((f) => ({ f, found: licenceId(f.text) }));
    const known = ids.filter((x) => x.found !== undefined);
    const parts = ids.map((x) => `${x.found?.id ?? 'a licence text not recognised'} (${x.f.path})`);
    proposals.push({
      path: 'governance.contribution_terms',
      point: 'licence',
      value: `Licensed under ${parts.join('; ')}`,
      confidence: known.length === ids.length ? 'high' : 'medium',
      rule: 'licence.file',
      source: 'files',
      evidence: ids.map((x) =>
        x.found?.index !== undefined ? fileEvidence(x.f.path, x.found.index, undefined, x.f.lines) : wholeFileEvidence(x.f),
      ),
      data: { spdx: known.map((x) => x.found!.id).join(' ') },
    });
  }

  detectChannels(byKind, proposals);
  detectTemplates(byKind, proposals);

  const funding = first('funding');
  if (funding) {
    const sources = fundingSources(funding.text);
    if (sources.length > 0) {
      proposals.push({
        path: 'measures.funding.sources',
        value: sources.map((s) => s.name),
        confidence: 'high',
        rule: 'funding.file',
        source: 'files',
        evidence: sources.map((s) => fileEvidence(funding.path, s.index, undefined, funding.lines)),
      });
    }
  }

  const readme = first('readme');
  if (readme) {
    const title = readmeTitle(readme.lines);
    if (title) {
      proposals.push({
        path: 'community.name',
        value: title.text,
        confidence: 'medium',
        rule: 'readme.title',
        source: 'files',
        evidence: [fileEvidence(readme.path, title.index, undefined, readme.lines)],
      });
    }
  }
  if (noForge) notes.push({ code: 'no-forge-url' });
  return { proposals, notes, ...(coc ? { codeOfConduct: coc.path } : {}) };
}

// ---- Code of conduct --------------------------------------------------------------------------------

/** Template placeholders left unfilled: `[INSERT CONTACT METHOD]`, `[INSERT EMAIL ADDRESS]`, `<email>`, `TODO`. */
function placeholdersIn(line: string): string | undefined {
  if (line.length > 2000) return undefined;
  const insert = /\[INSERT [A-Z ]{1,40}\]/i.exec(line);
  if (insert) return insert[0];
  if (/<(?:e-?mail|email address|contact)>/i.test(line)) return /<[^>]{1,20}>/.exec(line)?.[0];
  if (/\bTODO\b/.test(line)) return 'TODO';
  return undefined;
}

/** Sites of the templates themselves: a link to them is an attribution, not a reporting route. */
const TEMPLATE_SITES = [
  'contributor-covenant.org',
  'citizencodeofconduct.org',
  'www.mozilla.org',
  'github.com/mozilla/diversity',
  'djangoproject.com',
  'python.org/psf',
  'rust-lang.org',
  'geekfeminism',
  'creativecommons.org',
  'opensource.guide',
  'github.com/ethicalsource',
];

function detectCodeOfConduct(
  coc: ReadFile,
  located: (path: string) => { value: string; showOnly: boolean },
  add: (p: Proposal & { showOnlyWithoutForge?: boolean }) => void,
  notes: Note[],
): void {
  const body = coc.text.trim();
  if (body.length < 40) {
    notes.push({ code: 'stub-file', file: coc.path, data: { bytes: coc.size } });
    return;
  }
  // A short file that only points elsewhere: the link is the code of conduct.
  if (body.length < 300) {
    const at = coc.lines.findIndex((l) => urlsIn(l).some((u) => !TEMPLATE_SITES.some((s) => u.includes(s))));
    if (at >= 0) {
      notes.push({ code: 'stub-file', file: coc.path, data: { bytes: coc.size, links: true } });
      add({
        path: 'governance.code_of_conduct.url',
        value: urlsIn(coc.lines[at]!)[0]!,
        confidence: 'medium',
        rule: 'coc.link',
        source: 'files',
        evidence: [fileEvidence(coc.path, at, undefined, coc.lines)],
      });
      return;
    }
  }
  const where = located(coc.path);
  add({
    path: 'governance.code_of_conduct.url',
    value: where.value,
    confidence: 'high',
    rule: 'coc.file',
    source: 'files',
    evidence: [wholeFileEvidence(coc)],
    data: { bytes: coc.size },
    showOnlyWithoutForge: where.showOnly,
  });
  const template = codeOfConductTemplate(coc.lines);
  if (template) {
    add({
      path: 'governance.code_of_conduct.based_on',
      value: template.name,
      confidence: template.versioned ? 'high' : 'medium',
      rule: 'coc.template',
      source: 'files',
      evidence: [fileEvidence(coc.path, template.index, template.endIndex, coc.lines)],
      ...(template.versioned ? {} : { raise: 'add-version' as const }),
    });
  }
  const placeholders: number[] = [];
  for (let i = 0; i < coc.lines.length; i++) {
    const found = placeholdersIn(coc.lines[i]!);
    if (found) {
      placeholders.push(i);
      notes.push({ code: 'coc-placeholder', file: coc.path, line: i + 1, data: { placeholder: found } });
    }
  }
  const headings = headingsOf(coc.lines);
  // The reporting route: in a section about enforcement, reporting or contact.
  const routeSections = headings
    .map((h, k) => ({ h, k }))
    .filter(
      ({ h }) => /enforcement|reporting|report|contact/.test(plainHeading(h.text)) && !/ladder|guidelines/.test(plainHeading(h.text)),
    );
  let route: { index: number; kind: 'url' | 'role-mailbox' | 'personal-mailbox'; url?: string } | undefined;
  for (const { k } of routeSections) {
    const [from, to] = sectionRange(headings, k, coc.lines.length);
    for (let i = from; i < to && !route; i++) {
      const line = coc.lines[i]!;
      if (line.length > 4000 || placeholders.includes(i)) continue;
      for (const hit of findPersonalData(line)) {
        if (hit.kind !== 'email') continue;
        if (hit.role) route ??= { index: i, kind: 'role-mailbox' };
        else {
          notes.push({ code: 'personal-address', file: coc.path, line: i + 1 });
          route ??= { index: i, kind: 'personal-mailbox' };
        }
      }
      const url = urlsIn(line).find((u) => !TEMPLATE_SITES.some((s) => u.includes(s)));
      if (url && !route) route = { index: i, kind: 'url', url };
    }
    if (route) break;
  }
  // Personal addresses anywhere else in the file are cited too (never copied).
  for (let i = 0; i < coc.lines.length; i++) {
    if (route?.index === i && route.kind === 'personal-mailbox') continue;
    if (coc.lines[i]!.length > 4000) continue;
    if (findPersonalData(coc.lines[i]!).some((h) => h.kind === 'email' && !h.role && !h.reserved)) {
      if (!notes.some((n) => n.code === 'personal-address' && n.line === i + 1))
        notes.push({ code: 'personal-address', file: coc.path, line: i + 1 });
    }
  }
  if (route && placeholders.length === 0) {
    const line = route.index + 1;
    const value =
      route.kind === 'url'
        ? route.url!
        : route.kind === 'role-mailbox'
          ? `E-mail to the shared conduct mailbox given in ${coc.path} (line ${line})`
          : `E-mail to the person named in ${coc.path} (line ${line})`;
    add({
      path: 'governance.code_of_conduct.reporting.channel',
      value,
      confidence: route.kind === 'personal-mailbox' ? 'medium' : 'high',
      rule: 'coc.reporting',
      source: 'files',
      evidence: [fileEvidence(coc.path, route.index, undefined, coc.lines)],
      data: { route: route.kind },
    });
  }
  const ladder = enforcementLadder(headings, coc.lines);
  if (ladder.length >= 2) {
    add({
      path: 'governance.code_of_conduct.enforcement',
      value: ladder.map((s) => s.step),
      confidence: 'high',
      rule: 'coc.enforcement',
      source: 'files',
      evidence: ladder.map((s) => fileEvidence(coc.path, s.index, undefined, coc.lines)),
    });
  }
  const scope = scopeSentence(headings, coc.lines);
  if (scope) {
    add({
      path: 'governance.code_of_conduct.scope',
      value: scope.text,
      confidence: 'medium',
      rule: 'coc.scope',
      source: 'files',
      evidence: [fileEvidence(coc.path, scope.index, undefined, coc.lines)],
    });
  }
}

/** Numbered steps under an "Enforcement Ladder" (Contributor Covenant 2.x) or "Enforcement Guidelines" heading. */
function enforcementLadder(headings: readonly Heading[], lines: readonly string[]): { step: string; index: number }[] {
  const at = headings.findIndex((h) => /enforcement (ladder|guidelines)|consequences/.test(plainHeading(h.text)));
  if (at < 0) return [];
  const [, end] = sectionRange(headings, at, lines.length);
  const steps: { step: string; index: number }[] = [];
  for (let k = at + 1; k < headings.length && headings[k]!.index < end; k++) {
    const m = /^\d+\.\s*(.+)$/.exec(plainHeading(headings[k]!.text).slice(0, 200));
    if (m) {
      const raw = headings[k]!.text.replace(/[*_`]/g, '')
        .replace(/^\d+\.\s*/, '')
        .trim();
      steps.push({ step: raw.charAt(0).toUpperCase() + raw.slice(1).toLowerCase(), index: headings[k]!.index });
    }
  }
  return steps;
}

/** The first sentence under a "Scope" heading. */
function scopeSentence(headings: readonly Heading[], lines: readonly string[]): { text: string; index: number } | undefined {
  const at = headings.findIndex((h) => plainHeading(h.text) === 'scope');
  if (at < 0) return undefined;
  const [from, to] = sectionRange(headings, at, lines.length);
  let start = -1;
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!.trim();
    if (line.length === 0) {
      if (start >= 0) break;
      continue;
    }
    if (start < 0) start = i;
    parts.push(line.slice(0, 1000));
  }
  if (start < 0) return undefined;
  const paragraph = plainText(parts.join(' '));
  const end = paragraph.search(/[.!?](\s|$)/);
  const sentence = (end >= 0 ? paragraph.slice(0, end + 1) : paragraph).trim();
  if (sentence.length < 10 || sentence.length > 400 || findPersonalData(sentence).length > 0) return undefined;
  return { text: sentence, index: start };
}

// ---- Security policy --------------------------------------------------------------------------------

/** Private routes for vulnerability reports that are structurally private. */
const PRIVATE_REPORT_SITES = [
  '/security/advisories',
  'hackerone.com',
  'bugcrowd.com',
  'huntr.',
  'intigriti.com',
  'yeswehack.com',
  'security.',
];

function privateRoute(lines: readonly string[]): { index: number; kind: 'email' | 'url'; strong: boolean; days?: number } | undefined {
  let found: { index: number; kind: 'email' | 'url'; strong: boolean } | undefined;
  let days: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 4000) continue;
    if (days === undefined && /disclos/i.test(line)) {
      const m = /(\d{1,3})\s*(?:business |working |calendar )?days?\b/i.exec(line);
      if (m) days = Number(m[1]);
    }
    if (found?.strong) continue;
    if (findPersonalData(line).some((h) => h.kind === 'email')) {
      found = { index: i, kind: 'email', strong: true };
      continue;
    }
    const urls = urlsIn(line);
    const strong = urls.find((u) => PRIVATE_REPORT_SITES.some((s) => u.includes(s)));
    if (strong) found = { index: i, kind: 'url', strong: true };
    else if (urls.length > 0 && !found) found = { index: i, kind: 'url', strong: false };
  }
  return found ? { ...found, ...(days !== undefined ? { days } : {}) } : undefined;
}

// ---- Governance ---------------------------------------------------------------------------------------

const DECISION_WORDS: readonly [RegExp, string][] = [
  [/lazy consensus/i, 'lazy consensus'],
  [/\bconsensus\b/i, 'consensus'],
  [/\bvot(?:e|es|ing)\b/i, 'votes'],
  [/technical steering committee|\bTSC\b/, 'a technical steering committee'],
  [/\bBDFL\b|benevolent dictator/i, 'a benevolent dictator for life'],
  [/\bRFCs?\b|request for comments/, 'requests for comments'],
  [/\bmajority\b/i, 'majority decisions'],
];

function decisionWords(lines: readonly string[]): { found: string[]; indexes: number[] } {
  const found: string[] = [];
  const indexes: number[] = [];
  for (const [pattern, words] of DECISION_WORDS) {
    const at = lines.findIndex((l) => l.length <= 4000 && pattern.test(l));
    if (at >= 0 && !(words === 'consensus' && found.includes('lazy consensus'))) {
      found.push(words);
      if (!indexes.includes(at)) indexes.push(at);
    }
  }
  return { found, indexes };
}

// ---- Maintainers ------------------------------------------------------------------------------------

/**
 * Names in a MAINTAINERS or OWNERS file that the history knows: `Name <address>`, `Name (@login)`,
 * `@login`, or a name alone on a list line. Only names resolved to an identity of the history (through
 * its mailmap) are proposed: the canonical name, never the address. Emeritus and alumni sections are left out.
 */
function maintainerNames(lines: readonly string[], context: FileContext): { name: string; index: number }[] {
  const resolve = context.resolvePerson;
  if (!resolve) return [];
  const headings = headingsOf(lines);
  const skipped = new Set<number>();
  headings.forEach((h, k) => {
    if (/emeritus|alumni|former|past|retired/.test(plainHeading(h.text))) {
      const [from, to] = sectionRange(headings, k, lines.length);
      for (let i = from; i < to; i++) skipped.add(i);
    }
  });
  const found: { name: string; index: number }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length && found.length < 200; i++) {
    if (skipped.has(i)) continue;
    const line = lines[i]!.slice(0, 500);
    const item = line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '').replace(/^\|\s*/, '');
    let name: string | undefined;
    const address = /^([^<>|]*?)\s*<([^<>\s]+@[^<>\s]+)>/.exec(item);
    const login = /@([A-Za-z0-9][A-Za-z0-9-]{0,38})\b/.exec(item);
    if (address) name = resolve(address[1]!.trim() || undefined, address[2]);
    else if (login) {
      const before = item
        .slice(0, login.index)
        .replace(/[(\[|,:\u2013-]+\s*$/, '')
        .trim();
      name = resolve(before.length > 0 ? plainText(before) : undefined, `gh:${login[1]!.toLowerCase()}`);
    } else if (item !== line.trimStart() || /^\s*\|/.test(line)) {
      const words = plainText(item.split('|')[0] ?? '');
      if (words.length > 0 && words.length <= 60) name = resolve(words, undefined);
    }
    if (name && !seen.has(name)) {
      seen.add(name);
      found.push({ name, index: i });
    }
  }
  return found;
}

/** CODEOWNERS lines whose pattern has a single owner that is a person (not a team): 0-based indexes. */
function singleOwnerAreas(lines: readonly string[]): number[] {
  const single: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.length === 0 || line.startsWith('#') || line.length > 2000) continue;
    const owners = line
      .split(/\s+/)
      .slice(1)
      .filter((o) => !o.startsWith('#'));
    if (owners.length === 1 && !owners[0]!.includes('/')) single.push(i);
  }
  return single;
}

// ---- Channels, templates, funding, README ------------------------------------------------------------

/** Kinds of channel recognised by their address. */
const CHANNEL_KINDS: readonly [RegExp, string][] = [
  [/^https?:\/\/(?:www\.)?(?:discord\.gg|discord\.com\/invite|discordapp\.com\/invite)\//i, 'Discord'],
  [/^https?:\/\/(?:[\w-]+\.)?slack\.com\b|^https?:\/\/join\.slack\.com\//i, 'Slack'],
  [/^https?:\/\/matrix\.to\//i, 'Matrix'],
  [/^https?:\/\/(?:app\.)?gitter\.im\//i, 'Gitter'],
  [/^https?:\/\/[\w-]+\.zulipchat\.com\b/i, 'Zulip'],
  [/^https?:\/\/github\.com\/[\w.-]+\/[\w.-]+\/discussions\b/i, 'GitHub Discussions'],
  [/^https?:\/\/groups\.google\.com\//i, 'Mailing list'],
  [/^https?:\/\/lists\.[\w.-]+\//i, 'Mailing list'],
  [/^https?:\/\/(?:forum|discuss|discourse|community)\.[\w.-]+\b/i, 'Forum'],
  [/^https?:\/\/stackoverflow\.com\/questions\/tagged\//i, 'Stack Overflow'],
  [/^https?:\/\/t\.me\//i, 'Telegram'],
  [/^https?:\/\/(?:www\.|old\.)?reddit\.com\/r\//i, 'Reddit'],
];

function channelKind(url: string): string | undefined {
  return CHANNEL_KINDS.find(([pattern]) => pattern.test(url))?.[1];
}

/** A parsed YAML file, or undefined: hostile or broken YAML is ignored, never fatal. */
function yamlOf(text: string): unknown {
  try {
    return parseYaml(text, { schema: 'core', maxAliasCount: 20, uniqueKeys: false, prettyErrors: false });
  } catch {
    return undefined;
  }
}

function lineOf(lines: readonly string[], needle: string): number | undefined {
  const at = lines.findIndex((l) => l.includes(needle));
  return at >= 0 ? at : undefined;
}

function detectChannels(byKind: ReadonlyMap<FileKind, ReadFile[]>, proposals: Proposal[]): void {
  const config = byKind.get('issue-config')?.[0];
  if (config) {
    const data = yamlOf(config.text) as { contact_links?: unknown } | undefined;
    const links = Array.isArray(data?.contact_links) ? (data.contact_links as unknown[]) : [];
    const channels: Record<string, unknown>[] = [];
    const evidence: Evidence[] = [];
    for (const link of links.slice(0, 50)) {
      if (!link || typeof link !== 'object') continue;
      const { name, url, about } = link as Record<string, unknown>;
      if (typeof name !== 'string' || typeof url !== 'string' || !/^https?:\/\//.test(url) || name.trim().length === 0) continue;
      const channel: Record<string, unknown> = { name: name.trim().slice(0, 200), url };
      if (typeof about === 'string' && about.trim().length > 0 && findPersonalData(about).length === 0)
        channel.purpose = about.trim().slice(0, 300);
      if (findPersonalDataIn(channel).length > 0) continue;
      channels.push(channel);
      evidence.push(fileEvidence(config.path, lineOf(config.lines, url), undefined, config.lines));
    }
    if (channels.length > 0) {
      proposals.push({
        path: 'platform.channels',
        value: channels,
        confidence: 'high',
        rule: 'channels.contact-links',
        source: 'files',
        evidence,
      });
    }
  }
  const linked: Record<string, unknown>[] = [];
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const kind of ['support', 'readme'] as const) {
    const file = byKind.get(kind)?.[0];
    if (!file) continue;
    for (let i = 0; i < file.lines.length && linked.length < 20; i++) {
      if (file.lines[i]!.length > 4000) continue;
      for (const url of urlsIn(file.lines[i]!)) {
        const name = channelKind(url);
        const key = url.toLowerCase().replace(/\/+$/, '');
        if (!name || seen.has(key)) continue;
        seen.add(key);
        linked.push({ name, url });
        evidence.push(fileEvidence(file.path, i, undefined, file.lines));
      }
    }
  }
  if (linked.length > 0) {
    proposals.push({
      path: 'platform.channels',
      value: linked,
      confidence: 'medium',
      rule: 'channels.support-links',
      source: 'files',
      evidence,
    });
  }
}

function templateName(file: ReadFile): string {
  const { stem } = split(file.path);
  const fallback = stem.replace(/[-_]+/g, ' ').trim();
  if (file.path.toLowerCase().endsWith('.md')) {
    // Front matter: `name: Bug report` between the first two `---` lines.
    if (file.lines[0]?.trim() === '---') {
      for (let i = 1; i < Math.min(file.lines.length, 40) && file.lines[i]!.trim() !== '---'; i++) {
        const m = /^name:\s*["']?(.+?)["']?\s*$/.exec(file.lines[i]!.slice(0, 300));
        if (m) return m[1]!;
      }
    }
    return fallback;
  }
  const data = yamlOf(file.text) as { name?: unknown } | undefined;
  return typeof data?.name === 'string' && data.name.trim().length > 0 ? data.name.trim().slice(0, 200) : fallback;
}

function detectTemplates(byKind: ReadonlyMap<FileKind, ReadFile[]>, proposals: Proposal[]): void {
  const names: string[] = [];
  const evidence: Evidence[] = [];
  for (const file of byKind.get('issue-template') ?? []) {
    const form = !file.path.toLowerCase().endsWith('.md');
    const name = split(file.path).dir === '' || split(file.path).dir.toLowerCase() === '.github' ? 'Issue template' : templateName(file);
    names.push(`${form ? 'Issue form' : 'Issue template'}: ${name}`.replace('Issue template: Issue template', 'Issue template'));
    evidence.push(wholeFileEvidence(file));
  }
  for (const file of byKind.get('discussion-template') ?? []) {
    names.push(`Discussion form: ${templateName(file)}`);
    evidence.push(wholeFileEvidence(file));
  }
  const pr = byKind.get('pr-template') ?? [];
  if (pr.length > 0) {
    names.push(pr.length === 1 ? 'Pull request template' : `Pull request templates (${pr.length})`);
    for (const file of pr) evidence.push(wholeFileEvidence(file));
  }
  const safe = names.filter((n) => findPersonalData(n).length === 0).slice(0, 30);
  if (safe.length > 0)
    proposals.push({ path: 'platform.templates', value: safe, confidence: 'high', rule: 'templates.files', source: 'files', evidence });
}

const FUNDING_PLATFORMS: Readonly<Record<string, string>> = {
  github: 'GitHub Sponsors',
  open_collective: 'Open Collective',
  patreon: 'Patreon',
  ko_fi: 'Ko-fi',
  tidelift: 'Tidelift',
  community_bridge: 'LFX Crowdfunding',
  lfx_crowdfunding: 'LFX Crowdfunding',
  liberapay: 'Liberapay',
  issuehunt: 'IssueHunt',
  otechie: 'Otechie',
  polar: 'Polar',
  buy_me_a_coffee: 'Buy Me a Coffee',
  thanks_dev: 'thanks.dev',
  custom: 'Donations through the project\u2019s own links',
};

/** FUNDING.yml's platforms with a value (never amounts, never account names). */
function fundingSources(text: string): { name: string; index?: number }[] {
  const data = yamlOf(text);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const lines = text.split('\n');
  const out: { name: string; index?: number }[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const name = FUNDING_PLATFORMS[key];
    const given = Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined && String(value).trim() !== '';
    if (!name || !given || out.some((o) => o.name === name)) continue;
    const index = lines.findIndex((l) => l.startsWith(`${key}:`));
    out.push({ name, ...(index >= 0 ? { index } : {}) });
  }
  return out;
}

/** The README's first level-1 heading, as plain text. */
function readmeTitle(lines: readonly string[]): { text: string; index: number } | undefined {
  const h = headingsOf(lines.slice(0, 200)).find((x) => x.level === 1);
  if (!h) return undefined;
  const text = plainText(h.text);
  if (text.length < 2 || text.length > 100 || findPersonalData(text).length > 0) return undefined;
  return { text, index: h.index };
}
