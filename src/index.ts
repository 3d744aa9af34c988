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
/** `decodeBytes(bytes)`: a file's text and encoding, as the CLI reads files (UTF-8, else latin1). */
export { decodeBytes } from './parser/decode';
/**
 * `lint(text, options)`, `lintResult` (with the suppressed findings and the directives), and the
 * same for a parsed document. Options: `target`, `encoding`, `rules` (default: RULES enabled by
 * default), `selection` (config layers), `inlineConfig`, `pasvRange`.
 */
export { lint, lintResult, lintDocument, lintDocumentResult } from './lint';
export type { LintOptions, LintResult } from './lint';
/** The engine itself, for a caller with its own rule registry: `lintWith(registry, document, options)`. */
export { lintWith } from './engine/lint';
export type { Finding, Severity, Category, Fix, FixSafety, TextEdit, Fixability } from './engine/finding';
export type {
  Rule,
  RuleDocs,
  RuleContext,
  Report,
  RuleOptions,
  PasvRange,
  SuppressedFinding,
  Suppression,
  Directive,
  SuppressionOutcome,
} from './engine/rule';
/** Every rule, in id order, with its metadata (id, name, category, severity, fixable, summary, docs). */
export { RULES } from '../rules';
/**
 * Rule selection as config files and flags express it (`LintOptions.selection`), and rule lookup
 * by id, name or category (`findRuleRef`, `rulesFor`, with a did-you-mean `describeUnknownRef`).
 */
export {
  resolveRuleSelection,
  RuleSelectionError,
  CATEGORIES,
  RULE_SETTINGS,
  findRuleRef,
  rulesFor,
  describeUnknownRef,
} from './engine/rule-selection';
export type { RuleSelection, RuleSetting } from './engine/rule-selection';
/** The configuration vsftpd ends up with: `new EffectiveConfig(parse(text), getTarget(id))`. */
export { EffectiveConfig } from './engine/effective-config';
export type { EffectiveValue, Setting } from './engine/effective-config';
/**
 * `.vsftpd-lint.json` without the file system: `parseProjectConfig(text, file, { rules })` checks
 * it (throws `ConfigError` with the JSON path), `configForFile(config, path)` applies its
 * overrides to one file. Finding and reading the file is the caller's (the CLI's config-loader).
 */
export { parseProjectConfig, configForFile, parsePasvRange, ConfigError, PROJECT_CONFIG_FILE } from './engine/config/validate';
export type { ProjectConfig, FileConfig, ConfigOptions } from './engine/config/validate';
/**
 * How a value is shown and read: `formatValue(option, value)`, `readingNote`; `quote(text)` and
 * `escapeText(text)` make untrusted text safe to print (escaped, bounded).
 */
export { formatValue, readingNote } from './schema/values';
export { quote, escapeText } from './engine/text';
/** vsftpd builds (`--target`): ids, aliases, option tables and compiled defaults. */
export { getTarget, resolveTargetId, describeTargets, DEFAULT_TARGET, TARGET_ALIASES } from './schema/targets';
export type { Target } from './schema/targets';
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
export { applyEdits } from './engine/apply-edits';
/** `unifiedDiff(path, before, after)`: the unified diff `fix` returns, "" for equal texts. */
export { unifiedDiff } from './fix/diff';
/**
 * `probe({ host, port, user, password, timeoutMs, active, tls })`: tests a running server's
 * control and data connections (PASV, EPSV, optionally PORT and AUTH TLS) and diagnoses what
 * fails, naming the vsftpd options, the firewall and the rules concerned.
 */
export * from './probe';
/** How many failed attempts and range samples a probe report keeps at most. */
export { MAX_FAILED_SAMPLES, MAX_RANGE_SAMPLES } from './probe/types';
/** `firewallRules(config, backend)`: the firewall rules a config needs (nftables, iptables, ufw, firewalld). */
export * from './firewall';
/**
 * The output formats (`--format`), pure functions from results to text:
 * `FORMATTERS[format](results, { target, fixed?, cwd?, toolVersion?, color? })`, or
 * `await loadFormatter(format)`, which loads that one formatter only. `results` has one
 * `FileResult` per input: a `LintedFile` (path, encoding, findings; after a fix, `fixed`) or a
 * `FailedFile` (path, error). Pass them through `escapedResult` when paths or errors come from
 * outside (file names may hold terminal escapes); `totals(results)` counts what the summary shows.
 * `gccLine` and `findingJson` render one finding as the gcc and JSON formats do.
 */
export { FORMATS } from './format/names';
export type { Format, Formatter, FormatContext } from './format/names';
export { FORMATTERS } from './format';
export { loadFormatter } from './format/load';
export { escapedResult, modeOf, totals } from './format/results';
export type { FileResult, LintedFile, FailedFile, LintMode, Totals, WouldFix } from './format/results';
export { gccLine } from './format/gcc';
export { findingJson } from './format/json';
/** Where the rule docs live: `ruleHelpUri(name)`, as SARIF, the language server and the playground link them. */
export { REPOSITORY_URL, RULE_DOCS_BASE_URL, ruleHelpUri, TOOL_NAME } from './format/links';
