// The community plan model: facts in sections, plus answers keyed by item id.
import type { Formality, Stage } from '../methodology/types.js';
import type { YamlSource } from '../source/yaml-source.js';

export const ANSWER_STATUSES = ['met', 'partial', 'unmet', 'n/a'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export interface Waiver {
  reason: string;
  expires: string;
  owner?: string;
}

export interface Answer {
  status?: AnswerStatus;
  note?: string;
  evidence?: readonly string[];
  owner?: string;
  reviewed?: string;
  due?: string;
  waiver?: Waiver;
}

export interface Plan {
  file: string;
  source: YamlSource;
  /** The whole plan as plain data. */
  data: Readonly<Record<string, unknown>>;
  name: string;
  /** Community type, the id of a methodology profile. */
  type?: string;
  /** Plan format version (1 or 2). */
  version: number;
  stage: Stage;
  /** How the stage was decided: written in the plan, or inferred for a version-1 plan. */
  stageFrom: 'plan' | 'inferred';
  /** The day a running community opened. */
  opened?: string;
  /** Written in the plan, or undefined (then the type's default applies). */
  formality?: Formality;
  /** Members, or the expected audience while planning. */
  size?: number;
  /** Names in the roster (`people`), as written (empty when a version-2 or later plan leaves it out); null for a version-1 plan without one. */
  roster: readonly string[] | null;
  /** The plan's own values for the methodology's parameters. */
  params: Readonly<Record<string, number>>;
  answers: ReadonlyMap<string, Answer>;
  /** A methodology directory named by the plan, relative to the plan file. */
  methodologyRef?: string;
}
