/**
 * What the data-connection rules (VSF2xx) share: the passive port range vsftpd really uses, the
 * address it really puts in a 227 reply, and the edits that set or remove an option.
 *
 * Range: privops.c `vsf_privop_pasv_listen` (reference section 4.1). Address: postlogin.c
 * `handle_pasv` with glibc `inet_aton` (reference section 4.2). Every row of the reference's
 * tables is a test case in test/passive-range.test.ts.
 */
import type { Document } from '../parser/document';
import type { EffectiveConfig, EffectiveValue } from './effective-config';
import type { TextEdit } from './finding';
import { appendLines, deleteLine, replaceInLine } from './rule';
import { quote } from './text';

// ---------------------------------------------------------------------------------------------
// The passive port range
// ---------------------------------------------------------------------------------------------

/** vsftpd's floor: pasv_min_port is used only when above it (IPPORT_RESERVED). */
export const PASV_PORT_FLOOR = 1024;
/** vsftpd's ceiling: pasv_max_port is used only when below it. */
export const PASV_PORT_CEILING = 65535;

/**
 * The range the fixes write when a configuration has none. A later option (--pasv-range) will
 * make it configurable; until then every rule takes it from here.
 */
export const SUGGESTED_PASV_RANGE: { readonly min: number; readonly max: number } = { min: 40000, max: 40100 };

export interface PassiveRange {
  /** First and last port vsftpd may pick, inclusive. */
  readonly lo: number;
  readonly hi: number;
  /** Whether pasv_min_port was taken (otherwise lo is 1024). */
  readonly minUsed: boolean;
  /** Whether pasv_max_port was taken (otherwise hi is 65535). */
  readonly maxUsed: boolean;
}

/**
 * The range vsftpd picks PASV/EPSV ports from, given the two option values as vsftpd stores them
 * (unsigned ints, after its octal/atoi parsing). Exactly privops.c:
 *
 *     lo = 1024, hi = 65535
 *     if (pasv_min_port > 1024 && pasv_min_port <= 65535) lo = pasv_min_port
 *     if (pasv_max_port >= lo && pasv_max_port < 65535)   hi = pasv_max_port
 *
 * Both comparisons are unsigned, so a value written "-1" (4294967295) is simply too large.
 */
export function effectivePassiveRange(min: number, max: number): PassiveRange {
  let lo = PASV_PORT_FLOOR;
  let hi = PASV_PORT_CEILING;
  const minUsed = min > PASV_PORT_FLOOR && min <= PASV_PORT_CEILING;
  if (minUsed) lo = min;
  const maxUsed = max >= lo && max < PASV_PORT_CEILING;
  if (maxUsed) hi = max;
  return { lo, hi, minUsed, maxUsed };
}

/** How many ports the range has. */
export function rangeSize(range: PassiveRange): number {
  return range.hi - range.lo + 1;
}

/** "40000-40100", or "40000" for a one-port range. */
export function formatRange(range: PassiveRange): string {
  return range.lo === range.hi ? `${range.lo}` : `${range.lo}-${range.hi}`;
}

export function rangeContains(range: PassiveRange, port: number): boolean {
  return port >= range.lo && port <= range.hi;
}

export interface PassiveRangeSettings {
  readonly min: EffectiveValue;
  readonly max: EffectiveValue;
  readonly range: PassiveRange;
}

/** The two options with their sources and the range they give; undefined if the target lacks them. */
export function passiveRangeSettings(config: EffectiveConfig): PassiveRangeSettings | undefined {
  const min = config.get('pasv_min_port');
  const max = config.get('pasv_max_port');
  if (!min || !max || typeof min.value !== 'number' || typeof max.value !== 'number') return undefined;
  return { min, max, range: effectivePassiveRange(min.value, max.value) };
}

// ---------------------------------------------------------------------------------------------
// Option values
// ---------------------------------------------------------------------------------------------

/** The effective value of a boolean option, or undefined when the target does not know it. */
export function boolOption(config: EffectiveConfig, name: string): boolean | undefined {
  const value = config.get(name)?.value;
  return typeof value === 'boolean' ? value : undefined;
}

/** Whether PASV/EPSV are answered at all (pasv_enable, YES by default in every build). */
export function passiveEnabled(config: EffectiveConfig): boolean {
  return boolOption(config, 'pasv_enable') === true;
}

/** Whether vsftpd runs its own listener (listen=YES or listen_ipv6=YES) rather than under inetd. */
export function standalone(config: EffectiveConfig): boolean {
  return boolOption(config, 'listen') === true || boolOption(config, 'listen_ipv6') === true;
}

/**
 * "name=VALUE" for messages, e.g. "pasv_enable=NO"; a string with blanks or invisible characters
 * is quoted with them spelled out ("ftpd_banner='a\\tb'").
 */
export function written(option: EffectiveValue): string {
  const { value } = option;
  if (typeof value === 'string' && (quote(value) !== `'${value}'` || /[ ']/.test(value))) {
    return `${option.option.name}=${quote(value)}`;
  }
  const text = typeof value === 'boolean' ? (value ? 'YES' : 'NO') : value === null ? '' : String(value);
  return `${option.option.name}=${text}`;
}

/** "pasv_enable=NO (line 7)" or "pasv_min_port=5001 (the compiled default of Debian vsftpd 3.0.3)". */
export function describeSetting(config: EffectiveConfig, option: EffectiveValue): string {
  return `${written(option)} (${config.describeSource(option)})`;
}

// ---------------------------------------------------------------------------------------------
// Edits
// ---------------------------------------------------------------------------------------------

/**
 * The edit that makes `option` read `text`: the value of the line that sets it now (the last one,
 * which wins) is replaced, or, for a compiled default, "name=text" is appended.
 * A trailing "\r" of a CRLF line is kept.
 */
export function setOption(document: Document, option: EffectiveValue, text: string): TextEdit {
  const source = option.source;
  if (!source) return appendLines(document, [`${option.option.name}=${text}`]);
  const line = source.line;
  const value = line.value.replace(/\r$/, '');
  return replaceInLine(line, line.valueColumn, line.valueColumn + value.length, text);
}

/** Edits that delete every line setting `name` (deleting only the last would revive an earlier one). */
export function removeOption(config: EffectiveConfig, name: string): TextEdit[] {
  return config.occurrences(name).map((setting) => deleteLine(setting.line));
}

// ---------------------------------------------------------------------------------------------
// IPv4 addresses (pasv_address, listen_address)
// ---------------------------------------------------------------------------------------------

const UINT32_MAX = 0xffffffff;
/** Largest value of the last part for 1, 2, 3 and 4 parts: a, a.b (24 bits), a.b.c (16 bits), a.b.c.d. */
const LAST_PART_MAX = [UINT32_MAX, 0xffffff, 0xffff, 0xff];
const C_SPACE = /^[ \t\n\v\f\r]$/;

/**
 * An IPv4 address as glibc inet_aton() reads it, as a 32-bit number, or undefined where
 * inet_aton fails (vsftpd: "500 OOPS: invalid pasv_address", "bad listen_address"). Accepts
 * 1 to 4 dot-separated parts, each decimal, octal (leading 0) or hex (0x); the last part fills
 * the remaining bytes ("127.1" is 127.0.0.1); anything after a blank is ignored
 * ("1.2.3.4 junk" is 1.2.3.4). A trailing dot, a part over 255, or a value over 32 bits fails.
 */
export function parseInetAton(text: string): number | undefined {
  const parts: number[] = [];
  let i = 0;
  for (;;) {
    let c = text[i];
    if (c === undefined || c < '0' || c > '9') return undefined;
    let base = 10;
    let digit = false;
    if (c === '0') {
      c = text[++i];
      if (c === 'x' || c === 'X') {
        base = 16;
        c = text[++i];
      } else {
        base = 8;
        digit = true;
      }
    }
    let value = 0;
    for (;;) {
      const isDecimal = c !== undefined && c >= '0' && c <= '9';
      const isHex = c !== undefined && base === 16 && /^[0-9a-fA-F]$/.test(c);
      if (!isDecimal && !isHex) break;
      if (base === 8 && c! > '7') return undefined;
      value = value * base + parseInt(c!, 16);
      if (value > UINT32_MAX) return undefined;
      c = text[++i];
      digit = true;
    }
    if (c === '.') {
      if (parts.length > 2 || value > 0xff) return undefined;
      parts.push(value);
      i++;
      continue;
    }
    if (c !== undefined && !C_SPACE.test(c)) return undefined;
    if (!digit || value > LAST_PART_MAX[parts.length]) return undefined;
    let address = 0;
    parts.forEach((part, n) => {
      address += part * 2 ** (24 - 8 * n);
    });
    return address + value;
  }
}

/** Dotted quad of a 32-bit address. */
export function formatIPv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/**
 * What kind of address it is, for whether a client elsewhere can connect to it:
 * - unspecified: 0.0.0.0/8 ("this network"); nobody can connect to it
 * - loopback: 127.0.0.0/8, the client's own machine
 * - link-local: 169.254.0.0/16, only the same network segment, never through a router
 * - multicast / reserved / broadcast: 224.0.0.0/4, 240.0.0.0/4, 255.255.255.255; no TCP
 * - private: RFC 1918 (10/8, 172.16/12, 192.168/16) and carrier-grade NAT (100.64.0.0/10)
 * - public: anything else
 */
export type AddressKind =
  | 'unspecified'
  | 'loopback'
  | 'link-local'
  | 'multicast'
  | 'reserved'
  | 'broadcast'
  | 'private'
  | 'public';

export function classifyIPv4(address: number): AddressKind {
  const [a, b] = [Math.floor(address / 2 ** 24), Math.floor(address / 2 ** 16) % 256];
  if (address === UINT32_MAX) return 'broadcast';
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  return 'public';
}

/** Words for the kinds in messages. */
export const ADDRESS_KIND_WORDS: Readonly<Record<AddressKind, string>> = {
  unspecified: 'the "this host" address 0.0.0.0/8',
  loopback: 'a loopback address',
  'link-local': 'a link-local address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
  broadcast: 'the broadcast address',
  private: 'a private (RFC 1918 or carrier-grade NAT) address',
  public: 'a public address',
};

/**
 * The listen_address vsftpd binds, parsed, when its IPv4 listener is the one in use
 * (listen=YES, listen_ipv6=NO); undefined otherwise or when unset or unparsable.
 */
export function ipv4ListenAddress(config: EffectiveConfig): { readonly option: EffectiveValue; readonly address: number } | undefined {
  if (boolOption(config, 'listen') !== true || boolOption(config, 'listen_ipv6') === true) return undefined;
  const option = config.get('listen_address');
  if (!option || typeof option.value !== 'string') return undefined;
  const address = parseInetAton(option.value);
  return address === undefined ? undefined : { option, address };
}
