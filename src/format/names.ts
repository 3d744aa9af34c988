/**
 * The output formats by name and what every formatter receives. Kept apart from the formatters
 * themselves so that the command line can list the formats without loading any of them. A
 * formatter is pure: results and context in, the report's text out.
 */
import type { FileResult } from './results';

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
  /**
   * The absolute directory relative paths are from: SARIF's %SRCROOT% (`originalUriBaseIds`).
   * Without it, SARIF leaves %SRCROOT% for the viewer to define.
   */
  readonly cwd?: string;
  /** vsftpd-lint's version, for SARIF's `tool.driver` (left out without it). */
  readonly toolVersion?: string;
  /** stylish: colour the report with ANSI escapes. Default false. */
  readonly color?: boolean;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;
