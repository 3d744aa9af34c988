import { testRule } from '../support/rule-tester';

testRule('missing-equals', {
  valid: ['listen=YES\n', 'ftpd_banner\n', '# listen\n'],
  invalid: [
    { code: 'listen\n', line: 1, column: 1, message: 'missing value in config file for: listen' },
    { code: 'listen YES\n', line: 1, column: 1, message: 'write NAME=VALUE', option: 'listen YES' },
    { code: '; comment\n', line: 1, column: 1, message: "'; comment' has no" },
    { code: 'ftpd_banner \n', line: 1, column: 1, message: "for: ftpd_banner ", option: 'ftpd_banner ' },
    { code: '\0\n', line: 1, column: 1, message: 'missing value in config file for: "', option: '' },
  ],
});
