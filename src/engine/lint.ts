import type { Document, Encoding } from '../parser/document';
import { parse } from '../parser/parse';
import type { SettingLine } from '../parser/document';
import { isFatal, readSetting } from '../schema/setting';
import type { SettingOutcome } from '../schema/setting';
import { getTarget } from '../schema/targets';
import type { Target } from '../schema/targets';
import { applyEdits } from './apply-edits';
import { EffectiveConfig } from './effective-config';
import type { Setting } from './effective-config';
import type { Finding, Fix, Severity } from './finding';
import { bounded, escapeText, lineList } from './text';
import { checkLintOptions } from './arguments';
import { SUGGESTED_PASV_RANGE } from './passive-range';
import type { PasvRange, Report, Rule, RuleContext, RuleOptions } from './rule';
import { resolveRuleSelection, RuleSelection } from './rule-selection';
import { parseDirectives, SuppressedFinding, SuppressionOutcome, SuppressionState } from './suppressions';
import type { Directive } from './suppressions';

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
  /**
   * The text is a per-user config file (user_config_dir), read after login on top of the
   * server's config: only the rules marked `perUser` run, and options that have no effect per
   * user are reported (per-user-no-effect). Default false: a server config.
   */
  readonly perUser?: boolean;
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

const NO_SEVERITIES: ReadonlyMap<string, Severity> = new Map();
const DEFAULT_RULE_OPTIONS: RuleOptions = { pasvRange: SUGGESTED_PASV_RANGE, perUser: false };

/** A registry's rules enabled by default and its syntax rules, computed once per registry. */
const registryViews = new WeakMap<readonly Rule[], { defaults: readonly Rule[]; syntax: readonly Rule[] }>();
function viewsOf(registry: readonly Rule[]) {
  let views = registryViews.get(registry);
  if (!views) {
    views = {
      defaults: registry.filter((rule) => rule.enabledByDefault !== false),
      syntax: registry.filter((rule) => rule.category === 'syntax'),
    };
    registryViews.set(registry, views);
  }
  return views;
}

/** Findings of one rule with one `cause` are grouped from this many on (see Report.cause). */
export const GROUP_MIN = 3;

interface Collected {
  readonly finding: Finding;
  /** The rule reported no line: the finding is about the file as a whole. */
  readonly fileLevel: boolean;
}

/**
 * Lints a parsed document. `registry` is every rule known (the library passes RULES; see
 * src/lint.ts): the default set is its rules enabled by default, rule names in selections and
 * directives resolve against it, and its syntax rules say how a refused line reads. The engine
 * imports no rule itself, so that a caller (the CLI, the language server, the playground, a
 * test) chooses them.
 */
export function lintWith(registry: readonly Rule[], document: Document, options: LintOptions = {}): LintResult {
  checkLintOptions(options, 'vsftpd-lint');
  const target = getTarget(options.target);
  const { defaults, syntax } = viewsOf(registry);
  const universe = options.rules ? [...registry, ...options.rules.filter((r) => !registry.includes(r))] : registry;
  const { rules, severities } = options.selection
    ? resolveRuleSelection(options.selection, universe, options.rules ?? defaults)
    : { rules: options.rules ?? defaults, severities: NO_SEVERITIES };
  const perUser = options.perUser === true;
  const ruleOptions: RuleOptions =
    options.pasvRange || perUser ? { pasvRange: options.pasvRange ?? SUGGESTED_PASV_RANGE, perUser } : DEFAULT_RULE_OPTIONS;
  const config = new EffectiveConfig(document, target);
  const collected: Collected[] = [];
  const callbacks: { rule: Rule; callback: (outcome: SuppressionOutcome) => void }[] = [];
  const ran = new Set<string>();
  // A per-user file is judged only by the rules about its own lines (see Rule.perUser).
  const applicable = rules.filter((rule) => (perUser ? rule.perUser : rule.perUser !== 'only'));
  const fatal = config.refused();
  const causes = new Map<Finding, string>();
  const run = (rule: Rule, ruleConfig: EffectiveConfig, adjust?: (report: Report) => Report) => {
    ran.add(rule.id);
    const severity = severities.get(rule.id);
    const context: RuleContext = {
      document,
      target,
      config: ruleConfig,
      settings: ruleConfig.settings,
      options: ruleOptions,
      report: (report) => {
        const shown = adjust ? adjust(report) : report;
        const finding = toFinding(rule, shown, severity);
        if (report.cause !== undefined) causes.set(finding, report.cause);
        collected.push({ finding, fileLevel: !report.line });
      },
      afterSuppressions: (callback) => {
        callbacks.push({ rule, callback });
      },
    };
    rule.check(context);
  };
  if (fatal.length === 0) {
    for (const rule of applicable) run(rule, config);
  } else {
    // vsftpd stops at a line it cannot read. The syntax rules say how the file is written; the
    // others reason about what vsftpd will read once those lines are fixed, so that one run shows
    // both (fixing a trailing blank should not be followed by "nobody can log in").
    for (const rule of applicable) if (rule.category === 'syntax') run(rule, config);
    const repaired = new EffectiveConfig(document, target, repairs(syntax, document, target, config, fatal, ruleOptions));
    const condition = ` (once ${lineList(fatal.map((s) => s.line.line))} ${fatal.length === 1 ? 'is' : 'are'} fixed)`;
    const touchesFatal = (fix: Fix) =>
      fix.edits.some((edit) => fatal.some(({ line }) => edit.start <= line.start + line.text.length && edit.end >= line.start));
    const adjust = (report: Report): Report => ({
      ...report,
      message: report.message + condition,
      cause: report.cause === undefined ? undefined : report.cause + condition,
      // An unsafe fix that edits a refused line was chosen for its repaired reading, which the
      // line does not say yet: the fix pass after the repair offers it. A safe fix only makes a
      // line say what it evidently means (e.g. CRLF endings), so it may edit one.
      fix: report.fix?.safety === 'unsafe' && touchesFatal(report.fix) ? undefined : report.fix,
    });
    for (const rule of applicable) if (rule.category !== 'syntax') run(rule, repaired, adjust);
  }

  const parsed = options.inlineConfig === false ? { directives: [], malformed: [] } : parseDirectives(document, universe);
  if (parsed.directives.length === 0 && parsed.malformed.length === 0 && callbacks.length === 0) {
    return { findings: grouped(sortFindings(collected.map((c) => c.finding)), causes), suppressed: [], directives: [] };
  }
  const state = new SuppressionState(parsed.directives, universe, parsed.malformed);
  // A line vsftpd refuses stops the server whatever a comment says, so its error stays (as a
  // parse error does in ESLint); a directive aimed at it is then reported as unused.
  const fatalLines = new Set(fatal.map((s) => s.line.line));
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
    for (const { callback } of callbacks) callback(outcome);
    keep(from, true);
  }
  return {
    findings: grouped(sortFindings(findings), causes),
    suppressed: sortFindings(state.suppressed),
    directives: parsed.directives,
  };
}

/**
 * How the other rules read each line vsftpd refuses: as the line's safe syntax fix would make it
 * (the text's evident meaning, e.g. 'YES ' as YES), or, where no safe fix confined to the line
 * says what it means, not at all (the option keeps its other lines' value or its default). Every
 * syntax rule is asked, whichever rules the lint runs, so that the reading does not depend on
 * the selection.
 */
function repairs(
  syntaxRules: readonly Rule[],
  document: Document,
  target: Target,
  config: EffectiveConfig,
  fatal: readonly Setting[],
  options: RuleOptions,
): Map<SettingLine, SettingOutcome | null> {
  const reports: Report[] = [];
  const context: RuleContext = {
    document,
    target,
    config,
    settings: config.settings,
    options,
    report: (report) => reports.push(report),
    afterSuppressions: () => undefined,
  };
  for (const rule of syntaxRules) rule.check(context);
  const result = new Map<SettingLine, SettingOutcome | null>();
  for (const { line } of fatal) {
    const end = line.start + line.text.length;
    const fix = reports.find(
      (report) =>
        report.fix?.safety === 'safe' &&
        report.line === line &&
        report.fix.edits.every((edit) => edit.start >= line.start && edit.end <= end),
    )?.fix;
    let outcome: SettingOutcome | null = null;
    if (fix) {
      const text = applyEdits(
        line.text,
        fix.edits.map((e) => ({ ...e, start: e.start - line.start, end: e.end - line.start })),
      );
      const read = parse(text, { encoding: document.encoding }).lines[0];
      if (read?.kind === 'setting') {
        const candidate = readSetting(read, target);
        if (!isFatal(candidate)) outcome = candidate;
      }
    }
    result.set(line, outcome);
  }
  return result;
}

/**
 * Sorted findings with each repeated cause (Report.cause, GROUP_MIN or more findings of one rule
 * with one severity and fixability) replaced by one finding at the first of them. Grouping comes
 * after the suppressions, so that a directive still silences one line.
 */
function grouped(findings: Finding[], causes: ReadonlyMap<Finding, string>): Finding[] {
  if (causes.size < GROUP_MIN) return findings;
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const cause = causes.get(finding);
    if (cause === undefined) continue;
    const key = `${finding.ruleId}\0${finding.severity}\0${finding.fixable}\0${cause}`;
    const members = groups.get(key);
    if (members) members.push(finding);
    else groups.set(key, [finding]);
  }
  const replaced = new Map<Finding, Finding | null>();
  for (const members of groups.values()) {
    if (members.length < GROUP_MIN) continue;
    const [first] = members;
    const fix = first.fix && { safety: first.fix.safety, edits: members.flatMap((m) => m.fix!.edits) };
    replaced.set(first, {
      ...first,
      message: `${lineList(members.map((m) => m.line))}: ${causes.get(first)}`,
      fix,
    });
    for (const member of members.slice(1)) replaced.set(member, null);
  }
  if (replaced.size === 0) return findings;
  return findings.flatMap((f) => {
    const r = replaced.get(f);
    return r === undefined ? [f] : r === null ? [] : [r];
  });
}

function sortFindings<T extends Finding>(findings: T[]): T[] {
  // Rule ids are ASCII: plain comparison orders them like localeCompare, without loading ICU.
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
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
    // The name as written (a BOM included), bounded: on a file that is no config it may be a
    // whole secret-like line. JSON and SARIF encode its control characters.
    option: report.option == null ? null : bounded(report.option),
    fixable: report.fix ? report.fix.safety : 'none',
    fix: report.fix,
  };
}
