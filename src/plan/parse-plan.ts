// Pure: validates a plan against the plan schema and the methodology it is assessed with.
import { InputError, type Diagnostic } from '../errors.js';
import { locate, type DataPath, type YamlSource } from '../source/yaml-source.js';
import { ajvErrorsToDiagnostics, type Validation } from '../validation/schema-validation.js';
import { didYouMean } from '../text/closest-matches.js';
import { findParamReferences, paramValues, resolveParams } from '../methodology/evidence-schema.js';
import { paramValueProblem } from '../methodology/parse-methodology.js';
import { allItems, type Methodology } from '../methodology/types.js';
import type { Answer, Plan } from './types.js';

/** Checks the plan's shape alone (no methodology needed); throws InputError with positions. */
export function parsePlanShape(source: YamlSource, validation: Validation): Plan {
  if (!validation.plan(source.value)) {
    throw new InputError(ajvErrorsToDiagnostics(validation.plan.errors, source));
  }
  const data = source.value as Record<string, unknown>;
  const community = data.community as { name: string; type?: string };
  const answers = new Map<string, Answer>(Object.entries((data.assessment ?? {}) as Record<string, Answer>));
  const methodologyRef = typeof data.methodology === 'string' ? data.methodology : undefined;
  return {
    file: source.file,
    source,
    data,
    name: community.name,
    ...(community.type ? { type: community.type } : {}),
    params: (data.params ?? {}) as Record<string, number>,
    answers,
    ...(methodologyRef ? { methodologyRef } : {}),
  };
}

/**
 * Checks what the plan names against the methodology: item ids, community type, and parameters (known,
 * within their bounds, and usable in every evidence rule that reads them).
 */
export function checkPlanAgainstMethodology(plan: Plan, methodology: Methodology, validation: Validation): void {
  const diagnostics: Diagnostic[] = [];
  const at = (path: DataPath, message: string): void => {
    const pos = locate(plan.source, path);
    diagnostics.push({ file: plan.file, line: pos.line, col: pos.col, message });
  };
  const ids = allItems(methodology).map((i) => i.id);
  const idSet = new Set(ids);
  for (const id of plan.answers.keys()) {
    if (idSet.has(id)) continue;
    const retired = methodology.retired.find((r) => r.id === id);
    if (retired) at(['assessment', id], `item '${id}' is retired: ${retired.reason}`);
    else at(['assessment', id], unknown(`item id '${id}' in methodology '${methodology.id}'`, id, ids));
  }
  if (plan.type !== undefined && !methodology.profiles.some((p) => p.id === plan.type)) {
    at(['community', 'type'], unknown(`community type '${plan.type}'`, plan.type, methodology.profiles.map((p) => p.id)));
  }
  const bad = new Set<string>();
  for (const [name, value] of Object.entries(plan.params)) {
    if (!Object.hasOwn(methodology.params, name)) {
      at(['params', name], unknown(`parameter '${name}'`, name, Object.keys(methodology.params)));
      bad.add(name);
      continue;
    }
    const problem = paramValueProblem(methodology.params[name]!, value);
    if (problem) {
      at(['params', name], `params.${name}: ${problem}`);
      bad.add(name);
    }
  }
  const overridden = Object.keys(plan.params).filter((n) => !bad.has(n));
  if (overridden.length > 0) {
    const values = paramValues(methodology.params, plan.params);
    const reported = new Set<string>();
    for (const item of allItems(methodology)) {
      for (const rule of item.evidence) {
        const names = findParamReferences(rule.schema).map((r) => r.name).filter((n) => overridden.includes(n) && !reported.has(n));
        if (names.length === 0) continue;
        try {
          validation.compileEvidence(resolveParams(rule.schema, values));
        } catch (error) {
          const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
          for (const n of names) {
            reported.add(n);
            at(['params', n], `params.${n}: ${values[n]} cannot be used in the rule of '${item.id}' (${reason})`);
          }
        }
      }
    }
  }
  if (diagnostics.length > 0) throw new InputError(diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
}

function unknown(what: string, name: string, known: readonly string[]): string {
  return `unknown ${what}${didYouMean(name, known)}`;
}
