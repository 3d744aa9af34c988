import { testRule } from '../support/rule-tester';

testRule('indented-setting', {
  valid: ['listen=YES\n', '# comment\n', '    # indented comment: indented-comment reports it\n', '   \n'],
  invalid: [
    {
      code: 'pasv_enable=YES\n    pasv_min_port=40000\n',
      line: 2,
      column: 1,
      option: 'pasv_min_port',
      message: "'    ' before pasv_min_port: vsftpd skips the indent",
      output: 'pasv_enable=YES\npasv_min_port=40000\n',
    },
    { code: '\tlisten=YES\n', line: 1, column: 1, message: "'\\t' before listen", output: 'listen=YES\n' },
  ],
});
