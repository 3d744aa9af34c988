import { testRule } from '../support/rule-tester';

testRule('duplicate-option', {
  valid: [
    'listen=YES\nlisten_ipv6=NO\n',
    '# listen=NO\nlisten=YES\n',
    'listen=YES\nlisten=maybe\n', // the rejected line is a syntax error, not a duplicate
  ],
  invalid: [
    {
      code: 'anonymous_enable=NO\nlocal_enable=YES\nanonymous_enable=YES\n',
      line: 1,
      column: 1,
      option: 'anonymous_enable',
      message:
        "anonymous_enable is set again on line 3 ('anonymous_enable=YES'), and the last line wins: vsftpd ignores this one; delete it",
      output: 'local_enable=YES\nanonymous_enable=YES\n',
    },
    { code: '  listen=YES\nlisten=NO\n', line: 1, column: 3, message: 'set again on line 2', output: 'listen=NO\n' },
    {
      code: 'ftpd_banner=Hello\nftpd_banner=\n',
      line: 1,
      column: 1,
      message: "set again on line 2 ('ftpd_banner=')",
      output: 'ftpd_banner=\n',
    },
    { code: 'pasv_enable=YES\npasv_enable=YES', line: 1, column: 1, message: 'set again', output: 'pasv_enable=YES' },
  ],
});
