import { testRule } from '../support/rule-tester';

testRule('no-login-possible', {
  valid: [
    'anonymous_enable=NO\nlocal_enable=YES\n',
    '# Debian defaults: anonymous_enable=YES\n',
    'local_enable=NO\n',
    'anonymous_enable=YES\nlocal_enable=NO\n',
    'anonymous_enable=NO\nlocal_enable=YES \n', // bad bool: vsftpd stops while parsing (bad-bool-value)
  ],
  invalid: [
    {
      code: 'listen=YES\nanonymous_enable=NO\n',
      line: 2,
      column: 1,
      option: 'anonymous_enable',
      message: 'local_enable=NO (the compiled default of Debian vsftpd 3.0.3) and anonymous_enable=NO (line 2)',
      output: null,
    },
    {
      code: 'anonymous_enable=NO\nlocal_enable=NO\n',
      line: 2,
      column: 1,
      option: 'local_enable',
      message: '"500 OOPS: vsftpd: both local and anonymous access disabled!"',
    },
    { code: 'anonymous_enable=FALSE\n', target: 'fedora', line: 1, column: 1, message: 'leave no way to log in' },
  ],
});
