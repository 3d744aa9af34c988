import type { Rule } from '../src/engine/rule';
import { quote } from '../src/engine/text';
import { compiledDefault } from '../src/schema/targets';

const emptyStringValue: Rule = {
  id: 'VSF115',
  name: 'empty-string-value',
  category: 'syntax',
  severity: 'warning',
  fixable: 'none',
  summary: '"NAME=" or NAME alone unsets a string option and removes its compiled default.',
  docs: {
    what: 'A string option written with an empty value ("secure_chroot_dir=") or without "=".',
    why:
      'vsftpd does not restore the default: it sets the option to nothing. For options with a ' +
      'compiled default that is rarely intended: "secure_chroot_dir=" fails every connection, ' +
      '"pam_service_name=" fails every local login, "nopriv_user=" fails every connection.',
    prevents:
      "500 OOPS: vsftpd: not found: directory given in 'secure_chroot_dir':(null); " +
      '530 Login incorrect.',
    example: { bad: 'secure_chroot_dir=', good: '# (delete the line to keep /var/run/vsftpd/empty)' },
    fix: 'Delete the line to keep the compiled default, or write the intended value.',
  },
  check({ target, settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'unset' || line.value !== '') continue;
      const lost = compiledDefault(outcome.option, target);
      if (lost === null) continue;
      const written = line.hasEquals ? `'${line.name}='` : `'${line.name}' without "="`;
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
