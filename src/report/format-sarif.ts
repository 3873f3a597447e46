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
import type { FormatContext, Formatter, PlanResult } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const BASE_ID = 'SRCROOT';

const LEVEL = { blocker: 'error', major: 'warning', minor: 'note' } as const satisfies Record<Severity, 'error' | 'warning' | 'note'>;

/** GitHub shows at most 1024 characters of a rule's descriptions. */
const DESCRIPTION_MAX = 1024;

export const formatSarif: Formatter = (run, context) => {
  const groups = new Map<string, { methodology: Methodology; plans: PlanResult[] }>();
  for (const plan of run.plans) {
    const key = `${plan.methodology.id}\u0000${plan.methodology.version}\u0000${plan.methodology.location}`;
    const group = groups.get(key) ?? { methodology: plan.methodology, plans: [] };
    group.plans.push(plan);
    groups.set(key, group);
  }
  const several = groups.size > 1;
  const runs = [...groups.values()].map(({ methodology, plans }) => sarifRun(methodology, plans, context, several));
  const log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: runs.length > 0 ? runs : [emptyRun(context)] };
  return `${escapeJsonText(JSON.stringify(log, null, 2))}\n`;
};

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

/** Results in the order of the plans, the most severe kept when there are more than code scanning takes. */
function capResults<R extends { level: string; suppressions?: unknown }>(results: readonly R[]): { kept: R[]; leftOut: number } {
  if (results.length <= SARIF_MAX_RESULTS) return { kept: [...results], leftOut: 0 };
  const rank = (r: R) => (r.suppressions ? 3 : r.level === 'error' ? 0 : r.level === 'warning' ? 1 : 2);
  const chosen = results
    .map((r, i) => ({ i, rank: rank(r) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .slice(0, SARIF_MAX_RESULTS)
    .map((x) => x.i)
    .sort((a, b) => a - b);
  return { kept: chosen.map((i) => results[i]!), leftOut: results.length - SARIF_MAX_RESULTS };
}

function sarifRun(methodology: Methodology, plans: readonly PlanResult[], context: FormatContext, several: boolean) {
  const items = allItems(methodology);
  const ruleIndex = new Map(items.map((item, i) => [item.id, i]));
  const artifacts = plans.map((p) => pathToUriReference(relativeToCwd(p.assessment.file, context.cwd)));
  const withBase = context.cwd !== undefined;
  const all = plans.flatMap((plan, planIndex) => {
    const a = plan.assessment;
    const byId = new Map(a.items.map((r) => [r.itemId, r]));
    return a.gaps.flatMap((id) => {
      const r = byId.get(id);
      return r ? [sarifResult(r, plan, artifacts[planIndex]!, planIndex, ruleIndex.get(id), withBase)] : [];
    });
  });
  const { kept: results, leftOut } = capResults(all);
  // No category of its own unless asked: github/codeql-action applies its `category` input only to a run
  // without automationDetails, so a fixed id would make two uploads replace each other's alerts.
  const category =
    context.sarifCategory === undefined ? undefined : `${context.sarifCategory}/${several ? `${singleLine(methodology.id)}/` : ''}`;
  return {
    tool: {
      driver: driver(
        context,
        items.map((item) => sarifRule(item, methodology, context)),
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
                    text: `${leftOut} of ${all.length} results were left out: code scanning takes at most ${SARIF_MAX_RESULTS} a run. The most severe are kept; lint fewer plans a run, or read the full list in the JSON or Markdown report.`,
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
    results,
    properties: {
      methodology: { id: singleLine(methodology.id), version: singleLine(methodology.version), title: text(methodology.title) },
      plans: plans.map((p, i) => ({
        uri: artifacts[i],
        score: p.assessment.score,
        level: singleLine(p.assessment.level.id),
        ...(p.verdict ? { passed: p.verdict.passed } : {}),
      })),
      ...(leftOut > 0 ? { resultsLeftOut: leftOut } : {}),
    },
  };
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
    partialFingerprints: {
      'commready/v1': fingerprint([r.itemId, uri, planKey]),
      primaryLocationLineHash: `${fingerprint([r.itemId, uri, planKey])}:1`,
    },
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
