/**
 * Rule docs show their examples in a readable notation; this turns one into the text it stands
 * for, so that the suite can check that every "bad" example triggers its rule and every "good"
 * one does not (test/rule-contract.test.ts).
 *
 * Notation: `\r`, `\t` and `\0` stand for CR, TAB and NUL; `<BOM>` for a UTF-8 byte order mark;
 * a line `(100 kB of comments)` for comment lines that fill vsftpd's 100,000-byte read limit.
 */
import { VSFTPD_READ_LIMIT } from '../parser/document';

export const FILLER_LINE = '(100 kB of comments)';

const ESCAPES: Readonly<Record<string, string>> = { r: '\r', t: '\t', '0': '\0', n: '\n' };

export function exampleText(notation: string): string {
  return notation
    .split('\n')
    .map((line) => (line === FILLER_LINE ? filler() : line.replace(/\\([rt0n])/g, (_, c: string) => ESCAPES[c])))
    .join('\n')
    .replace(/<BOM>/g, '\uFEFF');
}

/** Comment lines totalling just over the read limit (the newline after the last one excluded). */
function filler(): string {
  const line = `#${'-'.repeat(98)}`;
  return Array.from({ length: Math.ceil(VSFTPD_READ_LIMIT / (line.length + 1)) }, () => line).join('\n');
}
