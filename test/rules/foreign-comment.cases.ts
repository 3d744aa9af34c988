import { testRule } from '../support/rule-tester';

testRule('foreign-comment', {
  valid: [
    '# write_enable=YES\n',
    '#// write_enable=YES\n',
    '--write_enable=YES\n', // "--" directly before a name reads as a command-line flag, not a comment
    'ftpd_banner=// not a comment, part of the banner\n',
    'listen=YES ; still the value\n', // bad-bool-value's business
  ],
  invalid: [
    {
      code: '// write_enable=YES\n',
      line: 1,
      column: 1,
      message: 'vsftpd stops with "500 OOPS: unrecognised variable in config file: // write_enable"',
      option: '// write_enable',
      output: '# write_enable=YES\n',
    },
    {
      code: '//allow_writeable_chroot=YES\n',
      line: 1,
      column: 1,
      message: '"//" does not start a comment',
      option: '//allow_writeable_chroot',
      output: '#allow_writeable_chroot=YES\n',
    },
    {
      code: '; anonymous access\n',
      line: 1,
      column: 1,
      message: 'missing value in config file for: ; anonymous access',
      option: '; anonymous access',
      output: '# anonymous access\n',
    },
    {
      code: ';write_enable=YES\n',
      line: 1,
      column: 1,
      message: 'unrecognised variable in config file: ;write_enable',
      output: '#write_enable=YES\n',
    },
    {
      code: '; comment = yes\n',
      line: 1,
      column: 1,
      message: 'config file: ; comment "',
      option: '; comment ',
      output: '# comment = yes\n',
    },
    {
      code: '-- anon_upload_enable=YES\n',
      line: 1,
      column: 1,
      message: '"--" does not start a comment',
      option: '-- anon_upload_enable',
      output: '# anon_upload_enable=YES\n',
    },
    { code: '----------\n', line: 1, column: 1, message: 'missing value in config file for: ----------', output: '#--------\n' },
    { code: '--\n', line: 1, column: 1, message: 'missing value in config file for: --', output: '#\n' },
    {
      code: 'listen=NO\n  // write_enable=YES\n',
      line: 2,
      column: 3,
      message: 'unrecognised variable in config file: // write_enable',
      output: 'listen=NO\n# write_enable=YES\n',
    },
    {
      code: '/* write_enable=YES */\n',
      line: 1,
      column: 1,
      message: 'unrecognised variable in config file: /* write_enable',
      output: '# write_enable=YES */\n',
    },
    { code: '// write_enable=YES\r\n', line: 1, column: 1, message: 'config file: // write_enable', output: '# write_enable=YES\r\n' },
  ],
});
