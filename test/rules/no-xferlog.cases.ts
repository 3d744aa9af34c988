import { testRule } from '../support/rule-tester';

testRule('no-xferlog', {
  valid: ['xferlog_enable=YES\n', 'xferlog_enable=yes\n', 'dual_log_enable=YES\n', 'syslog_enable=YES\n'],
  invalid: [
    {
      code: '',
      line: 1,
      column: 1,
      option: 'xferlog_enable',
      message:
        'xferlog_enable=NO (the compiled default of Debian vsftpd 3.0.3): vsftpd keeps no record of ' +
        'logins, uploads, downloads or deletions; set xferlog_enable=YES (written to /var/log/vsftpd.log)',
      output: 'xferlog_enable=YES\n',
    },
    // Past vsftpd's 100,000-byte read limit an appended line would never be read: no fix.
    { code: `#${'x'.repeat(99_990)}\n`, line: 1, column: 1, message: 'set xferlog_enable=YES', output: null },
    {
      code: `#${'x'.repeat(99_970)}\n`,
      line: 1,
      column: 1,
      message: 'set xferlog_enable=YES',
      output: `#${'x'.repeat(99_970)}\nxferlog_enable=YES\n`,
    },
    {
      code: 'xferlog_enable=YES\nvsftpd_log_file=/srv/log/ftp.log\nxferlog_enable=NO\n',
      line: 3,
      column: 16,
      message: '(written to /srv/log/ftp.log)',
      output: 'xferlog_enable=YES\nvsftpd_log_file=/srv/log/ftp.log\nxferlog_enable=YES\n',
    },
  ],
});
