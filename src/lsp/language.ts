/**
 * What the language server knows about vsftpd.conf, independent of the protocol: where the
 * cursor is on a line, the option names a build knows, and what to show on hover. Pure, like the
 * engine it reads (the option table, the rules' metadata).
 */
import { RULES } from '../../rules';
import type { Finding } from '../engine/finding';
import type { Rule } from '../engine/rule';
import type { Document, SettingLine } from '../parser/document';
import type { OptionSpec } from '../schema/options';
import { compiledDefault, Target } from '../schema/targets';
import { formatValue } from '../schema/values';

/** What the text before the cursor on its line asks to complete. */
export type CompletionSite =
  { readonly kind: 'name' } | { readonly kind: 'value'; readonly option: OptionSpec } | { readonly kind: 'none' };

/**
 * The completion site for the text of a line up to the cursor: an option name while only a name
 * has been typed (vsftpd skips leading whitespace), a boolean's value just after "NAME=", nothing
 * in a comment or another value.
 */
export function completionSite(beforeCursor: string, target: Target): CompletionSite {
  if (beforeCursor.startsWith('#')) return { kind: 'none' };
  const eq = beforeCursor.indexOf('=');
  if (eq === -1) return /^[ \t]*[A-Za-z0-9_]*$/.test(beforeCursor) ? { kind: 'name' } : { kind: 'none' };
  const option = target.options.get(beforeCursor.slice(0, eq).trimStart());
  if (option?.type !== 'bool' || !/^[A-Za-z]*$/.test(beforeCursor.slice(eq + 1))) return { kind: 'none' };
  return { kind: 'value', option };
}

/** The values vsftpd reads as a boolean, as the docs and the fixes write them. */
export const BOOLEAN_VALUES = ['YES', 'NO'] as const;

/** The option's type and compiled default in one line, e.g. "bool, default NO in Debian vsftpd 3.0.3". */
export function optionSummary(option: OptionSpec, target: Target): string {
  const value = compiledDefault(option, target);
  const shown = value === null ? 'unset' : formatValue(option, value) === '' ? '""' : formatValue(option, value);
  const unit = option.unit ? ` (${option.unit})` : '';
  return `${option.type}${unit}, default ${shown} in ${target.label}`;
}

/**
 * The rules that concern an option: those whose summary or description names it, and those with
 * a finding about it in the document (a rule about many options, such as default-value, names
 * none of them in its docs).
 */
export function rulesConcerning(name: string, findings: readonly Finding[], rules: readonly Rule[] = RULES): Rule[] {
  const word = new RegExp(`(?:^|[^A-Za-z0-9_])${name}(?:[^A-Za-z0-9_]|$)`);
  const found = new Set(findings.filter((f) => f.option === name).map((f) => f.ruleId));
  return rules.filter((rule) => found.has(rule.id) || word.test(`${rule.summary}\n${rule.docs.what}`));
}

/** Hover text (Markdown) for an option: type, compiled default, meaning, and the rules concerned. */
export function optionHover(option: OptionSpec, target: Target, rules: readonly Rule[], docsUrl: (rule: Rule) => string): string {
  const lines = [`**${option.name}**: ${optionSummary(option, target)}`, '', option.description];
  if (rules.length > 0) {
    lines.push('', 'Rules:', ...rules.map((rule) => `- [${rule.id} ${rule.name}](${docsUrl(rule)}): ${rule.summary}`));
  }
  return lines.join('\n');
}

/** The setting line whose name contains the 0-based column on a 1-based line, or undefined. */
export function settingNameAt(document: Document, line: number, column: number): SettingLine | undefined {
  const found = document.lines[line - 1];
  if (found?.kind !== 'setting') return undefined;
  const within = column >= found.nameColumn && column <= found.nameColumn + found.name.length;
  return within ? found : undefined;
}
