import { testRule } from '../support/rule-tester';

testRule('missing-list-file', {
  valid: [
    'local_enable=YES\nuserlist_enable=YES\nuserlist_file=/etc/vsftpd.userlist\n',
    'userlist_enable=YES\n', // local_enable=NO: the list is never read
    { code: 'local_enable=YES\nuserlist_enable=YES\n', target: 'fedora' }, // Fedora ships /etc/vsftpd/user_list
    'chroot_list_enable=YES\nchroot_list_file=/etc/vsftpd/chroot_list\nlocal_enable=YES\n',
  ],
  invalid: [
    {
      code: 'local_enable=YES\nuserlist_enable=YES\n',
      line: 2,
      column: 1,
      option: 'userlist_enable',
      message:
        'userlist_file, which is /etc/vsftpd.user_list (the compiled default of Debian vsftpd 3.0.3), a file no package creates (the linter cannot see the file system): if it is missing every connection gets "500 OOPS: cannot read user list file:/etc/vsftpd.user_list"',
      output: null,
    },
    {
      code: 'local_enable=YES\nchroot_local_user=YES\nchroot_list_enable=YES\n',
      target: 'fedora',
      line: 3,
      column: 1,
      message: 'every local login gets "500 OOPS: could not read chroot() list file:/etc/vsftpd/chroot_list"',
    },
    {
      code: 'deny_email_enable=YES\n',
      line: 1,
      column: 1,
      message: '"500 OOPS: cannot read anon e-mail list file:/etc/vsftpd.banned_emails"',
    },
    {
      code: 'anonymous_enable=YES\ndeny_email_enable=YES\nbanned_email_file=/etc/vsftpd.banned_emails\n',
      line: 3,
      column: 1,
      option: 'banned_email_file',
      message: 'banned_email_file, which is /etc/vsftpd.banned_emails (line 3)',
    },
    { code: 'secure_email_list_enable=YES\n', line: 1, column: 1, message: 'cannot read email passwords file:/etc/vsftpd.email_passwords' },
  ],
});
