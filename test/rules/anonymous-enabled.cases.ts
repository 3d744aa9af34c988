import { testRule } from '../support/rule-tester';

testRule('anonymous-enabled', {
  valid: ['anonymous_enable=NO\nlocal_enable=YES\n', 'anonymous_enable=NO\n', 'anonymous_enable=YES\nanonymous_enable=NO\n'],
  invalid: [
    {
      code: 'local_enable=YES\n',
      line: 1,
      column: 1,
      option: 'anonymous_enable',
      message: 'anonymous_enable is not set, and the compiled default of Debian vsftpd 3.0.3 is YES',
      output: 'local_enable=YES\nanonymous_enable=NO\n',
    },
    {
      code: 'local_enable=YES',
      target: 'upstream-3.0.2',
      line: 1,
      column: 1,
      message: 'the compiled default of upstream vsftpd 3.0.2 is YES',
      output: 'local_enable=YES\nanonymous_enable=NO\n',
    },
    {
      code: 'anonymous_enable=YES\nlocal_enable=YES\n',
      line: 1,
      column: 18,
      option: 'anonymous_enable',
      message: 'anonymous_enable=YES (line 1): anyone can log in as "ftp" or "anonymous"',
      output: 'anonymous_enable=NO\nlocal_enable=YES\n',
    },
    {
      code: 'local_enable=YES\nanonymous_enable=true\n',
      line: 2,
      column: 18,
      message: 'write anonymous_enable=NO unless you mean to serve anonymous FTP',
      output: 'local_enable=YES\nanonymous_enable=NO\n',
    },
    // Anonymous-only: NO would leave no way to log in ("both local and anonymous access disabled!").
    { code: 'anonymous_enable=YES\n', line: 1, column: 18, message: 'anonymous-only server', output: null },
    { code: '', line: 1, column: 1, message: 'anonymous-only server', output: null },
  ],
});
