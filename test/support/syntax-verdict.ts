import type { Finding } from '../../src';

/**
 * Rules that are errors even when vsftpd happens to load the file: a CRLF file whose values are
 * all numbers and strings, and a file whose settings past byte 100,000 are silently dropped.
 * Every other syntax error means vsftpd stops while reading the file.
 */
const ERRORS_VSFTPD_MAY_SURVIVE = new Set(['crlf-line-endings', 'file-too-large']);

/** Whether a finding says that vsftpd rejects the file while parsing it. */
export function isParseRejection(finding: Finding): boolean {
  return finding.category === 'syntax' && finding.severity === 'error' && !ERRORS_VSFTPD_MAY_SURVIVE.has(finding.name);
}
