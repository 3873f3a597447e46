// Human-readable output: for lint, one block of findings per plan; for report, the full readiness report.
import { count, describeFailedRule, describeFinding, describeVerdictReason } from './messages.js';
import type { Formatter, Painter, PlanResult, RunResult } from './types.js';

export const formatText: Formatter = (run, context) =>
  run.command === 'lint' ? formatLint(run, context.paint) : run.plans.map((p) => formatReport(p, context.paint)).join('\n');

function formatLint(run: RunResult, paint: Painter): string {
  const lines: string[] = [];
  for (const plan of run.plans) {
    const a = plan.assessment;
    const verdict = plan.verdict;
    const mark = verdict?.passed === false ? paint.red('FAIL') : paint.green('PASS');
    lines.push(`${paint.bold(a.file)}  ${mark}  readiness ${a.score}/100  health ${healthText(a.health)}  level ${a.level.index} ${a.level.title}  (${a.stage.id}; ${plan.methodology.id} ${plan.methodology.version})`);
    // file:line:col on every line, so terminals and editors can jump to it.
    const width = Math.max(0, ...a.findings.map((f) => `${f.location.file}:${f.location.line}:${f.location.col}`.length));
    for (const f of a.findings) {
      const pos = `${f.location.file}:${f.location.line}:${f.location.col}`.padEnd(width);
      lines.push(`  ${paint.dim(pos)}  ${severityWord(f.severity, f.code, paint)}  ${describeFinding(f, plan.methodology, a.words)}  ${paint.dim(`${f.itemId} (${f.code})`)}`);
    }
    for (const reason of verdict?.reasons ?? []) lines.push(`  ${paint.red('✖')} ${describeVerdictReason(reason)}`);
    const custom = Object.entries(a.customParams).map(([name, value]) => `${name} ${value} (default ${plan.methodology.params[name]?.value}, from the ${a.paramOrigins[name]})`);
    if (custom.length > 0) lines.push(paint.dim(`  thresholds in force that differ from the methodology: ${custom.join(', ')}`));
    lines.push('');
  }
  const failed = run.plans.filter((p) => p.verdict?.passed === false).length;
  const notChecked = run.notChecked ? `, ${run.notChecked} not checked (input errors)` : '';
  const summary = `${count(run.plans.length + (run.notChecked ?? 0), 'plan')}: ${run.plans.length - failed} passed, ${failed} failed${notChecked}`;
  lines.push(failed > 0 || run.notChecked ? paint.red(summary) : paint.green(summary));
  return `${lines.join('\n')}\n`;
}

function severityWord(severity: string, code: string, paint: Painter): string {
  const word = code === 'item-waived' ? 'waived ' : severity.padEnd(7);
  if (code === 'item-waived') return paint.dim(word);
  return severity === 'blocker' ? paint.red(word) : severity === 'major' ? paint.yellow(word) : paint.cyan(word);
}

/** The notes a report lists apart from the gaps: answers set aside, waivers, people and dates to fix. */
const NOTE_CODES = new Set(['claim-contradicted', 'na-unjustified', 'na-not-allowed', 'waiver-expired', 'item-waived', 'person-unknown', 'observation-stale', 'date-in-future', 'single-point', 'person-overloaded', 'id-renamed']);

function healthText(health: number | null): string {
  return health === null ? 'not yet observed' : `${health}/100`;
}

function formatReport(plan: PlanResult, paint: Painter): string {
  const { assessment: a, methodology } = plan;
  const out: string[] = [];
  out.push(paint.bold(`${a.community.name} — readiness report`));
  const type = a.profile.type ? `${a.profile.type} community · ` : '';
  // A methodology without formalities has nothing to say about one.
  const formality = methodology.formalities.length > 0 ? `${a.profile.formality} · ` : '';
  const stage = a.stage.id === 'running' && a.stage.opened ? `running since ${a.stage.opened}` : a.stage.id;
  out.push(`${a.file} · ${type}${formality}${stage}${a.stage.from === 'inferred' ? ' (inferred)' : ''} · methodology ${methodology.id} ${methodology.version} · as of ${a.today}`);
  out.push('');
  out.push(`${paint.bold('Readiness')} ${a.score}/100   ${paint.bold('Health')} ${healthText(a.health)}   ${paint.bold('Level')} ${a.level.index} ${a.level.title}`);
  if (a.nextLevel) {
    const health = a.nextLevel.minHealth !== undefined ? ` and health ${a.nextLevel.minHealth}` : '';
    out.push(`Next level: ${a.nextLevel.index} ${a.nextLevel.title} (readiness ${a.nextLevel.minScore}${health}, and its gates)`);
  }
  out.push('');
  out.push(paint.bold('Phases (readiness)'));
  const titleWidth = Math.max(...methodology.phases.map((p) => p.title.length));
  for (const phase of a.phases) {
    const title = methodology.phases.find((p) => p.id === phase.phaseId)?.title ?? phase.phaseId;
    const c = phase.counts;
    const score = phase.score === null ? '  n/a' : phase.score.toFixed(1).padStart(5);
    const open = c.unmet + c.unanswered + c.stale;
    out.push(`  ${title.padEnd(titleWidth)}  ${bar(phase.score)}  ${score}   ${c.met} met · ${c.partial} partial · ${open} open · ${c['n/a']} n/a`);
  }
  const healthItems = a.items.filter((r) => r.dimension === 'health' && r.basis !== 'stage');
  if (healthItems.length > 0) {
    out.push('');
    out.push(paint.bold('Health (observed outcomes)'));
    for (const r of healthItems) out.push(`  ${r.status.padEnd(10)} ${r.itemId}  ${paint.dim(r.title)}`);
  }
  out.push('');
  out.push(paint.bold(`Gaps, in priority order (${a.gaps.length})`));
  if (a.gaps.length === 0) out.push('  none');
  a.gaps.forEach((id, index) => {
    const r = a.items.find((x) => x.itemId === id)!;
    const finding = a.findings.find((f) => f.itemId === id && !NOTE_CODES.has(f.code));
    const pos = finding ? `${finding.location.line}:${finding.location.col}` : '';
    const waived = r.waiver?.active ? paint.dim(` [waived until ${r.waiver.expires}]`) : '';
    const dimension = r.dimension === 'health' ? ' health' : '';
    out.push(`  ${String(index + 1).padStart(2)}. ${severityWord(r.severity, '', paint)} ${r.status.padEnd(10)} +${r.points.toFixed(1).padStart(4)} pts${dimension}  ${id}  ${paint.dim(pos)}${waived}`);
    out.push(`      ${r.title}`);
    for (const rule of r.failed) out.push(paint.dim(`      → ${describeFailedRule(rule)}`));
  });
  if (a.nextLevel) {
    out.push('');
    out.push(paint.bold(`Shortest path to level ${a.nextLevel.index} ${a.nextLevel.title}`));
    if (a.nextLevel.needsStage) {
      out.push(`  This level rests on outcomes observed once the community is ${a.nextLevel.needsStage}: open the doors, then record what you observe under 'observed'.`);
    } else {
      const health = a.nextLevel.healthAfter !== null && a.nextLevel.minHealth !== undefined ? ` and health ${a.nextLevel.healthAfter}` : '';
      out.push(`  Meet ${count(a.nextLevel.items.length, 'item')} to reach readiness ${a.nextLevel.scoreAfter}${health}: ${a.nextLevel.items.join(', ') || '(none)'}`);
    }
  }
  const notes = a.findings.filter((f) => NOTE_CODES.has(f.code));
  if (notes.length > 0) {
    out.push('');
    out.push(paint.bold('Answers and facts to look at'));
    for (const f of notes) out.push(`  ${f.location.line}:${f.location.col}  ${f.itemId}  ${describeFinding(f, methodology, a.words)}`);
  }
  const naItems = a.items.filter((r) => r.status === 'n/a');
  if (naItems.length > 0) {
    out.push('');
    out.push(paint.bold(`Not applicable (${naItems.length})`));
    for (const r of naItems) out.push(`  ${r.itemId}  ${paint.dim(`(${r.basis === 'evidence' ? 'answer' : r.basis}) ${r.naReason ?? ''}`)}`);
  }
  if (Object.keys(a.customParams).length > 0) {
    out.push('');
    out.push(paint.bold('Thresholds in force that differ from the methodology'));
    for (const [name, value] of Object.entries(a.customParams)) out.push(`  ${name}: ${value} (default ${methodology.params[name]?.value}; set by the ${a.paramOrigins[name]})`);
  }
  if (plan.verdict) {
    out.push('');
    out.push(plan.verdict.passed ? paint.green('PASS') : paint.red(`FAIL: ${plan.verdict.reasons.map(describeVerdictReason).join('; ')}`));
  }
  out.push('');
  out.push(paint.dim('Score = 100 × Σ(weight × value) ÷ Σ(weight) over applicable items; met 1, partial 0.5, otherwise 0.'));
  out.push(paint.dim('Readiness scores the plan; health scores observed outcomes, each measured within the freshness limit.'));
  out.push(paint.dim(`Run 'commready explain <item-id>' for the guide to any item.`));
  return `${out.join('\n')}\n`;
}

function bar(score: number | null): string {
  const width = 20;
  const filled = score === null ? 0 : Math.round((score / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}
