import { testRule } from '../support/rule-tester';

testRule('writable-chroot', {
  valid: [
    'listen=YES\nlocal_enable=YES\nchroot_local_user=YES\nuser_sub_token=$USER\nlocal_root=/srv/ftp/$USER\n',
    'local_enable=YES\nchroot_local_user=YES\nallow_writeable_chroot=YES\n',
    'local_enable=YES\nwrite_enable=YES\n', // no chroot
    'chroot_local_user=YES\n', // Debian: local_enable=NO, no local logins
    'local_enable=YES\nguest_enable=YES\nvirtual_use_local_privs=YES\n',
  ],
  invalid: [
    {
      code: 'local_enable=YES\nwrite_enable=YES\nchroot_local_user=YES\n',
      line: 3,
      column: 1,
      option: 'chroot_local_user',
      message: '"500 OOPS: vsftpd: refusing to run with writable root inside chroot()" (depends on the file system',
      output: null,
    },
    {
      code: 'local_enable=YES\nchroot_local_user=YES\n',
      line: 2,
      column: 1,
      message: 'a user who can write to that directory (even with write_enable=NO)',
    },
    {
      code: 'local_enable=YES\nchroot_list_enable=YES\nallow_writeable_chroot=NO\n',
      line: 2,
      column: 1,
      option: 'chroot_list_enable',
      message: 'jails the users listed in chroot_list_file and allow_writeable_chroot=NO (line 3)',
    },
    {
      code: 'local_enable=YES\nguest_enable=YES\n',
      line: 2,
      column: 1,
      option: 'guest_enable',
      message: 'jails every virtual user',
    },
  ],
});
