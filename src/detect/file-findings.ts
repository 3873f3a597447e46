// Pure: what the community-file detections share: a file as read (text, lines, headings found once),
// where their proposals and notes go, and evidence that cites lines.
import type { FileContext, FileKind } from './community-files.js';
import { excerptOf, headingsOf, linesOf, type Heading } from './text-lines.js';
import type { Evidence, Note, Proposal, ProposalRule } from './types.js';

/** A path's folder, its name, and the name's lowercased stem and extension (`docs`, `Guide.MD`, `guide`, `.md`). */
export function splitPath(path: string): { dir: string; name: string; stem: string; ext: string } {
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash);
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const lower = name.toLowerCase();
  return dot <= 0 ? { dir, name, stem: lower, ext: '' } : { dir, name, stem: lower.slice(0, dot), ext: lower.slice(dot) };
}

/** A community file as the detections read it. */
export class ReadFile {
  readonly lines: string[];
  #headings: Heading[] | undefined;

  constructor(
    readonly path: string,
    readonly kind: FileKind,
    readonly size: number,
    readonly text: string,
  ) {
    this.lines = linesOf(text);
  }

  /** Its headings, found once for every detection that reads sections. */
  get headings(): readonly Heading[] {
    return (this.#headings ??= headingsOf(this.lines));
  }
}

/** The files read, by kind, best placed first. */
export type FilesByKind = ReadonlyMap<FileKind, readonly ReadFile[]>;

/** The best placed file of a kind. */
export function firstOf(files: FilesByKind, kind: FileKind): ReadFile | undefined {
  return files.get(kind)?.[0];
}

/** Where the detections put what they find, in the order they find it. */
export interface Findings {
  readonly proposals: Proposal[];
  readonly notes: Note[];
  readonly context: FileContext;
  /** A proposal holds a path for want of a forge address: one note says so at the end. */
  noForge: boolean;
}

export function fileEvidence(file: string, index?: number, endIndex?: number, lines?: readonly string[]): Evidence {
  return {
    kind: 'file',
    file,
    ...(index !== undefined ? { line: index + 1 } : {}),
    ...(endIndex !== undefined && endIndex !== index ? { endLine: endIndex + 1 } : {}),
    ...(index !== undefined && lines ? { excerpt: excerptOf(lines[index] ?? '') } : {}),
  };
}

/** Evidence that is one line of a file, quoted. */
export function lineEvidence(file: ReadFile, index: number): Evidence {
  return fileEvidence(file.path, index, undefined, file.lines);
}

/**
 * Evidence that is a whole file: its lines from the first to the last that hold text, quoting the first
 * (usually its title), so that every proposal from a file cites lines, not only a name.
 */
export function wholeFileEvidence(file: ReadFile): Evidence {
  const first = file.lines.findIndex((l) => l.trim().length > 0);
  if (first < 0) return fileEvidence(file.path);
  let last = file.lines.length - 1;
  while (last > first && file.lines[last]!.trim().length === 0) last--;
  return fileEvidence(file.path, first, last, file.lines);
}

/** A short file is a stub: noted, not proposed. */
export function noteStub(out: Findings, file: ReadFile): void {
  out.notes.push({ code: 'stub-file', file: file.path, data: { bytes: file.size } });
}

/**
 * Proposes the file's web address; without a forge, its path, shown but never written (and noted once).
 */
export function proposeAddress(out: Findings, file: ReadFile, proposal: Omit<Proposal, 'value' | 'showOnly'>): void {
  const url = out.context.urlOf?.(file.path);
  const { path, ...rest } = proposal;
  if (url) out.proposals.push({ path, value: url, ...rest });
  else {
    out.noForge = true;
    out.proposals.push({ path, value: file.path, ...rest, showOnly: true });
  }
}

/**
 * A document of substance (`minBytes` of text, as the Best Practices badge asks) proposed by its address
 * at `path`, cited whole; a shorter one is a stub, noted. True when proposed.
 */
export function proposeDocument(out: Findings, file: ReadFile, minBytes: number, path: string, rule: ProposalRule): boolean {
  if (file.text.trim().length < minBytes) {
    noteStub(out, file);
    return false;
  }
  proposeAddress(out, file, { path, confidence: 'high', rule, source: 'files', evidence: [wholeFileEvidence(file)] });
  return true;
}
