// What the pure core may use beyond the ECMAScript library, for tsconfig.core.json (which leaves Node's
// types out). Each entry is the narrow surface one core file needs; anything else does not compile.

/** A web-standard global in every JavaScript runtime: report/fingerprint.ts hashes UTF-8 bytes. */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/** A web-standard global: interview/run-interview.ts stops before the next question once a signal aborts it. */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
}

/**
 * The one exception to "no Node in the core" (see eslint.config.js): source/yaml-library.ts loads the
 * exact YAML parser on first need, and loading a module is its only effect.
 */
declare module 'node:module' {
  export function createRequire(path: string): (id: string) => unknown;
}

interface ImportMeta {
  readonly url: string;
}
