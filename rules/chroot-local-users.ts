import { at, lineOf, Rule } from '../src/engine/rule';
import { virtualUsersAsAnonymous } from '../src/engine/sessions';

const chrootLocalUsers: Rule = {
  id: 'VSF408',
  name: 'chroot-local-users',
  category: 'security',
  severity: 'warning',
  fixable: 'none',
  summary: 'Local users are not chrooted: they can browse the whole filesystem.',
  sources: ['vsftpd.conf(5): chroot_local_user, chroot_list_enable, guest_enable'],
  docs: {
    what:
      'local_enable=YES while neither chroot_local_user nor chroot_list_enable is YES. Virtual ' +
      'users (guest_enable=YES with virtual_use_local_privs=NO) are always chrooted and do not ' +
      'count.',
    why:
      'An unchrooted local user starts in their home directory but can CWD to "/" and list or ' +
      'download anything their account can read (/etc, other homes, backups).',
    prevents: 'local users reading the filesystem outside their home ("250 Directory successfully changed." for CWD /etc)',
    example: { bad: 'local_enable=YES', good: 'local_enable=YES\nchroot_local_user=YES' },
    fix:
      'No automatic fix: with chroot_local_user=YES, every user whose home (or local_root) is ' +
      'writable by them is refused at login with "500 OOPS: vsftpd: refusing to run with ' +
      'writable root inside chroot()". Make the chroot roots non-writable (chmod a-w, with a ' +
      'writable subdirectory), then set chroot_local_user=YES; or list the users to jail in ' +
      'chroot_list_file with chroot_list_enable=YES.',
  },
  check({ config, report }) {
    const local = config.get('local_enable');
    const chroot = config.get('chroot_local_user');
    const list = config.get('chroot_list_enable');
    if (local?.value !== true || chroot?.value !== false || list?.value !== false) return;
    if (virtualUsersAsAnonymous(config)) return;
    const where = lineOf(chroot) ? at(chroot) : { ...at(local), option: 'chroot_local_user' };
    report({
      ...where,
      message:
        `${config.describe(local)}, but neither chroot_local_user nor chroot_list_enable is YES ` +
        `(${config.describeSource(chroot)}${chroot.source === list.source ? '' : `; ${config.describeSource(list)}`}): ` +
        'local users can leave their home and read the whole filesystem; set ' +
        'chroot_local_user=YES (their chroot root must not be writable by them)',
    });
  },
};

export default chrootLocalUsers;
