import { testRule } from '../support/rule-tester';

testRule('indented-comment', {
  valid: ['# comment\n', '\tlisten=YES\n'],
  invalid: [
    {
      code: 'listen=YES\n  # comment\n',
      line: 2,
      column: 1,
      message: 'missing value in config file for: # comment',
      output: 'listen=YES\n# comment\n',
    },
    { code: '\t#a=b\n', line: 1, column: 1, message: 'unrecognised variable in config file: #a', output: '#a=b\n' },
    { code: '  # vsftpd-lint disable-next-line VSF201\n', line: 1, column: 1, message: 'suppression comment is ignored' },
  ],
});
