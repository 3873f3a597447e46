// Reads an input file as UTF-8 text: regular files only, never more than the size limit (enforced
// while reading, so a device or a growing file cannot hang the run or fill memory), and turns
// file-system failures into one-line input errors.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';
import { parseYamlSource, type YamlSource } from '../source/yaml-source.js';

/** Inputs larger than this are refused unless COMMREADY_MAX_FILE_SIZE raises it: plans and checklists are small. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_SIZE_ENV = 'COMMREADY_MAX_FILE_SIZE';

/** The size limit in bytes: COMMREADY_MAX_FILE_SIZE (bytes, or with a K or M suffix, binary units) or 5 MiB. */
export function maxFileSize(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[MAX_FILE_SIZE_ENV];
  if (raw === undefined || raw === '') return DEFAULT_MAX_BYTES;
  const m = /^\s*(\d+)\s*([kKmM]i?[bB]?)?\s*$/.exec(raw);
  const n = m ? Number(m[1]) * (m[2] ? (/^[kK]/.test(m[2]) ? 1024 : 1024 * 1024) : 1) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${MAX_FILE_SIZE_ENV} must be a size in bytes, or with a K or M suffix (e.g. 20M), not '${raw}'`);
  }
  return n;
}

/** Opening without blocking: a named pipe would otherwise wait for a writer forever. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

/** The file's bytes, refusing anything but a regular file and stopping as soon as the limit is passed. */
export function readBoundedFile(file: string, maxBytes: number = maxFileSize()): Buffer {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    throw new InputError([{ file, message: describeOpenError(file, error) }]);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError([{ file, message: 'is a directory, not a file' }]);
    if (!stat.isFile())
      throw new InputError([{ file, message: `is not a regular file (${describeFileKind(stat)}); give the plan file itself` }]);
    if (stat.size > maxBytes) throw tooLarge(file, maxBytes);
    // The size from fstat is only a hint: the file may grow while it is read, so the limit is counted
    // here. The first read asks for one byte more than that size, so a file that keeps its size is read
    // into one buffer of its own size, not copied out of larger chunks.
    const chunks: Buffer[] = [];
    let total = 0;
    for (let want = Math.min(stat.size + 1, maxBytes + 1); ; want = Math.min(CHUNK, maxBytes + 1 - total)) {
      const chunk = Buffer.allocUnsafe(want);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(file, maxBytes);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file, message: describeFsError(error) }]);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: string, maxBytes: number): InputError {
  return new InputError([
    {
      file,
      message: `file is too large (more than ${maxBytes} bytes; raise the limit with ${MAX_FILE_SIZE_ENV}, e.g. ${MAX_FILE_SIZE_ENV}=20M)`,
    },
  ]);
}

/** What a file-system entry that is not a regular file is, in words. */
export function describeFileKind(stat: import('node:fs').Stats): string {
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

export function readTextFile(file: string): string {
  return decodeText(file, readBoundedFile(file));
}

/** The bytes of an input as text: UTF-8 only, no NUL, a byte order mark dropped. */
export function decodeText(file: string, buffer: Buffer): string {
  if (buffer.includes(0)) throw new InputError([{ file, message: 'is not a text file' }]);
  // The checks a fatal TextDecoder makes, without loading it (its module costs a run's start-up).
  if (!isUtf8(buffer)) throw new InputError([{ file, message: 'is not valid UTF-8 text' }]);
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte order mark is not content
}

export function readYamlFile(file: string): YamlSource {
  return parseYamlSource(file, readTextFile(file));
}

/** Why `file` could not be opened or looked at: a link whose target is gone is no missing file. */
export function describeOpenError(file: string, error: unknown): string {
  if ((error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT') return describeFsError(error);
  try {
    return lstatSync(file).isSymbolicLink() ? 'a symbolic link to a file that does not exist' : 'file not found';
  } catch {
    return 'file not found';
  }
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
    case 'EROFS':
      return 'the file system is read-only';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EAGAIN':
      return 'is not a regular file (it would block)';
    case 'ENOSPC':
      return 'no space left on the device: nothing more could be written';
    case 'EDQUOT':
      return 'the disk quota is used up: nothing more could be written';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
