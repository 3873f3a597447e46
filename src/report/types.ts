// The one formatter contract: a run's results in, a string out. Writing happens elsewhere.
import type { Methodology } from '../methodology/types.js';
import type { PlanAssessment } from '../scoring/types.js';
import type { Thresholds, VerdictReason } from '../scoring/verdict.js';

export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit', 'badge', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface PlanResult {
  assessment: PlanAssessment;
  /** The methodology this plan was assessed with (plans of one run may use different ones). */
  methodology: Methodology;
  /** Present when the plan was judged against thresholds (lint). */
  verdict?: LintVerdict;
  /** Where the methodology came from: 'built-in', or its directory as given; shown so CI logs name the judge. */
  methodologyLocation?: string;
  /** Plan parameters that lint set aside because they would relax the methodology's defaults. */
  ignoredParams?: Readonly<Record<string, number>>;
  /** lint --baseline: open items already in the baseline, which do not fail the plan. */
  baselined?: readonly string[];
  /** lint: the profile the plan was judged by, and where each part came from (a project config may pin them). */
  judgedAs?: JudgedProfile;
}

/** The profile facts a plan was judged by, each with its source. */
export interface JudgedProfile {
  type: { value?: string; from: 'plan' | 'config' | 'none' };
  formality: { value: string; from: 'plan' | 'type' | 'default' | 'config' };
  size: { value?: number; from: 'plan' | 'config' | 'none' };
}

/** Why a plan fails lint, beyond the scoring thresholds: the run's own checks, as data. */
export type LintVerdictReason =
  VerdictReason | { code: 'methodology-mismatch'; named: string; judgedBy: string; line: number; col: number };

export interface LintVerdict {
  passed: boolean;
  reasons: readonly LintVerdictReason[];
}

export interface RunResult {
  command: 'lint' | 'report';
  plans: readonly PlanResult[];
  thresholds?: Thresholds;
  /** Files that could not be checked because of input errors (reported separately). */
  notChecked?: number;
  /** lint's text: only failing plans and lines (--quiet); at most this many finding lines (--max-findings). */
  display?: { quiet?: boolean; maxFindings?: number };
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
  /** The terminal's width when writing to one: lint's text wraps to it. Never read inside a formatter. */
  width?: number;
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
