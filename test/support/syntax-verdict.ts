import type { Finding } from '../../src';

/**
 * Whether a finding says that vsftpd rejects the file while parsing it: every syntax error does
 * (hazards vsftpd tolerates, such as CRLF line endings or text past the read limit, are warnings).
 */
export function isParseRejection(finding: Finding): boolean {
  return finding.category === 'syntax' && finding.severity === 'error';
}
