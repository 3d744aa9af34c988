/**
 * The library's lint entry points: the engine (src/engine/lint.ts) with vsftpd-lint's own rules
 * (RULES) as the registry. The engine itself imports no rule, so that the rule set is the
 * caller's choice; these functions are that choice made for the usual caller.
 */
import { RULES } from '../rules';
import { lintWith } from './engine/lint';
import type { LintOptions, LintResult } from './engine/lint';
import type { Finding } from './engine/finding';
import type { Document } from './parser/document';
import { parse } from './parser/parse';

export type { LintOptions, LintResult } from './engine/lint';

/**
 * Lints vsftpd.conf text and returns the findings sorted by position (suppressed findings are
 * left out; see `lintResult`). Throws only for an unknown target or rule name.
 */
export function lint(text: string, options: LintOptions = {}): Finding[] {
  return lintWith(RULES, parse(text, { encoding: options.encoding }), options).findings;
}

/** `lint` with the suppressed findings and the directives. */
export function lintResult(text: string, options: LintOptions = {}): LintResult {
  return lintWith(RULES, parse(text, { encoding: options.encoding }), options);
}

/** `lint` of a document already parsed. */
export function lintDocument(document: Document, options: LintOptions = {}): Finding[] {
  return lintWith(RULES, document, options).findings;
}

/** `lintResult` of a document already parsed. */
export function lintDocumentResult(document: Document, options: LintOptions = {}): LintResult {
  return lintWith(RULES, document, options);
}
