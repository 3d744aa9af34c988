import { testRule } from '../support/rule-tester';

testRule('unknown-option', {
  valid: ['listen=YES\n', 'ftpd_banner=hi\n', 'utf8_filesystem=YES\n', 'listen = YES\n'],
  invalid: [
    { code: 'pasv_enabled=YES\n', line: 1, column: 1, message: "did you mean 'pasv_enable'?", option: 'pasv_enabled', output: 'pasv_enable=YES\n' },
    { code: 'listen_port=1\nListen=YES\n', line: 2, column: 1, message: "did you mean 'listen'?", output: 'listen_port=1\nlisten=YES\n' },
    { code: 'anonymous-enable=NO\n', line: 1, column: 1, message: "'anonymous-enable' is not an option", output: 'anonymous_enable=NO\n' },
    { code: '=YES\n', line: 1, column: 1, message: 'no option name', option: '' },
    { code: 'ssl_tlsv1_2=YES\n', line: 1, column: 1, message: 'exists only in: rhel7, fedora', output: null },
    { code: 'utf8_filesystem=YES\n', line: 1, column: 1, message: 'not an option of upstream vsftpd 3.0.5', target: 'upstream-3.0.5' },
  ],
});
