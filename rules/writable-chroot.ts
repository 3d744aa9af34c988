import { lineOf, Rule, settingSpan } from '../src/engine/rule';
import { oops } from '../src/engine/text';

const writableChroot: Rule = {
  id: 'VSF310',
  name: 'writable-chroot',
  category: 'startup',
  severity: 'warning',
  fixable: 'none',
  summary: 'Chrooted local users whose root directory is writable by them cannot log in.',
  sources: [
    'vsftpd.conf(5): chroot_local_user, chroot_list_enable',
    'secutil.c vsf_secutil_change_credentials (allow_writeable_chroot is undocumented in the Debian man page)',
  ],
  docs: {
    what:
      'Local users are jailed (chroot_local_user=YES, chroot_list_enable=YES, or guest_enable=YES ' +
      'without virtual_use_local_privs), allow_writeable_chroot is not YES, and no local_root ' +
      'names the chroot root (a local_root is taken as a root prepared on purpose).',
    why:
      'After the chroot vsftpd checks, as the logged-in user, whether that user can write to the ' +
      'new root, and ends the session if so. Home directories are normally writable by their ' +
      'owner, so without preparation every chrooted login fails. The check is about file ' +
      'permissions only: write_enable does not matter. The linter cannot see the file system, ' +
      'so this is a warning: it is fine when every chroot root (home or local_root) is not ' +
      'writable by its user.',
    prevents: '500 OOPS: vsftpd: refusing to run with writable root inside chroot() (right after PASS)',
    example: {
      bad: 'local_enable=YES\nwrite_enable=YES\nchroot_local_user=YES',
      good: '# every home is chmod a-w (uploads go to ~/upload), or:\nlocal_enable=YES\nwrite_enable=YES\nchroot_local_user=YES\nallow_writeable_chroot=YES',
    },
    fix:
      'Make each chroot root non-writable (chmod a-w ~user) and give the user a writable ' +
      "subdirectory; or set allow_writeable_chroot=YES, which vsftpd's author warns against " +
      '(a writable jail root enables chroot-escape tricks). No automatic fix.',
  },
  check({ config, report }) {
    const local = config.flag('local_enable');
    const allow = config.flag('allow_writeable_chroot');
    if (!local?.value || !allow || allow.value) return;
    const jail =
      [config.flag('chroot_local_user'), config.flag('chroot_list_enable')].find((v) => v?.value) ??
      (config.isOn('guest_enable') && !config.isOn('virtual_use_local_privs') ? config.flag('guest_enable') : undefined);
    if (!jail) return;
    // A local_root is a chroot root chosen on purpose (usually a non-writable /srv/ftp/$USER).
    if (config.get('local_root')?.value) return;
    const who =
      jail.option.name === 'chroot_local_user'
        ? 'jails local users in their home directory'
        : jail.option.name === 'chroot_list_enable'
          ? 'jails the users listed in chroot_list_file'
          : 'jails every virtual user in its home directory';
    const line = lineOf(jail) ?? lineOf(allow);
    const write = config.isOn('write_enable') ? '' : ' (even with write_enable=NO)';
    report({
      line,
      ...(line ? settingSpan(line) : {}),
      option: jail.option.name,
      message:
        `${config.describe(jail)} ${who} and ${config.describe(allow)}: a user who can write to that ` +
        `directory${write} is logged out with ${oops('vsftpd: refusing to run with writable root inside chroot()')} ` +
        '(depends on the file system, which the linter cannot see); make the chroot root ' +
        'non-writable (chmod a-w) with a writable subdirectory, point local_root at one, or set ' +
        'allow_writeable_chroot=YES',
    });
  },
};

export default writableChroot;
