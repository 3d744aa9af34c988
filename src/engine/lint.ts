import type { Document, Encoding } from '../parser/document';
import { parse } from '../parser/parse';
import { isFatal } from '../schema/setting';
import { getTarget } from '../schema/targets';
import { EffectiveConfig } from './effective-config';
import type { Finding, Severity } from './finding';
import { escapeText, shown } from './text';
import { checkLintOptions } from './arguments';
import { SUGGESTED_PASV_RANGE } from './passive-range';
import type { PasvRange, Report, Rule, RuleContext, RuleOptions } from './rule';
import { resolveRuleSelection, RuleSelection } from './rule-selection';
import { parseDirectives, SuppressedFinding, SuppressionOutcome, SuppressionState } from './suppressions';
import type { Directive } from './suppressions';
import { RULES } from '../../rules';

export interface LintOptions {
  /** Build to check against: a build id or alias (see `--target`); default Debian 3.0.3. */
  readonly target?: string;
  /** How the text was decoded from bytes (see `parse`). */
  readonly encoding?: Encoding;
  /** Rules to run; default every rule that is enabled by default. `selection` applies on top. */
  readonly rules?: readonly Rule[];
  /**
   * Rule selection layers (config file, its overrides, command line), applied in order on top
   * of `rules` or the default set: rules turned on or off, severity overrides (see
   * rule-selection.ts). Names are resolved against every rule; an unknown one throws a
   * `RuleSelectionError`.
   */
  readonly selection?: RuleSelection | readonly RuleSelection[];
  /** false: ignore every `# vsftpd-lint` directive (--no-inline-config). Default true. */
  readonly inlineConfig?: boolean;
  /** The passive port range fixes write when a config has none; default 40000-40100. */
  readonly pasvRange?: PasvRange;
}

/** What a lint returns when the caller wants more than the findings. */
export interface LintResult {
  /** Findings not suppressed, sorted by position then rule id. */
  readonly findings: Finding[];
  /** Findings hidden by inline directives, with the directives (and their reasons), sorted. */
  readonly suppressed: SuppressedFinding[];
  /** The document's `# vsftpd-lint` directives (none with `inlineConfig: false`). */
  readonly directives: readonly Directive[];
}

/**
 * Lints vsftpd.conf text and returns the findings sorted by position (suppressed findings are
 * left out; see `lintResult`). Throws only for an unknown target or rule name.
 */
export function lint(text: string, options: LintOptions = {}): Finding[] {
  return lintDocumentResult(parse(text, { encoding: options.encoding }), options).findings;
}

/** `lint` with the suppressed findings and the directives. */
export function lintResult(text: string, options: LintOptions = {}): LintResult {
  return lintDocumentResult(parse(text, { encoding: options.encoding }), options);
}

const DEFAULT_RULES = RULES.filter((rule) => rule.enabledByDefault !== false);
const NO_SEVERITIES: ReadonlyMap<string, Severity> = new Map();
const DEFAULT_RULE_OPTIONS: RuleOptions = { pasvRange: SUGGESTED_PASV_RANGE };

export function lintDocument(document: Document, options: LintOptions = {}): Finding[] {
  return lintDocumentResult(document, options).findings;
}

interface Collected {
  readonly finding: Finding;
  /** The rule reported no line: the finding is about the file as a whole. */
  readonly fileLevel: boolean;
  /** Reported from an `afterSuppressions` callback. */
  readonly late: boolean;
}

export function lintDocumentResult(document: Document, options: LintOptions = {}): LintResult {
  checkLintOptions(options, 'vsftpd-lint');
  const target = getTarget(options.target);
  const universe = options.rules ? [...RULES, ...options.rules.filter((r) => !RULES.includes(r))] : RULES;
  const { rules, severities } = options.selection
    ? resolveRuleSelection(options.selection, universe, options.rules ?? DEFAULT_RULES)
    : { rules: options.rules ?? DEFAULT_RULES, severities: NO_SEVERITIES };
  const ruleOptions: RuleOptions = options.pasvRange ? { pasvRange: options.pasvRange } : DEFAULT_RULE_OPTIONS;
  const config = new EffectiveConfig(document, target);
  const collected: Collected[] = [];
  const callbacks: { rule: Rule; callback: (outcome: SuppressionOutcome) => void }[] = [];
  const ran = new Set<string>();
  let late = false;
  // vsftpd stops at a line it cannot read, so what the other rules would reason about (the
  // effective configuration) never exists: report only how the file is written.
  const parses = config.settings.every((setting) => !isFatal(setting.outcome));
  for (const rule of rules) {
    if (!parses && rule.category !== 'syntax') continue;
    ran.add(rule.id);
    const severity = severities.get(rule.id);
    const context: RuleContext = {
      document,
      target,
      config,
      settings: config.settings,
      options: ruleOptions,
      report: (report) => collected.push({ finding: toFinding(rule, report, severity), fileLevel: !report.line, late }),
      afterSuppressions: (callback) => {
        callbacks.push({ rule, callback });
      },
    };
    rule.check(context);
  }

  const parsed =
    options.inlineConfig === false ? { directives: [], malformed: [] } : parseDirectives(document, universe);
  if (parsed.directives.length === 0 && parsed.malformed.length === 0 && callbacks.length === 0) {
    return { findings: sortFindings(collected.map((c) => c.finding)), suppressed: [], directives: [] };
  }
  const state = new SuppressionState(parsed.directives, universe, parsed.malformed);
  // A line vsftpd refuses stops the server whatever a comment says, so its error stays (as a
  // parse error does in ESLint); a directive aimed at it is then reported as unused.
  const fatalLines = new Set(config.settings.filter((s) => isFatal(s.outcome)).map((s) => s.line.line));
  const unsuppressible = (f: Finding) => f.category === 'syntax' && f.severity === 'error' && fatalLines.has(f.line);
  const findings: Finding[] = [];
  const keep = (from: number, explicitOnly: boolean) => {
    for (let i = from; i < collected.length; i++) {
      const { finding, fileLevel } = collected[i];
      if (unsuppressible(finding) || !state.suppress(finding, fileLevel, explicitOnly)) findings.push(finding);
    }
  };
  keep(0, false);
  if (callbacks.length > 0) {
    const deferred = new Set(callbacks.map((c) => c.rule.id));
    const outcome: SuppressionOutcome = {
      directives: parsed.directives,
      problems: state.problems(ran, deferred),
      suppressed: [...state.suppressed],
    };
    const from = collected.length;
    late = true;
    for (const { callback } of callbacks) callback(outcome);
    keep(from, true);
  }
  return { findings: sortFindings(findings), suppressed: sortFindings(state.suppressed), directives: parsed.directives };
}

function sortFindings<T extends Finding>(findings: T[]): T[] {
  // Rule ids are ASCII: plain comparison orders them like localeCompare, without loading ICU.
  return findings.sort(
    (a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

function toFinding(rule: Rule, report: Report, severity: Severity | undefined): Finding {
  const { line } = report;
  const lineNumber = line?.line ?? 1;
  const column = report.column ?? 0;
  const endColumn = report.endColumn ?? Math.max(line?.text.length ?? 0, column + 1);
  return {
    ruleId: rule.id,
    name: rule.name,
    category: rule.category,
    severity: severity ?? report.severity ?? rule.severity,
    // Config text quoted in a message is already bounded (text.ts `quote`); escaping the whole
    // message also covers text a rule interpolates directly.
    message: escapeText(report.message),
    line: lineNumber,
    column: column + 1,
    endLine: lineNumber,
    endColumn: endColumn + 1,
    // The name as written, which on a file that is no config may be a whole secret-like line.
    option: report.option == null ? null : shown(report.option),
    fixable: report.fix ? report.fix.safety : 'none',
    fix: report.fix,
  };
}
