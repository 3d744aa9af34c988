import { at, fixWith, Rule, setValue } from '../src/engine/rule';

const noXferlog: Rule = {
  id: 'VSF410',
  name: 'no-xferlog',
  category: 'security',
  severity: 'warning',
  fixable: 'unsafe',
  summary: 'Transfers and logins are not logged (xferlog_enable=NO).',
  sources: ['vsftpd.conf(5): xferlog_enable, dual_log_enable, syslog_enable', 'SSG: ftp_log_transactions'],
  docs: {
    what:
      "xferlog_enable is effectively NO (its compiled default; Debian's shipped file sets YES) " +
      'and neither dual_log_enable nor syslog_enable is YES, so vsftpd writes no log at all.',
    why:
      'Without a log there is no record of who logged in, uploaded, downloaded or deleted what, ' +
      'which the SCAP Security Guide (ftp_log_transactions) requires. Scanners look for the ' +
      'literal line "xferlog_enable=YES"; vsftpd-lint reads the effective value as vsftpd ' +
      'does, so "xferlog_enable=yes" or dual_log_enable=YES also count as logging.',
    prevents: 'no audit trail of logins and file transfers',
    example: { bad: 'local_enable=YES\nxferlog_enable=NO', good: 'local_enable=YES\nxferlog_enable=YES' },
    fix:
      'Unsafe (vsftpd starts writing a log file, and a log file it cannot open refuses every ' +
      'session with "500 OOPS: failed to open vsftpd log file:PATH"): xferlog_enable is set to ' +
      'YES, or xferlog_enable=YES is appended when the compiled default is in force.',
  },
  check({ document, config, report }) {
    const xferlog = config.get('xferlog_enable');
    if (xferlog?.value !== false) return;
    if (config.isOn('dual_log_enable') || config.isOn('syslog_enable')) return;
    const logFile = config.get('vsftpd_log_file')?.value;
    const destination = typeof logFile === 'string' ? ` (written to ${logFile})` : '';
    report({
      ...at(xferlog),
      message:
        `${config.describe(xferlog)}: vsftpd keeps no record of logins, uploads, downloads or ` +
        `deletions; set xferlog_enable=YES${destination}`,
      fix: fixWith('unsafe', setValue(document, xferlog, 'YES')),
    });
  },
};

export default noXferlog;
