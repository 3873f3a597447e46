// The parts of a JSON report (schemas/report.schema.json) that diff and --baseline read back.
import type { Severity } from '../methodology/types.js';
import type { ItemStatus } from '../scoring/types.js';

export interface ReportJson {
  command: 'lint' | 'report';
  plans: readonly ReportPlanJson[];
}

export interface ReportPlanJson {
  file: string;
  methodology: { id: string; title: string; version: string; location?: string };
  community: { name: string; type?: string };
  today: string;
  score: number;
  /** Absent in reports written before health was scored. */
  health?: number | null;
  level: { id: string; title: string; index: number };
  phases: readonly { id: string; title: string; score: number | null }[];
  items: readonly { id: string; title: string; severity: Severity; status: ItemStatus; points: number }[];
  findings: readonly { code: string; item: string }[];
  gaps: readonly string[];
}

type Written<T, Shared extends keyof T> = Omit<T, Shared> & Partial<Pick<T, Shared>>;

/** A report as a file holds it, checked against the schema: version 2 leaves to `tables` what plans share. */
export interface ReportFileJson {
  schemaVersion: 1 | 2;
  command: ReportJson['command'];
  plans: readonly (Omit<ReportPlanJson, 'items' | 'phases'> & {
    table?: number;
    items: readonly Written<ReportPlanJson['items'][number], 'title' | 'severity'>[];
    phases: readonly Written<ReportPlanJson['phases'][number], 'title'>[];
  })[];
  tables?: readonly {
    phases: Readonly<Record<string, string>>;
    /** Also phase, weight and dimension, which the report's readers here do not use. */
    items: Readonly<Record<string, { title: string; severity: Severity }>>;
  }[];
}

/**
 * The report with every item and phase whole, as version 1 wrote them: a field a version 2 item leaves
 * out is its table's. A reference to no table or row is the file's problem, given as a JSON pointer.
 */
export function reportOfFile(file: ReportFileJson): { report: ReportJson } | { problem: string } {
  if (file.schemaVersion === 1) return { report: file as ReportJson };
  const plans: ReportPlanJson[] = [];
  for (const [p, plan] of file.plans.entries()) {
    const table = plan.table === undefined ? undefined : file.tables?.[plan.table];
    if (!table) return { problem: `/plans/${p}/table refers to no entry of /tables` };
    const items: ReportPlanJson['items'][number][] = [];
    for (const [i, item] of plan.items.entries()) {
      const row = Object.hasOwn(table.items, item.id) ? table.items[item.id] : undefined;
      const whole = { ...row, ...item };
      if (whole.title === undefined || whole.severity === undefined)
        return { problem: `/plans/${p}/items/${i} leaves out its title or severity, and its table has no row '${item.id}'` };
      items.push(whole as ReportPlanJson['items'][number]);
    }
    const phases: ReportPlanJson['phases'][number][] = [];
    for (const [i, phase] of plan.phases.entries()) {
      const title = phase.title ?? (Object.hasOwn(table.phases, phase.id) ? table.phases[phase.id] : undefined);
      if (title === undefined) return { problem: `/plans/${p}/phases/${i} leaves out its title, and its table has no row '${phase.id}'` };
      phases.push({ ...phase, title });
    }
    plans.push({ ...plan, items, phases });
  }
  return { report: { command: file.command, plans } };
}
