import { testRule } from '../support/rule-tester';

testRule('empty-string-value', {
  valid: [
    'ftpd_banner=\n',
    'message_file=.msg\n',
    // Reported as an error by empty-critical-string instead.
    'secure_chroot_dir=\n',
  ],
  invalid: [
    { code: 'message_file=\n', line: 1, column: 1, message: "no longer uses the default '.message'", output: null },
    { code: 'ssl_ciphers\n', line: 1, column: 1, message: 'without "=" unsets the option' },
  ],
});
