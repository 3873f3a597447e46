// SARIF 2.1.0 for code scanning: one run per methodology, one rule per item, one result per open item with its
// plan position, stable fingerprints and paths relative to the working directory (ENGINES-RESEARCH §2.1).
import { gapFindingOf } from '../scoring/gap-finding.js';
import { allItems, type Item, type Methodology, type Severity } from '../methodology/types.js';
import { defaultTextValues, fillPlaceholders } from '../methodology/placeholders.js';
import type { ItemResult } from '../scoring/types.js';
import { directoryFileUri, pathToUriReference, relativeToCwd } from './artifact-uri.js';
import { escapeMarkdown, markdownCode } from './escape-markdown.js';
import { fingerprint } from './fingerprint.js';
import { escapeJsonText } from './format-json.js';
import { describeFinding, planTextValues } from './messages.js';
import { firstSteps, guideAnchor, guideBlocks } from './report-view.js';
import { guideLink, markdownGuideBlocks } from './markdown-guide.js';
import { SARIF_MAX_RESULTS } from './step-summary-limits.js';
import { showControls, singleLine, truncate } from '../text/sanitize.js';
import type { FormatContext, FormatPart, Formatter, PlanResult } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const BASE_ID = 'SRCROOT';

const LEVEL = { blocker: 'error', major: 'warning', minor: 'note' } as const satisfies Record<Severity, 'error' | 'warning' | 'note'>;

/** GitHub shows at most 1024 characters of a rule's descriptions. */
const DESCRIPTION_MAX = 1024;

/** Results a run keeps, by rank (errors, warnings, notes, then suppressed ones), each with its place in the run. */
type Kept = { i: number; text: FormatPart }[][];

/** One run of the log: a methodology's plans, with what its end needs kept as they pass. */
interface SarifGroup {
  methodology: Methodology;
  artifacts: string[];
  plans: { uri: string; score: number; level: string; passed?: boolean }[];
  /** Each item's position among the run's rules. */
  ruleIndex: ReadonlyMap<string, number>;
  kept: Kept;
  results: number;
}

const RESULT_INDENT = '        ';

/**
 * Plans stream past and each run keeps its results as text, set aside (in a temporary file when the writer
 * has one), never more than code scanning takes (SARIF_MAX_RESULTS): past that, a more severe result
 * replaces the latest of the least severe, so memory is bounded whatever the number of plans. The log is
 * written at the end, a run per methodology in the order of first use, each result in plan order, before its
 * run's tool, artifacts and properties.
 */
export const formatSarif: Formatter = (_run, context) => {
  const groups = new Map<string, SarifGroup>();
  const withBase = context.cwd !== undefined;
  // Results replaced past the cap would otherwise pile up in memory as text that lived long enough to be
  // kept, and is freed only by the garbage collector's rare full passes (320 MB at 10,000 plans).
  const setAside = context.setAside ?? ((text: string): FormatPart => text);
  return {
    plan(plan) {
      const m = plan.methodology;
      const key = `${m.id}\u0000${m.version}\u0000${m.location}`;
      let group = groups.get(key);
      if (!group) {
        const ruleIndex = new Map(allItems(m).map((item, i) => [item.id, i]));
        groups.set(key, (group = { methodology: m, artifacts: [], plans: [], ruleIndex, kept: [[], [], [], []], results: 0 }));
      }
      const a = plan.assessment;
      const uri = pathToUriReference(relativeToCwd(a.file, context.cwd));
      const artifactIndex = group.artifacts.length;
      group.artifacts.push(uri);
      group.plans.push({ uri, score: a.score, level: singleLine(a.level.id), ...(plan.verdict ? { passed: plan.verdict.passed } : {}) });
      const byId = new Map(a.items.map((r) => [r.itemId, r]));
      for (const id of a.gaps) {
        const r = byId.get(id);
        if (!r) continue;
        const result = sarifResult(r, plan, uri, artifactIndex, group.ruleIndex.get(id), withBase);
        keep(group, rankOf(result), () => setAside(escapeJsonText(JSON.stringify(result, null, 2).replaceAll('\n', `\n${RESULT_INDENT}`))));
      }
      return '';
    },
    end() {
      const runs = [...groups.values()];
      if (runs.length === 0)
        return `${escapeJsonText(JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [emptyRun(context)] }, null, 2))}\n`;
      const several = runs.length > 1;
      // In parts, each result's text as kept (escaped then): tens of megabytes are never joined, nor copied to escape them.
      const parts: FormatPart[] = [`{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA_URI)},\n  "version": "2.1.0",\n  "runs": [\n`];
      runs.forEach((group, r) => {
        const kept = group.kept.flat().sort((x, y) => x.i - y.i);
        parts.push(`${r > 0 ? ',\n' : ''}    {\n      "results": [`);
        kept.forEach((k, i) => parts.push(`${i > 0 ? ',\n' : '\n'}${RESULT_INDENT}`, k.text));
        parts.push(`${kept.length > 0 ? '\n      ' : ''}]${escapeJsonText(runTail(group, context, withBase, several, kept.length))}`);
      });
      parts.push('\n  ]\n}\n');
      return parts;
    },
  };
};

/** Errors first, suppressed (waived) results last: the order in which results are kept past the cap. */
function rankOf(result: { level: string; suppressions?: unknown }): number {
  return result.suppressions ? 3 : result.level === 'error' ? 0 : result.level === 'warning' ? 1 : 2;
}

/** Keeps a result unless the run is full of results at least as severe; past the cap, the latest of the least severe goes. */
function keep(group: SarifGroup, rank: number, text: () => FormatPart): void {
  const i = group.results++;
  const kept = group.kept;
  if (i >= SARIF_MAX_RESULTS) {
    let worst = kept.length - 1;
    while (worst > rank && kept[worst]!.length === 0) worst--;
    if (worst <= rank) return;
    kept[worst]!.pop();
  }
  kept[rank]!.push({ i, text: text() });
}

function driver(context: FormatContext, rules: unknown[]) {
  const semver = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(context.toolVersion);
  return {
    name: 'commready',
    version: singleLine(context.toolVersion),
    ...(semver ? { semanticVersion: context.toolVersion } : {}),
    rules,
  };
}

function emptyRun(context: FormatContext) {
  return { tool: { driver: driver(context, []) }, results: [] };
}

/** The rest of a run after its results: `,` then its other keys, closing the run object. */
function runTail(group: SarifGroup, context: FormatContext, withBase: boolean, several: boolean, keptCount: number): string {
  const { methodology, artifacts, plans, results: all } = group;
  const leftOut = all - keptCount;
  // No category of its own unless asked: github/codeql-action applies its `category` input only to a run
  // without automationDetails, so a fixed id would make two uploads replace each other's alerts.
  const category =
    context.sarifCategory === undefined ? undefined : `${context.sarifCategory}/${several ? `${singleLine(methodology.id)}/` : ''}`;
  const tail = {
    tool: {
      driver: driver(
        context,
        allItems(methodology).map((item) => sarifRule(item, methodology, context)),
      ),
    },
    ...(category ? { automationDetails: { id: category } } : {}),
    ...(leftOut > 0
      ? {
          invocations: [
            {
              executionSuccessful: true,
              toolExecutionNotifications: [
                {
                  level: 'warning',
                  descriptor: { id: 'results-left-out' },
                  message: {
                    text: `${leftOut} of ${all} results were left out: code scanning takes at most ${SARIF_MAX_RESULTS} a run. The most severe are kept; lint fewer plans a run, or read the full list in the JSON or Markdown report.`,
                  },
                },
              ],
            },
          ],
        }
      : {}),
    ...(withBase ? { originalUriBaseIds: { [BASE_ID]: { uri: directoryFileUri(context.cwd!) } } } : {}),
    artifacts: artifacts.map((uri) => ({ location: { uri, ...(withBase ? { uriBaseId: BASE_ID } : {}) }, mimeType: 'application/yaml' })),
    columnKind: 'utf16CodeUnits',
    properties: {
      methodology: { id: singleLine(methodology.id), version: singleLine(methodology.version), title: text(methodology.title) },
      plans,
      ...(leftOut > 0 ? { resultsLeftOut: leftOut } : {}),
    },
  };
  return `,${JSON.stringify(tail, null, 2).replaceAll('\n', '\n    ').slice(1)}`;
}

function sarifRule(raw: Item, methodology: Methodology, context: FormatContext) {
  // A rule describes the item for every plan, so it speaks in the methodology's own words and default thresholds.
  const values = defaultTextValues(methodology);
  const item = {
    ...raw,
    title: fillPlaceholders(raw.title, values),
    why: fillPlaceholders(raw.why, values),
    guidance: fillPlaceholders(raw.guidance, values),
  };
  const uri = context.guideUrl === undefined ? undefined : guideLink(context.guideUrl, guideAnchor(item.id));
  const steps = firstSteps(item);
  // The guide itself, so that the alert explains the item without a link to follow; a link as well where a
  // published guide is named (--guide-url).
  const markdown = [
    `**Why:** ${escapeMarkdown(item.why)}`,
    ...(steps.length > 0 ? [`**First steps:** ${steps.map(escapeMarkdown).join(' ')}`] : []),
    `**Plan key:** ${markdownCode(planKeyOf(item))}`,
    '**Guide:**',
    ...markdownGuideBlocks(guideBlocks(item.guidance), '').map((lines) => lines.join('\n')),
    ...(uri ? [`[Full guide to ${markdownCode(item.id)}](${uri})`] : []),
  ].join('\n\n');
  return {
    id: singleLine(item.id),
    name: singleLine(item.id),
    shortDescription: { text: limit(singleLine(item.title)) },
    fullDescription: { text: limit(singleLine(item.why)) },
    help: { text: text(`${item.why.trim()}\n\n${item.guidance.trim()}`), markdown },
    ...(uri ? { helpUri: uri } : {}),
    defaultConfiguration: { level: LEVEL[item.severity] },
    properties: { tags: ['community-readiness', singleLine(item.phaseId), item.severity], precision: 'very-high', weight: item.weight },
  };
}

function sarifResult(
  r: ItemResult,
  plan: PlanResult,
  uri: string,
  artifactIndex: number,
  ruleIndex: number | undefined,
  withBase: boolean,
) {
  const { assessment: a, methodology } = plan;
  const finding = gapFindingOf(a, r.itemId);
  const location = finding?.location ?? { line: 1, col: 1, path: '' };
  const planKey = finding?.location.path ?? r.itemId;
  const message = finding ? describeFinding(finding, methodology, planTextValues(a, methodology)) : r.itemId;
  const hash = fingerprint([r.itemId, uri, planKey]);
  return {
    ruleId: singleLine(r.itemId),
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[r.severity],
    kind: 'fail',
    message: { text: singleLine(message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri, ...(withBase ? { uriBaseId: BASE_ID } : {}), index: artifactIndex },
          region: { startLine: Math.max(1, location.line), startColumn: Math.max(1, location.col) },
        },
        ...(planKey ? { logicalLocations: [{ fullyQualifiedName: singleLine(planKey), kind: 'member' }] } : {}),
      },
    ],
    // Matched on rule, file and plan key, not on the line: editing elsewhere in the plan keeps the alert.
    partialFingerprints: { 'commready/v1': hash, primaryLocationLineHash: `${hash}:1` },
    properties: { status: r.status, points: r.points, ...(finding ? { code: finding.code } : {}) },
    ...(r.waiver?.active
      ? {
          suppressions: [
            {
              kind: 'inSource',
              status: 'accepted',
              justification: singleLine(
                `${r.waiver.reason} (until ${r.waiver.expires}${r.waiver.owner ? `, owner ${r.waiver.owner}` : ''})`,
              ),
            },
          ],
        }
      : {}),
  };
}

/** The plan key an item's answer goes under: its question's, or its own entry under `assessment` for a rating. */
function planKeyOf(item: Item): string {
  return item.question.fills === 'assessment' ? `assessment.${item.id}` : item.question.fills;
}

function text(s: string): string {
  return showControls(s, { newlines: true, tabs: true });
}

function limit(s: string): string {
  return truncate(s, DESCRIPTION_MAX);
}
