/** The CLI's exit status, documented in --help. */

/** No error-severity finding and no more warnings than --max-warnings allows. */
export const EXIT_CLEAN = 0;
/** An error-severity finding, or more warnings than --max-warnings allows. */
export const EXIT_FINDINGS = 1;
/**
 * A usage or configuration error, a file that could not be read (or, with --fix, written), or
 * an internal error. Wins over EXIT_FINDINGS.
 */
export const EXIT_ERROR = 2;

export interface ExitTotals {
  readonly errors: number;
  readonly warnings: number;
  readonly unreadable: number;
  readonly unwritable?: number;
  /** Findings fixed by --fix. */
  readonly fixed?: number;
}

export interface ExitPolicy {
  /** -1 = no limit. */
  readonly maxWarnings: number;
  /** --exit-zero: findings never give EXIT_FINDINGS. */
  readonly exitZero?: boolean;
  /** --exit-non-zero-on-fix: anything fixed gives EXIT_FINDINGS (ruff's flag). */
  readonly exitNonZeroOnFix?: boolean;
}

/**
 * The exit status for a finished lint run; after --fix, of what remains (as ruff does). --diff
 * uses `exitCodeForDiff` instead.
 */
export function exitCodeFor(t: ExitTotals, policy: ExitPolicy | number): number {
  const { maxWarnings, exitZero = false, exitNonZeroOnFix = false } = typeof policy === 'number' ? { maxWarnings: policy } : policy;
  if (t.unreadable > 0 || (t.unwritable ?? 0) > 0) return EXIT_ERROR;
  if (exitZero) return EXIT_CLEAN;
  if (t.errors > 0 || (maxWarnings >= 0 && t.warnings > maxWarnings)) return EXIT_FINDINGS;
  if (exitNonZeroOnFix && (t.fixed ?? 0) > 0) return EXIT_FINDINGS;
  return EXIT_CLEAN;
}

/** --diff: 2 on an error, 1 when there is something to fix (the diff is not empty), else 0. */
export function exitCodeForDiff(failed: number, changedFiles: number): number {
  if (failed > 0) return EXIT_ERROR;
  return changedFiles > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}
