// Pure renderings of the methodology itself: the item and phase guides for the terminal, the
// checklist listing, and the Markdown course with its coverage matrix.
import { allItems, type Item, type Methodology, type Phase } from '../methodology/types.js';
import { messagePlaceholders, paramValues } from '../methodology/evidence-schema.js';
import { defaultTextValues, fillPlaceholders, paramText } from '../methodology/placeholders.js';
import { describeRule } from '../methodology/rule-kinds/index.js';
import { STAGES, type NumberOrParam } from '../methodology/types.js';
import { plainPainter, type Painter } from './types.js';
import { sanitizeLine as s } from '../text/sanitize.js';
import { defuseMarkdown as md, defuseMarkdownLine as line, escapeBrackets, isSafeLinkTarget, markdownCodeSpan } from './defuse-markdown.js';

export function renderItemGuide(item: Item, m: Methodology, paint: Painter = plainPainter): string {
  const phase = m.phases.find((p) => p.id === item.phaseId);
  const out: string[] = [];
  // Single-line fields are sanitised here; the commands pass the whole text through sanitizeOutput too.
  out.push(paint.bold(`${s(item.id)} — ${s(words(item.title, m))}`));
  out.push(
    `Phase: ${s(phase?.title ?? item.phaseId)} · severity: ${item.severity} · weight: ${item.weight} · n/a: ${item.na ? 'allowed with a justification' : 'not allowed'}`,
  );
  out.push(
    `Judged on: ${item.dimension === 'health' ? 'observed, dated outcomes (health score)' : 'the plan (readiness score)'} · stages: ${stagesLine(item)}`,
  );
  if (item.appliesWhen.length > 0) out.push(`Judged only where: ${conditionsLine(item)}`);
  const effects = profileEffects(item, m);
  if (effects.length > 0) out.push(`Profiles: ${s(effects.join('; '))}`);
  const thresholds = titleThresholds(item, m, (name) => name);
  if (thresholds.length > 0) out.push(`Thresholds in the title: ${s(thresholds.join('; '))} (a plan may set its own under params)`);
  out.push('');
  out.push(paint.bold('Why'));
  out.push(indent(words(item.why, m)));
  out.push('');
  out.push(paint.bold('How it is checked'));
  for (const line of checkLines(item, m)) out.push(`  ${line}`);
  out.push('');
  out.push(paint.bold('Guide'));
  out.push(indent(words(item.guidance.trimEnd(), m)));
  out.push('');
  out.push(paint.bold('Interview question'));
  out.push(`  ${s(words(item.question.message, m))}`);
  out.push('');
  out.push(paint.bold('Sources'));
  for (const r of item.references) out.push(`  - ${s(r.title)}: ${s(r.url)}`);
  return `${out.join('\n')}\n`;
}

function checkLines(item: Item, m: Methodology): string[] {
  if (item.evidence.length > 0) {
    const values = paramValues(m.params);
    const show = (v: NumberOrParam): string => (typeof v === 'number' ? String(v) : `${v.$param} (${values[v.$param] ?? '?'} by default)`);
    return [
      // A rule's message says what to write in the plan: its thresholds as the plan stores them (a share as 0-1).
      ...item.evidence.map((r) => `- ${fillPlaceholders(r.message, defaultTextValues(m, 'stored'))} Checked: ${describeRule(r, show)}.`),
      item.evidence.length > 1 ? 'All rules pass: met; some pass: partial; none: unmet.' : 'The rule passes: met; otherwise unmet.',
    ];
  }
  const rating = item.rating!;
  return [
    `Rated in the plan's assessment (assessment.${item.id}.status):`,
    `- met: ${words(rating.met, m)}`,
    `- partial: ${words(rating.partial, m)}`,
    `- unmet: ${words(rating.unmet, m)}`,
  ];
}

/** The stages an item is judged in, and what happens outside them. */
function stagesLine(item: Item): string {
  if (item.stages.length === STAGES.length) return 'all';
  return `${item.stages.join(', ')} only${item.stageNote ? ` (${item.stageNote})` : ''}`;
}

/** The plan facts an item depends on, in words: "community.minors is true". */
function conditionsLine(item: Item): string {
  return item.appliesWhen.map((c) => `${c.path} is ${c.values.map(String).join(' or ')}`).join(', and ');
}

/** What each community type and formality changes for this item, in words. */
export function profileEffects(item: Item, m: Methodology): string[] {
  const out: string[] = [];
  for (const p of [...m.profiles, ...m.formalities]) {
    const na = p.notApplicable.find((n) => n.item === item.id);
    if (na) out.push(`n/a for ${p.id} (${na.reason})`);
    const severity = p.severities[item.id];
    if (severity && severity !== item.severity) out.push(`${severity} for ${p.id}`);
    const weight = p.weights[item.id];
    if (weight !== undefined && weight !== item.weight) out.push(`weight ${weight} for ${p.id}`);
  }
  return out;
}

/**
 * Methodology text as shown without a plan: the methodology's own words, and its default thresholds (a
 * share in %); a plan's type, formality and `params` may change them, which titleThresholds says.
 */
function words(text: string, m: Methodology): string {
  return fillPlaceholders(text, defaultTextValues(m));
}

/**
 * The thresholds an item's title states, each with its default and the profiles that change it:
 * "first_response_hours_max: 24 by default, 72 for volunteer". `code` marks up a name or id.
 */
export function titleThresholds(item: Item, m: Methodology, code: (name: string) => string): string[] {
  return [...new Set(messagePlaceholders(item.title))].flatMap((name) => {
    const param = m.params[name];
    if (!param) return [];
    const changes = [...m.profiles, ...m.formalities].flatMap((p) => {
      const value = p.params[name];
      return value === undefined || value === param.value ? [] : [`${paramText(param, value, 'prose')} for ${code(p.id)}`];
    });
    return [`${code(name)}: ${[`${paramText(param, param.value, 'prose')} by default`, ...changes].join(', ')}`];
  });
}

export function renderPhaseGuide(phase: Phase, m: Methodology, paint: Painter = plainPainter): string {
  const index = m.phases.indexOf(phase);
  const header = [
    paint.bold(`Phase ${index + 1} of ${m.phases.length}: ${s(phase.title)} (${s(phase.id)})`),
    '',
    indent(words(phase.summary.trimEnd(), m)),
    '',
  ];
  return `${header.join('\n')}\n${phase.items.map((item) => renderItemGuide(item, m, paint)).join(`\n${'─'.repeat(60)}\n\n`)}`;
}

export function renderChecklistList(m: Methodology, paint: Painter = plainPainter): string {
  const out: string[] = [`${paint.bold(s(m.title))} ${s(m.version)} — ${m.phases.length} phases, ${allItems(m).length} items`, ''];
  m.phases.forEach((phase, i) => {
    out.push(paint.bold(`${i + 1}. ${s(phase.title)} (${s(phase.id)})`));
    const width = phase.items.reduce((w, x) => Math.max(w, x.id.length), 0);
    for (const item of phase.items) {
      const how = item.evidence.length > 0 ? 'evidence' : 'answer  ';
      out.push(
        `   ${item.id.padEnd(width)}  ${item.severity.padEnd(7)}  w${String(item.weight).padEnd(3)} ${how}  ${s(words(item.title, m))}`,
      );
    }
    out.push('');
  });
  if (allItems(m).some((item) => messagePlaceholders(item.title).length > 0))
    out.push(
      "Thresholds in titles are the defaults; a plan's community type, formality and params may change them",
      "('commready checklists --params', 'commready checklists --profiles').",
      '',
    );
  out.push(paint.bold('Levels'));
  m.levels.forEach((l, i) =>
    out.push(
      `   ${i}. ${s(l.title)} (${s(l.id)}): readiness ≥ ${l.minScore}${l.minHealth !== undefined ? `, health ≥ ${l.minHealth}` : ''}${l.gates.length ? ` and ${l.gates.length} gate${l.gates.length > 1 ? 's' : ''}` : ''}`,
    ),
  );
  return `${out.join('\n')}\n`;
}

export function renderParams(m: Methodology): string {
  const out = ['Adjustable thresholds (set your own under `params:` in the plan):', ''];
  for (const [name, p] of Object.entries(m.params))
    out.push(`  ${name} = ${p.value}\n      ${p.description}${p.basis ? `\n      Basis: ${p.basis}` : ''}`);
  return `${out.join('\n')}\n`;
}

export function renderProfiles(m: Methodology): string {
  const out = ['Community types (community.type in the plan) and formalities (community.formality):', ''];
  for (const p of [...m.profiles, ...m.formalities]) {
    const formality = 'formality' in p && p.formality ? ` (formality by default: ${p.formality})` : '';
    out.push(`  ${p.id}: ${p.title}${formality}\n      ${p.description}`);
    for (const na of p.notApplicable) out.push(`      n/a by default: ${na.item} (${na.reason})`);
    for (const [id, severity] of Object.entries(p.severities)) out.push(`      severity ${severity}: ${id}`);
    for (const [id, weight] of Object.entries(p.weights)) out.push(`      weight ${weight}: ${id}`);
    for (const [name, value] of Object.entries(p.params)) out.push(`      ${name} = ${value} (default ${m.params[name]?.value})`);
    for (const [word, text] of Object.entries(p.words)) out.push(`      says "${text}" for "${m.words[word] ?? word}"`);
    for (const [name, values] of Object.entries(p.lists)) out.push(`      ${name}: ${values.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

/** The course: phase by phase, each point with its guide, then levels, thresholds and the coverage matrix. */
export function renderMethodologyMarkdown(m: Methodology): string {
  const items = allItems(m);
  const out: string[] = [];
  out.push(`<!-- Generated by \`commready docs\` from checklists/. Do not edit by hand: edit the checklists and run \`npm run docs\`. -->`);
  out.push('');
  out.push(`# ${line(m.title)} (${line(m.version)})`);
  out.push('');
  if (m.description) out.push(md(m.description), '');
  const blockers = items.filter((i) => i.severity === 'blocker').length;
  const withEvidence = items.filter((i) => i.evidence.length > 0).length;
  out.push(
    `${m.phases.length} phases, ${items.length} points: ${blockers} blockers, ${items.filter((i) => i.severity === 'major').length} majors, ${items.filter((i) => i.severity === 'minor').length} minors. ${withEvidence} points (${Math.round((100 * withEvidence) / items.length)}%) are checked from the plan's facts; the others are rated in the plan's \`assessment\` against anchored descriptions.`,
  );
  out.push('');
  out.push('## Contents', '');
  m.phases.forEach((p, i) => out.push(`${i + 1}. [${linkText(p.title)}](#phase-${p.id})`));
  out.push(
    `${m.phases.length + 1}. [Levels](#levels)`,
    `${m.phases.length + 2}. [Adjustable thresholds](#adjustable-thresholds)`,
    `${m.phases.length + 3}. [Community types](#community-types)`,
    `${m.phases.length + 4}. [Coverage matrix](#coverage-matrix)`,
    `${m.phases.length + 5}. [Changelog](#changelog)`,
  );
  out.push('');
  m.phases.forEach((phase, i) => {
    out.push(`<a id="phase-${phase.id}"></a>`, '', `## Phase ${i + 1}: ${line(phase.title)}`, '', md(words(phase.summary.trim(), m)), '');
    out.push('| Item | Requirement | Severity | Weight | Checked by |', '|---|---|---|---|---|');
    for (const item of phase.items)
      out.push(
        `| [\`${item.id}\`](#${anchor(item.id)}) | ${cell(words(item.title, m))} | ${item.severity} | ${item.weight} | ${item.evidence.length > 0 ? 'plan facts' : 'assessment'} |`,
      );
    out.push('');
    for (const item of phase.items) {
      out.push(`<a id="${anchor(item.id)}"></a>`, '', `### \`${item.id}\` — ${line(words(item.title, m))}`, '');
      out.push(`*${item.severity}, weight ${item.weight}; n/a ${item.na ? 'allowed with a justification' : 'not allowed'}.*`, '');
      const effects = profileEffects(item, m);
      const scope =
        item.appliesWhen.length > 0
          ? ` Judged only where ${conditionsLine(item)}: n/a where the plan states otherwise, judged (with a finding asking for the fact) where it does not say.`
          : '';
      out.push(
        `*Judged on ${item.dimension === 'health' ? 'observed, dated outcomes (health)' : 'the plan (readiness)'}; stages: ${stagesLine(item)}.${scope}${effects.length ? ` Profiles: ${line(effects.join('; '))}.` : ''}*`,
        '',
      );
      const thresholds = titleThresholds(item, m, (name) => `\`${name}\``);
      if (thresholds.length > 0)
        out.push(`*Thresholds in the title: ${thresholds.join('; ')}; a plan may set its own under \`params\`.*`, '');
      out.push(`**Why.** ${md(words(item.why, m).trim())}`, '');
      out.push('**How it is checked.**', '');
      for (const check of checkLines(item, m)) out.push(line(check));
      out.push('');
      out.push(shiftHeadings(md(words(item.guidance.trim(), m))), '');
      out.push(`**Interview question.** ${line(words(item.question.message, m))}`, '');
      out.push(`**Sources.** ${item.references.map(sourceLink).join(' · ')}`, '');
    }
  });
  out.push('<a id="levels"></a>', '', '## Levels', '');
  out.push('| # | Level | Minimum readiness | Minimum health | Gates | Backed by |', '|---|---|---|---|---|---|');
  m.levels.forEach((l, i) =>
    out.push(
      `| ${i} | **${cell(l.title)}** (\`${l.id}\`): ${cell(l.description)} | ${l.minScore} | ${l.minHealth ?? '—'} | ${cell(l.gates.map(describeGate).join('; ') || '—')} | ${cell(l.backedBy ?? '')} |`,
    ),
  );
  out.push('', 'A level is reached when its minimum score and all its gates hold, and every level below it is reached too.', '');
  out.push(
    '<a id="adjustable-thresholds"></a>',
    '',
    '## Adjustable thresholds',
    '',
    'Set your own values under `params:` in the plan; the report lists every value that differs from the default.',
    '',
  );
  out.push('| Parameter | Default | Meaning | Basis |', '|---|---|---|---|');
  for (const [name, p] of Object.entries(m.params))
    out.push(`| \`${name}\` | ${p.value} | ${cell(p.description)} | ${cell(p.basis ?? '')} |`);
  out.push('');
  out.push('<a id="community-types"></a>', '', '## Community types', '');
  for (const p of [...m.profiles, ...m.formalities]) {
    out.push(`- **${line(p.title)}** (\`${p.id}\`): ${line(p.description)}`);
    for (const na of p.notApplicable) out.push(`  - n/a by default: [\`${na.item}\`](#${anchor(na.item)}): ${line(na.reason)}`);
    for (const [id, severity] of Object.entries(p.severities)) out.push(`  - severity ${severity}: [\`${id}\`](#${anchor(id)})`);
    for (const [id, weight] of Object.entries(p.weights)) out.push(`  - weight ${weight}: [\`${id}\`](#${anchor(id)})`);
    for (const [name, value] of Object.entries(p.params)) out.push(`  - \`${name}\` = ${value} (default ${m.params[name]?.value})`);
    for (const [word, text] of Object.entries(p.words)) out.push(`  - says "${line(text)}" for "${line(m.words[word] ?? word)}"`);
    for (const [name, values] of Object.entries(p.lists))
      out.push(
        `  - ${name}: ${values.map(markdownCodeSpan).join(', ')} (default ${m.lists[name]?.values.map(markdownCodeSpan).join(', ') ?? '—'})`,
      );
  }
  out.push('');
  for (const [name, list] of Object.entries(m.lists))
    out.push(
      `The list \`${name}\` (${line(list.description)}) defaults to ${list.values.map(markdownCodeSpan).join(', ')}.${list.basis ? ` Basis: ${line(list.basis)}` : ''}`,
      '',
    );
  out.push(
    '<a id="coverage-matrix"></a>',
    '',
    '## Coverage matrix',
    '',
    'Each element of the frameworks behind this methodology, and the items that cover it.',
    '',
  );
  for (const fw of m.frameworks) {
    out.push(`### ${line(fw.title)}`, '', `Source: ${line(fw.url)}`, '', '| Element | Covered by |', '|---|---|');
    for (const el of fw.elements) {
      const covering = items.filter((i) => i.covers.includes(el.id));
      out.push(
        `| ${cell(el.title)} | ${covering.length ? covering.map((i) => `[\`${i.id}\`](#${anchor(i.id)})`).join(', ') : '**not covered**'} |`,
      );
    }
    out.push('');
  }
  out.push('<a id="changelog"></a>', '', '## Changelog', '');
  for (const entry of m.changelog) {
    out.push(`### ${line(entry.version)}`, '');
    for (const change of entry.changes) out.push(`- ${line(change)}`);
    out.push('');
  }
  const aliases = Object.entries(m.aliases);
  if (aliases.length > 0) {
    out.push('Renamed item ids (an answer under the old id still counts, with a note, until the next major version):', '');
    for (const [from, to] of aliases) out.push(`- \`${from}\` → [\`${to}\`](#${anchor(to)})`);
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

export function describeGate(gate: Methodology['levels'][number]['gates'][number]): string {
  switch (gate.kind) {
    case 'no-open':
      return `no open ${gate.severities.join('/')} item${gate.phases ? ` in ${gate.phases.join(', ')}` : ''}`;
    case 'items-met':
      return `met: ${gate.items.join(', ')}`;
    case 'share-met':
      return `at least ${Math.round(gate.min * 100)}% of ${gate.severity} items met`;
  }
}

function anchor(id: string): string {
  return id.replace(/\./g, '-');
}

/** One line of the author's Markdown in a table cell: defused, its pipes escaped. */
function cell(text: string): string {
  return line(text).replace(/\|/g, '\\|');
}

/** The author's text inside a link's brackets, where a bracket of its own would end or nest the link. */
function linkText(text: string): string {
  return escapeBrackets(line(text));
}

/** A reference as a link when its address is safe to link to, otherwise its title and address as text. */
function sourceLink(r: { title: string; url: string }): string {
  return !isSafeLinkTarget(r.url) ? `${line(r.title)} (${line(r.url)})` : `[${linkText(r.title)}](${r.url})`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n');
}

/** Guidance headings sit below the item's level-3 heading. */
function shiftHeadings(markdown: string): string {
  return markdown.replace(/^(#{1,4}) /gm, (_m, hashes: string) => `${'#'.repeat(Math.min(6, hashes.length + 3))} `);
}
