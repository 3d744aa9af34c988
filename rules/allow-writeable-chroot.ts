import { at, Rule } from '../src/engine/rule';
import { virtualUsersAsAnonymous } from '../src/engine/sessions';

const allowWriteableChroot: Rule = {
  id: 'VSF409',
  name: 'allow-writeable-chroot',
  category: 'security',
  severity: 'warning',
  fixable: 'none',
  summary: 'allow_writeable_chroot=YES re-enables the writable chroot root vsftpd refuses by design.',
  sources: ['vsftpd.conf(5): allow_writeable_chroot (Fedora man page; undocumented in 3.0.2/Debian)', 'vsftpd 2.3.5 Changelog'],
  docs: {
    what: 'allow_writeable_chroot=YES while local users are chrooted (chroot_local_user or chroot_list_enable, or virtual users).',
    why:
      'Since 2.3.5 vsftpd refuses to chroot a user into a directory that user can write, ' +
      'because a user who controls the root of their jail can plant files such as ' +
      'etc/passwd or lib/ that code running inside the jail then trusts. ' +
      'allow_writeable_chroot=YES switches that check off. It is usually added to silence ' +
      '"500 OOPS: vsftpd: refusing to run with writable root inside chroot()" after enabling ' +
      'chroot_local_user on writable home directories (the startup rule writable-chroot ' +
      'reports that failure). It has no effect for anonymous users.',
    prevents: 'chrooted users controlling the root of their own jail',
    example: {
      bad: 'local_enable=YES\nchroot_local_user=YES\nallow_writeable_chroot=YES',
      good: 'local_enable=YES\nchroot_local_user=YES\n# homes are root-owned, uploads go to ~/files\nlocal_root=/srv/ftp/$USER\nuser_sub_token=$USER',
    },
    fix:
      'No automatic fix: removing the line makes every user with a writable home fail at login ' +
      'with "500 OOPS: vsftpd: refusing to run with writable root inside chroot()". First make ' +
      'the chroot roots non-writable (chmod a-w) with a writable subdirectory for uploads, or ' +
      'point local_root at such a directory, then delete the line.',
  },
  check({ config, report }) {
    const writeable = config.get('allow_writeable_chroot');
    if (writeable?.value !== true || !config.isOn('local_enable')) return;
    const chrooted = ['chroot_local_user', 'chroot_list_enable'].filter((name) => config.isOn(name));
    const virtual = virtualUsersAsAnonymous(config);
    if (chrooted.length === 0 && !virtual) return;
    const jail = chrooted.length
      ? chrooted.map((name) => config.describe(config.get(name)!)).join(' and ')
      : 'guest_enable=YES (virtual users are always chrooted)';
    report({
      ...at(writeable),
      message:
        `${config.describe(writeable)}: users jailed by ${jail} may own and write the root of ` +
        'their chroot, the setup vsftpd refuses by design; make the roots non-writable with a ' +
        'writable subdirectory, then remove this line',
    });
  },
};

export default allowWriteableChroot;
