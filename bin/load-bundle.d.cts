import type { Script } from 'node:vm';
import type { main } from '../src/cli/main.js';

export type Main = typeof main;
export declare const BUNDLE_FILE: string;
export declare const CODE_CACHE_FILE: string;
export declare function compileBundle(useCache?: boolean): { script: Script; run(): { main: Main } } | undefined;
export declare function wrapCommonJs(code: string): string;
export declare function compileCommonJs<Exports = Record<string, unknown>>(
  file: string,
  cacheFile?: string,
): { script: Script; run(): Exports };
