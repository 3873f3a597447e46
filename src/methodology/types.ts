// The methodology model: phases of items, levels with gates, adjustable parameters and profiles.

export const SEVERITIES = ['blocker', 'major', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const QUESTION_KINDS = ['text', 'number', 'confirm', 'select', 'checkbox', 'list', 'date', 'url', 'rating'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Where something was defined: file and 1-based line and column. */
export interface Origin {
  file: string;
  line: number;
  col: number;
}

/** A check on one plan fact: the value at `path` must satisfy `schema` (which may hold `{ $param }`). */
export interface EvidenceRule {
  path: string;
  segments: readonly string[];
  schema: unknown;
  message: string;
}

export interface Choice {
  value: string | number | boolean;
  name: string;
  description?: string;
}

export interface QuestionField {
  key: string;
  message: string;
  kind?: 'text' | 'number' | 'date' | 'url' | 'confirm';
}

export interface Question {
  kind: QuestionKind;
  message: string;
  help?: string;
  /** Plan path written by the answer, or `assessment` for a rating. */
  fills: string;
  choices?: readonly Choice[];
  fields?: readonly QuestionField[];
}

export interface Rating {
  met: string;
  partial: string;
  unmet: string;
}

export interface Reference {
  title: string;
  url: string;
}

export interface Item {
  id: string;
  phaseId: string;
  title: string;
  why: string;
  guidance: string;
  severity: Severity;
  weight: number;
  evidence: readonly EvidenceRule[];
  rating?: Rating;
  na: boolean;
  question: Question;
  covers: readonly string[];
  references: readonly Reference[];
  origin: Origin;
}

export interface Phase {
  id: string;
  title: string;
  summary: string;
  items: Item[];
  origin: Origin;
}

export type Gate =
  | { kind: 'no-open'; severities: readonly Severity[]; phases: readonly string[] | null }
  | { kind: 'items-met'; items: readonly string[] }
  | { kind: 'share-met'; severity: Severity; min: number };

export interface Level {
  id: string;
  title: string;
  description: string;
  backedBy?: string;
  minScore: number;
  gates: readonly Gate[];
}

export interface Param {
  value: number;
  description: string;
  basis?: string;
  /** Bounds on the values a plan may set. */
  minimum?: number;
  maximum?: number;
  integer?: boolean;
}

export interface Profile {
  id: string;
  title: string;
  description: string;
  notApplicable: readonly { item: string; reason: string }[];
}

export interface Framework {
  id: string;
  title: string;
  url: string;
  elements: readonly { id: string; title: string }[];
}

export interface Methodology {
  id: string;
  title: string;
  version: string;
  description?: string;
  validityDays: number;
  phases: readonly Phase[];
  params: Readonly<Record<string, Param>>;
  levels: readonly Level[];
  profiles: readonly Profile[];
  frameworks: readonly Framework[];
  retired: readonly { id: string; reason: string }[];
  /** Directory the methodology was read from (for display). */
  location: string;
  /** Every directory its files were read from: its own and those of the methodologies it extends. */
  directories: readonly string[];
}

/** Every item in phase order. */
export function allItems(methodology: Methodology): Item[] {
  return methodology.phases.flatMap((p) => p.items);
}

export function findItem(methodology: Methodology, id: string): Item | undefined {
  for (const phase of methodology.phases) {
    const item = phase.items.find((i) => i.id === id);
    if (item) return item;
  }
  return undefined;
}
