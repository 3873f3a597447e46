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
