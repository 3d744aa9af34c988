/**
 * The concrete syntax tree of a vsftpd.conf: one node per line, keeping every character so that
 * printing the nodes back gives the input exactly. Each node also records how vsftpd 3.0.x
 * reads the line (parseconf.c), so rules never re-implement the file format.
 */

/** How the text was decoded from bytes; decides how byte offsets are counted. */
export type Encoding = 'utf8' | 'latin1';

/** vsftpd reads at most this many bytes of a config file (VSFTP_CONF_FILE_MAX, defs.h). */
export const VSFTPD_READ_LIMIT = 100_000;

/**
 * The number of bytes `text` takes in `encoding`, as Buffer.byteLength counts them (a lone
 * surrogate is 3 bytes: it is written as U+FFFD). Plain code rather than Buffer, so the engine
 * also runs in a browser (the playground).
 */
export function byteLength(text: string, encoding: Encoding): number {
  if (encoding === 'latin1') return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * How much of a line vsftpd reads: all of it, the part before the read limit, or nothing
 * (the line starts at or after byte 100,000).
 */
export type LineReach = 'whole' | 'cut' | 'unread';

/** What every line node records, whatever its kind. */
export interface LineBase {
  /** 1-based line number. */
  readonly line: number;
  /** Offset of the line's first character in the document text. */
  readonly start: number;
  /** Offset of the line's first byte in the file (counts bytes in the document's encoding). */
  readonly byteStart: number;
  /** The line without its terminating "\n". A "\r" stays: vsftpd ends lines at "\n" only. */
  readonly text: string;
  /** "\n", or "" for a last line without a newline. */
  readonly eol: '\n' | '';
  readonly reach: LineReach;
  /** The part of `text` vsftpd reads: all of it, the part before the read limit, or "". */
  readonly read: string;
}

/** An empty line, or one of only C whitespace (space, \t, \r, \v, \f): vsftpd skips it. */
export interface BlankLine extends LineBase {
  readonly kind: 'blank';
}

/** A line whose very first byte is "#": vsftpd skips it. An indented "#" is not a comment. */
export interface CommentLine extends LineBase {
  readonly kind: 'comment';
}

/**
 * Any other line: vsftpd reads it as NAME=VALUE. Leading whitespace is skipped, the name runs to
 * the first "=", and a NUL byte ends the text vsftpd looks at. Nothing else is trimmed.
 */
export interface SettingLine extends LineBase {
  readonly kind: 'setting';
  /** Whitespace vsftpd skips before the name. */
  readonly indent: string;
  /** The name exactly as vsftpd compares it (trailing spaces, "\r" or a BOM included). */
  readonly name: string;
  /** 0-based column of the name in `text`. */
  readonly nameColumn: number;
  /** Whether an "=" follows the name. */
  readonly hasEquals: boolean;
  /** The value exactly as vsftpd reads it: after the first "=", up to a NUL byte. */
  readonly value: string;
  /** 0-based column of the value in `text` (just after "=", or the end of the name). */
  readonly valueColumn: number;
  /** 0-based column of a NUL byte that ends what vsftpd reads, or -1. */
  readonly nulColumn: number;
}

export type Line = BlankLine | CommentLine | SettingLine;

export interface Document {
  /** The complete input; `print(doc)` returns it. */
  readonly text: string;
  readonly encoding: Encoding;
  /** Lines in order; their `text + eol` concatenate to `text`. */
  readonly lines: readonly Line[];
  /** The input starts with a UTF-8 byte order mark, which vsftpd reads as part of the first name. */
  readonly hasBom: boolean;
  /** Total size in bytes. */
  readonly byteLength: number;
}
