// Pure: the interview's words. Events and requests are data; this turns them into lines for the
// terminal, with every piece of plan or methodology text made safe to print.
import { assertNever } from '../errors.js';
import type { Painter } from '../report/types.js';
import type { AskRequest, Block, InterviewEvent, OtherAction, Position } from './asker.js';
import { STATUS_WORDS } from './plain-words.js';
import { entryHint } from './question-model.js';
import type { ValueKind } from '../methodology/question-types.js';
import { kindOf, type SpecOf } from './value-kinds/index.js';
import { safeText } from './safe-text.js';

export const ACTION_LABELS = {
  why: 'Why this matters',
  no: 'No, not in place yet',
  na: 'Not applicable here (say why)',
  'dont-know': "Don't know yet",
  later: 'Later: name who answers it and by when',
  skip: 'Skip for now',
  back: 'Back to the previous question',
  jump: 'Jump to another phase or point',
} as const satisfies Record<OtherAction, string>;

/** What each part of the interview is called on screen. */
export const BLOCK_TITLES = {
  screener: 'About the community',
  people: 'Who is involved',
  quick: 'Quick path',
  rest: 'What decides the level',
  important: 'Important points',
  optional: 'Optional points',
  selected: 'Selected questions',
  detour: 'Jump',
} as const satisfies Record<Block, string>;

/** The points left open before that the level also needs: ", once the 2 points left open before are done". */
function pendingWords(pending: number): string {
  if (pending === 0) return '';
  return pending === 1 ? ', once the 1 point left open before is done' : `, once the ${pending} points left open before are done`;
}

/** A small bar for a 0-100 score: `[██████░░░░] 60`. */
export function scoreBar(score: number, width = 20): string {
  const filled = Math.max(0, Math.min(width, Math.round((score / 100) * width)));
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${score}`;
}

/** "Quick path · Governance & safety: question 12 of 26" (the phase is left out where the block says it). */
export function describePosition(p: Position, phaseTitle: string): string {
  const block = BLOCK_TITLES[p.block];
  const where = phaseTitle && phaseTitle !== block ? `${block} · ${safeText(phaseTitle)}` : block;
  return p.questions > 1 ? `${where}: question ${p.question} of ${p.questions}` : where;
}

/** The question as typed: the message, how to type it, and what meets the point. */
export function describePrompt(request: Pick<AskRequest, 'message' | 'fill' | 'threshold' | 'path'>): string {
  // A kind picked from a list (a choice, yes or no, entries) has no hint: only typed kinds say how to type them.
  const hint = entryHint(request.fill.value);
  const meets = request.threshold ? ` (to meet it: ${request.threshold})` : '';
  const path = request.path ? ` [${request.path}]` : '';
  return safeText(`${request.message}${hint}${meets}${path}`);
}

/** Every line a request shows, in the order the terminal shows them: for tests of what a screen says. */
export function describeRequest(request: AskRequest): string[] {
  const spec = request.fill.value;
  const lines = [describePosition(request.position, request.phaseTitle)];
  if (request.point) lines.push(`Point: ${safeText(request.point.title)}`);
  lines.push(describePrompt(request));
  for (const shown of kindOf(spec).shownLines(spec as SpecOf<ValueKind>, entryHint)) lines.push(shown);
  for (const a of request.actions) lines.push(ACTION_LABELS[a]);
  if (request.problem) lines.push(safeText(request.problem));
  return lines;
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

/** An item's status in words ("partly met"); a status this version does not know, as it is. */
export function statusWords(status: string): string {
  return Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status as keyof typeof STATUS_WORDS] : status;
}

export function describeEvent(event: InterviewEvent, paint: Painter): string[] {
  switch (event.kind) {
    case 'resume':
      return [
        '',
        paint.bold(
          `Welcome back: ${event.answers} answer${event.answers === 1 ? '' : 's'} so far${event.next ? `; next: ${safeText(event.next)}` : '; every question is answered'}.`,
        ),
        paint.dim('Type ? at any question (or choose an option below it) to jump to another phase or point.'),
      ];
    case 'block-start': {
      const n = `${event.questions} question${event.questions === 1 ? '' : 's'}, about ${event.minutes} min`;
      const what =
        event.block !== 'quick'
          ? `${BLOCK_TITLES[event.block]}: ${n}.`
          : event.toward
            ? // Honest about what it covers: the next level needs more than the quick path holds.
              `Quick path: the first points toward ${safeText(event.toward.level)} (all it needs takes ${event.toward.questions} question${event.toward.questions === 1 ? '' : 's'}), ${n}. More is offered after.`
            : `Quick path: the points that decide your level${event.level ? ` (up to ${safeText(event.level)}${pendingWords(event.pending ?? 0)})` : ''}, ${n}. More is offered after.`;
      return ['', paint.bold(what)];
    }
    case 'why':
      return [
        ...(event.help ? [safeText(event.help)] : []),
        ...event.items.flatMap((i) => ['', paint.bold(safeText(i.title)), safeText(i.why), '', plainGuidance(i.guidance)]),
        '',
      ];
    case 'feedback':
      return event.items.map((i) => {
        const mark = i.status === 'met' ? paint.green('✔') : i.status === 'n/a' ? paint.dim('–') : paint.yellow('•');
        const rest = i.failed.length > 0 ? ` Still: ${safeText(i.failed.join(' '))}` : '';
        return `  ${mark} ${safeText(i.title)}: ${statusWords(i.status)}.${rest}`;
      });
    case 'notice':
      return [paint.yellow(describeNotice(event.code, event.count ?? 0))];
    case 'summary': {
      const lines = [
        '',
        paint.bold(`${event.final ? 'Level' : 'Quick path done. Level'}: ${safeText(event.level)}   readiness ${scoreBar(event.score)}`),
        `${event.answered} answer${event.answered === 1 ? '' : 's'} saved this session.`,
      ];
      if (event.blockers.length > 0) {
        lines.push(`Blockers (${event.blockers.length}):`);
        for (const b of event.blockers) lines.push(`  - ${safeText(b.title)}`);
      }
      if (event.nextLevel) {
        lines.push(`Next steps to ${safeText(event.nextLevel.title)} (score ${event.nextLevel.scoreAfter} once done):`);
        for (const i of event.nextLevel.items.slice(0, 10)) lines.push(`  - ${safeText(i.title)}`);
      }
      lines.push(event.todo.length > 0 ? `To do, taken on for later (${event.todo.length}):` : 'To do, taken on for later: nothing yet.');
      for (const t of event.todo)
        lines.push(`  [ ] ${safeText(t.title)} — ${t.owner ? `${safeText(t.owner)}, ` : ''}by ${safeText(t.due)}`);
      if (event.dontKnow.length > 0) {
        lines.push(`To find out (${event.dontKnow.length}):`);
        for (const d of event.dontKnow) lines.push(`  - ${safeText(d.title)}`);
        // --item takes item ids: a screener question has none, and the next run asks it again anyway.
        const items = [...new Set(event.dontKnow.flatMap((d) => d.itemIds))];
        lines.push(
          `Then run the interview again: it asks them${items.length > 0 ? ` (only these points: ${items.map((id) => `--item ${safeText(id)}`).join(' ')})` : ''}.`,
        );
      }
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
      return 'Not applicable needs a reason in a few words (such as "Online only"); nothing was recorded.';
    case 'first-question':
      return 'This is the first question.';
    case 'later-needs-owner':
      return 'Later needs a person who will answer it; nothing was recorded.';
    case 'required':
      return 'The plan needs this answer.';
    case 'deferred':
      return `${count} question${count === 1 ? '' : 's'} left for later.`;
    case 'skipped-remembered':
      return `${count} optional question${count === 1 ? '' : 's'} skipped last time, not offered again (--all asks them, or jump to them).`;
    case 'roster-saved':
      return `${count} ${count === 1 ? 'person' : 'people'} on the roster.`;
    case 'recorded-no':
      return 'Recorded as not in place yet.';
    default:
      return assertNever(code, 'notice');
  }
}
