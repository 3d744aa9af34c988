/**
 * Shared helpers for the security (VSF401-VSF449) and hygiene (VSF501-VSF529) rules: reading
 * effective values, writing a value the way vsftpd.conf spells it, saying where a value comes
 * from, pointing a finding at the line to change, and the edit that sets an option.
 */
import { VSFTPD_READ_LIMIT } from '../parser/document';
import type { Document, SettingLine } from '../parser/document';
import type { OptionSpec, OptionValue } from '../schema/options';
import type { EffectiveConfig, EffectiveValue } from './effective-config';
import type { Fix } from './finding';
import { appendLines, fixWith, replaceInLine, Report } from './rule';

/** Whether a boolean option is effectively YES (false when the target does not know it). */
export function isYes(config: EffectiveConfig, name: string): boolean {
  return config.get(name)?.value === true;
}

/** Whether a boolean option is effectively NO (false when the target does not know it). */
export function isNo(config: EffectiveConfig, name: string): boolean {
  return config.get(name)?.value === false;
}

/** Standalone mode: vsftpd listens itself (listen or listen_ipv6) instead of running under inetd. */
export function isStandalone(config: EffectiveConfig): boolean {
  return isYes(config, 'listen') || isYes(config, 'listen_ipv6');
}

/**
 * Virtual users with anonymous privileges: with guest_enable=YES every local login becomes
 * guest_username, always chrooted, with the anon_* permissions unless virtual_use_local_privs=YES
 * (twoprocess.c common_do_login).
 */
export function virtualUsersAsAnonymous(config: EffectiveConfig): boolean {
  return isYes(config, 'local_enable') && isYes(config, 'guest_enable') && isNo(config, 'virtual_use_local_privs');
}

/** Whether some sessions run with the anonymous permissions: anonymous logins or such virtual users. */
export function hasAnonymousSessions(config: EffectiveConfig): boolean {
  return isYes(config, 'anonymous_enable') || virtualUsersAsAnonymous(config);
}

/** A value as vsftpd.conf writes it: YES/NO, umasks and modes in octal with a leading 0. */
export function formatValue(option: OptionSpec, value: OptionValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'YES' : 'NO';
  if (typeof value === 'number' && option.unit === 'mode') {
    const octal = value.toString(8);
    return octal.length < 3 ? octal.padStart(3, '0') : `0${octal}`; // 022, 077, 0666
  }
  return String(value);
}

/** "anonymous_enable=YES (line 3)" or "anonymous_enable=YES (the compiled default of Debian vsftpd 3.0.3)". */
export function describe(config: EffectiveConfig, value: EffectiveValue): string {
  const { option } = value;
  const source = config.describeSource(value);
  if (value.value === null) return `${option.name} unset (${source})`;
  // A umask written without its leading 0 ("22") is shown as written, with what vsftpd reads.
  const written = value.source?.line.value.replace(/\r$/, '');
  const reading = written === undefined ? undefined : readingNote(option, written, value.value);
  if (reading) return `${option.name}=${written} (${source}, ${reading})`;
  return `${option.name}=${formatValue(option, value.value)} (${source})`;
}

/**
 * "read as 026" when the text of a umask or mode does not plainly say the octal value vsftpd
 * reads ("22" is decimal 22, octal 026), else undefined.
 */
export function readingNote(option: OptionSpec, written: string, value: OptionValue): string | undefined {
  if (option.unit !== 'mode' || typeof value !== 'number' || /^0[0-7]*$/.test(written)) return undefined;
  return `read as ${formatValue(option, value)}`;
}

/** The line that sets a value, or undefined when it is the compiled default. */
export function lineOf(value: EffectiveValue | undefined): SettingLine | undefined {
  return value?.source?.line;
}

/**
 * Where a finding about an effective value points: the value on the line that sets it, or the
 * file as a whole (1:1) when the value is the compiled default.
 */
export function at(value: EffectiveValue): Pick<Report, 'line' | 'column' | 'endColumn' | 'option'> {
  const line = lineOf(value);
  if (!line) return { option: value.option.name };
  return { line, column: line.valueColumn, endColumn: line.valueColumn + line.value.length, option: value.option.name };
}

/**
 * Whether lines appended to the document would be read: vsftpd reads only the first 100,000
 * bytes, so in a longer file an appended setting would never take effect (and a fix adding it
 * would be offered again on every pass).
 */
function appendIsRead(document: Document, lines: readonly string[]): boolean {
  const separator = document.text === '' || document.text.endsWith('\n') ? 0 : 1;
  const added = Buffer.byteLength(lines.join('\n'), document.encoding === 'latin1' ? 'latin1' : 'utf8');
  return document.byteLength + separator + added <= VSFTPD_READ_LIMIT;
}

/**
 * An unsafe fix that appends lines (a setting whose compiled default is risky), or undefined
 * when vsftpd would not read them (the file already reaches its 100,000-byte read limit).
 */
export function fixAppend(document: Document, lines: readonly string[]): Fix | undefined {
  return appendIsRead(document, lines) ? fixWith('unsafe', appendLines(document, lines)) : undefined;
}

/**
 * An unsafe fix that makes an option take `text`: the value on the line that sets it is
 * rewritten (a trailing "\r" is kept), or, for a compiled default, `name=text` is appended.
 * Undefined where the edit would not take effect: a line cut by the read limit, or an append
 * past it. Unsafe because a different value changes what the server does.
 */
export function fixSetting(document: Document, value: EffectiveValue, text: string): Fix | undefined {
  const line = lineOf(value);
  if (!line) return fixAppend(document, [`${value.option.name}=${text}`]);
  if (line.reach !== 'whole') return undefined;
  const end = line.nameColumn + line.name.length;
  if (!line.hasEquals) return fixWith('unsafe', replaceInLine(line, end, end, `=${text}`));
  const written = line.value.replace(/\r$/, '');
  return fixWith('unsafe', replaceInLine(line, line.valueColumn, line.valueColumn + written.length, text));
}

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
