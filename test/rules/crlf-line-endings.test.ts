import { testRule } from '../support/rule-tester';

testRule('crlf-line-endings', {
  valid: ['listen=YES\n', 'listen=YES\rx\n'],
  invalid: [
    { code: 'listen_port=21\r\naccept_timeout=\r\n', line: 1, column: 15, message: '2 lines end with CRLF', output: 'listen_port=21\naccept_timeout=0\n' },
    { code: '# a\r\nlisten_port=21\r\n\r\n', line: 1, column: 4, message: '3 lines end with CRLF', output: '# a\nlisten_port=21\n\n' },
  ],
});
