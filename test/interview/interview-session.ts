// Shared by the flow tests: interview options around an Asker, with every save checked and assessed
// as the command does, and plans for the built-in methodology.
import { parse as parseYaml, parseDocument } from 'yaml';
import { loadSchemas } from '../../src/io/package-files.js';
import type { Asker } from '../../src/interview/asker.js';
import { assessPlanText } from '../../src/interview/assess-plan-text.js';
import { pathSegments, type QuestionSpec } from '../../src/interview/question-model.js';
import { questionsFromMethodology } from '../../src/interview/questions-from-methodology.js';
import type { InterviewOptions, InterviewScope } from '../../src/interview/run-interview.js';
import { screenerQuestions } from '../../src/interview/screener-questions.js';
import { planSchemaHasPath } from '../../src/methodology/plan-schema-paths.js';
import type { Methodology } from '../../src/methodology/types.js';
import { validation } from '../helpers.js';

export const TODAY = '2026-07-01';
export const planSchema = loadSchemas().plan;

/**
 * The questions of a methodology, built once per methodology as the command builds them once per run, and
 * frozen all the way down: an interview that changed one would throw rather than reach the next test.
 */
const questionsBuilt = new WeakMap<Methodology, readonly QuestionSpec[]>();
function questionsOf(methodology: Methodology): QuestionSpec[] {
  let questions = questionsBuilt.get(methodology);
  if (!questions) questionsBuilt.set(methodology, (questions = deepFreeze(questionsFromMethodology(methodology, planSchema))));
  return questions as QuestionSpec[];
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Whether the plan schema has a path: asked for the same few hundred paths again and again, answered once each. */
const schemaHasPath = new Map<string, boolean>();
function accepts(path: string): boolean {
  let known = schemaHasPath.get(path);
  if (known === undefined) schemaHasPath.set(path, (known = planSchemaHasPath(planSchema, pathSegments(path))));
  return known;
}

export interface Session<A extends Asker> {
  asker: A;
  saves: string[];
  options: InterviewOptions;
  // Parsed YAML of any shape: the assertions say what it must hold.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  last(): Record<string, any>;
}

/** An interview of the plan `text` against `methodology` through `asker`; `extra` replaces any option. */
export function interviewSession<A extends Asker>(
  asker: A,
  text: string,
  methodology: Methodology,
  extra: Partial<InterviewOptions> & { scope?: InterviewScope } = {},
): Session<A> {
  const saves: string[] = [];
  const initial = assessPlanText('plan.yaml', text, methodology, validation, TODAY);
  const options: InterviewOptions = {
    methodology,
    screener: screenerQuestions(methodology),
    questions: questionsOf(methodology),
    planSchema,
    doc: parseDocument(text, { schema: 'core' }),
    text,
    ...(initial.ok ? { assessment: initial.assessment } : {}),
    accepts,
    commit: (next) => {
      const outcome = assessPlanText('plan.yaml', next, methodology, validation, TODAY);
      if (outcome.ok) saves.push(next);
      return outcome;
    },
    writeGapReport: async () => undefined,
    today: TODAY,
    ...extra,
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { asker, saves, options, last: () => parseYaml(saves.at(-1) ?? text) as Record<string, any> };
}

/** A plan for the built-in methodology: a planned community of 40, with `community` on top. */
export function builtinPlan(community: Record<string, string>): string {
  return `version: 2\ncommunity:\n  name: Makers\n${Object.entries({
    stage: 'planning',
    ...community,
    size: '40',
    format: 'in-person',
    minors: 'false',
    regions: '[FR]',
  })
    .map(([key, value]) => `  ${key}: ${value}\n`)
    .join('')}`;
}
