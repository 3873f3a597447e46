// Pure: the text of a commented starter plan for a methodology, valid against the plan schema.
import { defaultTextValues, fillPlaceholders, type TextValues } from '../methodology/placeholders.js';
import type { Methodology } from '../methodology/types.js';

/** The name `commready init` writes when none is given: the interview asks for the real one. */
export const STARTER_NAME = 'My community';

const SECTIONS = ['purpose', 'audience', 'team', 'governance', 'platform', 'launch', 'engagement', 'measures', 'observed'] as const;

export interface StarterOptions {
  /** The `$schema` reference: a relative path or a URL. */
  schemaPath: string;
  /** The community's name; empty for a plan the interview is about to fill. */
  name: string;
  type?: string;
  /**
   * What fills the placeholders of the questions quoted in comments: the words and thresholds of the
   * plan's profile (values as the plan stores them). The methodology's own by default.
   */
  text?: TextValues;
}

export function renderStarterPlan(m: Methodology, options: StarterOptions): string {
  const out: string[] = [];
  out.push(`# yaml-language-server: $schema=${options.schemaPath}`);
  out.push(`# A community plan for commready. Fill in the sections below (or run 'commready interview' on this`);
  out.push(`# file); each comment names a plan field, the question it answers, and where to read the guide.`);
  out.push(`# Check your progress with:`);
  out.push(`#   commready report <this file>`);
  out.push('version: 3');
  out.push('community:');
  out.push(`  name: ${JSON.stringify(options.name)}`);
  out.push(`  # ${m.profiles.map((p) => p.id).join(' | ')}: sets thresholds, severities and the points that do not apply`);
  out.push(options.type ? `  type: ${options.type}` : `  # type: ${m.profiles[0]?.id ?? 'customer'}`);
  out.push('  # planning | launching | running (a running community also gives `opened: YYYY-MM-DD`)');
  out.push('  stage: planning');
  if (m.formalities.length > 0) out.push(`  # formality: ${m.formalities.map((f) => f.id).join(' | ')}   (default: from the type)`);
  out.push('  # size: 500            # members today, or the audience you expect in the first year');
  out.push('  # State these two: left out, safeguarding and event safety are judged as if they applied.');
  out.push('  # format: online       # online | in-person | hybrid');
  out.push('  # minors: false        # whether people under 18 may take part');
  out.push('  # regions: [EU]');
  out.push('  # description: Who gathers here, around what.');
  out.push('');
  out.push('# The roster: name everyone once; the rest of the plan refers to them by name. Leave personal');
  out.push('# contact details out of a plan kept in a repository.');
  out.push('people: []');
  out.push('#   - { name: Ana Lima, roles: [host, moderator] }');
  out.push('');
  const text = options.text ?? defaultTextValues(m, 'stored');
  const questions = m.phases.flatMap((phase) => phase.items.map((item) => ({ phase, item })));
  for (const section of SECTIONS) {
    const own = questions.filter(({ item }) => item.question.fills.split('.')[0] === section);
    if (section === 'observed')
      out.push('# Measured once the community runs, each with the date measured: `field: { value: …, as_of: YYYY-MM-DD }`.');
    out.push(`${section}: {}`);
    // Two items may share a question (the same path); each line is written once.
    const seen = new Set<string>();
    for (const { item } of own) {
      const line = `#   ${item.question.fills.padEnd(40)} ${fillPlaceholders(item.question.message, text)}  (commready explain ${item.id})`;
      if (seen.has(line)) continue;
      seen.add(line);
      out.push(line);
    }
    out.push('');
  }
  const rated = questions.filter(({ item }) => item.question.kind === 'rating');
  out.push('# Answers for points that facts cannot prove, or to mark a point n/a (with a note) or waived:');
  out.push('assessment: {}');
  for (const { item } of rated)
    out.push(`#   ${item.id}: { status: met | partial | unmet${item.na ? ' | n/a' : ''}, note: "…", reviewed: YYYY-MM-DD }`);
  return `${out.join('\n')}\n`;
}
