import { testRule } from '../support/rule-tester';

testRule('anon-world-readable-only', {
  valid: ['anonymous_enable=NO\nanon_world_readable_only=NO\n', 'anonymous_enable=YES\n', 'anon_world_readable_only=YES\n'],
  invalid: [
    {
      code: 'anonymous_enable=YES\nanon_world_readable_only=NO\n',
      line: 2,
      column: 26,
      option: 'anon_world_readable_only',
      message: 'may download every file the ftp user can read',
      output: 'anonymous_enable=YES\nanon_world_readable_only=YES\n',
    },
    {
      code: 'anon_world_readable_only=NO\n',
      line: 1,
      column: 26,
      message: 'anonymous_enable=YES (the compiled default of Debian vsftpd 3.0.3)',
      output: 'anon_world_readable_only=YES\n',
    },
  ],
});
