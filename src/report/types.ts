// The one formatter contract: a run streams through a format plan by plan (each plan's text as soon as
// it is judged, then the run's end), so a run of any size holds only what its end needs. Writing happens elsewhere.
import type { Methodology, Severity } from '../methodology/types.js';
import type { PlanAssessment } from '../scoring/types.js';
import type { Thresholds, VerdictReason } from '../scoring/verdict.js';
import { withLintDetails } from './lint-details.js';

export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit', 'badge', 'github', 'markdown-compact', 'gitlab', 'html'] as const;
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

/**
 * What a plan's verdict means, worked out once (`withLintDetails` in lint-details.ts) when the plan is
 * judged and carried with it to every format and the run's totals: none re-derives it from the assessment.
 */
export interface LintDetails {
  /** The plan failed lint's thresholds (false for a report, which has no verdict). */
  failed: boolean;
  /** Items that fail the plan: its verdict's open items and expired waivers. */
  failing: ReadonlySet<string>;
  /** Items under an active waiver: shown once, as waived, never also as the gap they cover. */
  waived: ReadonlySet<string>;
  /** Open gaps by severity, leaving out waived ones (those the baseline knows are open, and counted). */
  open: Readonly<Record<Severity, number>>;
  /** Of the open gaps, those the baseline knows (lint --baseline), which do not fail the plan. */
  known: Readonly<Record<Severity, number>>;
}

/** A plan's result as formats read it: with its verdict's details. */
export interface JudgedPlan extends PlanResult {
  readonly details: LintDetails;
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

/** What every format knows before the first plan: the command, its thresholds and display options. */
export interface RunStart {
  command: 'lint' | 'report';
  thresholds?: Thresholds;
  /** lint's text: only failing plans and lines (--quiet); at most this many finding lines (--max-findings). */
  display?: { quiet?: boolean; maxFindings?: number };
  /** How many plans the run was asked to check (files named), when known before the first is judged. */
  expected?: number;
  /** lint: the project config in force, as a path from the working directory; absent when none is. */
  config?: string;
}

/** What a run knows once every plan is through. */
export interface RunEnd {
  /** Files that could not be checked because of input errors (reported separately). */
  notChecked: number;
}

/** A whole run held at once: for the API, the interview's gap report and tests. */
export interface RunResult extends RunStart {
  plans: readonly PlanResult[];
  notChecked?: number;
}

/** Text a format set aside with `FormatContext.setAside`, which the writer brings back where the end puts it. */
export interface SetAside {
  readonly setAside: number;
}

/** A part of a format's end: text, or text set aside while plans passed. */
export type FormatPart = string | SetAside;

/**
 * What a format writes at one time: its text, or, for an end too large to hold twice (SARIF's kept results
 * at 10,000 plans), the same text in parts, in order, which the writer passes on one by one.
 */
export type FormatOutput = string | readonly FormatPart[];

/** The text of a FormatOutput in one string; set-aside parts only come back through the writer that took them. */
export function joinOutput(output: FormatOutput): string {
  if (typeof output === 'string') return output;
  return output
    .map((part) => {
      if (typeof part !== 'string') throw new Error('text set aside by a writer came back without it');
      return part;
    })
    .join('');
}

/** One format writing one run: text for each plan in turn, then the run's end (summaries, totals, closing syntax). */
export interface FormatWriter {
  plan(result: JudgedPlan): string;
  end(end: RunEnd): FormatOutput;
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
  /** SARIF: the runs' category for code scanning (`automationDetails.id`); none by default. */
  sarifCategory?: string;
  /**
   * Where a published copy of the methodology guide is (an absolute http(s) address): guides are linked
   * there, with the item's anchor appended, instead of being included in the report.
   */
  guideUrl?: string;
  /** The most UTF-8 bytes the destination takes (a step summary): formats that can shorten themselves do. */
  maxBytes?: number;
  /**
   * Keeps text a format needs only at the end out of memory (in a temporary file): the part it returns goes
   * in the end's parts where the text belongs. Without it, a format keeps the text itself.
   */
  setAside?: (text: string) => FormatPart;
}

/** Opens one format for a run. A formatter keeps between plans only what its end needs (counts, a lowest score). */
export type Formatter = (run: RunStart, context: FormatContext) => FormatWriter;

/**
 * A held run through a format at once; the same text, chunk for chunk, as streaming it plan by plan. Plans
 * without their details get them here, once each.
 */
export function formatRun(formatter: Formatter, run: RunResult, context: FormatContext): string {
  const writer = formatter({ ...run, expected: run.expected ?? run.plans.length }, context);
  let text = '';
  for (const plan of run.plans) text += writer.plan(withLintDetails(plan));
  return text + joinOutput(writer.end({ notChecked: run.notChecked ?? 0 }));
}

export const plainPainter: Painter = {
  bold: (s) => s,
  dim: (s) => s,
  red: (s) => s,
  yellow: (s) => s,
  green: (s) => s,
  cyan: (s) => s,
};
