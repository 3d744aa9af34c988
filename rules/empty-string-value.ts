import type { Rule } from '../src/engine/rule';
import { quote } from '../src/engine/text';
import { compiledDefault } from '../src/schema/targets';
import { CRITICAL_STRING_OPTIONS } from './empty-critical-string';

const emptyStringValue: Rule = {
  id: 'VSF115',
  name: 'empty-string-value',
  category: 'syntax',
  severity: 'warning',
  fixable: 'none',
  perUser: 'also',
  summary: '"NAME=" or NAME alone unsets a string option and removes its compiled default.',
  docs: {
    what:
      'A string option written with an empty value ("ftpd_banner=") or without "=", when the ' +
      'option has a compiled default. Options whose absence breaks every connection or login ' +
      '(secure_chroot_dir, nopriv_user, pam_service_name, ...) are reported as errors by ' +
      'empty-critical-string instead.',
    why:
      'vsftpd does not restore the default: it sets the option to nothing. "ssl_ciphers=" leaves ' +
      'OpenSSL\'s own cipher list, "message_file=" turns directory messages off, "vsftpd_log_file=" ' +
      'stops logging to a file. Write what you mean instead.',
    prevents: 'a setting silently different from both the text and the documented default',
    example: { bad: 'message_file=', good: '# (delete the line to keep .message)' },
    fix: 'Delete the line to keep the compiled default, or write the intended value.',
  },
  check({ target, settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'unset' || line.value !== '') continue;
      // Options whose absence breaks connections or logins are empty-critical-string's errors.
      if (CRITICAL_STRING_OPTIONS.includes(outcome.option.name)) continue;
      const lost = compiledDefault(outcome.option, target);
      if (lost === null) continue;
      const written = line.hasEquals ? quote(`${line.name}=`) : `${quote(line.name)} without "="`;
      report({
        line,
        column: line.nameColumn,
        endColumn: line.valueColumn,
        option: line.name,
        message: `${written} unsets the option: vsftpd no longer uses the default ${quote(String(lost))}`,
      });
    }
  },
};

export default emptyStringValue;
