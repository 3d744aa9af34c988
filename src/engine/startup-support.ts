/**
 * Shared helpers for the start-up rules (VSF301-VSF329): reading effective booleans, showing
 * where a value comes from, pointing at the line that sets an option, fixing a value in place,
 * and the two address parsers vsftpd uses for its listeners (glibc inet_aton, vsftpd's own
 * ipaddrparse.c).
 */
import type { Document, SettingLine } from '../parser/document';
import type { EffectiveConfig, EffectiveValue } from './effective-config';
import type { TextEdit } from './finding';
import { appendLines, replaceInLine } from './rule';

/** The effective value of a boolean option, or undefined when the target does not know it. */
export function flag(config: EffectiveConfig, name: string): (EffectiveValue & { value: boolean }) | undefined {
  const v = config.get(name);
  return v && typeof v.value === 'boolean' ? (v as EffectiveValue & { value: boolean }) : undefined;
}

/** Whether a boolean option is effectively YES (false when the target does not know it). */
export function isOn(config: EffectiveConfig, name: string): boolean {
  return flag(config, name)?.value === true;
}

/** The line that sets a value, or undefined for the compiled default. */
export function lineOf(value: EffectiveValue | undefined): SettingLine | undefined {
  return value?.source?.line;
}

/** "listen=YES (line 3)" or "listen=YES (the compiled default of Debian vsftpd 3.0.3)". */
export function shown(config: EffectiveConfig, value: EffectiveValue): string {
  return `${value.option.name}=${written(value.value)} (${config.describeSource(value)})`;
}

/**
 * Two values for one message: "listen=NO and listen_ipv6=NO (the compiled defaults of Debian
 * vsftpd 3.0.3)" when neither is written, else each with its own source.
 */
export function shownPair(config: EffectiveConfig, a: EffectiveValue, b: EffectiveValue): string {
  if (a.source || b.source) return `${shown(config, a)} and ${shown(config, b)}`;
  return `${a.option.name}=${written(a.value)} and ${b.option.name}=${written(b.value)} (the compiled defaults of ${config.target.label})`;
}

function written(value: EffectiveValue['value']): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'YES' : 'NO';
  return String(value);
}

/** The columns of a whole setting, from the name to the end of the value. */
export function settingSpan(line: SettingLine): { column: number; endColumn: number } {
  return { column: line.nameColumn, endColumn: line.valueColumn + line.value.length };
}

/** The columns of a setting's value. */
export function valueSpan(line: SettingLine): { column: number; endColumn: number } {
  return { column: line.valueColumn, endColumn: line.valueColumn + line.value.length };
}

/**
 * The edit that makes an option take `text`: the value of the line that sets it is replaced, or,
 * when the option has its compiled default, `name=text` is appended to the file.
 */
export function setValueEdit(document: Document, value: EffectiveValue, text: string): TextEdit {
  const line = lineOf(value);
  if (!line) return appendLines(document, [`${value.option.name}=${text}`]);
  if (!line.hasEquals) return replaceInLine(line, line.nameColumn + line.name.length, line.text.length, `=${text}`);
  const end = line.valueColumn + line.value.length;
  return replaceInLine(line, line.valueColumn, end, text);
}

const C_SPACE = ' \t\n\v\f\r';

/** strtoul(text, &end, 0) on a text that starts with a digit: [value, characters used]. */
function strtoul0(text: string): [bigint, number] {
  let base = 10;
  let i = 0;
  if (text[0] === '0') {
    if ((text[1] === 'x' || text[1] === 'X') && /[0-9a-fA-F]/.test(text[2] ?? '')) {
      base = 16;
      i = 2;
    } else {
      base = 8;
    }
  }
  const digit = base === 16 ? /[0-9a-fA-F]/ : base === 8 ? /[0-7]/ : /[0-9]/;
  let value = 0n;
  while (i < text.length && digit.test(text[i])) {
    value = value * BigInt(base) + BigInt(parseInt(text[i], 16));
    i++;
  }
  return [value, i];
}

/**
 * glibc inet_aton: "a.b.c.d", "a.b.c", "a.b" or "a", each part decimal, octal (leading 0) or hex
 * (0x), ending at the end of the text or at a blank. Returns the address as a number, or
 * undefined where vsftpd says "bad listen_address".
 */
export function inetAton(text: string): number | undefined {
  const parts: number[] = [];
  let rest = text;
  let last: bigint;
  for (;;) {
    if (!/^[0-9]/.test(rest)) return undefined;
    const [value, used] = strtoul0(rest);
    if (value > 0xffffffffn) return undefined;
    last = value;
    rest = rest.slice(used);
    if (rest[0] !== '.') break;
    if (parts.length > 2 || value > 0xffn) return undefined;
    parts.push(Number(value));
    rest = rest.slice(1);
  }
  if (rest !== '' && !C_SPACE.includes(rest[0])) return undefined;
  const max = [0xffffffffn, 0xffffffn, 0xffffn, 0xffn][parts.length];
  if (last > max) return undefined;
  let address = 0;
  parts.forEach((p, i) => (address += p * 2 ** (24 - 8 * i)));
  return address + Number(last);
}

/**
 * vsftpd's own IPv6 parser (ipaddrparse.c vsf_sysutil_parse_ipv6), used for listen_address6:
 * hex groups of at most 4 digits split on ":", one "::", dotted quads allowed as groups, at most
 * 16 bytes. It is lenient (fewer than 8 groups without "::" pass); this says only whether vsftpd
 * stops with "bad listen_address6". Debian's binary ignores everything from the first "%" (a
 * zone such as "%eth0"), observed by running it; the upstream source has no such step.
 */
export function vsftpdParsesIpv6(address: string, ignoresZone: boolean): boolean {
  const text = ignoresZone && address.includes('%') ? address.slice(0, address.indexOf('%')) : address;
  const at = text.indexOf('::');
  const halves = at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + 2)];
  let bytes = 0;
  for (const half of halves) {
    if (half === '') continue;
    const groups = half.split(':');
    // A trailing ":" leaves an empty last piece, which vsftpd never looks at.
    if (groups[groups.length - 1] === '') groups.pop();
    for (const group of groups) {
      if (group === '') return false;
      if (group.includes('.')) {
        if (!/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.test(group)) return false;
        if (group.split('.').some((n) => Number(n) > 255)) return false;
        bytes += 4;
      } else {
        if (!/^[0-9a-fA-F]+$/.test(group) || parseInt(group, 16) > 0xffff) return false;
        bytes += 2;
      }
    }
  }
  return bytes <= 16;
}
