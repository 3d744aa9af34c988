import { testRule } from '../support/rule-tester';

testRule('blank-string-value', {
  valid: ['ftpd_banner=hi\n', 'ftpd_banner=\n', 'ftpd_banner=\0 \n'],
  invalid: [
    { code: 'ftpd_banner= \n', line: 1, column: 13, message: 'crashes with SIGSEGV', severity: 'error', output: 'ftpd_banner=\n' },
    { code: 'banner_file=\r\n', line: 1, column: 13, message: "'\\r'", severity: 'error' },
    { code: 'ftpd_banner=\t\n', line: 1, column: 13, message: 'unsets the option', severity: 'warning', target: 'fedora' },
    { code: 'ftpd_banner=  \n', line: 1, column: 13, message: 'uses the blanks as the value', severity: 'error', target: 'upstream-3.0.2' },
  ],
});
