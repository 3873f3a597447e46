// Human-readable output: for lint, one block of findings per plan; for report, the full readiness report.
import { findItem } from '../methodology/types.js';
import { count, describeFinding, describeVerdictReason } from './messages.js';
import type { Formatter, Painter, PlanResult, RunResult } from './types.js';

export const formatText: Formatter = (run, context) =>
  run.command === 'lint' ? formatLint(run, context.paint) : run.plans.map((p) => formatReport(p, context.paint)).join('\n');

function formatLint(run: RunResult, paint: Painter): string {
  const lines: string[] = [];
  for (const plan of run.plans) {
    const a = plan.assessment;
    const verdict = plan.verdict;
    const mark = verdict?.passed === false ? paint.red('FAIL') : paint.green('PASS');
    lines.push(`${paint.bold(a.file)}  ${mark}  score ${a.score}/100  level ${a.level.index} ${a.level.title}`);
    // file:line:col on every line, so terminals and editors can jump to it.
    const width = Math.max(0, ...a.findings.map((f) => `${f.location.file}:${f.location.line}:${f.location.col}`.length));
    for (const f of a.findings) {
      const pos = `${f.location.file}:${f.location.line}:${f.location.col}`.padEnd(width);
      lines.push(`  ${paint.dim(pos)}  ${severityWord(f.severity, f.code, paint)}  ${describeFinding(f, plan.methodology)}  ${paint.dim(`${f.itemId} (${f.code})`)}`);
    }
    for (const reason of verdict?.reasons ?? []) lines.push(`  ${paint.red('✖')} ${describeVerdictReason(reason)}`);
    const custom = Object.entries(a.customParams).map(([name, value]) => `${name} ${value} (default ${plan.methodology.params[name]?.value})`);
    if (custom.length > 0) lines.push(paint.dim(`  thresholds set by this plan: ${custom.join(', ')}`));
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

function formatReport(plan: PlanResult, paint: Painter): string {
  const { assessment: a, methodology } = plan;
  const out: string[] = [];
  out.push(paint.bold(`${a.community.name} — readiness report`));
  out.push(`${a.file} · ${a.community.type ? `${a.community.type} community · ` : ''}methodology ${a.methodology.id} ${a.methodology.version} · as of ${a.today}`);
  out.push('');
  out.push(`${paint.bold('Score')} ${a.score}/100   ${paint.bold('Level')} ${a.level.index} ${a.level.title}`);
  if (a.nextLevel) out.push(`Next level: ${a.nextLevel.index} ${a.nextLevel.title} (score ${a.nextLevel.minScore} and its gates)`);
  out.push('');
  out.push(paint.bold('Phases'));
  const titleWidth = Math.max(...methodology.phases.map((p) => p.title.length));
  for (const phase of a.phases) {
    const title = methodology.phases.find((p) => p.id === phase.phaseId)?.title ?? phase.phaseId;
    const c = phase.counts;
    const score = phase.score === null ? '  n/a' : phase.score.toFixed(1).padStart(5);
    const open = c.unmet + c.unanswered + c.stale;
    out.push(`  ${title.padEnd(titleWidth)}  ${bar(phase.score)}  ${score}   ${c.met} met · ${c.partial} partial · ${open} open · ${c['n/a']} n/a`);
  }
  out.push('');
  out.push(paint.bold(`Gaps, in priority order (${a.gaps.length})`));
  if (a.gaps.length === 0) out.push('  none');
  a.gaps.forEach((id, index) => {
    const r = a.items.find((x) => x.itemId === id)!;
    const item = findItem(methodology, id);
    const finding = a.findings.find((f) => f.itemId === id && f.code !== 'item-waived' && f.code !== 'waiver-expired');
    const pos = finding ? `${finding.location.line}:${finding.location.col}` : '';
    const waived = r.waiver?.active ? paint.dim(` [waived until ${r.waiver.expires}]`) : '';
    out.push(`  ${String(index + 1).padStart(2)}. ${severityWord(r.severity, '', paint)} ${r.status.padEnd(10)} +${r.points.toFixed(1).padStart(4)} pts  ${id}  ${paint.dim(pos)}${waived}`);
    out.push(`      ${item?.title ?? id}`);
    for (const rule of r.failed) out.push(paint.dim(`      → ${rule.message}`));
  });
  if (a.nextLevel) {
    out.push('');
    out.push(paint.bold(`Shortest path to level ${a.nextLevel.index} ${a.nextLevel.title}`));
    out.push(`  Meet ${count(a.nextLevel.items.length, 'item')} to reach a score of ${a.nextLevel.scoreAfter}: ${a.nextLevel.items.join(', ') || '(none)'}`);
  }
  const notes = a.findings.filter((f) => f.code === 'claim-contradicted' || f.code === 'na-unjustified' || f.code === 'na-not-allowed' || f.code === 'waiver-expired' || f.code === 'item-waived');
  if (notes.length > 0) {
    out.push('');
    out.push(paint.bold('Answers to look at'));
    for (const f of notes) out.push(`  ${f.location.line}:${f.location.col}  ${f.itemId}  ${describeFinding(f, methodology)}`);
  }
  const naItems = a.items.filter((r) => r.status === 'n/a');
  if (naItems.length > 0) {
    out.push('');
    out.push(paint.bold(`Not applicable (${naItems.length})`));
    for (const r of naItems) out.push(`  ${r.itemId}  ${paint.dim(`(${r.basis === 'profile' ? 'profile' : 'answer'}) ${r.naReason ?? ''}`)}`);
  }
  if (Object.keys(a.customParams).length > 0) {
    out.push('');
    out.push(paint.bold('Thresholds set by this plan'));
    for (const [name, value] of Object.entries(a.customParams)) out.push(`  ${name}: ${value} (default ${methodology.params[name]?.value})`);
  }
  if (plan.verdict) {
    out.push('');
    out.push(plan.verdict.passed ? paint.green('PASS') : paint.red(`FAIL: ${plan.verdict.reasons.map(describeVerdictReason).join('; ')}`));
  }
  out.push('');
  out.push(paint.dim('Score = 100 × Σ(weight × value) ÷ Σ(weight) over applicable items; met 1, partial 0.5, otherwise 0.'));
  out.push(paint.dim(`Run 'commready explain <item-id>' for the guide to any item.`));
  return `${out.join('\n')}\n`;
}

function bar(score: number | null): string {
  const width = 20;
  const filled = score === null ? 0 : Math.round((score / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}
