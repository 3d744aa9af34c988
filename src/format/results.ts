/**
 * What a formatter is given about each input (a file read and linted, or one that could not be),
 * and the totals the formatters and the CLI's exit status use.
 */
import type { Finding } from '../engine/finding';
import { escapeText } from '../engine/text';
import type { SuppressedFinding } from '../engine/rule';
import type { Encoding } from '../parser/document';

/** A file that was read and linted (and, with --fix, fixed). */
export interface LintedFile {
  readonly path: string;
  readonly encoding: Encoding;
  /** The build id the file was checked against (--target, the config file or an override). */
  readonly target?: string;
  /** How the file was read: a server config, or a per-user file (--per-user, an override). */
  readonly mode?: LintMode;
  /** What the file has now: after --fix, what remains in the fixed text. */
  readonly findings: readonly Finding[];
  /**
   * With --fix: the findings whose fix was applied, at their position in the original text.
   * Absent when no fixing was attempted.
   */
  readonly fixed?: readonly Finding[];
  /** With --fix: why the fixed text could not be written (the file is unchanged). */
  readonly writeError?: string;
  /**
   * Findings hidden by `# vsftpd-lint` directives, with the directives that hide them (after
   * --fix: in the fixed text). Absent when the output format does not show them.
   */
  readonly suppressed?: readonly SuppressedFinding[];
  /**
   * How many findings `--fix` and `--fix --unsafe-fixes` would fix in what the file has now,
   * counted by running the fixer (its passes can reveal or merge findings, so counting the
   * fixable findings would not be exact). The CLI leaves it out when no finding is fixable;
   * without it, the fixable findings are counted.
   */
  readonly wouldFix?: WouldFix;
}

export interface WouldFix {
  readonly safe: number;
  /** With --unsafe-fixes: the safe fixes and the unsafe ones. */
  readonly all: number;
}

export type LintMode = 'server' | 'per-user';

export function modeOf(options: { readonly perUser?: boolean }): LintMode {
  return options.perUser ? 'per-user' : 'server';
}

/** A file that could not be read or linted. */
export interface FailedFile {
  readonly path: string;
  readonly error: string;
}

export type FileResult = LintedFile | FailedFile;

export interface Totals {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly safeFixes: number;
  readonly unsafeFixes: number;
  /** What `--fix` would fix (see {@link LintedFile.wouldFix}), all files. */
  readonly wouldFix: number;
  /** What `--fix --unsafe-fixes` would fix, all files. */
  readonly wouldFixUnsafe: number;
  /** Findings fixed by --fix (written to disk, or printed for stdin). */
  readonly fixed: number;
  /** Files --fix changed. */
  readonly fixedFiles: number;
  /** Inputs that could not be read (missing, directory, permission, binary, I/O error). */
  readonly unreadable: number;
  /** Files whose fixed text could not be written. */
  readonly unwritable: number;
}

export function findingsOf(result: FileResult): readonly Finding[] {
  return 'findings' in result ? result.findings : [];
}

export function fixedOf(result: FileResult): readonly Finding[] {
  return 'findings' in result ? (result.fixed ?? []) : [];
}

export function totals(results: readonly FileResult[]): Totals {
  const t = {
    errors: 0,
    warnings: 0,
    infos: 0,
    safeFixes: 0,
    unsafeFixes: 0,
    wouldFix: 0,
    wouldFixUnsafe: 0,
    fixed: 0,
    fixedFiles: 0,
    unreadable: 0,
    unwritable: 0,
  };
  for (const result of results) {
    if ('error' in result) t.unreadable++;
    else if (result.writeError !== undefined) t.unwritable++;
    const fixed = fixedOf(result).length;
    t.fixed += fixed;
    if (fixed > 0) t.fixedFiles++;
    for (const f of findingsOf(result)) {
      if (f.severity === 'error') t.errors++;
      else if (f.severity === 'warning') t.warnings++;
      else t.infos++;
      if (f.fixable === 'safe') t.safeFixes++;
      else if (f.fixable === 'unsafe') t.unsafeFixes++;
    }
    if ('findings' in result) {
      // A caller that did not run the fixer: the fixable findings, the best estimate at hand.
      const findings = result.findings;
      const estimate = {
        safe: findings.filter((f) => f.fixable === 'safe').length,
        all: findings.filter((f) => f.fixable !== 'none').length,
      };
      const counted = result.wouldFix ?? estimate;
      t.wouldFix += counted.safe;
      t.wouldFixUnsafe += counted.all;
    }
  }
  return t;
}

/**
 * The result with its file name and error texts escaped (src/engine/text.ts `escapeText`), as
 * every format shows them: a file named with ESC, a newline or U+202E can neither drive the
 * terminal nor forge a report line. Finding messages are escaped where they are made.
 */
export function escapedResult(result: FileResult): FileResult {
  if ('error' in result) return { path: escapeText(result.path), error: escapeText(result.error) };
  return {
    ...result,
    path: escapeText(result.path),
    ...(result.writeError !== undefined ? { writeError: escapeText(result.writeError) } : {}),
  };
}
