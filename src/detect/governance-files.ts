// Pure: the detections in a project's governance documents, one function each: the security policy,
// the governance document and its decision words, maintainers, single-owner CODEOWNERS areas, the
// contributing guide and its first issue, sign-off and CLA terms, and the licences.
import { findPersonalData } from '../text/personal-data.js';
import type { FileContext } from './community-files.js';
import {
  fileEvidence,
  firstOf,
  lineEvidence,
  noteStub,
  proposeAddress,
  proposeDocument,
  splitPath,
  wholeFileEvidence,
  type FilesByKind,
  type Findings,
  type ReadFile,
} from './file-findings.js';
import { licenceId } from './fingerprints.js';
import { plainHeading, plainText, sectionRange, urlsIn } from './text-lines.js';

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

/**
 * `security.file`: the policy's address, cited whole and at its private route; high with a private route
 * (an address, an advisory form, a bounty platform), medium with another link or none (noted).
 */
export function detectSecurityPolicy(files: FilesByKind, out: Findings): void {
  const security = firstOf(files, 'security');
  if (!security) return;
  if (security.text.trim().length < 40) {
    noteStub(out, security);
    return;
  }
  const route = privateRoute(security.lines);
  if (!route) out.notes.push({ code: 'security-no-route', file: security.path });
  proposeAddress(out, security, {
    path: 'governance.security_policy_url',
    confidence: route?.strong ? 'high' : 'medium',
    rule: 'security.file',
    source: 'files',
    evidence: route ? [wholeFileEvidence(security), lineEvidence(security, route.index)] : [wholeFileEvidence(security)],
    data: { route: route ? route.kind : 'none', ...(route?.days !== undefined ? { disclosureDays: route.days } : {}) },
  });
}

// ---- Governance ---------------------------------------------------------------------------------------

/** Bytes of text a governance document needs to be one (a shorter file is a stub). */
const GOVERNANCE_BYTES = 40;

/** `governance.file`: the governance document's address, cited whole. */
export function detectGovernanceDocument(files: FilesByKind, out: Findings): void {
  const governance = firstOf(files, 'governance');
  if (governance) proposeDocument(out, governance, GOVERNANCE_BYTES, 'governance.governance_url', 'governance.file');
}

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

/** `governance.decision-words`: how decisions are made, in the words the governance document uses (low). */
export function detectDecisionWords(files: FilesByKind, out: Findings): void {
  const governance = firstOf(files, 'governance');
  if (!governance || governance.text.trim().length < GOVERNANCE_BYTES) return;
  const words = decisionWords(governance.lines);
  if (words.found.length === 0) return;
  out.proposals.push({
    path: 'governance.decisions.how',
    value: `As ${governance.path} describes it: ${words.found.join(', ')}`,
    confidence: 'low',
    rule: 'governance.decision-words',
    source: 'files',
    evidence: words.indexes.map((i) => lineEvidence(governance, i)),
  });
}

// ---- Maintainers ------------------------------------------------------------------------------------

/** The 0-based indexes of the lines under Emeritus, Alumni, Former, Past or Retired headings. */
function formerSections(file: ReadFile): Set<number> {
  const skipped = new Set<number>();
  file.headings.forEach((h, k) => {
    if (/emeritus|alumni|former|past|retired/.test(plainHeading(h.text))) {
      const [from, to] = sectionRange(file.headings, k, file.lines.length);
      for (let i = from; i < to; i++) skipped.add(i);
    }
  });
  return skipped;
}

/** The history's name for one line of a maintainers list: `Name <address>`, `Name (@login)`, `@login`, or a listed name. */
function maintainerOnLine(line: string, resolve: NonNullable<FileContext['resolvePerson']>): string | undefined {
  const item = line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '').replace(/^\|\s*/, '');
  const address = /^([^<>|]*?)\s*<([^<>\s]+@[^<>\s]+)>/.exec(item);
  if (address) return resolve(address[1]!.trim() || undefined, address[2]);
  const login = /@([A-Za-z0-9][A-Za-z0-9-]{0,38})\b/.exec(item);
  if (login) {
    const before = item
      .slice(0, login.index)
      .replace(/[(\[|,:\u2013-]+\s*$/, '')
      .trim();
    return resolve(before.length > 0 ? plainText(before) : undefined, `gh:${login[1]!.toLowerCase()}`);
  }
  if (item !== line.trimStart() || /^\s*\|/.test(line)) {
    const words = plainText(item.split('|')[0] ?? '');
    if (words.length > 0 && words.length <= 60) return resolve(words, undefined);
  }
  return undefined;
}

/**
 * Names in a MAINTAINERS or OWNERS file that the history knows. Only names resolved to an identity of
 * the history (through its mailmap) are proposed: the canonical name, never the address. Emeritus and
 * alumni sections are left out.
 */
function maintainerNames(file: ReadFile, context: FileContext): { name: string; index: number }[] {
  const resolve = context.resolvePerson;
  if (!resolve) return [];
  const skipped = formerSections(file);
  const found: { name: string; index: number }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < file.lines.length && found.length < 200; i++) {
    if (skipped.has(i)) continue;
    const name = maintainerOnLine(file.lines[i]!.slice(0, 500), resolve);
    if (name && !seen.has(name)) {
      seen.add(name);
      found.push({ name, index: i });
    }
  }
  return found;
}

/** `maintainers.file`: the people a MAINTAINERS or OWNERS file names and the history knows, as maintainers. */
export function detectMaintainers(files: FilesByKind, out: Findings): void {
  const maintainers = firstOf(files, 'maintainers');
  const found = maintainers ? maintainerNames(maintainers, out.context) : [];
  if (!maintainers || found.length === 0) return;
  out.proposals.push({
    path: 'people',
    value: found.map((m) => ({ name: m.name, roles: ['maintainer'] })),
    confidence: 'medium',
    rule: 'maintainers.file',
    source: 'files',
    evidence: found.map((m) => lineEvidence(maintainers, m.index)),
    raise: 'review-names',
  });
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

/** CODEOWNERS areas with one person as owner: a note at the first, with how many. */
export function noteSingleOwners(files: FilesByKind, out: Findings): void {
  const codeowners = firstOf(files, 'codeowners');
  const single = codeowners ? singleOwnerAreas(codeowners.lines) : [];
  if (codeowners && single.length > 0)
    out.notes.push({ code: 'codeowners-single-owner', file: codeowners.path, line: single[0]! + 1, data: { areas: single.length } });
}

// ---- Contributing, contribution terms, licences -------------------------------------------------------

/** Bytes of text a contributing guide needs to be one, as the Best Practices badge asks. */
const CONTRIBUTING_BYTES = 100;

/** `contributing.file`: the contributing guide's address, cited whole. */
export function detectContributingGuide(files: FilesByKind, out: Findings): void {
  const contributing = firstOf(files, 'contributing');
  if (contributing) proposeDocument(out, contributing, CONTRIBUTING_BYTES, 'platform.participation_guide', 'contributing.file');
}

/** `contributing.first-issue`: "good first issue" in the contributing guide, as a newcomer's first action. */
export function detectFirstIssue(files: FilesByKind, out: Findings): void {
  const contributing = firstOf(files, 'contributing');
  if (!contributing || contributing.text.trim().length < CONTRIBUTING_BYTES) return;
  const label = contributing.lines.findIndex((l) => /good[ -]first[ -]issue/i.test(l.slice(0, 2000)));
  if (label < 0) return;
  out.proposals.push({
    path: 'audience.onboarding.first_action',
    value: `Pick an issue labelled "good first issue" (as ${contributing.path} suggests)`,
    confidence: 'medium',
    rule: 'contributing.first-issue',
    source: 'files',
    evidence: [lineEvidence(contributing, label)],
  });
}

/** `sign-off.file`: a DCO file or `.github/dco.yml`: every commit is signed off. */
export function detectDcoFile(files: FilesByKind, out: Findings): void {
  const dco = firstOf(files, 'dco');
  if (!dco) return;
  out.proposals.push({
    path: 'governance.contribution_terms',
    point: 'sign-off',
    value: `Developer Certificate of Origin: every commit is signed off (${dco.path})`,
    confidence: 'medium',
    rule: 'sign-off.file',
    source: 'files',
    evidence: [wholeFileEvidence(dco)],
  });
}

/** `cla.file`: a CLA file or `.clabot`: a contributor licence agreement is required. */
export function detectClaFile(files: FilesByKind, out: Findings): void {
  const cla = firstOf(files, 'cla');
  if (!cla) return;
  out.proposals.push({
    path: 'governance.contribution_terms',
    point: 'sign-off',
    value: `Contributor licence agreement required (${cla.path})`,
    confidence: 'medium',
    rule: 'cla.file',
    source: 'files',
    evidence: [wholeFileEvidence(cla)],
  });
}

/** `licence.file`: every licence in the root, by SPDX identifier (at its line) or as a text not recognised. */
export function detectLicences(files: FilesByKind, out: Findings): void {
  const licences = (files.get('licence') ?? []).filter((f) => splitPath(f.path).dir === '');
  if (licences.length === 0) return;
  const ids = licences.map((f) => ({ f, found: licenceId(f.text) }));
  const known = ids.filter((x) => x.found !== undefined);
  const parts = ids.map((x) => `${x.found?.id ?? 'a licence text not recognised'} (${x.f.path})`);
  out.proposals.push({
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
