/**
 * The output formats by name and what every formatter receives. Kept apart from the formatters
 * themselves so that the command line can list the formats without loading any of them.
 */
import type { FileResult } from '../results';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gcc', 'checkstyle'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatContext {
  /**
   * The build id the files were checked against: the one every file used, or (when per-path
   * overrides chose different builds) the first file's; each file's own is in `LintedFile.target`.
   */
  readonly target: string;
  /** --fix ran: findings carry what was fixed (`FileResult.fixed`). */
  readonly fixed?: boolean;
  /** The directory relative paths are from (SARIF's %SRCROOT%); the process's by default. */
  readonly cwd?: string;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;
