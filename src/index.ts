/**
 * vsftpd-lint's library API.
 *
 * - `parse(text)` reads vsftpd.conf text into a lossless tree; `print(doc)` gives the text back.
 * - `lint(text, options)` returns findings: rule id, severity, position, message, fix.
 * - `fix(text, options)` applies the findings' fixes (safe ones; unsafe ones too with
 *   `unsafe: true`) until nothing fixable is left, and returns `{ output, diff, applied,
 *   remaining }`: the fixed text, a unified diff, the findings fixed and those that remain.
 */
export { parse, print } from './parser/parse';
export type { ParseOptions } from './parser/parse';
export type { Document, Line, SettingLine, CommentLine, BlankLine, Encoding } from './parser/document';
export { lint, lintDocument } from './engine/lint';
export type { LintOptions } from './engine/lint';
export type { Finding, Severity, Category, Fix, FixSafety, TextEdit, Fixability } from './engine/finding';
export type { Rule, RuleDocs } from './engine/rule';
export { RULES } from '../rules';
export { getTarget, DEFAULT_TARGET } from './schema/targets';
export { BUILD_IDS, OPTIONS } from './schema/options';
export type { BuildId, OptionSpec } from './schema/options';
/**
 * `fix(text, { target?, encoding?, unsafe?, rules?, path? })`: lint, apply the allowed fixes that
 * do not overlap, re-parse and re-lint, at most `MAX_FIX_PASSES` times; throws when a rule's fix
 * does not converge. Returns the fixed `output`, its unified `diff` (a/PATH, b/PATH headers),
 * the `applied` findings (positions in the input) and the `remaining` ones (lint of the output).
 */
export { fix, MAX_FIX_PASSES } from './fix/fix';
export type { FixOptions, FixResult } from './fix/fix';
/** `applyEdits(text, edits)`: applies non-overlapping text edits given in offsets of `text`. */
export { applyEdits } from './fix/apply-edits';
/** `unifiedDiff(path, before, after)`: the unified diff `fix` returns, "" for equal texts. */
export { unifiedDiff } from './fix/diff';
/**
 * `probe({ host, port, user, password, timeoutMs, active, tls })`: tests a running server's
 * control and data connections (PASV, EPSV, optionally PORT and AUTH TLS) and diagnoses what
 * fails, naming the vsftpd options, the firewall and the rules concerned.
 */
export * from './probe';
/** `firewallRules(config, backend)`: the firewall rules a config needs (nftables, iptables, ufw, firewalld). */
export * from './firewall';
