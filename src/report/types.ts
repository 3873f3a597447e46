// The one formatter contract: a run's results in, a string out. Writing happens elsewhere.
import type { Methodology } from '../methodology/types.js';
import type { PlanAssessment } from '../scoring/types.js';
import type { Thresholds, Verdict } from '../scoring/verdict.js';

export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit', 'badge'] as const;
export type Format = (typeof FORMATS)[number];

export interface PlanResult {
  assessment: PlanAssessment;
  /** The methodology this plan was assessed with (plans of one run may use different ones). */
  methodology: Methodology;
  /** Present when the plan was judged against thresholds (lint). */
  verdict?: Verdict;
}

export interface RunResult {
  command: 'lint' | 'report';
  plans: readonly PlanResult[];
  thresholds?: Thresholds;
  /** Files that could not be checked because of input errors (reported separately). */
  notChecked?: number;
}

/** Colour functions; identity functions when colour is off. */
export interface Painter {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

export interface FormatContext {
  toolVersion: string;
  paint: Painter;
  /** The working directory, for formats that give paths relative to it (SARIF); the caller passes it in. */
  cwd?: string;
}

export type Formatter = (run: RunResult, context: FormatContext) => string;

export const plainPainter: Painter = {
  bold: (s) => s,
  dim: (s) => s,
  red: (s) => s,
  yellow: (s) => s,
  green: (s) => s,
  cyan: (s) => s,
};
