import { testRule } from '../support/rule-tester';

testRule('http-needs-one-process', {
  valid: ['http_enable=NO\n', 'http_enable=YES\none_process_model=YES\n', 'one_process_model=YES\n'],
  invalid: [
    {
      code: 'http_enable=YES\n',
      line: 1,
      column: 1,
      option: 'http_enable',
      message: `"500 OOPS: vsftpd: HTTP needs 'one_process_model' for now"`,
      output: 'http_enable=NO\n',
    },
    {
      code: 'http_enable=YES\none_process_model=NO\n',
      line: 1,
      column: 1,
      message: 'one_process_model=NO (line 2)',
      output: 'http_enable=NO\none_process_model=NO\n',
    },
  ],
});
