// Pure: recognises a non-answer, text that fills a field without deciding anything ("none", "tbd",
// "not done", "-", "?"). A rule that reads such a text must judge it as missing: a safeguarding
// decision "none" is no safeguarding.
import { WhatwgUrl } from './whatwg-url.js';

/**
 * Whole answers that decide nothing, after folding (lower case, outer punctuation and spaces removed,
 * inner runs of spaces, dots, dashes and slashes made one space). Kept to phrases a person writes in
 * place of an answer; anything longer than a few words is an answer, if a poor one.
 */
const NON_ANSWERS: ReadonlySet<string> = new Set([
  // nothing, nobody
  'none',
  'none yet',
  'none so far',
  'nothing',
  'nothing yet',
  'nil',
  'null',
  'nobody',
  'no one',
  'noone',
  'no',
  'nope',
  'no idea',
  'no plan',
  'no plans',
  'no policy',
  'no decision',
  'no answer',
  'no one yet',
  'nobody yet',
  'empty',
  // not applicable
  'n a',
  'na',
  'not applicable',
  'does not apply',
  'doesn t apply',
  'doesnt apply',
  // not yet, not done
  'not yet',
  'not done',
  'not yet done',
  'not done yet',
  'not started',
  'not decided',
  'not yet decided',
  'undecided',
  'not set',
  'unset',
  'not defined',
  'undefined',
  'not known',
  'unknown',
  'not sure',
  'unsure',
  'don t know',
  'dont know',
  'do not know',
  'idk',
  'not available',
  'unavailable',
  'pending',
  'in progress',
  'ongoing',
  'coming soon',
  'soon',
  'later',
  'eventually',
  'maybe',
  'someday',
  'some day',
  // to be decided
  'tbd',
  'tba',
  'tbc',
  'tbh',
  'to be decided',
  'to be determined',
  'to be defined',
  'to be confirmed',
  'to be announced',
  'to be agreed',
  'to do',
  'todo',
  'fixme',
  'wip',
  'work in progress',
  'xxx',
  'placeholder',
  'lorem ipsum',
  'same as above',
  'see above',
  'as above',
  'ditto',
  'various',
  'misc',
  'etc',
  // a few other languages' "none", "to be decided"
  'keine',
  'keiner',
  'nichts',
  'aucun',
  'aucune',
  'rien',
  'a definir',
  '\u00e0 d\u00e9finir',
  'ninguno',
  'ninguna',
  'nada',
  'pendiente',
  'geen',
  'niets',
  'nessuno',
  'nessuna',
  'niente',
  // "not applicable", "not stated", "none" in a few other languages
  'entf\u00e4llt',
  'nicht zutreffend',
  'keine angabe',
  'no aplica',
  'no aplicable',
  'sin definir',
  'non applicable',
  'ne s applique pas',
  'non d\u00e9fini',
  'non applicabile',
  '\u306a\u3057',
  '\u672a\u5b9a',
  '\u65e0',
  '\u6ca1\u6709',
  // said in a sentence
  'we don t have one',
  'we dont have one',
  'we do not have one',
  'we have none',
  'we have not decided yet',
  'we haven t decided yet',
  'not decided yet',
  'none for now',
  'nothing for now',
  'nothing at the moment',
  'none at the moment',
  'to be confirmed later',
  'to be decided later',
  'we haven t decided',
  'we have not decided',
  'we don t have one yet',
  'we do not have one yet',
  'still to be decided',
  'still to be defined',
  'not decided',
  't b d',
  't b c',
  't b a',
  'we ll see',
  'we will see',
  // placeholders for a person or a reason
  'vacant',
  'unassigned',
  'someone',
  'somebody',
  'jane doe',
  'john doe',
  'no reason',
  'because',
  'whatever',
  'nothing to say',
  'placeholder text',
  'lorem ipsum dolor',
  'lorem ipsum dolor sit',
  'reason tbd',
  'placeholder reason',
  'insert reason',
  'reason goes here',
  'no reason given',
  'no comment',
  'asdf',
  'asdfgh',
  'qwerty',
  'changeme',
  'change me',
  'none planned',
  'none currently',
  'to be written',
  'under discussion',
  'on hold',
  'pending review',
  'not started yet',
  'will be decided later',
  'nvt',
  'sans objet',
  's o',
  // and a few more languages
  '\u5f85\u5b9a',
  '\u043d\u0435\u0442',
  '\uc5c6\uc74c',
  // still to come, in a few words
  'haven t decided',
  'have not decided',
  'haven t decided yet',
  'have not decided yet',
  'to follow',
  'details to follow',
  'link to follow',
  'more to follow',
  'to come',
  'more to come',
  'will update',
  'update later',
  'xxxx',
  'xxxxx',
  // and in a few other languages
  'por definir',
  'por determinar',
  'a determinar',
  '\u00e0 d\u00e9terminer',
  '\u00e0 venir',
  'a venir',
  'pas encore',
  'noch offen',
  'noch nicht',
  'noch zu kl\u00e4ren',
  'wird noch entschieden',
  'da definire',
  'ancora da definire',
  'nog te bepalen',
  'nog niet',
  'todav\u00eda no',
  'ainda n\u00e3o',
  '\u043f\u043e\u043a\u0430 \u043d\u0435\u0442',
  '\u043d\u0435 \u043e\u043f\u0440\u0435\u0434\u0435\u043b\u0435\u043d\u043e',
  // still not decided, in other words
  'not assigned',
  'not assigned yet',
  'not yet assigned',
  'nothing planned',
  'nothing planned yet',
  'not yet known',
  'not known yet',
  'unclear',
  'still unclear',
  'not clear yet',
  'noch nicht entschieden',
  'noch nicht bekannt',
  'pas encore d\u00e9cid\u00e9',
  // a reason that restates the n/a, or is no reason
  'not relevant',
  'irrelevant',
  'not needed',
  'not necessary',
  'unnecessary',
  'n a for us',
  'na for us',
  'not applicable for us',
  'not applicable to us',
  'does not apply to us',
  'doesn t apply to us',
  'because reasons',
  'reasons',
  'lorem ipsum dolor sit amet',
  // a place on the roster, not a person
  'vacancy',
  'open position',
  'open role',
  'position open',
  'role open',
  'new hire',
  'hiring',
  'n n',
  'nn',
  'firstname lastname',
  'first name last name',
  'firstname surname',
  'name surname',
  'your name',
  'full name',
  'volunteer needed',
  'volunteers needed',
  'volunteer wanted',
  'volunteers wanted',
  'help wanted',
  'help needed',
  'looking for volunteers',
  'looking for a volunteer',
  'looking for someone',
  'seeking volunteers',
  'open slot',
  'open seat',
  'position vacant',
  'vacant position',
  'we re hiring',
  'we are hiring',
  // a template's words for the answer still to be written
  'fill in',
  'fill this in',
  'fill this out',
  'fill me in',
  'to fill in',
  'to be filled',
  'text here',
  'your text',
  'your text here',
  'some text',
  'sample text',
  'dummy text',
  'example text',
  'enter text',
  'insert text',
  'type here',
  'enter here',
  'write here',
  // waiting on someone's yes
  'pending approval',
  'awaiting approval',
  'approval pending',
  'pending confirmation',
  'awaiting confirmation',
  'pending decision',
  'awaiting decision',
  'pending sign off',
  'to be approved',
  // none, nothing, nobody, to be decided, open, unknown, n/a, not yet: the common words of the major
  // languages, each as a whole answer only ('offen' alone; 'offen für alle' is an answer)
  // German
  'niemand',
  'nein',
  'offen',
  'unbekannt',
  'unklar',
  'ungeklärt',
  'noch nichts',
  'nicht festgelegt',
  'noch nicht festgelegt',
  'wird noch festgelegt',
  'steht noch aus',
  'folgt',
  'k a',
  'siehe oben',
  'siehe unten',
  // French
  'néant',
  'personne',
  'non',
  'inconnu',
  'inconnue',
  'à décider',
  'a decider',
  'à préciser',
  'a preciser',
  'à confirmer',
  'a confirmer',
  'non décidé',
  'non renseigné',
  'voir ci dessus',
  'voir ci dessous',
  // Spanish
  'nadie',
  'desconocido',
  'desconocida',
  'por decidir',
  'por confirmar',
  'sin decidir',
  'aún no',
  'aun no',
  'todavia no',
  'n d',
  'ver arriba',
  'ver abajo',
  // Italian
  'nulla',
  'da decidere',
  'da stabilire',
  'da confermare',
  'da determinare',
  'non ancora',
  'sconosciuto',
  'non definito',
  'non deciso',
  'in sospeso',
  'vedi sopra',
  'vedi sotto',
  // Portuguese
  'nenhum',
  'nenhuma',
  'ninguém',
  'ninguem',
  'a decidir',
  'a confirmar',
  'indefinido',
  'desconhecido',
  'pendente',
  'não',
  'não se aplica',
  'não aplicável',
  'não definido',
  'ainda nao',
  'ver acima',
  // Dutch
  'nee',
  'onbekend',
  'n v t',
  'nog open',
  'nader te bepalen',
  'zie boven',
  // Polish
  'brak',
  'nic',
  'nikt',
  'żaden',
  'żadna',
  'żadne',
  'nie',
  'nie wiem',
  'nieznany',
  'nieznane',
  'nie dotyczy',
  'jeszcze nie',
  'do ustalenia',
  'do decyzji',
  'do określenia',
  'do okreslenia',
  // Swedish, Danish, Norwegian
  'ingen',
  'inga',
  'inget',
  'ingenting',
  'intet',
  'ingen ennå',
  'nej',
  'nei',
  'okänd',
  'okänt',
  'ukendt',
  'ukjent',
  'ännu inte',
  'ikke endnu',
  'ikke ennå',
  'ej aktuellt',
  'ikke aktuelt',
  'ikke relevant',
  'inte bestämt',
  'ikke besluttet',
  'ikke bestemt',
  // Finnish
  'ei',
  'ei mitään',
  'ei mitaan',
  'ei kukaan',
  'ei ole',
  'ei vielä',
  'ei viela',
  'ei tiedossa',
  'tuntematon',
  'ei päätetty',
  'päättämättä',
  'ei koske',
  // Russian
  'ничего',
  'никто',
  'нету',
  'нет данных',
  'неизвестно',
  'не решено',
  'не указано',
  'не применимо',
  'отсутствует',
  'уточняется',
  'н д',
  // Ukrainian
  'немає',
  'нічого',
  'ніхто',
  'ні',
  'невідомо',
  'не визначено',
  'не вирішено',
  'ще ні',
  'поки немає',
  'відсутній',
  'відсутня',
  'уточнюється',
  // Turkish
  'yok',
  'hiç',
  'hiçbiri',
  'hiç kimse',
  'kimse',
  'henüz yok',
  'henüz değil',
  'belirlenecek',
  'belirsiz',
  'bilinmiyor',
  'karar verilmedi',
  // Chinese
  '暂无',
  '暫無',
  '無',
  '沒有',
  '未定',
  '未知',
  '不适用',
  '不適用',
  '无人',
  '無人',
  '待确定',
  '待確定',
  '待决定',
  '未决定',
  '尚未决定',
  '不详',
  // Japanese
  '無し',
  'ナシ',
  '不明',
  '未決定',
  '未確定',
  '該当なし',
  '特になし',
  '検討中',
  '調整中',
  'まだ',
  // Korean
  '미정',
  '미확정',
  '미결정',
  '모름',
  '알 수 없음',
  '해당 없음',
  '해당없음',
  '아직',
  '아직 없음',
  '추후 결정',
  '결정 예정',
  // Hindi
  'कोई नहीं',
  'कुछ नहीं',
  'कुछ भी नहीं',
  'नहीं',
  'अज्ञात',
  'तय नहीं',
  'अभी तय नहीं',
  'अभी नहीं',
  'लागू नहीं',
  // Arabic
  'لا يوجد',
  'لا شيء',
  'لا أحد',
  'لا',
  'غير معروف',
  'غير محدد',
  'لم يحدد بعد',
  'لا ينطبق',
  'ليس بعد',
  // a layout's filler and a tester's words, typed to fill the field
  'lorem',
  'lipsum',
  'lorem ipsum dolor sit amet consectetur',
  'blah',
  'bla',
  'blah blah',
  'bla bla',
  'blah blah blah',
  'bla bla bla',
  'yada yada',
  'yada yada yada',
  'test',
  'test text',
  'dummy',
  'filler',
  'filler text',
  'sample',
  'example',
  'text',
  // pointing elsewhere instead of answering
  'ibid',
  'ibidem',
  'idem',
  'see below',
  'as below',
  'same as below',
]);

/**
 * Text with no word at all: invisible characters (zero-width, format), spaces, emoji and other symbols
 * ("🤷", "\u200b"). Currency and other signs are not in it: "€" alone may be an answer.
 */
const NO_WORDS = /^[\p{Cf}\p{Z}\s\p{So}\p{Sk}\p{Mn}\p{Me}]*$/u;

/** Longest folded text that can be a non-answer: longer text is an answer (checked cheaply first). */
const LONGEST = [...NON_ANSWERS].reduce((longest, s) => Math.max(longest, s.length), 0) + 8;

/**
 * Dashes, question marks, dots, stars and slashes alone ("-", "?", "...", "—") decide nothing either.
 * Not every mark: "%", "€" or "#" alone is a unit, an answer.
 */
const ONLY_MARKS = /^[\s\-\u2010\u2011\u2012\u2013\u2014\u2015_?\u00bf!\u00a1.\u2026\u00b7\u2022*~/\\|]*$/u;

/**
 * True when a text decides nothing: blank, only punctuation ("-", "?", "…"), or a phrase such as
 * "none", "n/a", "tbd", "not yet", "not done" (case, spacing and outer punctuation ignored).
 */
export function isNonAnswer(text: string): boolean {
  if (text.length > LONGEST_TEXT) return isFillerText(text);
  // Most texts start with a letter or a digit, which settles whether it is only marks; none of the
  // phrases starts with a digit (dates, numbers and counts are answers).
  const code = text.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return false;
  const letter = (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  if (!letter && (ONLY_MARKS.test(text) || NO_WORDS.test(text))) return true;
  // Beyond ASCII, a phrase may be dressed up: full-width letters, curly quotes, an emoji, an invisible
  // character inside a word ("ＴＢＤ", "“TBD”", "TBD 🤷", "n\u200bone"). Read it plain first.
  if (!NON_ASCII.test(text)) return decidesNothing(text, true) || isFillerText(text);
  const plain = plainText(text);
  if (decidesNothing(plain, false)) return true;
  // Made of look-alike letters only ('ТВА'): read as the Latin it passes for too ('НЕТ' stays 'нет' above).
  const latin = withoutLookAlikes(plain, true);
  return latin !== plain && decidesNothing(latin, false);
}

/**
 * A typesetter's filler at any length ('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do
 * eiusmod…', 'Dolor sit amet, consectetur…'): a layout's stand-in for the text still to be written. Read
 * in its opening only, so that a long answer costs no more than its first characters; a real answer that
 * mentions the filler later ('Replace the lorem ipsum on the landing page') stays one.
 */
function isFillerText(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20;
  // Filler opens on one of its words (or a mark before it): 'l', 'd', 'c', 's' or not a letter at all.
  if (c >= 0x61 && c <= 0x7a && c !== 0x6c && c !== 0x64 && c !== 0x63 && c !== 0x73) return false;
  return FILLER_OPENING.test(text.length > 80 ? text.slice(0, 80) : text);
}

/** 'Lorem', 'Lipsum', or the filler's best-known phrases, as the text's first words. */
const FILLER_OPENING = /^[^a-z0-9]*(?:lorem\b|lipsum\b|dolor\s+sit\s+amet\b|consectetur\s+adipiscing\b|sed\s+do\s+eiusmod\b)/i;

/**
 * True when a text is a generic word and a number or a letter, as a form numbers its blanks ('Step 1',
 * 'Topic #2', 'Item 3', 'Post no. 4', 'Channel A'): it names no step, topic or post. A word that says what the entry is ('Warning
 * 1', 'Level 2', 'Week 3') is an answer, and so is anything longer.
 */
export function isNumberedPlaceholder(text: string): boolean {
  if (text.length > 24) return false;
  const match = NUMBERED_BLANK.exec(text.trim().toLowerCase());
  return match !== null && BLANK_WORDS.has(match[1]!);
}

/** A word, then a number (digits, '#2', 'no. 2'), a number's name up to ten, or one letter after a space ('Tactic A'). */
const NUMBERED_BLANK = /^([a-z]+)(?:\s*(?:#|no\.?|nr\.?)?\s*(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)|\s+[a-z])[.:)]?$/;
/** Words that say only that there is an entry: what a template numbers. */
const BLANK_WORDS: ReadonlySet<string> = new Set([
  'step',
  'item',
  'topic',
  'post',
  'thread',
  'entry',
  'example',
  'sample',
  'thing',
  'point',
  'placeholder',
  'option',
  'task',
  'action',
  'activity',
  'article',
  'question',
  'idea',
  'content',
  'text',
  'title',
  'line',
  'tactic',
  'rule',
  'metric',
  'channel',
  'value',
  'risk',
  'milestone',
  'goal',
  'objective',
  'need',
  'finding',
  'template',
]);

/**
 * True when a text is one ASCII letter, digit or mark and nothing else ('a', '1', '#'), spaces and
 * invisible characters around it aside, full-width forms ('ａ') read as ASCII: as an entry of a list or
 * a person's name it says nothing, so '[a, b, c]' is no list of three steps. Not a non-answer as a
 * field's whole value, where one character may be the answer ('%' a unit, '$' a currency, '5' a target).
 * One character of a script written without spaces ('中') is a word, and stays one.
 */
export function isBareCharacter(text: string): boolean {
  const first = text.charCodeAt(0);
  if (text.length === 1 && first < 0x80) return isPrintableAscii(first);
  // Beyond a few characters there is more than one character and what surrounds it.
  if (text.length > 8) return false;
  const trimmed = text.trim();
  const plain = NON_ASCII.test(trimmed) ? compatibleForm(trimmed).trim() : trimmed;
  return plain.length === 1 && isPrintableAscii(plain.charCodeAt(0));
}

/** A letter, a digit or a mark of ASCII: neither a space nor a control character. */
function isPrintableAscii(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}

/** isNonAnswer's reading of a text already made plain (`ascii`: known to be ASCII only). */
function decidesNothing(plain: string, ascii: boolean): boolean {
  // Only texts that open on '{', '<', '[' or a placeholder word's first letter are read for a slot.
  if (SLOT_FIRST.has(plain.charCodeAt(0) | 0x20) && (TEMPLATE.test(plain) || LEADING_PLACEHOLDER.test(plain))) return true;
  if (plain.length <= 32 && endsOnPlaceholder(plain)) return true;
  const folded = foldAnswer(plain);
  if (folded.length <= LONGEST && NON_ANSWERS.has(folded))
    return !SPANISH_ALL.test(plain) && !(NAME_LIKE.has(folded) && opensOnCapital(plain));
  if (foldMetPhrase && (repeatsNonAnswer(plain) || nonAnswersJoined(plain))) return true;
  return (
    plain.length <= LONGEST_DEFERRAL &&
    (spelledOut(plain) || putOff(plain, ascii) || ((plain.charCodeAt(firstWordChar(plain)) | 0x20) === 0x6e && NONE_YET.test(plain)))
  );
}

/**
 * Non-answers that are also names or initials when they open on a capital: 'Ingen' and 'Inga' are names,
 * 'K. A.' and 'N.D.' someone's initials, 'Nic' a first name; 'ingen', 'k.A.' ('keine Angabe'), 'n/d' and
 * 'nic' say none.
 */
const NAME_LIKE: ReadonlySet<string> = new Set(['ingen', 'inga', 'nic', 'k a', 'n d']);

/** Whether a text's first letter is an ASCII capital. */
function opensOnCapital(text: string): boolean {
  const c = text.charCodeAt(firstWordChar(text));
  return c >= 0x41 && c <= 0x5a;
}

/** 'No channel yet', 'No lead so far', 'No budget for now': nothing, and not yet. */
const NONE_YET = /^[^a-z0-9]*no\s+[a-z]+(?:\s+[a-z]+){0,2}\s+(?:yet|so\s+far|for\s+now|at\s+the\s+moment)[^a-z0-9]*$/i;

/**
 * Non-answers joined by marks or put off in time: 'N/A (tbd)', 'n/a – tbd', 'Maybe later', 'Unknown yet',
 * 'None for the moment'. Read only once a whole phrase opened the text (foldMetPhrase).
 */
function nonAnswersJoined(text: string): boolean {
  if (text.length > MAX_REPEATED) return false;
  const parts = text
    .replace(PUT_OFF_AT_END, '')
    .split(JOINING_MARKS)
    .filter((part) => part.trim().length > 0);
  return parts.length > 0 && parts.every((part) => NON_ANSWERS.has(foldAnswer(part)));
}

/** Brackets, commas, semicolons, and dashes with a space on each side: what joins two non-answers. */
const JOINING_MARKS = /[()[\]{},;]|\s[-\u2013\u2014]\s/;
/** 'yet', 'later', 'for now' and the like at the end of a text: time a non-answer is put off by. */
const PUT_OFF_AT_END = /[\s,.;:-]+(?:not yet|yet|later|for now|for the moment|so far|at the moment|as yet)[\s.!?]*$/i;

/**
 * A phrase spelled out letter by letter, to pass for a word: 'N O N E', 'n.o.n.e', 'T-B-D'. Only texts
 * of single letters apart are read (a word's second letter settles it).
 */
function spelledOut(text: string): boolean {
  // Most texts are settled by the character after their first letter, before any expression runs.
  const first = firstWordChar(text);
  if (first >= text.length || !isLetterGap(text.charCodeAt(first + 1)) || !SPELLED_OUT.test(text)) return false;
  return NON_ANSWERS.has(text.replace(NOT_A_LETTER_G, '').toLowerCase());
}

const SPELLED_OUT = /^[^\p{L}\p{N}]*\p{L}(?:[\s.\-_/*\u00b7\u2022]+\p{L}){2,}[^\p{L}\p{N}]*$/u;
const NOT_A_LETTER_G = /\P{L}/gu;
/**
 * Where a plain text's first letter or digit is (its length when it has none): past spaces, controls and
 * ASCII marks, the only other characters a plain text holds. A loop over codes, not an expression:
 * every short text of a plan comes here.
 */
function firstWordChar(text: string): number {
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? isAsciiAlphanumeric(c) : !isWideSpace(c)) break;
  }
  return i;
}

/** What stands between the letters of a word spelled out, as SPELLED_OUT reads it: a space, '.', '-', '_', '/', '*', '·' or '•'. */
function isLetterGap(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x2e ||
    c === 0x2d ||
    c === 0x5f ||
    c === 0x2f ||
    c === 0x2a ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xb7 ||
    c === 0x2022 ||
    isWideSpace(c)
  );
}

/** A space beyond ASCII, as `\s` reads one. */
function isWideSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * An answer put off in a sentence the list cannot hold word for word: 'To be written later', 'Yet to be
 * decided', 'Not yet hired', 'Will be confirmed next month', 'We will decide later'. Each
 * says that the decision is still to come; none says what it is.
 */
function putOff(plain: string, ascii: boolean): boolean {
  let text = plain;
  // A deferral is English words, spaces and marks: beyond ASCII only a space can be part of one (in a
  // plain text every other mark is ASCII already), and any other letter or digit makes it something else.
  if (!ascii) {
    text = text.replace(ANY_SPACE_G, ' ');
    if (NON_ASCII.test(text)) return false;
  }
  return DEFERRAL.test(text) || WAITING_ON_SOMEONE.test(text) || LEFT_TO_WRITE.test(text);
}

const ANY_SPACE_G = /\s/g;

/**
 * putOff's sentence, in ASCII. No `u` flag and no Unicode class: V8 compiles an expression on its first
 * use, again for its second, and again for each width of text, and `iu` over Unicode classes made that
 * cost several milliseconds a time in every run.
 */
const DEFERRAL = new RegExp(
  [
    '^[^a-z0-9]*',
    '(?:',
    // '(it is) (still/yet) to be decided', 'will be confirmed', '(has) not yet (been) written', 'still being discussed'.
    // Never a plain 'is done' or 'not planned': the one says it is done, the other decides not to.
    '(?:(?:it|this|that|these|they|details?|one)\\s+)?(?:(?:is|are|has|have)\\s+)?',
    '(?:(?:still\\s+|yet\\s+)?to\\s+be|(?:will|shall)\\s+(?:still\\s+)?be|not\\s+yet(?:\\s+been)?|(?:still\\s+)?being)\\s+',
    '(?:decided|determined|defined|confirmed|announced|agreed|written|added|done|completed|finished|discussed|drafted|',
    'filled\\s+in|provided|set(?:\\s+up)?|chosen|named|appointed|found|hired|assigned|published|created|planned|',
    'scheduled|clarified|settled|finali[sz]ed|worked\\s+out|figured\\s+out|sorted\\s+out|identified|nominated|',
    'recruited|selected|arranged|organi[sz]ed|prepared|documented|specified)',
    '|',
    // 'we will decide later', "let's decide later", 'decide later', "we'll write it soon" (a curly
    // apostrophe is a space by now: "we ll")
    "(?:we(?:\\s+will|\\s+shall|'ll|\\s+ll)?\\s+|let(?:'s|\\s+s|\\s+us)\\s+|will\\s+|to\\s+)?",
    '(?:decide|define|confirm|write|add|update|figure\\s+out|work\\s+out|sort\\s+out|fill\\s+in|find|name|appoint|hire|choose|see)',
    '(?:\\s+(?:it|this|that|one|them))?',
    '(?=[^a-z0-9]*(?:later|soon|eventually|afterwards|next))',
    ')',
    // when it is to come ('by the board' is left out: 'To be decided by majority vote' is how a group decides)
    '(?:[\\s,]+(?:later|soon|eventually|yet|afterwards|in\\s+due\\s+course|in\\s+the\\s+future|at\\s+a\\s+later\\s+(?:date|stage|time|point)|',
    'next\\s+(?:week|month|quarter|year)))*',
    '[^a-z0-9]*$',
  ].join(''),
  'i',
);
/**
 * An answer left for someone else to give: 'To be confirmed by the sponsor', 'Not yet approved by legal',
 * 'Pending approval from the board'. Kept to confirming and approving, which say the answer is not given
 * yet; 'To be decided by majority vote' says how a group decides. A medium ('by email') says how,
 * and is an answer.
 */
const WAITING_ON_SOMEONE = new RegExp(
  [
    '^[^a-z0-9]*(?:',
    '(?:(?:it|this|that|details?)\\s+)?(?:(?:is|are)\\s+)?(?:(?:still|yet)\\s+)?(?:to\\s+be|not\\s+yet(?:\\s+been)?)\\s+',
    '(?:confirmed|approved|announced|finali[sz]ed|signed\\s+off)',
    '|(?:pending|awaiting)\\s+(?:approval|confirmation|sign[\\s-]*off|(?:a\\s+)?decision)',
    ')',
    '(?:\\s+(?:by|with|from)\\s+(?!(?:e-?mail|mail|phone|post|letter|sms|text|chat)\\b)[a-z]+(?:\\s+[a-z]+){0,3})?',
    '[^a-z0-9]*$',
  ].join(''),
  'i',
);

/**
 * A template's instruction left in place of the answer: 'Enter text here', 'Insert description here',
 * 'Describe the audience here', 'Reason goes here', 'Your name here', 'Fill this in'. Each needs its 'here' (or 'fill … in'):
 * 'Enter the forum through the member portal' is an answer.
 */
const LEFT_TO_WRITE =
  /^[^a-z0-9]*(?:(?:please\s+)?(?:enter|insert|add|type|write|put|paste|fill\s+in|describe|explain|list|name|state|specify|outline|give|provide|summari[sz]e|define)\s+(?:[a-z]+\s+){0,3}here|(?:(?:your|the)\s+)?[a-z]+(?:\s+[a-z]+)?\s+goes?\s+here|your\s+[a-z]+(?:\s+[a-z]+)?\s+here|(?:please\s+)?fill\s+(?:this|it|me|these|them)\s+(?:in|out)(?:\s+here)?)[^a-z0-9]*$/i;

/** Longest text read for a deferral ('It is still to be decided at a later stage, next quarter' is 57). */
const LONGEST_DEFERRAL = 72;
/** Longest text isNonAnswer reads at all: a phrase dressed up (twice the longest), or a deferral. */
const LONGEST_TEXT = Math.max(LONGEST * 2, LONGEST_DEFERRAL);

const NON_ASCII = /[^\x00-\x7f]/;
/** First characters of a slot or a placeholder word (lower-cased by | 0x20: '{', '<', '[', '$' stay apart). */
const SLOT_FIRST: ReadonlySet<number> = new Set([...'{<[$tfxc'].map((ch) => ch.charCodeAt(0) | 0x20));
/**
 * A template's slot left unfilled: '{{channel}}', '<channel>', '[insert channel]', and a lone variable
 * ('${WHO}', '{who}', '{0}'): one name in braces is a slot, never an answer.
 */
const TEMPLATE =
  /^\s*(?:\{\{[^{}]*\}\}|<[a-z][\w -]*>|\[(?:insert|add|your|name|tbd)[^[\]]*\]|\$?\{\s*(?:[a-z_][\w.-]*|\d{0,2})\s*\})\s*$/i;
/**
 * 'Todo' as written in Spanish and Portuguese ('all'): an answer, where 'TODO' and 'todo' are a
 * programmer's placeholder. Case tells them apart, in the opening word and alone.
 */
const SPANISH_ALL = /^\s*Todo\b/;
/**
 * A short text that opens on a placeholder word: 'TBD by legal', 'TODO: ask Maya', 'TBD 2027'. Case
 * matters for 'todo' only: 'Todo el equipo' is Spanish for the whole team.
 */
const LEADING_PLACEHOLDER =
  /^\s*(?:[Tt][Bb][DdAaCc]|TODO|todo|[Ff][Ii][Xx][Mm][Ee]|[Xx]{3}|[Cc][Hh][Aa][Nn][Gg][Ee][Mm][Ee])\b(?=.{0,24}$)/;
/**
 * Whether a short text ends on a placeholder word: 'Q1 TBD', 'Venue TBA', 'Date: tbc'. What comes before
 * it says what is still to be decided, not what was. Codes from the end, not a pattern: every short text
 * of a plan comes here.
 */
function endsOnPlaceholder(text: string): boolean {
  let end = text.length;
  while (end > 0 && TRAILING_MARKS.has(text.charCodeAt(end - 1))) end--;
  if (end >= 4 && text.startsWith('TODO', end - 4)) return end === 4 || !isAsciiWordChar(text.charCodeAt(end - 5));
  if (end < 3) return false;
  const t = text.charCodeAt(end - 3) | 0x20;
  const b = text.charCodeAt(end - 2) | 0x20;
  const last = text.charCodeAt(end - 1) | 0x20;
  if (t !== 0x74 || b !== 0x62 || (last !== 0x64 && last !== 0x61 && last !== 0x63)) return false;
  return end === 3 || !isAsciiWordChar(text.charCodeAt(end - 4));
}

/** What may follow a placeholder word at the end of a text: spaces, '.', '!', '?', ')'. */
const TRAILING_MARKS: ReadonlySet<number> = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2e, 0x21, 0x3f, 0x29]);

/** A letter, digit or '_': what `\b` reads as part of a word. */
function isAsciiWordChar(c: number): boolean {
  return isAsciiAlphanumeric(c) || c === 0x5f;
}

function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}
const INVISIBLE = /\p{Cf}/gu;
const NOT_A_WORD = /[^\p{L}\p{N}\p{M}\s]/gu;

/**
 * A text in one form however it was typed: compatibility forms made plain (NFKC: full-width letters,
 * ligatures), invisible characters taken out, and look-alike letters of another script inside a Latin
 * word read as Latin. ASCII text is returned as it is. What a non-answer and a person's name are
 * compared in.
 */
export function compatibleForm(text: string): string {
  return NON_ASCII.test(text) ? withoutLookAlikes(text.normalize('NFKC').replace(INVISIBLE, ''), false) : text;
}

/**
 * Cyrillic and Greek letters that pass for Latin ones, each with the Latin letter it passes for: 'nоne'
 * with a Cyrillic о, or 'Аna' beside 'Ana' on a roster, must not read as a new word or a new person.
 */
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ...pairs('\u0430a \u0435e \u043eo \u0440p \u0441c \u0443y \u0445x \u0456i \u0458j \u0455s \u0501d \u051bq \u051dw \u04bbh \u04cfl'),
  ...pairs(
    '\u0410A \u0412B \u0415E \u041aK \u041cM \u041dH \u041eO \u0420P \u0421C \u0422T \u0425X \u0423Y \u04aeY \u0405S \u0406I \u0408J \u051aQ \u051cW',
  ),
  ...pairs('\u03b1a \u03bfo \u03bdv \u03b9i \u03bak \u03c1p \u03c5u \u03c7x \u03f2c'),
  ...pairs('\u0391A \u0392B \u0395E \u0396Z \u0397H \u0399I \u039aK \u039cM \u039dN \u039fO \u03a1P \u03a4T \u03a5Y \u03a7X'),
  // Latin small capitals ('\u0274\u1d0f\u0274\u1d07'), which NFKC leaves as they are.
  ...pairs(
    '\u1d00a \u0299b \u1d04c \u1d05d \u1d07e \ua730f \u0262g \u029ch \u026ai \u1d0aj \u1d0bk \u029fl \u1d0dm \u0274n \u1d0fo \u1d18p \u01ebq \u0280r \ua731s \u1d1bt \u1d1cu \u1d20v \u1d21w \u028fy \u1d22z',
  ),
]);

function pairs(list: string): [string, string][] {
  return list.split(' ').map((pair) => [pair.charAt(0), pair.charAt(1)]);
}

const LOOK_ALIKE = new RegExp(`[${[...LOOK_ALIKES.keys()].join('')}]`, 'u');
const LOOK_ALIKE_G = new RegExp(LOOK_ALIKE.source, 'gu');
const LATIN_LETTER = /\p{Script=Latin}/u;
const CYRILLIC_OR_GREEK = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/**
 * Look-alike letters read as the Latin ones they pass for, in a word that mixes them with Latin letters
 * ('nоne', 'Мaya'); with `wholly`, also in a text made of look-alikes only ('ТВА'). A word or a name of
 * those scripts keeps its letters: 'нет' is a Russian word, 'Маја' a Serbian name, not disguised Latin.
 */
function withoutLookAlikes(text: string, wholly: boolean): string {
  if (!LOOK_ALIKE.test(text)) return text;
  if (wholly) {
    const latin = asLatin(text);
    return CYRILLIC_OR_GREEK.test(latin) ? text : latin;
  }
  // Word by word: 'Нет, tbd' keeps its Russian word; only a word that mixes scripts is disguised.
  return text.replace(WORD_G, (word) => (LATIN_LETTER.test(word) && LOOK_ALIKE.test(word) ? asLatin(word) : word));
}

/** Every look-alike letter of a text as the Latin letter it passes for. */
function asLatin(text: string): string {
  return text.replace(LOOK_ALIKE_G, (ch) => LOOK_ALIKES.get(ch)!);
}

const WORD_G = /[\p{L}\p{M}]+/gu;

/** compatibleForm, with symbols and marks beyond ASCII made spaces ('“TBD”', 'TBD 🤷'); for non-ASCII text. */
function plainText(text: string): string {
  return compatibleForm(text).replace(NOT_A_WORD, (ch) => (ch.charCodeAt(0) < 0x80 ? ch : DASH.test(ch) ? '-' : ' '));
}

/** A dash of any kind ('–', '—'): kept as one, since a dash between two non-answers joins them ('n/a – tbd'). */
const DASH = /\p{Pd}/u;

/** The longest text read for a repeated phrase ("to be confirmed, to be confirmed" is 32). */
const MAX_REPEATED = 48;

/** The words of a text, lower case, with what is between them dropped. */
const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

/** A non-answer said again and again ("tbd tbd", "none, none", "n/a - n/a"): a phrase of one to three words repeated. */
function repeatsNonAnswer(text: string): boolean {
  // A phrase said again is short.
  if (text.length > MAX_REPEATED) return false;
  const words = text
    .toLowerCase()
    .split(WORD_SPLIT)
    .filter((w) => w.length > 0);
  if (words.length < 2 || words.length > 12) return false;
  for (let size = 1; size <= 3; size++) {
    if (words.length % size !== 0 || words.length === size) continue;
    const phrase = words.slice(0, size).join(' ');
    // 'Na Na' is a name: a one-word phrase said again is a non-answer from three letters ('tbd tbd').
    if (size === 1 && phrase.length < 3) continue;
    let same = true;
    for (let i = size; i < words.length && same; i += size) same = words.slice(i, i + size).join(' ') === phrase;
    if (same && NON_ANSWERS.has(phrase)) return true;
  }
  return false;
}

/**
 * Names a template leaves for a site ('https://tbd.com', 'https://placeholder.org/coc'): a word that
 * says the site is still to come. Kept to such words: 'later.com' and 'nothing.tech' are real sites.
 */
const PLACEHOLDER_LABELS: ReadonlySet<string> = new Set(['tbd', 'tba', 'tbc', 'todo', 'fixme', 'placeholder', 'changeme', 'xxx', 'xxxx']);

/**
 * Placeholder words as a subdomain ('https://tbd.acme.example/', 'https://placeholder.acme.org/coc'): the
 * page is still to come. Not 'todo', which names real task apps ('todo.acme.com').
 */
const PLACEHOLDER_SUBDOMAINS: ReadonlySet<string> = new Set(['tbd', 'tba', 'tbc', 'fixme', 'placeholder', 'changeme', 'xxx', 'xxxx']);

/**
 * One-word hosts that are a template's word for a link, not an intranet's machine ('https://link',
 * 'https://url', 'https://www'); 'https://wiki/' and 'https://forum/' stay links.
 */
const TEMPLATE_WORD_HOSTS: ReadonlySet<string> = new Set([
  'link',
  'url',
  'www',
  'website',
  'domain',
  'site',
  'hostname',
  'example',
  'address',
]);

/**
 * A web address whose path is still a template's: a placeholder as a whole segment
 * ('https://community.acme.example/TBD') or a code host's owner and repository left as written
 * ('https://github.com/OWNER/REPO/blob/main/CODE_OF_CONDUCT.md').
 */
function templatePath(link: string, scheme: string): boolean {
  if (scheme !== 'http' && scheme !== 'https') return false;
  const path = /^[a-z]+:\/\/[^/?#]*(\/[^?#]*)?/i.exec(link)?.[1];
  if (!path || path === '/') return false;
  const segments = path.split('/').filter((segment) => segment.length > 0);
  return segments.some((segment) => PLACEHOLDER_LABELS.has(segment.toLowerCase())) || TEMPLATE_REPOSITORY.test(path);
}

/**
 * `/OWNER/REPO`, `/owner/repo`, `/your-org/your-repo` at the start of a path. Case matters for the
 * others: `/user/project` may be someone's, `/USER/PROJECT` is a template's.
 */
const TEMPLATE_REPOSITORY =
  /^\/(?:OWNER|USER(?:NAME)?|ORG(?:ANI[SZ]ATION)?|owner|[Yy]our[-_]?[A-Za-z]*)\/(?:REPO(?:SITORY)?|PROJECT|repo|repository|[Yy]our[-_]?[A-Za-z]*)(?:[/.]|$)/;

/** Schemes of links that run or hold something instead of leading to a page a member could open. */
const NOWHERE_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data', 'file', 'about', 'blob', 'urn']);

/**
 * True when a text is a link that leads nowhere a member could follow, and so fills a link's place
 * without one: a script or data link (`javascript:…`, `urn:…`), a link with no host or a host that is a
 * non-answer (`https://tbd`, `https://none.none`, `mailto:tbd`), a host that never resolves (`.invalid`),
 * or the author's own machine (`localhost`, `127.0.0.1`, `[::1]`, in any of their spellings). One-word
 * hosts of an intranet (`https://wiki/`) and the domains reserved for examples (the bundled examples use
 * them) stay links.
 */
export function isPlaceholderLink(text: string): boolean {
  // Cheap first: only text that starts with a scheme of a few letters.
  const colon = text.indexOf(':');
  if (colon < 3 || colon > 10 || !SCHEME.test(text.slice(0, colon))) return false;
  const scheme = text.slice(0, colon).toLowerCase();
  const link = text.trim();
  // 'Data: 40 threads…' is a sentence; a link holds no space.
  if (NOWHERE_SCHEMES.has(scheme)) return !/\s/.test(link);
  if (scheme === 'mailto') {
    const domain = /^mailto:[^@\s]+@([^@\s?]+\.[^@\s?]+)/i.exec(link)?.[1];
    return domain === undefined || isTemplateHost(compatibleForm(domain).toLowerCase());
  }
  // Text such as 'Owner: Ana' is no link: a link this far has '//' and a host after its scheme.
  if (!text.startsWith('//', colon + 1)) return false;
  // No host at all: 'https://', 'https:///coc'.
  if (/^[a-z][a-z0-9+.-]*:\/\/(?:\/|\s*$)/i.test(link)) return true;
  if (namesNoSite(link.slice(colon + 3))) return true;
  const written = PLAIN_HOST.exec(text)?.[1]?.toLowerCase();
  // A template's host with look-alike letters in it ('ехаmple.com' with a Cyrillic е and а).
  if (written !== undefined && NON_ASCII.test(written) && isTemplateHost(compatibleForm(written))) return true;
  let host: string;
  // A host of names (most links) is read as it is written; an address in digits or brackets, or anything
  // odd, as a browser reads it: the WHATWG parser spells 127.1 and 2130706433 as 127.0.0.1, [0:…:1] as [::1].
  if (written !== undefined && NAMED_HOST.test(written)) host = written;
  else {
    try {
      host = new WhatwgUrl(link).hostname.toLowerCase();
    } catch {
      // A web address no browser could open.
      return scheme === 'http' || scheme === 'https';
    }
  }
  if (host === '') return /^[a-z][a-z0-9+.-]*:\/\//i.test(link);
  if (host.startsWith('[')) return LOOPBACK_V6.test(host);
  const labels = host.replace(/\.$/, '').split('.');
  return (
    labels.at(-1) === 'localhost' ||
    labels.at(-1) === 'invalid' ||
    labels.at(-1) === 'test' ||
    (labels.length >= 2 && PLACEHOLDER_LABELS.has(labels.at(-2)!)) ||
    (labels.length >= 3 && labels.slice(0, -2).some((label) => PLACEHOLDER_SUBDOMAINS.has(label))) ||
    (labels.length === 1 && TEMPLATE_WORD_HOSTS.has(labels[0]!)) ||
    templatePath(link, scheme) ||
    host === 'localhost.localdomain' ||
    /^127\./.test(host) ||
    host === '0.0.0.0' ||
    // Names that are non-answers ('tbd', 'none.none'); a longer host is somebody's real one.
    (labels.length <= 2 && labels.every((label) => label.length >= 3 && isNonAnswer(label))) ||
    isTemplateHost(host)
  );
}

/**
 * What follows a link's `//` names no site: a host with no letter or digit ('https://...', 'https://-'),
 * or, where every name in the host is under three characters (too short for the check of each name), a
 * non-answer written in the address's place ('https://n/a', 'https://n.a'). 'https://no.no/coc' stays a link.
 */
function namesNoSite(afterSlashes: string): boolean {
  const host = LINK_HOST.exec(afterSlashes)?.[1] ?? '';
  if (!LETTER_OR_DIGIT.test(host)) return true;
  return host.split('.').every((label) => label.length < 3) && isNonAnswer(afterSlashes);
}

/** The host after a link's `//`, past any user name: up to the path, query, fragment or port. */
const LINK_HOST = /^(?:[^@/?#\s]*@)?(\[[^\]]*\]|[^/?#:\s]*)/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * True when a text is one e-mail address (in angle brackets or not, a remark in brackets after it) at a
 * template's domain: 'conduct@example.com', 'report@yourdomain.com', 'conduct@example.org (read only by
 * the responders)', or a template's whole address ('email@address.com', 'name@domain.com'). A value
 * that is only an address is a contact, and a template's reaches no one. Real domains stay addresses
 * ('conduct@domain.com' may be someone's), and so do the `.example` ones the bundled plans use.
 */
export function isTemplateAddress(text: string): boolean {
  // Cheap first: only text with an '@' and no longer than an address and a remark.
  const at = text.indexOf('@');
  if (at < 1 || text.length > 320) return false;
  const parts = LONE_ADDRESS.exec(compatibleForm(text));
  if (!parts) return false;
  const local = parts[1]!.toLowerCase();
  const domain = parts[2]!.toLowerCase().replace(/\.$/, '');
  return isTemplateHost(domain) || YOUR_MAILBOX.test(local) || (TEMPLATE_MAILBOX.test(local) && TEMPLATE_MAIL_DOMAIN.test(domain));
}

/** One address and nothing else but a remark in brackets: its mailbox and its domain. */
const LONE_ADDRESS = /^\s*<?([^\s@<>()"]+)@([^\s@<>()"]+\.[^\s@<>()".]+\.?)>?\s*(?:\([^()]*\)\s*)?$/;
/** A template's mailbox for the reader's own: 'your.name@…', 'youremail@…', 'your-email@…'. */
const YOUR_MAILBOX = /^your[-_.]?(?:e-?mail|name|address|mail|id|user(?:name)?)?$/;
/** Mailboxes and domains templates write together ('email@address.com', 'name@domain.com'), only together. */
const TEMPLATE_MAILBOX =
  /^(?:e-?mail|name|user(?:name)?|you|me|someone|somebody|first[-_.]?(?:name)?[-_.]?last(?:name)?|john[-_.]?doe|jane[-_.]?doe)$/;
const TEMPLATE_MAIL_DOMAIN = /^(?:domain|address|email|e-mail|mail|company|website)\.(?:com|org|net)$/;

/**
 * A template's host left in: the documentation domains ('example.com'), 'your…' names ('yourdomain.com',
 * 'forum.your-community.example', as commready's own guides write their examples).
 */
function isTemplateHost(host: string): boolean {
  const labels = host.replace(/\.$/, '').split('.');
  return (
    (labels.length >= 2 && EXAMPLE_SITE.test(labels.slice(-2).join('.'))) ||
    YOUR_SITE.test(labels.length >= 2 ? labels.at(-2)! : labels[0]!)
  );
}

/**
 * The second-level domains reserved for documentation (RFC 2606), which a template's links point at. The
 * reserved top-level name `.example` is accepted: the bundled examples, which are fiction, name their
 * made-up communities' sites with it. No real community can be reached there either, so a plan copied
 * from an example keeps links to replace; the guides' own snippets use `your-community.example`, caught
 * as a template by its name.
 */
const EXAMPLE_SITE = /^example\.(?:com|net|org)$/;
/**
 * A template's name for the reader's own site: 'yourdomain', 'your-company', 'your_site', 'your-company-name'.
 * Read in the name a site is registered under (the label before the top level), not in its subdomains.
 */
const YOUR_SITE = /^your[-_]?(?:(?:domain|company|site|website|org|organi[sz]ation|community|project|url|link)(?:[-_]?name)?|name)$/;

const SCHEME = /^[a-z][a-z0-9+.-]*$/i;
/** The host of a link, as written, and a host made of names whose last one is not a number. */
const PLAIN_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#\s]*@)?([^/:?#\s[\]]+)(?=[/:?#]|$)/i;
const NAMED_HOST = /^(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\.?$/;
/** This machine in IPv6: ::1, the unspecified ::, and IPv4's loopback mapped (::ffff:127.x.y.z). */
const LOOPBACK_V6 = /^\[(?:::1?|::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4})\]$/;

/**
 * True when a text gives a reason (an n/a's note, a waiver's reason): it is no non-answer, and it holds
 * two different words ("Online only", "No budget"), one word of four letters or more ("Unfunded",
 * "Remote"), or two letters of a script written without spaces ("线上"). "x", "xxxxxx", "xx yy", "TBD TBD"
 * or "asdfgh" say no why, and would otherwise take a blocker out of the gate for good.
 */
export function givesReason(text: string | undefined): boolean {
  // 'No forum yet' fills a field with nothing, but as a reason it says why: there is none yet.
  if (text === undefined || (isNonAnswer(text) && !NONE_YET.test(text))) return false;
  const plain = NON_ASCII.test(text) ? plainText(text) : text;
  if ((plain.match(UNSPACED_LETTERS_G)?.length ?? 0) >= 2) return true;
  // Words that are words: two letters or more, not one letter again and again ('xx', 'xxxxxx'), and not
  // a non-answer ('none' in '<b>none</b>').
  const words = new Set(
    plain
      .toLowerCase()
      .split(WORD_SPLIT)
      .filter((w) => LETTERS_2.test(w) && new Set(w).size >= 2 && !isNonAnswer(w) && !isKeyboardRun(w)),
  );
  // Two different words ('No budget'), or one real word ('Unfunded', 'Remote', 'Онлайн').
  return words.size >= 2 || [...words].some((w) => [...w].length >= 4 && new Set(w).size >= 3);
}

/** Four letters or more in a row of the keyboard ('asdf', 'qwer', 'hjkl'): typed to fill a field, no word. */
function isKeyboardRun(word: string): boolean {
  return word.length >= 4 && KEYBOARD_ROWS.some((row) => row.includes(word));
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'];

/** Scripts written without spaces between words, where a word count says nothing. */
const UNSPACED_LETTERS_G = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;
/** A word with two letters or more. */
const LETTERS_2 = /\p{L}.*\p{L}/u;

/**
 * Lower case; dots, dashes, slashes, apostrophes and spaces as single spaces; outer punctuation dropped.
 * Written as one loop over character codes that walks the phrases' tree, not as patterns: every short
 * text a rule reads goes through it, and most part from every phrase within a character or two.
 */
function foldAnswer(text: string): string {
  let out = '';
  let node: PhraseNode | undefined = PHRASES;
  let pendingSpace = false;
  foldMetPhrase = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (SEPARATORS.has(c) || MARKS.has(c)) {
      // A mark inside ("n/a" is a separator already) ends the phrase; outer marks are dropped.
      if (!pendingSpace && node.phrase) foldMetPhrase = true;
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      node = node.next.get(0x20);
      if (!node) return '';
      out += ' ';
      pendingSpace = false;
    }
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    else if (c >= 0x80) {
      const lower = text[i]!.toLowerCase();
      for (let k = 0; k < lower.length && node; k++) node = node.next.get(lower.charCodeAt(k));
      if (!node) return '';
      out += lower;
      continue;
    }
    node = node.next.get(c);
    if (!node) return '';
    out += String.fromCharCode(c);
  }
  return out;
}

/**
 * Whether the last foldAnswer read a whole phrase before the text went on ("tbd" in "tbd tbd"): only then
 * can the text be a phrase said again. Set by foldAnswer, read right after it (one thread, no await).
 */
let foldMetPhrase = false;

/** The phrases as a tree of character codes: a node per beginning ("n", "no", "non"…), marked where a phrase ends. */
interface PhraseNode {
  next: Map<number, PhraseNode>;
  phrase: boolean;
}

const PHRASES: PhraseNode = phraseTree(NON_ANSWERS);

function phraseTree(phrases: Iterable<string>): PhraseNode {
  const root: PhraseNode = { next: new Map(), phrase: false };
  for (const phrase of phrases) {
    let node = root;
    for (let i = 0; i < phrase.length; i++) {
      const c = phrase.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), phrase: false }));
      node = child;
    }
    node.phrase = true;
  }
  return root;
}

/**
 * Characters folded into one space: white space (the wide and narrow spaces too), dots, underscores,
 * dashes, slashes, apostrophes. Invisible characters never get here: plainText takes them out.
 */
const SEPARATORS: ReadonlySet<number> = new Set([
  0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x2e, 0x5f, 0x2d, 0x2f, 0x5c, 0x27, 0x2019, 0x60, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x1680,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000,
]);
/** Punctuation and symbols around a phrase ("tbd!", "(none)", "n/a?"), dropped. */
const MARKS: ReadonlySet<number> = new Set([...'!?,;:()[]{}"*~#%&+=<>|^@$\u00bf\u00a1\u2026\u00b7\u2022'].map((ch) => ch.charCodeAt(0)));
