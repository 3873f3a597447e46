// Pure: the interview's words. Events are data; this turns them into lines for the terminal, with every
// piece of plan or methodology text made safe to print.
import { assertNever } from '../errors.js';
import type { Painter } from '../report/types.js';
import type { InterviewEvent, Position, ReplyAction } from './asker.js';
import { safeText } from './safe-text.js';

export const ACTION_LABELS = {
  why: 'Why this matters',
  na: 'Not applicable here',
  'dont-know': "Don't know yet",
  skip: 'Skip',
  later: 'Later: name who answers it and by when',
  back: 'Back to the previous question',
} as const satisfies Record<Exclude<ReplyAction, 'answer'>, string>;

/** A small bar for a 0-100 score: `[██████░░░░] 60`. */
export function scoreBar(score: number, width = 20): string {
  const filled = Math.max(0, Math.min(width, Math.round((score / 100) * width)));
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${score}`;
}

export function describePosition(p: Position, phaseTitle: string): string {
  return `${safeText(phaseTitle)}: phase ${p.phase} of ${p.phases}, question ${p.question} of ${p.questions}`;
}

/** Guidance is Markdown for the course; in the terminal, fenced examples are kept, other marks dropped. */
function plainGuidance(text: string): string {
  return safeText(
    text
      .replace(/\*\*(.+?)\*\*/g, '$1')
      .replace(/`([^`\n]+)`/g, '$1')
      .trim(),
    { multiline: true },
  );
}

export function describeEvent(event: InterviewEvent, paint: Painter): string[] {
  switch (event.kind) {
    case 'phase-start':
      return [
        '',
        paint.bold(
          `${safeText(event.title)} (phase ${event.index} of ${event.count}): ${event.questions} question${event.questions === 1 ? '' : 's'}, about ${event.minutes} min`,
        ),
      ];
    case 'why':
      return [
        ...(event.help ? [safeText(event.help)] : []),
        ...event.items.flatMap((i) => ['', paint.bold(safeText(i.title)), safeText(i.why), '', plainGuidance(i.guidance)]),
        '',
      ];
    case 'feedback':
      return event.items.map((i) => {
        const mark = i.status === 'met' ? paint.green('✔') : i.status === 'n/a' ? paint.dim('–') : paint.yellow('•');
        const rest = i.failed.length > 0 ? ` ${safeText(i.failed.join(' '))}` : '';
        return `  ${mark} ${safeText(i.title)}: ${i.status}.${rest}`;
      });
    case 'notice':
      return [paint.yellow(describeNotice(event.code, event.count ?? 0))];
    case 'phase-score':
      return [
        `${paint.bold(safeText(event.title))} ${event.phaseScore === null ? 'n/a' : scoreBar(event.phaseScore)}   readiness ${scoreBar(event.score)}`,
      ];
    case 'summary': {
      const lines = [
        '',
        paint.bold(`Level: ${safeText(event.level)}   readiness ${scoreBar(event.score)}`),
        `${event.answered} answer${event.answered === 1 ? '' : 's'} saved this session.`,
      ];
      if (event.blockers.length > 0) {
        lines.push(`Blockers (${event.blockers.length}):`);
        for (const b of event.blockers) lines.push(`  - ${safeText(b.title)} (${safeText(b.itemId)})`);
      }
      if (event.nextLevel) {
        lines.push(`Next steps to ${safeText(event.nextLevel.title)} (score ${event.nextLevel.scoreAfter} once done):`);
        for (const i of event.nextLevel.items.slice(0, 10)) lines.push(`  - ${safeText(i.title)} (${safeText(i.itemId)})`);
      }
      if (event.dontKnow.length > 0)
        lines.push(`To find out, then run again with --item: ${event.dontKnow.map((id) => safeText(id)).join(', ')}`);
      return lines;
    }
    case 'report-written':
      return [`Wrote ${safeText(event.file)}.`];
    default:
      return assertNever(event, 'interview event');
  }
}

function describeNotice(code: Extract<InterviewEvent, { kind: 'notice' }>['code'], count: number): string {
  switch (code) {
    case 'na-not-allowed':
      return 'This point applies to every community; it cannot be marked not applicable.';
    case 'na-needs-reason':
      return 'Not applicable needs a reason; nothing was recorded.';
    case 'first-question':
      return 'This is the first question.';
    case 'later-needs-owner':
      return 'Later needs a person who will answer it; nothing was recorded.';
    case 'required':
      return 'The plan needs this answer.';
    case 'deferred':
      return `${count} question${count === 1 ? '' : 's'} left for later.`;
    default:
      return assertNever(code, 'notice');
  }
}
