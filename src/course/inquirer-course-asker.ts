// The terminal CourseAsker, on @inquirer/prompts' select: loaded only by the course's interactive parts.
// Ctrl-C inside a prompt and an aborted signal (SIGINT, SIGTERM, SIGHUP) both end as an InterruptedError;
// every text shown passes through the one sanitiser, whatever the caller already did.
import { select } from '@inquirer/prompts';
import { InterruptedError, type InterruptSignal } from '../errors.js';
import { sanitizeLine, sanitizeOutput } from '../text/sanitize.js';
import type { ChooseOptions, CourseAsker } from './course-asker.js';

export interface InquirerCourseAskerOptions {
  write(text: string): void;
  /** Aborted by a signal: the open prompt closes at once. */
  signal: AbortSignal;
  /** Whether the painter's colours may reach the screen. */
  colour: boolean;
}

export function createInquirerCourseAsker(o: InquirerCourseAskerOptions): CourseAsker {
  return {
    write: (text) => o.write(sanitizeOutput(text, o.colour)),
    async choose(message: string, choices: readonly string[], options: ChooseOptions = {}): Promise<number> {
      try {
        return await select<number>(
          {
            message: sanitizeLine(message),
            choices: choices.map((name, value) => ({ value, name: sanitizeLine(name) })),
            ...(options.default !== undefined ? { default: options.default } : {}),
            pageSize: Math.max(choices.length, 7),
            loop: false,
            ...(options.numbered ? { theme: { indexMode: 'number' as const } } : {}),
          },
          { signal: o.signal, clearPromptOnDone: options.clear === true },
        );
      } catch (error) {
        throw toInterrupted(error, o.signal);
      }
    },
  };
}

/** Ctrl-C in a prompt (ExitPromptError) or an aborted prompt (AbortPromptError) as an InterruptedError. */
function toInterrupted(error: unknown, signal: AbortSignal): unknown {
  const name = error instanceof Error ? error.name : '';
  if (name === 'ExitPromptError') return new InterruptedError('SIGINT', 'stopped');
  if (name === 'AbortPromptError' || signal.aborted) {
    const reason = signal.reason as InterruptSignal | undefined;
    return new InterruptedError(reason === 'SIGTERM' || reason === 'SIGHUP' ? reason : 'SIGINT', 'stopped');
  }
  return error;
}
