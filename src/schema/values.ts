/**
 * How vsftpd turns value text into booleans and numbers (parseconf.c, str.c, sysutil.c).
 * These functions reproduce the binary's arithmetic, including its surprises; `formatValue`
 * goes the other way, writing a value as vsftpd.conf spells it.
 */
import type { OptionSpec, OptionType, OptionValue } from './options';

const TRUE_WORDS = new Set(['YES', 'TRUE', '1']);
const FALSE_WORDS = new Set(['NO', 'FALSE', '0']);

/** ASCII-only upper-casing, as C's toupper() in the C locale. */
function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/** A boolean value as vsftpd reads it, or undefined for "bad bool value". Never trimmed. */
export function readBool(value: string): boolean | undefined {
  // Upper-casing keeps the length, and no word is longer than FALSE: most values end here.
  if (value.length > 5) return undefined;
  const upper = asciiUpper(value);
  if (TRUE_WORDS.has(upper)) return true;
  if (FALSE_WORDS.has(upper)) return false;
  return undefined;
}

const TWO_POW_32 = 2 ** 32;
const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/**
 * An unsigned-integer value as vsftpd stores it: octal when the first character is "0",
 * otherwise glibc atoi() (strtol base 10, saturating at 64 bits, then truncated to 32).
 * Never an error: unparsable text gives 0.
 */
export function readUint(value: string): number {
  return value.startsWith('0') ? readOctal(value) : readAtoi(value);
}

function readOctal(value: string): number {
  let result = 0;
  for (const ch of value) {
    if (ch < '0' || ch > '7') break;
    result = (result * 8 + (ch.charCodeAt(0) - 48)) % TWO_POW_32;
  }
  return result;
}

const ATOI = /^[ \t\n\v\f\r]*([+-]?)([0-9]*)/;

function readAtoi(value: string): number {
  const [, sign, digits] = ATOI.exec(value)!;
  if (digits === '') return 0;
  let n = BigInt(digits);
  if (sign === '-') n = -n;
  if (n > LONG_MAX) n = LONG_MAX;
  if (n < LONG_MIN) n = LONG_MIN;
  return Number(BigInt.asUintN(32, n));
}

/** Ports are stored as unsigned ints and cast to 16 bits where used. */
export function asPort(value: number): number {
  return value & 0xffff;
}

/** Whitespace as C's isspace() sees it in the C locale. */
export const C_WHITESPACE = ' \t\n\v\f\r';

const TRIM = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;

/** Trims C whitespace from both ends, as the Debian and Fedora builds do to string values. */
export function trimCWhitespace(value: string): string {
  return value.replace(TRIM, '');
}

export function isCWhitespace(value: string): boolean {
  return /^[ \t\n\v\f\r]*$/.test(value);
}

/** A value as vsftpd.conf writes it: YES/NO, umasks and modes in octal with a leading 0, "" for unset. */
export function formatValue(option: OptionSpec, value: OptionValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'YES' : 'NO';
  if (typeof value === 'number' && option.unit === 'mode') {
    const octal = value.toString(8);
    return octal.length < 3 ? octal.padStart(3, '0') : `0${octal}`; // 022, 077, 0666
  }
  return String(value);
}

/**
 * "read as 026" when the text of a umask or mode does not plainly say the octal value vsftpd
 * reads ("22" is decimal 22, octal 026), else undefined.
 */
export function readingNote(option: OptionSpec, written: string, value: OptionValue): string | undefined {
  if (option.unit !== 'mode' || typeof value !== 'number' || /^0[0-7]*$/.test(written)) return undefined;
  return `read as ${formatValue(option, value)}`;
}

/** Text after a value that looks like a comment. vsftpd has no inline comments: it is value text. */
export interface InlineComment {
  /** The value before the comment, without the blanks before "#". */
  readonly before: string;
  /** The comment, from "#" to the end of the value, without a final "\r". */
  readonly comment: string;
  /** Offsets in the value of the first blank before "#" and of the end of the comment. */
  readonly start: number;
  readonly end: number;
}

/**
 * The "# comment" after a value, or undefined. In a string "#" starts a comment only after a
 * blank ("/srv/ftp#1" is a name); booleans and numbers never contain "#". Something must come
 * before it: "= # text" is a value that is all comment.
 */
export function inlineComment(value: string, type: OptionType): InlineComment | undefined {
  const match = (type === 'string' ? /[ \t]+#/ : /[ \t]*#/).exec(value);
  if (!match || value.slice(0, match.index).trim() === '') return undefined;
  const end = value.endsWith('\r') ? value.length - 1 : value.length;
  const hash = match.index + match[0].length - 1;
  return { before: value.slice(0, match.index), comment: value.slice(hash, end), start: match.index, end };
}

/** The text of a number as it was meant: without a CRLF's "\r" or an inline comment. */
export function numberText(value: string): string {
  const withoutCr = value.replace(/\r$/, '');
  return inlineComment(withoutCr, 'uint')?.before ?? withoutCr;
}
