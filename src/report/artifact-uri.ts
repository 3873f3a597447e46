// File paths as URIs for machine formats: relative to the working directory the caller passes in, percent-encoded,
// with forward slashes. Pure string work (the core may not import node:path).

/** Whether a path is absolute on POSIX or Windows. */
export function isAbsolutePath(file: string): boolean {
  return file.startsWith('/') || file.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(file);
}

function segmentsOf(file: string): string[] {
  const out: string[] = [];
  for (const segment of file.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  return out;
}

/** `file` relative to `cwd` (both as given; a relative `file` is taken as relative to `cwd` already). */
export function relativeToCwd(file: string, cwd: string | undefined): string {
  if (!isAbsolutePath(file) || cwd === undefined || !isAbsolutePath(cwd)) return segmentsOf(file).join('/') || '.';
  const from = segmentsOf(cwd);
  const to = segmentsOf(file);
  const sameRoot = (from[0] ?? '').toLowerCase() === (to[0] ?? '').toLowerCase() || !/^[A-Za-z]:$/.test(from[0] ?? '');
  if (!sameRoot) return to.join('/');
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/') || '.';
}

/** A relative path as a URI reference: each segment percent-encoded, so no input character escapes the URI. */
export function pathToUriReference(relative: string): string {
  return relative
    .split('/')
    .map((s) =>
      s === '..' ? s : encodeURIComponent(wellFormed(s)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
}

/** An absolute directory as a `file:` URI ending in a slash (as SARIF's originalUriBaseIds require). */
export function directoryFileUri(dir: string): string {
  const segments = segmentsOf(dir).map((s, i) => (i === 0 && /^[A-Za-z]:$/.test(s) ? s : pathToUriReference(s)));
  return `file:///${segments.join('/')}${segments.length > 0 ? '/' : ''}`;
}

/** Lone surrogates (which no URI can encode) replaced by U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
