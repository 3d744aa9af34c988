/** What a rule reports and what the engine returns. */

export type Severity = 'error' | 'warning' | 'info';

/**
 * - syntax: how a line is written. An error where vsftpd's parser rejects the file; a warning
 *   where vsftpd reads something other than what the text suggests.
 * - startup: the file parses, but vsftpd refuses to start or to accept logins.
 * - data-connection: PASV/PORT problems (425, 550, 227 with an unreachable address).
 * - security: risky settings.
 * - hygiene: untidy settings, and latent hazards: text vsftpd reads today as intended (or
 *   silently ignores) that breaks or misleads after a later edit (CRLF line endings, text past
 *   the read limit). Never an error: vsftpd loads the file.
 */
export type Category = 'syntax' | 'startup' | 'data-connection' | 'security' | 'hygiene';

export type FixSafety = 'safe' | 'unsafe';
export type Fixability = 'none' | FixSafety;

/** Replace `text[start, end)` of the document text with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Fix {
  /** safe: only makes vsftpd read what the text evidently means. unsafe: changes behaviour. */
  readonly safety: FixSafety;
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  /** Stable code, e.g. "VSF102". */
  readonly ruleId: string;
  /** Readable slug, e.g. "bad-bool-value". */
  readonly name: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based line and column of the first character concerned. */
  readonly line: number;
  readonly column: number;
  /** 1-based line and column just past the last character concerned. */
  readonly endLine: number;
  readonly endColumn: number;
  /**
   * The option concerned, or null. For a line vsftpd rejects this is the name exactly as
   * vsftpd prints it in its "500 OOPS" message (trailing blanks or a BOM included).
   */
  readonly option: string | null;
  readonly fixable: Fixability;
  /** The edits that fix the finding, when `fixable` is not 'none'. */
  readonly fix?: Fix;
}
