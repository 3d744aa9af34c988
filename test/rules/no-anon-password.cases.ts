import { testRule } from '../support/rule-tester';

testRule('no-anon-password', {
  valid: ['anonymous_enable=NO\nno_anon_password=YES\n', 'no_anon_password=NO\n', ''],
  invalid: [
    {
      code: 'no_anon_password=YES\n',
      line: 1,
      column: 18,
      option: 'no_anon_password',
      message: 'logged in without the PASS step; set no_anon_password=NO',
      output: 'no_anon_password=NO\n',
    },
    {
      code: 'anonymous_enable=YES\ndeny_email_enable=YES\nno_anon_password=YES\n',
      line: 3,
      column: 18,
      message: 'so deny_email_enable can never reject anyone',
      output: 'anonymous_enable=YES\ndeny_email_enable=YES\nno_anon_password=NO\n',
    },
  ],
});
