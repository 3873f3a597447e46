// Reads an input file as UTF-8 text, turning file-system failures into one-line input errors.
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { parseYamlSource, type YamlSource } from '../source/yaml-source.js';

/** Inputs larger than this are refused: plans and checklists are small. */
const MAX_BYTES = 5 * 1024 * 1024;

export function readTextFile(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError([{ file, message: 'is a directory, not a file' }]);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file, message: describeFsError(error) }]);
  }
  if (size > MAX_BYTES) throw new InputError([{ file, message: `file is too large (${size} bytes; at most ${MAX_BYTES})` }]);
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch (error) {
    throw new InputError([{ file, message: describeFsError(error) }]);
  }
  if (buffer.includes(0)) throw new InputError([{ file, message: 'is not a text file' }]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw new InputError([{ file, message: 'is not valid UTF-8 text' }]);
  }
  return text;
}

export function readYamlFile(file: string): YamlSource {
  return parseYamlSource(file, readTextFile(file));
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
