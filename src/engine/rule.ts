/**
 * The shape of a rule: identity, documentation, and a check over the document and the effective
 * configuration. Rules never touch files, the terminal or process state; they call `report`.
 */
import { byteLength, VSFTPD_READ_LIMIT } from '../parser/document';
import type { Document, Line, SettingLine } from '../parser/document';
import type { Target } from '../schema/targets';
import type { InlineComment } from '../schema/values';
import type { EffectiveConfig, EffectiveValue, Setting } from './effective-config';
import type { SuppressionOutcome } from './suppressions';
import type { Category, Fix, FixSafety, Fixability, Severity, TextEdit } from './finding';

export interface RuleDocs {
  /** What the rule finds. */
  readonly what: string;
  /** Why it matters: what vsftpd or a client will do. */
  readonly why: string;
  /** The vsftpd message or client symptom it prevents, verbatim where there is one. */
  readonly prevents: string;
  /**
   * A file that triggers the rule and one that does not (the suite checks both), in the notation
   * of src/docs/example-text.ts; `target` names the build when the rule is about one.
   */
  readonly example: { readonly bad: string; readonly good: string; readonly target?: string };
  /** What the fix does and why it is safe or unsafe, or how to fix it by hand. */
  readonly fix: string;
}

export interface Rule {
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  /** Default severity. A rule whose docs say so may grade a finding differently per target. */
  readonly severity: Severity;
  readonly fixable: Fixability;
  /** One line, shown in rule lists. */
  readonly summary: string;
  /** false for opinionated advice that runs only when enabled; default true. */
  readonly enabledByDefault?: boolean;
  /**
   * Per-user files (LintOptions.perUser): 'also' runs the rule on them too, because it judges
   * only the lines the file itself contains; 'only' runs it on them alone. Rules that reason
   * about the server as a whole (listener, passive range, logins, compiled defaults) leave it
   * unset: a per-user file inherits every option it does not set from a server config the
   * linter does not see.
   */
  readonly perUser?: 'also' | 'only';
  /** Where the rule's facts come from: the vsftpd.conf(5) man page, SCAP Security Guide ids, ... */
  readonly sources?: readonly string[];
  readonly docs: RuleDocs;
  check(context: RuleContext): void;
}

export interface Report {
  /** The line to point at; omitted for a finding about the file as a whole (reported at 1:1). */
  readonly line?: Line;
  /** 0-based columns in the line's text; default: the whole line. */
  readonly column?: number;
  readonly endColumn?: number;
  readonly message: string;
  readonly option?: string | null;
  readonly severity?: Severity;
  readonly fix?: Fix;
  /**
   * The cause, for a finding that one habit repeats line after line (an indent, lower-case
   * booleans): the lint reports GROUP_MIN or more findings of the rule with the same cause,
   * severity and fixability as one finding at the first, "lines 3-9 and 12: CAUSE", whose fix
   * makes every line's edits.
   */
  readonly cause?: string;
}

/** A passive port range, first and last port inclusive (e.g. the one fixes write). */
export interface PasvRange {
  readonly min: number;
  readonly max: number;
}

/** Settings rules receive that do not come from the file (`context.options`). */
export interface RuleOptions {
  /** The passive port range to suggest and write (LintOptions.pasvRange or the default). */
  readonly pasvRange: PasvRange;
  /** The file is a per-user config file (LintOptions.perUser). */
  readonly perUser: boolean;
}

export interface RuleContext {
  readonly document: Document;
  readonly target: Target;
  readonly config: EffectiveConfig;
  /** Every line vsftpd reads as a setting, with its outcome in the target build. */
  readonly settings: readonly Setting[];
  /** Settings from the lint options rather than the file, e.g. `options.pasvRange`. */
  readonly options: RuleOptions;
  report(report: Report): void;
  /**
   * Calls `callback` after every rule has run and the inline suppressions are applied, with the
   * directives, their problems and the suppressed findings. What the callback reports can be
   * suppressed only by directives naming the rule (see suppressions.ts).
   */
  afterSuppressions(callback: (outcome: SuppressionOutcome) => void): void;
}

// ---------------------------------------------------------------------------------------------
// Where a finding points
// ---------------------------------------------------------------------------------------------

/** The line that sets a value, or undefined for the compiled default. */
export function lineOf(value: EffectiveValue | undefined): SettingLine | undefined {
  return value?.source?.line;
}

/** The columns of a whole setting, from the name to the end of the value. */
export function settingSpan(line: SettingLine): { column: number; endColumn: number } {
  return { column: line.nameColumn, endColumn: line.valueColumn + line.value.length };
}

/** The columns of a setting's value. */
export function valueSpan(line: SettingLine): { column: number; endColumn: number } {
  return { column: line.valueColumn, endColumn: line.valueColumn + line.value.length };
}

/**
 * Where a finding about an effective value points: the value on the line that sets it, or the
 * file as a whole (1:1) when the value is the compiled default.
 */
export function at(value: EffectiveValue): Pick<Report, 'line' | 'column' | 'endColumn' | 'option'> {
  const line = lineOf(value);
  if (!line) return { option: value.option.name };
  return { line, ...valueSpan(line), option: value.option.name };
}

// ---------------------------------------------------------------------------------------------
// Edits and fixes
// ---------------------------------------------------------------------------------------------

/** A fix that replaces columns [from, to) of a line. */
export function replaceInLine(line: Line, from: number, to: number, text: string): TextEdit {
  return { start: line.start + from, end: line.start + to, text };
}

/**
 * Edits that move an inline comment to its own line above its setting (in column 1: an indented
 * "#" is not a comment) and write `value` in place of the value and the comment. A CRLF line's
 * "\r" stays at its end, and the new line gets one too.
 */
export function moveCommentAbove(line: SettingLine, comment: InlineComment, value: string): TextEdit[] {
  const cr = line.value.endsWith('\r') ? '\r' : '';
  return [
    { start: line.start, end: line.start, text: `${comment.comment}${cr}\n` },
    replaceInLine(line, line.valueColumn, line.valueColumn + comment.end, value),
  ];
}

/** A fix that removes a whole line, its newline included. */
export function deleteLine(line: Line): TextEdit {
  return { start: line.start, end: line.start + line.text.length + line.eol.length, text: '' };
}

/** Edits that delete every line setting `name` (deleting only the last would revive an earlier one). */
export function deleteSettings(config: EffectiveConfig, name: string): TextEdit[] {
  return config.occurrences(name).map((setting) => deleteLine(setting.line));
}

/**
 * A fix that adds lines at the end of the file (after a newline, if the file lacks a final one),
 * or undefined when vsftpd would not read them: it reads only the first 100,000 bytes, so in a
 * file that long an appended setting never takes effect (and a fix adding it would be offered
 * again on every pass).
 */
export function appendLines(document: Document, lines: readonly string[]): TextEdit | undefined {
  const text = document.text;
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  const added = byteLength(lines.join('\n'), document.encoding);
  if (document.byteLength + separator.length + added > VSFTPD_READ_LIMIT) return undefined;
  return { start: text.length, end: text.length, text: separator + lines.map((l) => `${l}\n`).join('') };
}

/**
 * The edit that makes an option take `text`: the value on the line that sets it (the last one,
 * which wins) is rewritten, a trailing "\r" kept, and "=" added where the line has none; for a
 * compiled default, `name=text` is appended. Undefined where the edit would not take effect: the
 * line is cut by the read limit, or the append would end past it.
 */
export function setValue(document: Document, value: EffectiveValue, text: string): TextEdit | undefined {
  const line = lineOf(value);
  if (!line) return appendLines(document, [`${value.option.name}=${text}`]);
  if (line.reach !== 'whole') return undefined;
  const end = line.nameColumn + line.name.length;
  if (!line.hasEquals) return replaceInLine(line, end, end, `=${text}`);
  const written = line.value.replace(/\r$/, '');
  return replaceInLine(line, line.valueColumn, line.valueColumn + written.length, text);
}

/**
 * A fix made of edits. Given an edit that may be impossible (`appendLines`, `setValue`), it is
 * undefined when any edit is: the finding then simply offers no fix.
 */
export function fixWith(safety: FixSafety, ...edits: TextEdit[]): Fix;
export function fixWith(safety: FixSafety, ...edits: (TextEdit | undefined)[]): Fix | undefined;
export function fixWith(safety: FixSafety, ...edits: (TextEdit | undefined)[]): Fix | undefined {
  return edits.every((edit): edit is TextEdit => edit !== undefined) ? { safety, edits } : undefined;
}
