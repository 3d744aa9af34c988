import { testRule } from '../support/rule-tester';

testRule('string-whitespace', {
  valid: ['pam_service_name=vsftpd\n', 'ftpd_banner=hello world\n', 'ftpd_banner= \n'],
  invalid: [
    {
      code: 'pam_service_name=vsftpd \n',
      line: 1,
      column: 18,
      message: 'Debian vsftpd 3.0.3 trims them',
      severity: 'warning',
      output: 'pam_service_name=vsftpd\n',
    },
    {
      code: 'pam_service_name=vsftpd \n',
      line: 1,
      column: 18,
      message: 'keeps in the value',
      severity: 'error',
      target: 'upstream-3.0.3',
      output: 'pam_service_name=vsftpd\n',
    },
    {
      code: 'ftpd_banner=\thi there\r\n',
      line: 1,
      column: 13,
      message: 'surrounding blanks',
      severity: 'warning',
      output: 'ftpd_banner=hi there\n',
    },
  ],
});
