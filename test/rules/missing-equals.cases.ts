import { testRule } from '../support/rule-tester';

testRule('missing-equals', {
  valid: ['listen=YES\n', 'ftpd_banner\n', '# listen\n', '; comment\n', '// listen\n'], // foreign-comment's
  invalid: [
    { code: 'listen\n', line: 1, column: 1, message: 'missing value in config file for: listen' },
    { code: 'listen YES\n', line: 1, column: 1, message: 'write NAME=VALUE', option: 'listen YES' },
    { code: 'stray text\n', line: 1, column: 1, message: "'stray text' has no" },
    { code: 'ftpd_banner \n', line: 1, column: 1, message: 'for: ftpd_banner ', option: 'ftpd_banner ' },
    { code: '\0\n', line: 1, column: 1, message: 'missing value in config file for: "', option: '' },
  ],
});
