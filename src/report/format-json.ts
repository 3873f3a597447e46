// Machine-readable output described by schemas/report.schema.json: stable order, sorted keys, no timestamps.
import { gapFindingOf } from '../scoring/gap-finding.js';
import { isGapCode, type FindingData, type ItemResult, type PlanAssessment } from '../scoring/types.js';
import { describeFinding, describeVerdictReason, planTextValues } from './messages.js';
import { laterList } from './report-view.js';
import { isPlainAscii, unsafeInJsonText } from '../text/sanitize.js';
import { RunTally } from './lint-details.js';
import type { Formatter, PlanResult } from './types.js';

/** Where the finding that explains an open item is: the same one SARIF, JUnit and text report. */
function gapOf(a: PlanAssessment, itemId: string): { code: string; line: number; col: number; path: string } | undefined {
  const f = gapFindingOf(a, itemId);
  return f ? { code: f.code, line: f.location.line, col: f.location.col, path: f.location.path } : undefined;
}

/**
 * The report's keys are sorted, so `plans` comes before `summary` and `tables`: each plan is written as it
 * is judged, and the summary, counted on the way, and the tables after the last.
 */
export const formatJson: Formatter = (run, context) => {
  const tally = new RunTally();
  const tables = new ItemTables();
  const write = (value: unknown, indent: string): string => escapeJsonText(indented(sortKeys(value), indent));
  return {
    plan(result) {
      const head = tally.plans === 0 ? `{\n  "command": ${JSON.stringify(run.command)},\n  "plans": [\n    ` : ',\n    ';
      tally.add(result.details);
      return head + escapeJsonText(planText(sortKeys(planJson(result, tables)) as Record<string, unknown>, '    '));
    },
    end({ notChecked }) {
      const tail = {
        schemaVersion: REPORT_SCHEMA_VERSION,
        summary: { plans: tally.plans, passed: tally.passed, failed: tally.failed, notChecked },
        tables: tables.all,
        ...(run.thresholds ? { thresholds: run.thresholds } : {}),
        tool: { name: 'commready', version: context.toolVersion },
      };
      const rest = write(tail, '').slice(1);
      return tally.plans === 0 ? `{\n  "command": ${JSON.stringify(run.command)},\n  "plans": [],${rest}\n` : `\n  ],${rest}\n`;
    },
  };
};

/**
 * Version 2 writes what the plans of one methodology under one profile share (their items' titles, phases,
 * severities, weights and dimensions, and the phases' titles) once, in `tables`: they were about a quarter
 * of version 1's report, before its indentation. See schemas/report.schema.json.
 */
const REPORT_SCHEMA_VERSION = 2;

interface ItemRow {
  phase: string;
  title: string;
  dimension: string;
  severity: string;
  weight: number;
}
interface ItemTable {
  phases: Record<string, string>;
  items: Record<string, ItemRow>;
}

/**
 * The tables of a run, one per methodology and profile, each made from the first plan that uses it. A
 * plan's item or phase writes a field only where it differs from its table's row (a parameter of the plan
 * in a title) or has no row: a reader takes a field from the row when the item leaves it out, so the
 * report says the same as version 1 whatever the tables hold. A run keeps one table per profile.
 */
class ItemTables {
  readonly all: ItemTable[] = [];
  private readonly index = new Map<string, number>();

  tableOf(key: string, make: () => ItemTable): { ref: number; table: ItemTable } {
    let ref = this.index.get(key);
    if (ref === undefined) {
      ref = this.all.push(make()) - 1;
      this.index.set(key, ref);
    }
    return { ref, table: this.all[ref]! };
  }
}

/**
 * An item as JSON, without the fields its table's row holds the same. Keys are added in sorted order,
 * so that sortKeys leaves the object as it is.
 */
function itemJson(r: ItemResult, a: PlanAssessment, row: ItemRow | undefined): Record<string, unknown> {
  const item: Record<string, unknown> = { basis: r.basis };
  if (row?.dimension !== r.dimension) item.dimension = r.dimension;
  if (r.failed.length > 0) item.failed = r.failed;
  const gap = gapOf(a, r.itemId);
  if (gap) item.gap = gap;
  item.id = r.itemId;
  if (r.naReason !== undefined) item.naReason = r.naReason;
  if (row?.phase !== r.phaseId) item.phase = r.phaseId;
  item.points = r.points;
  if (row?.severity !== r.severity) item.severity = r.severity;
  item.status = r.status;
  if (row?.title !== r.title) item.title = r.title;
  if (r.waiver) item.waiver = r.waiver;
  if (row?.weight !== r.weight) item.weight = r.weight;
  return item;
}

function itemsAndPhases(result: PlanResult, tables: ItemTables): { table: number; items: object[]; phases: object[] } {
  const { assessment: a, methodology: m, methodologyLocation } = result;
  const phaseTitles = a.phases.map((p) => m.phases.find((x) => x.id === p.phaseId)?.title ?? p.phaseId);
  const key = JSON.stringify([m.id, m.version, methodologyLocation ?? null, a.profile]);
  const { ref, table } = tables.tableOf(key, () => ({
    phases: Object.fromEntries(a.phases.map((p, n) => [p.phaseId, phaseTitles[n]!])),
    items: Object.fromEntries(
      a.items.map((r) => [r.itemId, { phase: r.phaseId, title: r.title, dimension: r.dimension, severity: r.severity, weight: r.weight }]),
    ),
  }));
  return {
    table: ref,
    items: a.items.map((r) => itemJson(r, a, Object.hasOwn(table.items, r.itemId) ? table.items[r.itemId] : undefined)),
    phases: a.phases.map((p, n) => {
      const title = phaseTitles[n]!;
      const same = Object.hasOwn(table.phases, p.phaseId) && table.phases[p.phaseId] === title;
      return { counts: p.counts, id: p.phaseId, score: p.score, ...(same ? {} : { title }) };
    }),
  };
}

function planJson(result: PlanResult, tables: ItemTables): object {
  const { assessment: a, methodology: m, verdict, methodologyLocation, ignoredParams, baselined, judgedAs } = result;
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
    ...itemsAndPhases(result, tables),
    // Keys in sorted order, so that sortKeys copies none of the findings.
    findings: a.findings.map((f) => ({
      code: f.code,
      col: f.location.col,
      // A gap's failed rules are its item's `failed`, listed once there (about a fifth of a report).
      data: isGapCode(f.code) ? withoutFailed(f.data) : f.data,
      file: f.location.file,
      item: f.itemId,
      line: f.location.line,
      message: describeFinding(f, m, planTextValues(a, m)),
      path: f.location.path,
      phase: f.phaseId,
      severity: f.severity,
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

/** JSON.stringify's layout, two spaces a level, for a value that starts at `indent`. */
function indented(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

/**
 * A plan as JSON.stringify lays it out, but with each element of a list of objects (items, findings,
 * phases) on one line: a change to an item is one line of a diff, and the report 30 % smaller.
 */
function planText(plan: Record<string, unknown>, indent: string): string {
  const inner = `${indent}  `;
  const fields = Object.keys(plan).map((key) => {
    const value = plan[key];
    const text =
      Array.isArray(value) && value.length > 0 && value.every((v) => v !== null && typeof v === 'object')
        ? `[\n${value.map((v) => `${inner}  ${JSON.stringify(v)}`).join(',\n')}\n${inner}]`
        : indented(value, inner);
    return `${inner}${JSON.stringify(key)}: ${text}`;
  });
  return `{\n${fields.join(',\n')}\n${indent}}`;
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

/**
 * The value with object keys in sorted order, so that output diffs cleanly: a copy where anything was out
 * of order or undefined, the value itself where nothing was (most of a report is built in order).
 */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = sortKeys(value[i]);
      if (v !== value[i]) out ??= value.slice(0, i);
      out?.push(v);
    }
    return out ?? value;
  }
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const proto = Object.getPrototypeOf(record) as unknown;
  let copy = proto !== Object.prototype && proto !== null;
  for (let i = 0; i < keys.length && !copy; i++) copy = (i > 0 && keys[i - 1]! > keys[i]!) || record[keys[i]!] === undefined;
  const sorted = copy ? keys.sort() : keys;
  let out: Record<string, unknown> | undefined = copy ? {} : undefined;
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i]!;
    const v = record[key];
    if (v === undefined) continue;
    const w = sortKeys(v);
    if (!out && w !== v) {
      out = {};
      for (let j = 0; j < i; j++) setOwn(out, sorted[j]!, record[sorted[j]!]);
    }
    if (out) setOwn(out, key, w);
  }
  return out ?? value;
}

/**
 * A key set on a plain object: a copy made with Object.create(null) held its keys in V8's slow dictionary
 * form, which JSON.stringify read several times slower (half the time a report took). A key named
 * __proto__ is defined as an own property, never taken as the prototype.
 */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/**
 * JSON escapes C0 controls itself; the other unsafe characters (C1, bidi and invisible characters, lone
 * surrogates) are legal in JSON strings but act on a terminal or a CI log that shows the file, and `##[`,
 * `##vso[` and `##teamcity[` are commands anywhere in a log line. Written as \u escapes they mean the same value and show
 * as text. For JSON text only: `#`, `:` and those characters never occur in its syntax outside strings,
 * and once every line break but LF is escaped (U+2028, U+2029, NEL are unsafe; JSON escapes CR), each line
 * starts with JSON's own syntax, never with `::`. One pass: the report of 10,000 plans is 1 GB of it.
 */
export function escapeJsonText(json: string): string {
  if (isPlainAscii(json) && !json.includes('##')) return json;
  return json.replace(unsafeInJsonText(), (match) => (match === '##' ? `#${jsonEscape('#')}` : jsonEscape(match)));
}

/** `\u0023`; a character beyond U+FFFF as its two surrogates. */
function jsonEscape(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
