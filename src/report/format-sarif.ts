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
import { firstSteps, guideAnchor } from './report-view.js';
import { showControls, singleLine, truncate } from '../text/sanitize.js';
import type { FormatContext, Formatter, PlanResult } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const BASE_ID = 'SRCROOT';

const LEVEL = { blocker: 'error', major: 'warning', minor: 'note' } as const satisfies Record<Severity, 'error' | 'warning' | 'note'>;

/** GitHub shows at most 1024 characters of a rule's descriptions. */
const DESCRIPTION_MAX = 1024;

/** One run of the log: a methodology's plans, with what its end needs kept as they pass. */
interface SarifGroup {
  methodology: Methodology;
  artifacts: string[];
  plans: { uri: string; score: number; level: string; passed?: boolean }[];
  /** Results not yet written: those of every run but the first, which is written as its plans come. */
  pending: string[];
  results: number;
  /** Each item's position among the run's rules. */
  ruleIndex: ReadonlyMap<string, number>;
}

const RESULT_INDENT = '        ';

/**
 * Written plan by plan: the first methodology's run is open while its plans stream past (results come
 * before the run's tool, artifacts and properties, which the end writes); plans judged by another
 * methodology (lint --methodology-from-plan) wait, as text, for their own run at the end.
 */
export const formatSarif: Formatter = (_run, context) => {
  const groups = new Map<string, SarifGroup>();
  let first: SarifGroup | undefined;
  const withBase = context.cwd !== undefined;
  return {
    plan(plan) {
      const m = plan.methodology;
      const key = `${m.id}\u0000${m.version}\u0000${m.location}`;
      let group = groups.get(key);
      let text = '';
      if (!group) {
        group = {
          methodology: m,
          artifacts: [],
          plans: [],
          pending: [],
          results: 0,
          ruleIndex: new Map(allItems(m).map((item, i) => [item.id, i])),
        };
        groups.set(key, group);
        if (!first) {
          first = group;
          text += `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA_URI)},\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [`;
        }
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
        const result = JSON.stringify(sarifResult(r, plan, uri, artifactIndex, group.ruleIndex.get(id), withBase), null, 2).replaceAll(
          '\n',
          `\n${RESULT_INDENT}`,
        );
        if (group !== first) group.pending.push(result);
        else text += `${group.results++ === 0 ? '\n' : ',\n'}${RESULT_INDENT}${result}`;
      }
      return escapeJsonText(text);
    },
    end() {
      if (!first)
        return `${escapeJsonText(JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [emptyRun(context)] }, null, 2))}\n`;
      let text = `${first.results > 0 ? '\n      ]' : ']'}${runTail(first, context, withBase)}`;
      for (const group of groups.values()) {
        if (group === first) continue;
        const results = group.pending.map((r) => `${RESULT_INDENT}${r}`).join(',\n');
        text += `,\n    {\n      "results": [${results ? `\n${results}\n      ` : ''}]${runTail(group, context, withBase)}`;
      }
      return `${escapeJsonText(`${text}\n  ]\n}`)}\n`;
    },
  };
};

function driver(context: FormatContext, rules: unknown[]) {
  const semver = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(context.toolVersion);
  return {
    name: 'commready',
    informationUri: 'https://www.npmjs.com/package/commready',
    version: singleLine(context.toolVersion),
    ...(semver ? { semanticVersion: context.toolVersion } : {}),
    rules,
  };
}

function emptyRun(context: FormatContext) {
  return { tool: { driver: driver(context, []) }, results: [] };
}

/** The rest of a run after its results: `,` then its other keys, closing the run object. */
function runTail(group: SarifGroup, context: FormatContext, withBase: boolean): string {
  const { methodology, artifacts, plans } = group;
  const tail = {
    tool: {
      driver: driver(
        context,
        allItems(methodology).map((item) => sarifRule(item, methodology, context)),
      ),
    },
    automationDetails: { id: `commready/${singleLine(methodology.id)}/` },
    ...(withBase ? { originalUriBaseIds: { [BASE_ID]: { uri: directoryFileUri(context.cwd!) } } } : {}),
    artifacts: artifacts.map((uri) => ({ location: { uri, ...(withBase ? { uriBaseId: BASE_ID } : {}) }, mimeType: 'application/yaml' })),
    columnKind: 'utf16CodeUnits',
    properties: {
      methodology: { id: singleLine(methodology.id), version: singleLine(methodology.version), title: text(methodology.title) },
      plans,
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
  const uri = helpUri(item.id, methodology, context);
  const steps = firstSteps(item);
  const markdown = [
    `**Why:** ${escapeMarkdown(item.why)}`,
    ...(steps.length > 0 ? [`**First steps:** ${steps.map(escapeMarkdown).join(' ')}`] : []),
    `**Plan key:** ${markdownCode(planKeyOf(item))}`,
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

/** The built-in methodology's guide for this tool version; other methodologies have no known address. */
function helpUri(itemId: string, methodology: Methodology, context: FormatContext): string | undefined {
  if (methodology.id !== 'commready' || !/^[0-9A-Za-z.+-]+$/.test(context.toolVersion)) return undefined;
  return `https://unpkg.com/commready@${context.toolVersion}/docs/methodology.md#${guideAnchor(itemId)}`;
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
