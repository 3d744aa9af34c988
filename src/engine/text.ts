/** Helpers for showing config text in messages: invisible characters are made visible. */
import type { Document, SettingLine } from '../parser/document';

const VISIBLE: Record<string, string> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\f': '\\f',
  '\0': '\\0',
  '\uFEFF': '<BOM>',
  '\u00A0': '<NBSP>',
};

/**
 * What a terminal, a CI log or an editor could act on or show misleadingly: C0 controls (ESC
 * starts terminal escape sequences, CR and LF start forged lines), DEL, C1 controls (U+0080 to
 * U+009F, CSI among them), the bidirectional controls that reorder text ("Trojan Source":
 * U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), the line and paragraph
 * separators, NBSP and the BOM.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00a0\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The longest text a message quotes: more is cut, with "…" (a message never carries a whole file). */
const MAX_QUOTED = 80;

/**
 * The one escaping of text that ends up in messages, reports and stderr (file names, config text,
 * config-file values): every character of `INVISIBLE` spelled out (\n, \x1b, \u202e, <BOM>),
 * so that it can neither act on a terminal nor forge a line.
 */
export function escapeText(s: string): string {
  return s.replace(INVISIBLE, (ch) => {
    const code = ch.charCodeAt(0);
    return VISIBLE[ch] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** `s` cut after `MAX_QUOTED` characters (then "…"), never inside a surrogate pair. */
export function bounded(s: string, max = MAX_QUOTED): string {
  if (s.length <= max) return s;
  const end = /[\ud800-\udbff]/.test(s[max - 1]) ? max - 1 : max;
  return `${s.slice(0, end)}…`;
}

/** `escapeText(bounded(s))`: what a message quotes. */
export function shown(s: string, max = MAX_QUOTED): string {
  return escapeText(bounded(s, max));
}

/** `s` in single quotes, escaped and bounded as by `shown`. */
export function quote(s: string): string {
  return `'${shown(s)}'`;
}

/**
 * `s` as it is, or quoted as by `quote` when it has blanks, a single quote or invisible
 * characters, so that a message shows exactly where the text starts and ends.
 */
export function quoteIfNeeded(s: string): string {
  const quoted = quote(s);
  return quoted !== `'${s}'` || /[ ']/.test(s) ? quoted : shown(s);
}

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "500 OOPS: <text>" as vsftpd prints it, with invisible characters spelled out. */
export function oops(text: string): string {
  return `"500 OOPS: ${quote(text).slice(1, -1)}"`;
}

/** The BOM and an indented "#" explain a rejected line before any other cause does. */
export function startsWithBom(document: Document, line: SettingLine): boolean {
  return document.hasBom && line.line === 1;
}

export function isIndentedComment(line: SettingLine): boolean {
  return line.indent !== '' && line.name.startsWith('#');
}

/**
 * The comment marker of another language ("//", "/*", ";", or "--" followed by a blank, a "-" or
 * the end of the line) that starts a setting line, or undefined. vsftpd has no comment syntax but "#"
 * in column 1, so it reads such a line as an option name and stops.
 */
export function foreignCommentMarker(line: SettingLine): string | undefined {
  return /^(?:\/\/|\/\*|;|--(?=[ \t\r\v\f-]|$))/.exec(line.name)?.[0];
}

/** Lines whose cause another rule explains first: a BOM, an indented "#", a "//" or ";" comment. */
export function isExplainedByLayout(document: Document, line: SettingLine): boolean {
  return startsWithBom(document, line) || isIndentedComment(line) || foreignCommentMarker(line) !== undefined;
}

/**
 * Line numbers for a message, runs joined: "line 4", "lines 1-3, 5 and 9-12". Past `max` runs the
 * rest is counted: "lines 1, 3, 5 and 7 more".
 */
export function lineList(lines: readonly number[], max = 8): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j === i ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  const word = sorted.length === 1 ? 'line' : 'lines';
  if (runs.length <= 1) return `${word} ${runs.join('')}`;
  if (runs.length > max) return `${word} ${runs.slice(0, max).join(', ')} and ${runs.length - max} more`;
  return `${word} ${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}`;
}
