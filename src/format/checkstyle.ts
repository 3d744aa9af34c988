/**
 * Checkstyle XML (`--format checkstyle`), for Jenkins (warnings-ng), reviewdog, GitLab and other
 * tools that read it:
 *
 *   <?xml version="1.0" encoding="utf-8"?>
 *   <checkstyle version="4.3">
 *     <file name="vsftpd.conf">
 *       <error line="7" column="12" severity="error" message="..." source="vsftpd-lint.VSF102.bad-bool-value"/>
 *     </file>
 *   </checkstyle>
 *
 * Severities are error, warning and info. Attribute values escape & < > " ' and the line breaks
 * and tabs XML would otherwise normalise; characters XML 1.0 cannot carry at all (most C0
 * controls, e.g. a NUL a message quotes) are written as "\xNN". A file that could not be read
 * has one error without a line, with source "vsftpd-lint.io".
 */
import type { FileResult } from './results';

export function formatCheckstyle(results: readonly FileResult[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const r of results) {
    lines.push(`  <file name="${xmlAttr(r.path)}">`);
    if ('error' in r) {
      lines.push(`    <error severity="error" message="${xmlAttr(`cannot read: ${r.error}`)}" source="vsftpd-lint.io"/>`);
    } else {
      if (r.writeError !== undefined) {
        lines.push(`    <error severity="error" message="${xmlAttr(`cannot write: ${r.writeError}`)}" source="vsftpd-lint.io"/>`);
      }
      for (const f of r.findings) {
        lines.push(
          `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" ` +
            `message="${xmlAttr(f.message)}" source="${xmlAttr(`vsftpd-lint.${f.ruleId}.${f.name}`)}"/>`,
        );
      }
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n') + '\n';
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Text for a double-quoted XML attribute. Lone surrogates, U+FFFE/U+FFFF and C0 controls other
 * than tab, LF and CR are not XML 1.0 characters, not even as references: they become "\xNN" or
 * "\uNNNN".
 */
export function xmlAttr(text: string): string {
  return text.replace(
    /[&<>"'\t\n\r]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (ch) => ENTITIES[ch] ?? invisible(ch),
  );
}

function invisible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
