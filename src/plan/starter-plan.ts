// Pure: the text of a commented starter plan for a methodology, valid against the plan schema.
import type { Methodology } from '../methodology/types.js';

const SECTIONS = ['purpose', 'audience', 'team', 'governance', 'platform', 'launch', 'engagement', 'measures', 'observed'] as const;

/** The screener's community fields, written as comments until the plan format carries them (plan version 2). */
const COMMUNITY_FIELDS = [
  ['stage', 'planning | launching | running'],
  ['opened', 'YYYY-MM-DD: when it opened (or will open) to members'],
  ['formality', 'funded | volunteer'],
  ['size', 'members today, or expected in the first year'],
  ['format', 'online | in-person | hybrid'],
  ['minors', 'true if people under 18 take part'],
  ['regions', '[countries or regions of its members]'],
] as const;

export interface StarterOptions {
  /** The `$schema` reference: a relative path or a URL. */
  schemaPath: string;
  /** The community's name; empty for a plan the interview is about to fill. */
  name: string;
  type?: string;
}

export function renderStarterPlan(m: Methodology, options: StarterOptions): string {
  const out: string[] = [];
  out.push(`# yaml-language-server: $schema=${options.schemaPath}`);
  out.push(`# A community plan for commready. Fill in the sections below (or run 'commready interview' on this`);
  out.push(`# file); each comment names a plan field, the question it answers, and where to read the guide.`);
  out.push(`# Check your progress with:`);
  out.push(`#   commready report <this file>`);
  out.push('version: 1');
  out.push('community:');
  out.push(`  name: ${JSON.stringify(options.name)}`);
  out.push(`  # ${m.profiles.map((p) => p.id).join(' | ')}: decides which points are n/a by default`);
  out.push(options.type ? `  type: ${options.type}` : `  # type: ${m.profiles[0]?.id ?? 'customer'}`);
  out.push('  # description: Who gathers here, around what.');
  for (const [key, hint] of COMMUNITY_FIELDS) out.push(`  # ${key}: ${hint}`);
  out.push('');
  const questions = m.phases.flatMap((phase) => phase.items.map((item) => ({ phase, item })));
  for (const section of SECTIONS) {
    const own = questions.filter(({ item }) => item.question.fills.split('.')[0] === section);
    if (section === 'observed') out.push('# Figures read from the live community once it is open (with the date they were read):');
    out.push(`${section}: {}`);
    if (section === 'observed') out.push(`#   ${'observed.as_of'.padEnd(40)} The date these figures were read, YYYY-MM-DD.`);
    const seen = new Set<string>();
    for (const { item } of own) {
      const line = `#   ${item.question.fills.padEnd(40)} ${item.question.message}  (commready explain ${item.id})`;
      if (seen.has(line)) continue;
      seen.add(line);
      out.push(line);
    }
    out.push('');
  }
  const rated = questions.filter(({ item }) => item.question.kind === 'rating');
  out.push('# Answers for points that facts cannot prove, or to mark a point n/a (with a note) or waived:');
  out.push('assessment: {}');
  for (const { item } of rated) out.push(`#   ${item.id}: { status: met | partial | unmet${item.na ? ' | n/a' : ''}, note: "…", reviewed: YYYY-MM-DD }`);
  return `${out.join('\n')}\n`;
}
