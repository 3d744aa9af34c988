import { testRule } from '../support/rule-tester';

testRule('empty-string-value', {
  valid: ['ftpd_banner=\n', 'secure_chroot_dir=/var/empty\n'],
  invalid: [
    { code: 'secure_chroot_dir=\n', line: 1, column: 1, message: "no longer uses the default '/var/run/vsftpd/empty'" },
    { code: 'pam_service_name\n', line: 1, column: 1, message: "without \"=\" unsets the option" },
  ],
});
