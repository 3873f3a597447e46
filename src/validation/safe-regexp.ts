// JSON Schema `pattern`s run on RE2 (re2js), whose matching time is linear in the input, so that no
// methodology can make validation take exponential time; the precompiled validators use the same factory.

/** What ajv needs from a compiled pattern, and what the methodology checks read (its RE2 program's size). */
export interface RegExpLike {
  test(text: string): boolean;
  toString(): string;
  /** Instructions of the RE2 program: matching costs up to this many steps per character of the value. */
  programSize?(): number;
}

/** The part of re2js's `RE2JS` class used here. */
export interface Re2Class {
  compile(pattern: string): { test(text: string): boolean; programSize(): number };
  translateRegExp(pattern: string): string;
}

export type PatternEngine = (pattern: string, flags: string) => RegExpLike;

/**
 * Makes ajv's `code.regExp` engine on top of RE2. Its source text is written into generated validators
 * (see `re2EngineCode`), so it must stay self-contained: it may use only its parameters.
 * `eager` compiles at once (so a pattern RE2 refuses fails when the schema is compiled); otherwise the
 * pattern, and re2js itself, are loaded on first use.
 */
export function makeRe2Engine(load: () => Re2Class, eager: boolean): PatternEngine {
  return (pattern: string, flags: string): RegExpLike => {
    let compiled: { test(text: string): boolean; programSize(): number } | undefined;
    const compile = (): { test(text: string): boolean; programSize(): number } => {
      if (!compiled) {
        const re2 = load();
        compiled = re2.compile(re2.translateRegExp(pattern));
      }
      return compiled;
    };
    if (eager) compile();
    // ajv keys its scope values by toString(): it must differ between patterns.
    return {
      test: (text: string) => compile().test(text),
      toString: () => `/${pattern}/${flags}`,
      programSize: () => compile().programSize(),
    };
  };
}

/** The expression generated (CommonJS) validators use to build the same engine; re2js loads on first pattern use. */
export function re2EngineCode(): string {
  return `(${makeRe2Engine.toString()})(() => require("re2js").RE2JS, false)`;
}
