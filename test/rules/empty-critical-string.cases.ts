import { testRule } from '../support/rule-tester';

testRule('empty-critical-string', {
  valid: [
    'secure_chroot_dir=/var/run/vsftpd/empty\nnopriv_user=ftpsecure\npam_service_name=vsftpd\n',
    'ftpd_banner=\n', // no default to lose: nothing breaks
    'banner_file=\n',
    'rsa_cert_file=\n', // ssl-without-cert's business
  ],
  invalid: [
    {
      code: 'listen=YES\nsecure_chroot_dir=\n',
      line: 2,
      column: 1,
      option: 'secure_chroot_dir',
      severity: 'error',
      message: `'secure_chroot_dir=' unsets the option and drops its default '/var/run/vsftpd/empty': every connection gets "500 OOPS: vsftpd: not found: directory given in 'secure_chroot_dir':(null)"`,
      output: 'listen=YES\n',
    },
    {
      code: 'nopriv_user\n',
      line: 1,
      column: 1,
      severity: 'error',
      message: `'nopriv_user' without "=" unsets the option and drops its default 'nobody': every connection gets "500 OOPS: cannot locate user entry:"`,
      output: '',
    },
    {
      code: 'local_enable=YES\npam_service_name=\n',
      line: 2,
      column: 1,
      severity: 'error',
      message: `default 'vsftpd': every local login gets "530 Login incorrect."`,
      output: 'local_enable=YES\n',
    },
    {
      code: 'pam_service_name=\n',
      line: 1,
      column: 1,
      severity: 'warning',
      message: 'harmless while local_enable=NO, but then every local login gets "530 Login incorrect."',
    },
    {
      code: 'pam_service_name=\n',
      target: 'upstream',
      line: 1,
      column: 1,
      severity: 'warning',
      message: "drops its default 'ftp'",
    },
    {
      code: 'ftp_username=\n',
      line: 1,
      column: 1,
      severity: 'error',
      message: `"500 OOPS: vsftpd: cannot locate user specified in 'ftp_username':(null)"`,
    },
    {
      code: 'userlist_enable=YES\nuserlist_file=\n',
      line: 2,
      column: 1,
      severity: 'warning',
      message: 'harmless while local_enable=NO',
    },
    {
      code: 'secure_chroot_dir=  \n',
      target: 'fedora',
      line: 1,
      column: 1,
      severity: 'error',
      message: "drops its default '/usr/share/empty'",
    },
  ],
});
