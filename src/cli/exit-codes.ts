/** The CLI's exit status, documented in --help. */

/** No error-severity finding and no more warnings than --max-warnings allows. */
export const EXIT_CLEAN = 0;
/** An error-severity finding, or more warnings than --max-warnings allows. */
export const EXIT_FINDINGS = 1;
/** A usage error, a file that could not be read, or an internal error. Wins over EXIT_FINDINGS. */
export const EXIT_ERROR = 2;

/** The exit status for a finished lint run. */
export function exitCodeFor(
  t: { readonly errors: number; readonly warnings: number; readonly unreadable: number },
  maxWarnings: number,
): number {
  if (t.unreadable > 0) return EXIT_ERROR;
  if (t.errors > 0 || (maxWarnings >= 0 && t.warnings > maxWarnings)) return EXIT_FINDINGS;
  return EXIT_CLEAN;
}
