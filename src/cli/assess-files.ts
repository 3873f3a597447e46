// Loads, checks and assesses plan files, one way through for each (read, parse with positions, choose its
// methodology, check, settle lint's policy, assess); input errors are collected per file, never hidden by a pass.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError, type Diagnostic } from '../errors.js';
import { outsideRepository, type PlanParamsPolicy, type ProfilePins } from '../io/load-config.js';
import { readPlanFile } from '../io/load-plan.js';
import { checkPlan } from '../plan/parse-plan.js';
import type { Plan } from '../plan/types.js';
import { assessPlan, type WaiverDays } from '../scoring/assess-plan.js';
import type { PlanAssessment } from '../scoring/types.js';
import type { Methodology } from '../methodology/types.js';
import type { Validation } from '../validation/schema-validation.js';
import type { JudgedProfile } from '../report/types.js';
import { describeVerdictReason } from '../report/messages.js';
import { methodologyLocation, methodologyMismatch, settlePolicy } from './lint-policy.js';
import { MethodologyCache, methodologyDirFor, type GlobalOptions } from './shared.js';

export interface AssessedFile {
  assessment: PlanAssessment;
  methodology: Methodology;
  /** 'built-in', or the methodology directory as given. */
  methodologyLocation: string;
  /** The plan names a methodology other than the one that judged it (lint). */
  mismatch?: { named: string; line: number; col: number };
  /** Plan parameters set aside by the lint policy. */
  ignoredParams?: Record<string, number>;
  /** lint: the profile facts the plan was judged by, each with its source. */
  judgedAs?: JudgedProfile;
}

/** lint's rules: one methodology judges every plan, and a plan's own thresholds only count as the policy says. */
export interface AssessPolicy {
  /** The methodology directory every plan is judged by, whatever the plan names. */
  judgeDir?: string;
  planParams?: PlanParamsPolicy;
  /** The plan's own methodology, when it names one, wins over --checklists (lint --methodology-from-plan). */
  planFirst?: boolean;
  /** Profile facts the project config fixes, whatever a plan says (lint). */
  pin?: ProfilePins;
  /** The longest a waiver may run from today (lint's horizon; default 365 days). */
  maxWaiverDays?: WaiverDays;
  /** Say which profile each plan was judged by, and where each part came from (lint). */
  stateProfile?: boolean;
  /** Plans whose text was read already (lint --stdin), by the file name they are reported under. */
  texts?: ReadonlyMap<string, string>;
}

/** Every plan assessed, held together (report; the API). */
export function assessFiles(
  files: readonly string[],
  options: GlobalOptions,
  validation: Validation,
  today: string,
  policy: AssessPolicy = {},
): { assessed: AssessedFile[]; errors: Diagnostic[]; notChecked: number } {
  const assessed: AssessedFile[] = [];
  const { errors, notChecked } = assessEach(files, options, validation, today, policy, (file) => assessed.push(file));
  return { assessed, errors, notChecked };
}

/** Each plan handed to `onPlan` as soon as it is assessed, and let go: lint's way through any number of plans. */
export function assessEach(
  files: readonly string[],
  options: GlobalOptions,
  validation: Validation,
  today: string,
  policy: AssessPolicy,
  onPlan: (file: AssessedFile) => void,
): { errors: Diagnostic[]; notChecked: number } {
  const assessor = new PlanAssessor(options, validation, today, policy);
  const errors = new InputErrors();
  for (const file of files) {
    const done = assessor.tryAssess(file);
    // What the caller does with a plan (format it, write it) is not the plan's input error.
    if ('diagnostics' in done) errors.add(done.diagnostics);
    else onPlan(done.assessed);
  }
  return { errors: errors.list, notChecked: errors.files };
}

/** One run's assessor: every plan judged by the same policy, each methodology loaded once. */
export class PlanAssessor {
  private readonly judges: Judges;

  constructor(
    options: GlobalOptions,
    private readonly validation: Validation,
    private readonly today: string,
    private readonly policy: AssessPolicy,
  ) {
    this.judges = new Judges(options, validation, policy);
  }

  /**
   * One plan's way through, each step handing the next a finished value: read and parse it with its
   * positions and check its shape; choose the methodology that judges it; check it against that
   * methodology; settle lint's policy (pins, plan thresholds); assess it. With the directory of the
   * methodology that judged it, by which another thread finds the same methodology.
   */
  assess(file: string): { assessed: AssessedFile; methodologyDir: string } {
    const { validation, policy } = this;
    const plan = readPlanFile(file, validation, policy.texts?.get(file));
    const judge = this.judges.choose(plan);
    checkAgainstJudge(plan, judge, validation);
    const settled = settlePolicy(plan, judge.methodology, policy);
    const assessment = assessPlan(settled.plan, judge.methodology, validation, {
      today: this.today,
      ...(policy.maxWaiverDays !== undefined ? { maxWaiverDays: policy.maxWaiverDays } : {}),
      ...(settled.factsSetAside.length > 0 ? { factParamsSetAside: settled.factsSetAside } : {}),
    });
    const assessed: AssessedFile = {
      assessment,
      methodology: judge.methodology,
      methodologyLocation: judge.location,
      ...(judge.mismatch ? { mismatch: judge.mismatch } : {}),
      ...(Object.keys(settled.ignored).length > 0 ? { ignoredParams: settled.ignored } : {}),
      ...(policy.stateProfile ? { judgedAs: settled.judgedAs } : {}),
    };
    return { assessed, methodologyDir: judge.dir };
  }

  /** As `assess`, with the plan's input errors as a value (any other error is thrown). */
  tryAssess(file: string): { assessed: AssessedFile; methodologyDir: string } | { diagnostics: readonly Diagnostic[] } {
    try {
      return this.assess(file);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { diagnostics: error.diagnostics };
    }
  }

  /** The methodology of a directory a plan was judged by (loaded once a run). */
  methodology(dir: string): Methodology {
    return this.judges.methodology(dir);
  }
}

/** The methodology that judges a plan, where it came from, and whether the plan names another. */
interface Judge {
  methodology: Methodology;
  /** The directory it was loaded from, as given. */
  dir: string;
  location: string;
  mismatch?: AssessedFile['mismatch'];
}

/** Chooses each plan's judge; each methodology is loaded, and its location resolved, once a run. */
class Judges {
  private readonly cache: MethodologyCache;
  // Resolving where a methodology lives takes two realpath calls: once per directory, not per plan.
  private readonly locations = new Map<string, string>();

  constructor(
    private readonly options: GlobalOptions,
    validation: Validation,
    private readonly policy: AssessPolicy,
  ) {
    this.cache = new MethodologyCache(validation);
  }

  /** lint's judge when it has one, else the plan's own methodology or the one the options name. */
  choose(plan: Plan): Judge {
    const { policy, options } = this;
    const planFirst = policy.planFirst === true && plan.methodologyRef !== undefined;
    const dir = policy.judgeDir ?? methodologyDirFor(plan, planFirst ? {} : options);
    if (policy.judgeDir === undefined && (planFirst || !options.checklists) && plan.methodologyRef && !existsSync(dir)) {
      const pos = plan.source.locate(['methodology']);
      const message = `methodology directory '${plan.methodologyRef}' not found (relative to the plan)`;
      throw new InputError([{ file: plan.file, line: pos.line, col: pos.col, message }]);
    }
    // lint's gate, when the config lets plans choose: a plan may not choose one the repository does not hold.
    const outside = planFirst ? outsideRepository(dir, path.dirname(plan.file)) : undefined;
    if (outside) {
      const pos = plan.source.locate(['methodology']);
      throw new InputError([
        { file: plan.file, line: pos.line, col: pos.col, message: `methodology directory '${plan.methodologyRef}' ${outside}` },
      ]);
    }
    const methodology = this.cache.get(dir);
    const mismatch = policy.judgeDir === undefined ? undefined : methodologyMismatch(plan, policy.judgeDir);
    return { methodology, dir, location: this.locationOf(dir), ...(mismatch ? { mismatch } : {}) };
  }

  methodology(dir: string): Methodology {
    return this.cache.get(dir);
  }

  private locationOf(dir: string): string {
    let location = this.locations.get(dir);
    if (location === undefined) this.locations.set(dir, (location = methodologyLocation(dir)));
    return location;
  }
}

/** checkPlan, with a plan written for another methodology said first, so that its other errors make sense. */
function checkAgainstJudge(plan: Plan, { methodology, location, mismatch }: Judge, validation: Validation): void {
  try {
    checkPlan(plan, methodology, validation);
  } catch (error) {
    if (!(error instanceof InputError) || !mismatch) throw error;
    const judgedBy = `${methodology.id} ${methodology.version} (${location})`;
    const first: Diagnostic = {
      file: plan.file,
      line: mismatch.line,
      col: mismatch.col,
      message: describeVerdictReason({ code: 'methodology-mismatch', ...mismatch, judgedBy }),
    };
    throw new InputError([first, ...error.diagnostics]);
  }
}

/** A run's input errors: the files that had some, and each problem once (a plan named twice, a shared methodology's error). */
export class InputErrors {
  readonly list: Diagnostic[] = [];
  files = 0;
  private readonly listed = new Set<string>();

  add(diagnostics: readonly Diagnostic[]): void {
    this.files++;
    for (const d of diagnostics) {
      const key = `${d.file}\u0000${d.line ?? ''}:${d.col ?? ''}\u0000${d.message}`;
      if (this.listed.has(key)) continue;
      this.listed.add(key);
      this.list.push(d);
    }
  }
}
