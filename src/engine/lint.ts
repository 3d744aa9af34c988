import type { Document, Encoding } from '../parser/document';
import { parse } from '../parser/parse';
import { isFatal } from '../schema/setting';
import { getTarget } from '../schema/targets';
import { EffectiveConfig } from './effective-config';
import type { Finding } from './finding';
import type { Report, Rule, RuleContext } from './rule';
import { RULES } from '../../rules';

export interface LintOptions {
  /** Build to check against: a build id or alias (see `--target`); default Debian 3.0.3. */
  readonly target?: string;
  /** How the text was decoded from bytes (see `parse`). */
  readonly encoding?: Encoding;
  /** Rules to run; default every rule that is enabled by default. */
  readonly rules?: readonly Rule[];
}

/**
 * Lints vsftpd.conf text and returns the findings sorted by position. Throws only for an
 * unknown target.
 */
export function lint(text: string, options: LintOptions = {}): Finding[] {
  return lintDocument(parse(text, { encoding: options.encoding }), options);
}

const DEFAULT_RULES = RULES.filter((rule) => rule.enabledByDefault !== false);

export function lintDocument(document: Document, options: LintOptions = {}): Finding[] {
  const target = getTarget(options.target);
  const config = new EffectiveConfig(document, target);
  const findings: Finding[] = [];
  // vsftpd stops at a line it cannot read, so what the other rules would reason about (the
  // effective configuration) never exists: report only how the file is written.
  const parses = config.settings.every((setting) => !isFatal(setting.outcome));
  for (const rule of options.rules ?? DEFAULT_RULES) {
    if (!parses && rule.category !== 'syntax') continue;
    const context: RuleContext = {
      document,
      target,
      config,
      settings: config.settings,
      report: (report) => findings.push(toFinding(rule, report)),
    };
    rule.check(context);
  }
  // Rule ids are ASCII: plain comparison orders them like localeCompare, without loading ICU.
  return findings.sort(
    (a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

function toFinding(rule: Rule, report: Report): Finding {
  const { line } = report;
  const lineNumber = line?.line ?? 1;
  const column = report.column ?? 0;
  const endColumn = report.endColumn ?? Math.max(line?.text.length ?? 0, column + 1);
  return {
    ruleId: rule.id,
    name: rule.name,
    category: rule.category,
    severity: report.severity ?? rule.severity,
    message: report.message,
    line: lineNumber,
    column: column + 1,
    endLine: lineNumber,
    endColumn: endColumn + 1,
    option: report.option ?? null,
    fixable: report.fix ? report.fix.safety : 'none',
    fix: report.fix,
  };
}
