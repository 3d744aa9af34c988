/** Unified diffs with `a/` and `b/` headers, as `git apply` and `patch -p1` expect them. */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** Lines of context around each change, as `diff -u` and git use. */
const CONTEXT = 3;

/**
 * The path as written after `a/` and `b/`: normalised, without a leading "./" or "/" (an
 * absolute path /etc/vsftpd.conf becomes a/etc/vsftpd.conf, to apply with `patch -p1` from /).
 */
export function diffPath(file: string): string {
  // path.posix.normalize, written out so the fixer also runs in a browser (the playground).
  const absolute = file.startsWith('/') || file.startsWith('\\');
  const segments: string[] = [];
  for (const segment of file.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
    else if (!absolute) segments.push(segment);
  }
  return segments.join('/');
}

/**
 * The unified diff from `before` to `after` of the file at `file`, with `--- a/PATH` and
 * `+++ b/PATH` headers, or "" when the texts are equal. A missing final newline is marked with
 * "\ No newline at end of file"; a "\r" before a line end stays part of the line's content.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const name = diffPath(file);
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
    context: CONTEXT,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
