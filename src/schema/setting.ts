/**
 * What one setting line does in a given build: vsf_parseconf_load_setting, step by step.
 * This is the single place that decides whether vsftpd accepts a line; the syntax rules explain
 * the outcome, they do not re-derive it.
 */
import type { SettingLine } from '../parser/document';
import type { OptionSpec } from './options';
import type { Target } from './targets';
import { isCWhitespace, readBool, readUint, trimCWhitespace } from './values';

export type SettingOutcome =
  /** The option takes this value. */
  | { readonly kind: 'set'; readonly option: OptionSpec; readonly value: boolean | number | string }
  /** A string option with an empty value or no "=": its compiled default is removed. */
  | { readonly kind: 'unset'; readonly option: OptionSpec }
  /** Debian: a string value of only whitespace crashes vsftpd with SIGSEGV. */
  | { readonly kind: 'crash'; readonly option: OptionSpec }
  /** "500 OOPS: missing value in config file for: NAME" (checked before the name is looked up). */
  | { readonly kind: 'missing-value' }
  /** "500 OOPS: bad bool value in config file for: NAME". */
  | { readonly kind: 'bad-bool'; readonly option: OptionSpec }
  /** "500 OOPS: unrecognised variable in config file: NAME". */
  | { readonly kind: 'unrecognised' };

/** Outcomes that stop vsftpd while it reads the file. */
export function isFatal(outcome: SettingOutcome): boolean {
  return outcome.kind !== 'set' && outcome.kind !== 'unset';
}

export function readSetting(line: SettingLine, target: Target): SettingOutcome {
  const { name, value } = line;
  const option = target.options.get(name);
  if (option?.type === 'string') return readString(option, value, target);
  if (value === '') return { kind: 'missing-value' };
  if (!option) return { kind: 'unrecognised' };
  if (option.type === 'bool') {
    const bool = readBool(value);
    return bool === undefined ? { kind: 'bad-bool', option } : { kind: 'set', option, value: bool };
  }
  return { kind: 'set', option, value: readUint(value) };
}

function readString(option: OptionSpec, value: string, target: Target): SettingOutcome {
  if (value === '') return { kind: 'unset', option };
  if (target.stringValues === 'verbatim') return { kind: 'set', option, value };
  if (isCWhitespace(value)) {
    return target.blankString === 'crash' ? { kind: 'crash', option } : { kind: 'unset', option };
  }
  return { kind: 'set', option, value: trimCWhitespace(value) };
}

/** The message vsftpd prints for a fatal outcome, exactly (without "500 OOPS: "). */
export function vsftpdMessage(line: SettingLine, outcome: SettingOutcome): string | undefined {
  switch (outcome.kind) {
    case 'missing-value':
      return `missing value in config file for: ${line.name}`;
    case 'bad-bool':
      return `bad bool value in config file for: ${line.name}`;
    case 'unrecognised':
      return `unrecognised variable in config file: ${line.name}`;
    default:
      return undefined;
  }
}
