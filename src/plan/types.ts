// The community plan model: facts in sections, plus answers keyed by item id.
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
  /** The plan's own values for the methodology's parameters. */
  params: Readonly<Record<string, number>>;
  answers: ReadonlyMap<string, Answer>;
  /** A methodology directory named by the plan, relative to the plan file. */
  methodologyRef?: string;
}
