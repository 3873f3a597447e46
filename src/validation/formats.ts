// The string formats of every ajv instance: ajv-formats' full set, with a quick first test for the
// usual URL. ajv-formats' `uri` is one very large case-insensitive regular expression that V8 takes
// about 3 ms to prepare on first use, and a plan has a dozen links. Takes ajv-formats' formats as an
// argument, so that nothing loads them before a validator needs them.
import { WhatwgUrl } from '../text/whatwg-url.js';

/** A format as ajv takes it: a test function, a regular expression, or an object with `validate`. */
type Formats<F> = Record<string, F>;

/**
 * `scheme://host[:port][/path][?query][#fragment]` with a registered-name host and no user info: the
 * full RFC 3986 expression with its other branches (IP literals, user info, paths without `//`) taken
 * out, so every string it accepts the full one accepts too; anything else is left to the full one.
 */
export const COMMON_URI =
  /^[a-z][a-z0-9+\-.]*:\/\/(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/**
 * ajv-formats' full formats with `uri` answered by COMMON_URI first, and taking a web address written in
 * the reader's own script (an IRI: `https://förening.se/forum`, `https://例え.jp/`), as browsers take it.
 */
export function withQuickUri<F>(full: Formats<F>): Formats<F | ((value: string) => boolean)> {
  const fullUri = full.uri as unknown as (value: string) => boolean;
  return { ...full, uri: (value: string): boolean => COMMON_URI.test(value) || fullUri(value) || isWebIri(value, fullUri) };
}

const NON_ASCII = /[^\x00-\x7f]/;
const NO_SPACE_OR_CONTROL = /^[^\s\p{Cc}\p{Cf}]+$/u;
/**
 * http and https, and the schemes of chat and mail links communities give: the ones a browser or client
 * opens, written in full (`https:é` is no address, though the WHATWG parser would supply the slashes).
 */
const WEB_SCHEME = /^(?:(?:https?|ircs?):\/\/[^/]|(?:mailto|matrix|xmpp):[^/])/i;

/**
 * A web address with letters beyond ASCII: one without spaces or invisible characters, of a scheme a
 * member's browser or client opens, that the WHATWG parser reads and whose ASCII form (the host in
 * punycode, the rest percent-encoded) is an RFC 3986 URI.
 */
function isWebIri(value: string, uri: (value: string) => boolean): boolean {
  if (!NON_ASCII.test(value) || !NO_SPACE_OR_CONTROL.test(value) || !WEB_SCHEME.test(value)) return false;
  try {
    return uri(new WhatwgUrl(value).href);
  } catch {
    return false;
  }
}
