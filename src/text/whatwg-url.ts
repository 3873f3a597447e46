// Pure: the WHATWG URL parser, a global of every JavaScript runtime commready runs on (and of browsers),
// taken from globalThis because the core is compiled without any runtime's types. It reads a link as a
// browser does: what the non-answer check and the uri format both need.

/** What the core reads of a parsed URL. */
interface ParsedUrl {
  readonly href: string;
  readonly hostname: string;
}

export const WhatwgUrl = (globalThis as unknown as { URL: new (url: string) => ParsedUrl }).URL;
