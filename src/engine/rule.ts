/**
 * The shape of a rule: identity, documentation, and a check over the document and the effective
 * configuration. Rules never touch files, the terminal or process state; they call `report`.
 */
import type { Document, Line } from '../parser/document';
import type { Target } from '../schema/targets';
import type { EffectiveConfig, Setting } from './effective-config';
import type { Category, Fix, FixSafety, Fixability, Severity, TextEdit } from './finding';

export interface RuleDocs {
  /** What the rule finds. */
  readonly what: string;
  /** Why it matters: what vsftpd or a client will do. */
  readonly why: string;
  /** The vsftpd message or client symptom it prevents, verbatim where there is one. */
  readonly prevents: string;
  readonly example: { readonly bad: string; readonly good: string };
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
}

export interface RuleContext {
  readonly document: Document;
  readonly target: Target;
  readonly config: EffectiveConfig;
  /** Every line vsftpd reads as a setting, with its outcome in the target build. */
  readonly settings: readonly Setting[];
  report(report: Report): void;
}

/** A fix that replaces columns [from, to) of a line. */
export function replaceInLine(line: Line, from: number, to: number, text: string): TextEdit {
  return { start: line.start + from, end: line.start + to, text };
}

/** A fix that removes a whole line, its newline included. */
export function deleteLine(line: Line): TextEdit {
  return { start: line.start, end: line.start + line.text.length + line.eol.length, text: '' };
}

/**
 * A fix that adds lines at the end of the file (after a newline, if the file lacks a final one).
 * Used when an option takes a risky compiled default and the fix writes it explicitly.
 */
export function appendLines(document: Document, lines: readonly string[]): TextEdit {
  const text = document.text;
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  return { start: text.length, end: text.length, text: separator + lines.map((l) => `${l}\n`).join('') };
}

export function fixWith(safety: FixSafety, ...edits: TextEdit[]): Fix {
  return { safety, edits };
}
