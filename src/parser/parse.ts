import { byteLength, Document, Encoding, Line, LineReach, VSFTPD_READ_LIMIT } from './document';

/** C-locale isspace() minus "\n", which never occurs inside a line. */
const C_SPACE = /^[ \t\r\v\f]*$/;
const LEADING_C_SPACE = /^[ \t\r\v\f]*/;
const BOM = '\uFEFF';
const LATIN1_BOM = '\xEF\xBB\xBF';

export interface ParseOptions {
  /**
   * How `text` was decoded from the file: 'utf8' (the default) or 'latin1' (one character per
   * byte, used for files that are not valid UTF-8). Byte offsets and the read limit follow it.
   */
  readonly encoding?: Encoding;
}

/**
 * Parses vsftpd.conf text into a lossless tree. Never throws: every string is a document, and
 * lines vsftpd would reject are kept as settings for the rules to judge.
 */
export function parse(text: string, options: ParseOptions = {}): Document {
  // The library's entry point for text: a clear error, not a failure inside the loop below.
  if (typeof text !== 'string') throw new TypeError(`vsftpd-lint: text must be a string, got ${text === null ? 'null' : typeof text}`);
  const encoding = options.encoding ?? 'utf8';
  const lines: Line[] = [];
  let start = 0;
  let byteStart = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const lineText = text.slice(start, end);
    const eol = newline === -1 ? '' : '\n';
    const lineBytes = byteLength(lineText, encoding);
    const { reach, read } = readPart(lineText, byteStart, lineBytes, encoding);
    lines.push(parseLine(lineText, eol, lines.length + 1, start, byteStart, reach, read));
    start = end + eol.length;
    byteStart += lineBytes + eol.length;
  }
  const hasBom = text.startsWith(encoding === 'utf8' ? BOM : LATIN1_BOM);
  return { text, encoding, lines, hasBom, byteLength: byteStart };
}

/** Prints a document back to text: the exact input of `parse`. */
export function print(doc: Document): string {
  let out = '';
  for (const line of doc.lines) out += line.text + line.eol;
  return out;
}

function parseLine(text: string, eol: '\n' | '', line: number, start: number, byteStart: number, reach: LineReach, read: string): Line {
  // vsftpd classifies the line it read; a line it never reads is classified by its full text so
  // that the read-limit rule can say what is lost.
  const seen = reach === 'unread' ? text : read;
  // Plain object literals with one property order: spreading a shared base was the parser's
  // main cost on large files.
  if (C_SPACE.test(seen)) return { kind: 'blank', line, start, byteStart, text, eol, reach, read };
  if (seen.startsWith('#')) return { kind: 'comment', line, start, byteStart, text, eol, reach, read };
  // vsf_parseconf_load_setting: stop at NUL, skip leading whitespace, split at the first "=".
  const nulColumn = seen.indexOf('\0');
  const cString = nulColumn === -1 ? seen : seen.slice(0, nulColumn);
  const indent = LEADING_C_SPACE.exec(cString)![0];
  const rest = cString.slice(indent.length);
  const equals = rest.indexOf('=');
  const name = equals === -1 ? rest : rest.slice(0, equals);
  return {
    kind: 'setting',
    line,
    start,
    byteStart,
    text,
    eol,
    reach,
    read,
    indent,
    name,
    nameColumn: indent.length,
    hasEquals: equals !== -1,
    value: equals === -1 ? '' : rest.slice(equals + 1),
    valueColumn: indent.length + name.length + (equals === -1 ? 0 : 1),
    nulColumn,
  };
}

/** Which part of a line falls inside vsftpd's 100,000-byte read limit. */
function readPart(text: string, byteStart: number, byteLength: number, encoding: Encoding): { reach: LineReach; read: string } {
  if (byteStart >= VSFTPD_READ_LIMIT) return { reach: 'unread', read: '' };
  if (byteStart + byteLength <= VSFTPD_READ_LIMIT) return { reach: 'whole', read: text };
  const budget = VSFTPD_READ_LIMIT - byteStart;
  return { reach: 'cut', read: encoding === 'utf8' ? utf8Prefix(text, budget) : text.slice(0, budget) };
}

/** The longest prefix of `s` whose UTF-8 encoding fits in `bytes` (a split character is dropped). */
function utf8Prefix(s: string, bytes: number): string {
  let used = 0;
  let i = 0;
  while (i < s.length) {
    const codePoint = s.codePointAt(i)!;
    const width = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    if (used + width > bytes) break;
    used += width;
    i += codePoint >= 0x10000 ? 2 : 1;
  }
  return s.slice(0, i);
}
