// Pure: the detections in a code of conduct, one function each: the file (or the link a short file
// points to), the template it follows, the placeholders left in it, its reporting route, the personal
// addresses it gives, its enforcement ladder and its scope. A stub or a link-only file has nothing
// more to read: only the first detection looks at it.
import { findPersonalData } from '../text/personal-data.js';
import {
  fileEvidence,
  firstOf,
  lineEvidence,
  noteStub,
  proposeAddress,
  wholeFileEvidence,
  type FilesByKind,
  type Findings,
  type ReadFile,
} from './file-findings.js';
import { codeOfConductTemplate } from './fingerprints.js';
import { plainHeading, plainText, sectionRange, urlsIn, type Heading } from './text-lines.js';

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

const isTemplateSite = (url: string): boolean => TEMPLATE_SITES.some((s) => url.includes(s));

/** What a code of conduct file is: a stub (under 40 bytes of text), a short file that links elsewhere, or a text. */
type ConductShape = { kind: 'stub' } | { kind: 'link'; index: number } | { kind: 'text' };

/** Whether a code of conduct's text is a stub (`# Code of Conduct\n\nTBD`): nothing adopted, nothing to read. */
export function isConductStub(text: string): boolean {
  return text.trim().length < 40;
}

function conductShape(coc: ReadFile): ConductShape {
  const body = coc.text.trim();
  if (isConductStub(body)) return { kind: 'stub' };
  // A short file that only points elsewhere: the link is the code of conduct.
  if (body.length < 300) {
    const index = coc.lines.findIndex((l) => urlsIn(l).some((u) => !isTemplateSite(u)));
    if (index >= 0) return { kind: 'link', index };
  }
  return { kind: 'text' };
}

/** The code of conduct when it is a text to read (not a stub, not a link elsewhere). */
function conductText(files: FilesByKind): ReadFile | undefined {
  const coc = firstOf(files, 'coc');
  return coc && conductShape(coc).kind === 'text' ? coc : undefined;
}

/** `coc.file` (the file's address, cited whole) or `coc.link` (the address a short file links to); a stub is a note. */
export function detectConductDocument(files: FilesByKind, out: Findings): void {
  const coc = firstOf(files, 'coc');
  if (!coc) return;
  const shape = conductShape(coc);
  if (shape.kind === 'stub') noteStub(out, coc);
  else if (shape.kind === 'link') {
    out.notes.push({ code: 'stub-file', file: coc.path, data: { bytes: coc.size, links: true } });
    out.proposals.push({
      path: 'governance.code_of_conduct.url',
      value: urlsIn(coc.lines[shape.index]!)[0]!,
      confidence: 'medium',
      rule: 'coc.link',
      source: 'files',
      evidence: [lineEvidence(coc, shape.index)],
    });
  } else {
    proposeAddress(out, coc, {
      path: 'governance.code_of_conduct.url',
      confidence: 'high',
      rule: 'coc.file',
      source: 'files',
      evidence: [wholeFileEvidence(coc)],
      data: { bytes: coc.size },
    });
  }
}

/** `coc.template`: the known text it follows, from its attribution lines; without a version, medium. */
export function detectConductTemplate(files: FilesByKind, out: Findings): void {
  const coc = conductText(files);
  const template = coc && codeOfConductTemplate(coc.lines);
  if (!coc || !template) return;
  out.proposals.push({
    path: 'governance.code_of_conduct.based_on',
    value: template.name,
    confidence: template.versioned ? 'high' : 'medium',
    rule: 'coc.template',
    source: 'files',
    evidence: [fileEvidence(coc.path, template.index, template.endIndex, coc.lines)],
    ...(template.versioned ? {} : { raise: 'add-version' as const }),
  });
}

/** Template placeholders left unfilled: `[INSERT CONTACT METHOD]`, `[INSERT EMAIL ADDRESS]`, `<email>`, `TODO`. */
function placeholderIn(line: string): string | undefined {
  if (line.length > 2000) return undefined;
  const insert = /\[INSERT [A-Z ]{1,40}\]/i.exec(line);
  if (insert) return insert[0];
  if (/<(?:e-?mail|email address|contact)>/i.test(line)) return /<[^>]{1,20}>/.exec(line)?.[0];
  if (/\bTODO\b/.test(line)) return 'TODO';
  return undefined;
}

/** The 0-based indexes of the lines holding a placeholder, with the placeholder. */
function placeholdersOf(coc: ReadFile): { index: number; placeholder: string }[] {
  const found: { index: number; placeholder: string }[] = [];
  coc.lines.forEach((line, index) => {
    const placeholder = placeholderIn(line);
    if (placeholder) found.push({ index, placeholder });
  });
  return found;
}

/** Placeholders left unfilled, each a located gap (and no reporting route is proposed while one is left). */
export function noteConductPlaceholders(files: FilesByKind, out: Findings): void {
  const coc = conductText(files);
  if (!coc) return;
  for (const { index, placeholder } of placeholdersOf(coc))
    out.notes.push({ code: 'coc-placeholder', file: coc.path, line: index + 1, data: { placeholder } });
}

type ReportingRoute = { index: number; kind: 'url' | 'role-mailbox' | 'personal-mailbox'; url?: string };

/**
 * The reporting route: the first mailbox or form in a section about enforcement, reporting or contact
 * (not the ladder), placeholder lines skipped. A person's address on the way is noted at its line.
 */
function reportingRoute(coc: ReadFile, placeholders: readonly number[], out: Findings): ReportingRoute | undefined {
  const headings = coc.headings;
  let route: ReportingRoute | undefined;
  for (let k = 0; k < headings.length && !route; k++) {
    const heading = plainHeading(headings[k]!.text);
    if (!/enforcement|reporting|report|contact/.test(heading) || /ladder|guidelines/.test(heading)) continue;
    const [from, to] = sectionRange(headings, k, coc.lines.length);
    for (let i = from; i < to && !route; i++) {
      const line = coc.lines[i]!;
      if (line.length > 4000 || placeholders.includes(i)) continue;
      for (const hit of findPersonalData(line)) {
        if (hit.kind !== 'email') continue;
        if (hit.role) route ??= { index: i, kind: 'role-mailbox' };
        else {
          out.notes.push({ code: 'personal-address', file: coc.path, line: i + 1 });
          route ??= { index: i, kind: 'personal-mailbox' };
        }
      }
      const url = urlsIn(line).find((u) => !isTemplateSite(u));
      if (url && !route) route = { index: i, kind: 'url', url };
    }
  }
  return route;
}

/**
 * `coc.reporting`: the form's address, or where a mailbox is given (never the address); high, medium for
 * a person's address. Not proposed while a placeholder is left.
 */
export function detectConductReporting(files: FilesByKind, out: Findings): void {
  const coc = conductText(files);
  if (!coc) return;
  const placeholders = placeholdersOf(coc).map((p) => p.index);
  const route = reportingRoute(coc, placeholders, out);
  if (!route || placeholders.length > 0) return;
  const line = route.index + 1;
  const value =
    route.kind === 'url'
      ? route.url!
      : route.kind === 'role-mailbox'
        ? `E-mail to the shared conduct mailbox given in ${coc.path} (line ${line})`
        : `E-mail to the person named in ${coc.path} (line ${line})`;
  out.proposals.push({
    path: 'governance.code_of_conduct.reporting.channel',
    value,
    confidence: route.kind === 'personal-mailbox' ? 'medium' : 'high',
    rule: 'coc.reporting',
    source: 'files',
    evidence: [lineEvidence(coc, route.index)],
    data: { route: route.kind },
  });
}

/** Personal addresses anywhere else in the file: each cited by its line (never copied), once. */
export function noteConductAddresses(files: FilesByKind, out: Findings): void {
  const coc = conductText(files);
  if (!coc) return;
  for (let i = 0; i < coc.lines.length; i++) {
    if (coc.lines[i]!.length > 4000) continue;
    if (!findPersonalData(coc.lines[i]!).some((h) => h.kind === 'email' && !h.role && !h.reserved)) continue;
    if (!out.notes.some((n) => n.code === 'personal-address' && n.file === coc.path && n.line === i + 1))
      out.notes.push({ code: 'personal-address', file: coc.path, line: i + 1 });
  }
}

/** `coc.enforcement`: the numbered steps under "Enforcement Ladder" or "Enforcement Guidelines", from two. */
export function detectConductEnforcement(files: FilesByKind, out: Findings): void {
  const coc = conductText(files);
  const ladder = coc ? enforcementLadder(coc.headings, coc.lines) : [];
  if (!coc || ladder.length < 2) return;
  out.proposals.push({
    path: 'governance.code_of_conduct.enforcement',
    value: ladder.map((s) => s.step),
    confidence: 'high',
    rule: 'coc.enforcement',
    source: 'files',
    evidence: ladder.map((s) => lineEvidence(coc, s.index)),
  });
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

/** `coc.scope`: the first sentence under "Scope", without contact details. */
export function detectConductScope(files: FilesByKind, out: Findings): void {
  const coc = conductText(files);
  const scope = coc && scopeSentence(coc.headings, coc.lines);
  if (!coc || !scope) return;
  out.proposals.push({
    path: 'governance.code_of_conduct.scope',
    value: scope.text,
    confidence: 'medium',
    rule: 'coc.scope',
    source: 'files',
    evidence: [lineEvidence(coc, scope.index)],
  });
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
