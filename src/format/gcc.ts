/**
 * The GCC diagnostic format (`--format gcc`), which editors (Emacs compilation-mode, Vim's
 * quickfix, VS Code problem matchers) jump from:
 *
 *   vsftpd.conf:7:12: error: 'YES ' is not a boolean (...) [VSF102/bad-bool-value]
 *
 * Severities are `error`, `warning` and `note` (for info). No summary; files that could not be
 * read are reported on stderr only.
 *
 * The format has no quoting, so it is ambiguous for crafted file names: a file named
 * "a.conf:1:1: error: x" yields a line that editors split at the wrong colon. File names and
 * messages are escaped (no control character, no newline: no extra line can be forged), but
 * where file names are not trusted, prefer --format json or sarif (SECURITY.md).
 */
import type { Finding, Severity } from '../engine/finding';
import type { FileResult } from './results';

const KIND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'note' };

export function formatGcc(results: readonly FileResult[]): string {
  let out = '';
  for (const r of results) {
    if ('error' in r) continue;
    for (const f of r.findings) out += `${gccLine(r.path, f)}\n`;
  }
  return out;
}

export function gccLine(file: string, f: Finding): string {
  // One diagnostic per line: a message never spans lines.
  const message = f.message.replace(/\r?\n/g, ' ');
  return `${file}:${f.line}:${f.column}: ${KIND[f.severity]}: ${message} [${f.ruleId}/${f.name}]`;
}
