import { testRule } from '../support/rule-tester';

testRule('chroot-local-users', {
  valid: [
    '',
    'local_enable=NO\n',
    'local_enable=YES\nchroot_local_user=YES\n',
    'local_enable=YES\nchroot_list_enable=YES\n',
    'local_enable=YES\nguest_enable=YES\n',
  ],
  invalid: [
    {
      code: 'local_enable=YES\n',
      line: 1,
      column: 14,
      option: 'chroot_local_user',
      message:
        'local_enable=YES (line 1), but neither chroot_local_user nor chroot_list_enable is YES ' +
        '(the compiled default of Debian vsftpd 3.0.3): local users can leave their home',
      output: null,
    },
    {
      code: 'local_enable=YES\nchroot_local_user=NO\n',
      line: 2,
      column: 19,
      option: 'chroot_local_user',
      message: '(line 2; the compiled default of Debian vsftpd 3.0.3)',
    },
    {
      code: 'local_enable=YES\nguest_enable=YES\nvirtual_use_local_privs=YES\n',
      line: 1,
      column: 14,
      message: 'set chroot_local_user=YES',
    },
  ],
});
