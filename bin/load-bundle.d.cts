import type { Script } from 'node:vm';
import type { main } from '../src/cli/main.js';

export type Main = typeof main;
export declare const BUNDLE_FILE: string;
/** compileCommonJs's `cache` for the user's cache folder (written by saveCaches after the command). */
export declare const USER_CACHE: 'user';
export declare function compileBundle(useCache?: boolean): { script: Script; run(): { main: Main } } | undefined;
export declare function wrapCommonJs(code: string): string;
export declare function compileCommonJs<Exports = Record<string, unknown>>(
  file: string,
  cache?: string,
): { script: Script; run(): Exports };
export declare function cacheDir(env?: NodeJS.ProcessEnv): string | undefined;
export declare function userCacheFile(file: string): string | undefined;
export declare function saveCaches(): void;
/** Keys this run's caches by its command (the first word of `argv` when it can be a command name). */
export declare function setCacheCommand(argv: readonly string[]): void;
