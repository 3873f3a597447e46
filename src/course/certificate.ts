// Pure: the certificate of completion. Its record (learner, date, course, methodology, track, module
// scores, the practicum plan's fingerprint) is written in a canonical form; the verification code is a
// hash of that form (computed by the caller, see verification-code.ts). The one-page Markdown and HTML
// certificates are made from the record alone and carry it in a closing comment, so `course verify`
// can check both that the record matches its code and that the page is exactly what the record makes:
// one character changed anywhere fails.
import { escapeMarkdown } from '../report/escape-markdown.js';
import { escapeXmlText } from '../report/escape-xml.js';
import { questionsFor, type Course } from '../methodology/course.js';
import type { Methodology } from '../methodology/types.js';
import { moduleStatus, type CourseProgress } from './progress.js';
import { passes } from './quiz.js';

/** The version of the certificate's record and layout; a later layout gets a new number, never a changed one. */
export const CERTIFICATE_FORMAT = 1;

export interface CertificateRecord {
  format: typeof CERTIFICATE_FORMAT;
  learner: string;
  /** The day the certificate was written. */
  date: string;
  course: { id: string; title: string; version: string };
  methodology: { id: string; title: string; version: string };
  track: { id: string; title: string };
  modules: { id: string; title: string; correct: number; of: number; percent: number; passedOn: string }[];
  practicum: { community: string; fingerprint: string; level: string; score: number; assessedOn: string };
  /** The commready that wrote it. */
  writtenBy: string;
}

/** The record of a learner who has everything (see missingForCertificate); throws if a part is missing. */
export function certificateRecord(
  course: Course,
  methodology: Pick<Methodology, 'id' | 'title' | 'version'>,
  progress: CourseProgress,
  date: string,
  writtenBy: string,
): CertificateRecord {
  const track = course.tracks.find((t) => t.id === progress.track);
  const practicum = progress.practicum;
  if (!track || !practicum || !progress.learner) throw new Error('the certificate needs a track, a practicum and a learner');
  return {
    format: CERTIFICATE_FORMAT,
    learner: progress.learner,
    date,
    course: { id: course.id, title: course.title, version: course.version },
    methodology: { id: methodology.id, title: methodology.title, version: methodology.version },
    track: { id: track.id, title: track.title },
    modules: course.modules.map((m) => {
      const best = moduleStatus(m, progress).best;
      if (!best?.passed) throw new Error(`module ${m.id} is not passed`);
      return { id: m.id, title: m.title, correct: best.correct, of: best.of, percent: best.percent, passedOn: best.on };
    }),
    practicum: {
      community: practicum.community,
      fingerprint: practicum.fingerprint,
      level: practicum.level.title,
      score: practicum.score,
      assessedOn: practicum.assessedOn,
    },
    writtenBy,
  };
}

/**
 * The canonical form the code is computed over: JSON with keys sorted at every level and no spaces, and
 * `<`, `>`, `&` and the Unicode line separators written as escapes, so it can sit inside an HTML or
 * Markdown comment unchanged.
 */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return JSON.stringify(sort(value)).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const MARK = 'commready-certificate';

/** The closing comment both layouts carry: the code and the record, on one line. */
function recordComment(record: CertificateRecord, code: string): string {
  return `<!-- ${MARK} ${canonicalJson({ code, record })} -->`;
}

const NOT_ACCREDITATION =
  "It records a self-paced assessment: quizzes taken and a plan judged by commready on the learner's own computer. It is not an accreditation: no institution examined the learner or vouches for this certificate, and the reviewer's grading of the practicum with the course's rubric is not part of it.";

function verifyHint(code: string): string {
  return `Verification code: ${code}. Check it with 'commready course verify <this file>': the code covers every field of this certificate, and a change to any of them makes the check fail.`;
}

function practicumSentence(r: CertificateRecord): string {
  return `The plan of ${r.practicum.community} reached ${r.practicum.level}, with no blocker open, under the profile of the ${r.track.title} track, judged as of ${r.practicum.assessedOn} (readiness ${r.practicum.score}).`;
}

/** The certificate as one page of Markdown. */
export function renderCertificateMarkdown(r: CertificateRecord, code: string): string {
  const md = escapeMarkdown;
  const lines = [
    '# Certificate of completion',
    '',
    `**${md(r.learner)}** completed **${md(r.course.title)}** (course ${md(r.course.version)}), ${md(r.track.title)} track, on ${r.date}.`,
    '',
    `The course teaches the ${md(r.methodology.title)} ${md(r.methodology.version)}.`,
    '',
    '| Module | Quiz | Passed on |',
    '| --- | --- | --- |',
    ...r.modules.map((m) => `| ${md(m.title)} | ${m.correct} of ${m.of} (${m.percent}%) | ${m.passedOn} |`),
    '',
    `**Practicum.** ${md(practicumSentence(r))} Plan fingerprint (SHA-256): \`${r.practicum.fingerprint}\`.`,
    '',
    `**What this certificate is.** ${md(NOT_ACCREDITATION)}`,
    '',
    `**${md(verifyHint(code))}**`,
    '',
    `Written by ${md(r.writtenBy)}.`,
    '',
    recordComment(r, code),
  ];
  return `${lines.join('\n')}\n`;
}

const STYLE = [
  '@page { size: A4; margin: 16mm; }',
  'body { font-family: Georgia, "Times New Roman", serif; color: #1b1b1b; margin: 0; }',
  'main { max-width: 170mm; margin: 0 auto; padding: 10mm 8mm; border: 3px double #3b4a5a; }',
  'h1 { text-align: center; font-size: 26pt; margin: 0 0 4mm; letter-spacing: 0.04em; }',
  '.learner { text-align: center; font-size: 22pt; margin: 6mm 0 2mm; }',
  '.lead { text-align: center; margin: 0 0 6mm; }',
  'table { border-collapse: collapse; width: 100%; font-size: 10pt; margin: 4mm 0; }',
  'th, td { border-bottom: 1px solid #c7ccd1; padding: 1.2mm 2mm; text-align: left; }',
  'p { font-size: 10.5pt; line-height: 1.35; }',
  '.note { font-size: 9pt; color: #3b3b3b; }',
  'code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; word-break: break-all; }',
].join('\n');

/** The certificate as one printable HTML page (A4), with no external resources. */
export function renderCertificateHtml(r: CertificateRecord, code: string): string {
  const h = escapeXmlText;
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>Certificate of completion: ${h(r.learner)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>Certificate of completion</h1>',
    `<p class="learner">${h(r.learner)}</p>`,
    `<p class="lead">completed <strong>${h(r.course.title)}</strong> (course ${h(r.course.version)}), ${h(r.track.title)} track, on ${h(r.date)}. The course teaches the ${h(r.methodology.title)} ${h(r.methodology.version)}.</p>`,
    '<table>',
    '<thead><tr><th>Module</th><th>Quiz</th><th>Passed on</th></tr></thead>',
    '<tbody>',
    ...r.modules.map((m) => `<tr><td>${h(m.title)}</td><td>${m.correct} of ${m.of} (${m.percent}%)</td><td>${h(m.passedOn)}</td></tr>`),
    '</tbody>',
    '</table>',
    `<p><strong>Practicum.</strong> ${h(practicumSentence(r))} Plan fingerprint (SHA-256): <code>${h(r.practicum.fingerprint)}</code>.</p>`,
    `<p class="note"><strong>What this certificate is.</strong> ${h(NOT_ACCREDITATION)}</p>`,
    `<p class="note"><strong>${h(verifyHint(code))}</strong></p>`,
    `<p class="note">Written by ${h(r.writtenBy)}.</p>`,
    '</main>',
    recordComment(r, code),
    '</body>',
    '</html>',
  ];
  return `${lines.join('\n')}\n`;
}

export type CertificateKind = 'markdown' | 'html';

export type CertificateCheck =
  | { ok: true; record: CertificateRecord; code: string; kind: CertificateKind }
  | { ok: false; reason: 'no-record' | 'not-a-record' | 'code-mismatch' | 'text-changed'; kind?: CertificateKind };

/**
 * Checks a certificate's text: it carries a record, the record's code is `codeOf(canonicalJson(record))`,
 * and the page is exactly what that record renders to. Line endings are read either way (a copy saved on
 * Windows still checks); nothing else is forgiven.
 */
export function checkCertificate(text: string, codeOf: (canonical: string) => string): CertificateCheck {
  const normal = text.replace(/\r\n/g, '\n');
  const match = new RegExp(`^<!-- ${MARK} (\\{.*\\}) -->$`, 'm').exec(normal);
  if (!match) return { ok: false, reason: 'no-record' };
  const kind: CertificateKind = /^<!DOCTYPE html>/i.test(normal) ? 'html' : 'markdown';
  let carried: unknown;
  try {
    carried = JSON.parse(match[1]!);
  } catch {
    return { ok: false, reason: 'not-a-record', kind };
  }
  if (typeof carried !== 'object' || carried === null) return { ok: false, reason: 'not-a-record', kind };
  const { code, record } = carried as { code?: unknown; record?: unknown };
  if (typeof code !== 'string' || !isCertificateRecord(record)) return { ok: false, reason: 'not-a-record', kind };
  if (codeOf(canonicalJson(record)) !== code) return { ok: false, reason: 'code-mismatch', kind };
  const expected = kind === 'html' ? renderCertificateHtml(record, code) : renderCertificateMarkdown(record, code);
  if (expected !== normal) return { ok: false, reason: 'text-changed', kind };
  return { ok: true, record, code, kind };
}

/**
 * The modules a record's scores do not pass, checked against the course it names when that course is at
 * hand (same id and version): the code is a hash anyone can compute, so a record written by hand with a
 * score below the pass mark, a percent that is not its score, or a module left out would otherwise
 * verify. `undefined` when the course at hand is another one, so nothing can be said.
 */
export function recordShortfalls(record: CertificateRecord, course: Course): string[] | undefined {
  if (record.course.id !== course.id || record.course.version !== course.version) return undefined;
  const short: string[] = [];
  for (const m of course.modules) {
    const got = record.modules.find((x) => x.id === m.id);
    const holds =
      got !== undefined &&
      Number.isInteger(got.correct) &&
      Number.isInteger(got.of) &&
      got.correct >= 0 &&
      got.correct <= got.of &&
      got.of === questionsFor(m, record.track.id).length &&
      got.percent === Math.floor((got.correct * 100) / got.of) &&
      passes(got.correct, got.of, m.passMark);
    if (!holds) short.push(m.id);
  }
  return short;
}

function isCertificateRecord(v: unknown): v is CertificateRecord {
  const o = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  const s = (x: unknown): x is string => typeof x === 'string';
  const n = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (!o(v) || v.format !== CERTIFICATE_FORMAT || !s(v.learner) || !s(v.date) || !s(v.writtenBy)) return false;
  const { course, methodology, track, modules, practicum } = v;
  return (
    o(course) &&
    s(course.id) &&
    s(course.title) &&
    s(course.version) &&
    o(methodology) &&
    s(methodology.id) &&
    s(methodology.title) &&
    s(methodology.version) &&
    o(track) &&
    s(track.id) &&
    s(track.title) &&
    Array.isArray(modules) &&
    modules.every((m) => o(m) && s(m.id) && s(m.title) && n(m.correct) && n(m.of) && n(m.percent) && s(m.passedOn)) &&
    o(practicum) &&
    s(practicum.community) &&
    s(practicum.fingerprint) &&
    s(practicum.level) &&
    n(practicum.score) &&
    s(practicum.assessedOn)
  );
}
