// The methodology a methodology-only command (checklists, explain, guide, docs) works on.
import { loadValidation } from '../io/package-files.js';
import type { Methodology } from '../methodology/types.js';
import { MethodologyCache, checkChecklistsOption, methodologyDirFor, type GlobalOptions } from './shared.js';

export function methodologyForCommand(options: GlobalOptions): Methodology {
  checkChecklistsOption(options);
  return new MethodologyCache(loadValidation()).get(methodologyDirFor(undefined, options));
}
