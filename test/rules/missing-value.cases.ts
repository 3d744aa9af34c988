import { testRule } from '../support/rule-tester';

testRule('missing-value', {
  valid: ['listen=YES\n', 'ftpd_banner=\n', 'listen\n'],
  invalid: [
    { code: 'listen_port=\n', line: 1, column: 1, message: 'missing value in config file for: listen_port', output: null },
    { code: 'foo=\n', line: 1, column: 1, message: "'foo' has no value" },
    { code: '=\n', line: 1, column: 1, message: 'no name or value', option: '' },
    { code: 'listen=\0YES\n', line: 1, column: 1, message: 'a NUL byte ends' },
  ],
});
