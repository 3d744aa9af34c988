/**
 * vsftpd-lint's library API.
 *
 * - `parse(text)` reads vsftpd.conf text into a lossless tree; `print(doc)` gives the text back.
 * - `lint(text, options)` returns findings: rule id, severity, position, message, fix.
 */
export { parse, print } from './parser/parse';
export type { ParseOptions } from './parser/parse';
export type { Document, Line, SettingLine, CommentLine, BlankLine, Encoding } from './parser/document';
export { lint, lintDocument } from './engine/lint';
export type { LintOptions } from './engine/lint';
export type { Finding, Severity, Category, Fix, TextEdit, Fixability } from './engine/finding';
export type { Rule, RuleDocs } from './engine/rule';
export { RULES } from '../rules';
export { getTarget, DEFAULT_TARGET } from './schema/targets';
export { BUILD_IDS, OPTIONS } from './schema/options';
export type { BuildId, OptionSpec } from './schema/options';
