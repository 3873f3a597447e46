// An Asker that offers what `commready detect` found as the default of a question the plan leaves
// empty, with the evidence in the question. Skipping such a question rejects the proposal, so that it is
// not offered again until its evidence changes. The flow itself is unchanged: it only sees defaults.
import type { Asker } from './asker.js';
import { toEntered } from './question-model.js';

/** One detected answer for a plan path: the value the plan would hold, the line shown, and what rejects it. */
export interface DetectedDefault {
  value: unknown;
  /** "Contributor Covenant 2.0 (high; CODE_OF_CONDUCT.md:129)", already safe to show. */
  shown: string;
  reject(): void;
}

export function withDetectedDefaults(asker: Asker, defaults: ReadonlyMap<string, DetectedDefault>): Asker {
  return {
    async ask(request) {
      const detected = defaults.get(request.fill.path);
      const entered = detected && request.default === undefined ? toEntered(request.fill.value, detected.value) : undefined;
      if (!detected || entered === undefined) return asker.ask(request);
      const reply = await asker.ask({ ...request, default: entered, message: `${request.message} [detected: ${detected.shown}]` });
      if (reply.action === 'skip') detected.reject();
      return reply;
    },
    roster: (request) => asker.roster(request),
    text: (message, options) => asker.text(message, options),
    date: (message, options) => asker.date(message, options),
    confirm: (message, defaultValue) => asker.confirm(message, defaultValue),
    choose: (message, choices) => asker.choose(message, choices),
    show: (event) => asker.show(event),
  };
}
