// Machine-readable output described by schemas/report.schema.json: stable order, sorted keys, no timestamps.
import { gapFindingOf } from '../scoring/gap-finding.js';
import { isGapCode, type FindingData, type PlanAssessment } from '../scoring/types.js';
import { describeFinding, describeVerdictReason, planTextValues } from './messages.js';
import { laterList } from './report-view.js';
import { isPlainAscii, UNSAFE_IN_JSON_TEXT } from '../text/sanitize.js';
import { RunTally } from './lint-details.js';
import type { Formatter, PlanResult } from './types.js';

/** Where the finding that explains an open item is: the same one SARIF, JUnit and text report. */
function gapOf(a: PlanAssessment, itemId: string): { gap?: { code: string; line: number; col: number; path: string } } {
  const f = gapFindingOf(a, itemId);
  return f ? { gap: { code: f.code, line: f.location.line, col: f.location.col, path: f.location.path } } : {};
}

/**
 * The report's keys are sorted, so `plans` comes before `summary`: each plan is written as it is judged,
 * and the summary, counted on the way, after the last. The text is the one a single JSON.stringify of the
 * whole report would give.
 */
export const formatJson: Formatter = (run, context) => {
  const tally = new RunTally();
  const write = (value: unknown, indent: string): string =>
    escapeJsonText(JSON.stringify(sortKeys(value), null, 2).replaceAll('\n', `\n${indent}`));
  return {
    plan(result) {
      const head = tally.plans === 0 ? `{\n  "command": ${JSON.stringify(run.command)},\n  "plans": [\n    ` : ',\n    ';
      tally.add(result.details);
      return head + write(planJson(result), '    ');
    },
    end({ notChecked }) {
      const tail = {
        schemaVersion: 1,
        summary: { plans: tally.plans, passed: tally.passed, failed: tally.failed, notChecked },
        ...(run.thresholds ? { thresholds: run.thresholds } : {}),
        tool: { name: 'commready', version: context.toolVersion },
      };
      const rest = write(tail, '').slice(1);
      return tally.plans === 0 ? `{\n  "command": ${JSON.stringify(run.command)},\n  "plans": [],${rest}\n` : `\n  ],${rest}\n`;
    },
  };
};

function planJson({ assessment: a, methodology: m, verdict, methodologyLocation, ignoredParams, baselined, judgedAs }: PlanResult): object {
  return {
    file: a.file,
    methodology: { id: m.id, title: m.title, version: m.version, ...(methodologyLocation ? { location: methodologyLocation } : {}) },
    community: a.community,
    today: a.today,
    stage: a.stage,
    profile: a.profile,
    score: a.score,
    health: a.health,
    healthCoverage: a.healthCoverage,
    level: a.level,
    nextLevel: a.nextLevel,
    ...(verdict ? { passed: verdict.passed, reasons: verdict.reasons.map((r) => ({ ...r, message: describeVerdictReason(r) })) } : {}),
    phases: a.phases.map((p) => ({
      id: p.phaseId,
      title: m.phases.find((x) => x.id === p.phaseId)?.title ?? p.phaseId,
      score: p.score,
      counts: p.counts,
    })),
    items: a.items.map((r) => ({
      id: r.itemId,
      phase: r.phaseId,
      title: r.title,
      dimension: r.dimension,
      severity: r.severity,
      weight: r.weight,
      status: r.status,
      basis: r.basis,
      points: r.points,
      failed: r.failed,
      ...(r.waiver ? { waiver: r.waiver } : {}),
      ...(r.naReason !== undefined ? { naReason: r.naReason } : {}),
      ...gapOf(a, r.itemId),
    })),
    findings: a.findings.map((f) => ({
      code: f.code,
      item: f.itemId,
      phase: f.phaseId,
      severity: f.severity,
      file: f.location.file,
      line: f.location.line,
      col: f.location.col,
      path: f.location.path,
      message: describeFinding(f, m, planTextValues(a, m)),
      // A gap's failed rules are its item's `failed`, listed once there (about a fifth of a report).
      data: isGapCode(f.code) ? withoutFailed(f.data) : f.data,
    })),
    gaps: a.gaps,
    ...todoOf(a),
    customParams: a.customParams,
    paramOrigins: a.paramOrigins,
    ...(ignoredParams ? { ignoredParams } : {}),
    ...(judgedAs ? { judgedAs } : {}),
    ...(baselined ? { baselined } : {}),
  };
}

/** A finding's data without its `failed` list. */
function withoutFailed(data: FindingData): Omit<FindingData, 'failed'> {
  const { failed: _failed, ...rest } = data;
  return rest;
}

/** The to-do list (open items taken on for later, soonest first), when the plan has one. */
function todoOf(a: Parameters<typeof laterList>[0]): { todo?: unknown[] } {
  const later = laterList(a);
  return later.length === 0
    ? {}
    : {
        todo: later.map((l) => ({
          item: l.itemId,
          title: l.title,
          status: l.status,
          due: l.due,
          ...(l.owner ? { owner: l.owner } : {}),
          ...(l.overdue ? { overdue: true } : {}),
        })),
      };
}

/** Deep copy with object keys in sorted order, so that output diffs cleanly. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}

/**
 * JSON escapes C0 controls itself; the other unsafe characters (C1, bidi and invisible characters, lone
 * surrogates) are legal in JSON strings but act on a terminal or a CI log that shows the file, and `##[`
 * is a workflow command anywhere in a log line. Written as \u escapes they mean the same value and show
 * as text. For JSON text only: `#`, `:` and those characters never occur in its syntax outside strings,
 * and once every line break but LF is escaped (U+2028, U+2029, NEL are unsafe; JSON escapes CR), each line
 * starts with JSON's own syntax, never with `::`. One pass: the report of 10,000 plans is 1 GB of it.
 */
export function escapeJsonText(json: string): string {
  if (isPlainAscii(json) && !json.includes('##[')) return json;
  return json.replace(UNSAFE_IN_JSON_TEXT, (match) => (match === '##[' ? `#${jsonEscape('#')}[` : jsonEscape(match)));
}

/** `\u0023`; a character beyond U+FFFF as its two surrogates. */
function jsonEscape(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
