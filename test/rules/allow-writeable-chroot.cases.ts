import { testRule } from '../support/rule-tester';

testRule('allow-writeable-chroot', {
  valid: [
    'local_enable=YES\nallow_writeable_chroot=YES\n',
    'local_enable=YES\nchroot_local_user=YES\n',
    'chroot_local_user=YES\nallow_writeable_chroot=YES\n',
    'local_enable=YES\nchroot_local_user=YES\nallow_writeable_chroot=NO\n',
  ],
  invalid: [
    {
      code: 'local_enable=YES\nchroot_local_user=YES\nallow_writeable_chroot=YES\n',
      line: 3,
      column: 24,
      option: 'allow_writeable_chroot',
      message: 'users jailed by chroot_local_user=YES (line 2) may own and write the root of their chroot',
      output: null,
    },
    {
      code: 'local_enable=YES\nguest_enable=YES\nallow_writeable_chroot=YES\n',
      line: 3,
      column: 24,
      message: 'guest_enable=YES (virtual users are always chrooted)',
    },
  ],
});
