import { testRule } from '../support/rule-tester';

testRule('crlf-line-endings', {
  valid: ['listen=YES\n', 'listen=YES\rx\n'],
  invalid: [
    { code: '# a\r\nlisten_port=21\r\n\r\n', line: 1, column: 4, message: '3 lines end with CRLF', output: '# a\nlisten_port=21\n\n' },
  ],
});
