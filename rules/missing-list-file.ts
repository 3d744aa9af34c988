import { lineOf, Rule, settingSpan } from '../src/engine/rule';
import { oops, shown } from '../src/engine/text';
import type { BuildId } from '../src/schema/options';
import { compiledDefault } from '../src/schema/targets';

interface ListFile {
  /** The switch that makes vsftpd read the file. */
  readonly enable: string;
  /** Other switches that must be YES too. */
  readonly also: readonly string[];
  readonly file: string;
  readonly scope: 'every connection' | 'every local login';
  /** die2() text; the path follows it. */
  readonly oops: string;
  /** Builds whose package installs the default file. */
  readonly shippedBy: readonly BuildId[];
}

/** The list files read at session start or login (main.c, twoprocess.c), with their failure. */
const LISTS: readonly ListFile[] = [
  {
    enable: 'userlist_enable',
    also: ['local_enable'],
    file: 'userlist_file',
    scope: 'every connection',
    oops: 'cannot read user list file:',
    shippedBy: ['rhel7', 'fedora'],
  },
  {
    enable: 'chroot_list_enable',
    also: ['local_enable'],
    file: 'chroot_list_file',
    scope: 'every local login',
    oops: 'could not read chroot() list file:',
    shippedBy: [],
  },
  {
    enable: 'deny_email_enable',
    also: [],
    file: 'banned_email_file',
    scope: 'every connection',
    oops: 'cannot read anon e-mail list file:',
    shippedBy: [],
  },
  {
    enable: 'secure_email_list_enable',
    also: [],
    file: 'email_password_file',
    scope: 'every connection',
    oops: 'cannot read email passwords file:',
    shippedBy: [],
  },
];

const missingListFile: Rule = {
  id: 'VSF316',
  name: 'missing-list-file',
  category: 'startup',
  severity: 'warning',
  fixable: 'none',
  summary: 'A list switched on with its default file path, which the package does not create.',
  sources: ['vsftpd.conf(5): userlist_file, chroot_list_file, banned_email_file, email_password_file', 'main.c, twoprocess.c'],
  docs: {
    what:
      'userlist_enable, chroot_list_enable, deny_email_enable or secure_email_list_enable ' +
      'switched on while the matching file option is its compiled default path, by default or ' +
      'written out (/etc/vsftpd.user_list, /etc/vsftpd.chroot_list, ... ; under /etc/vsftpd/ on ' +
      'Fedora/RHEL).',
    why:
      'vsftpd must read the list, and an unreadable list is fatal: for every connection ' +
      '(user list, e-mail lists) or every local login (chroot list). No package creates these ' +
      "files, except Fedora/RHEL's /etc/vsftpd/user_list. The linter cannot see the file " +
      'system, so this is a warning: create the file, or name the file you use explicitly.',
    prevents: '500 OOPS: cannot read user list file:/etc/vsftpd.user_list (and the same for the other lists)',
    example: {
      bad: 'local_enable=YES\nuserlist_enable=YES',
      good: 'local_enable=YES\nuserlist_enable=YES\nuserlist_file=/etc/vsftpd.userlist',
    },
    fix: 'Create the file (an empty file is enough for a deny list), or set the file option to the list you maintain. No automatic fix.',
  },
  check({ target, config, report }) {
    for (const list of LISTS) {
      const enable = config.flag(list.enable);
      const file = config.get(list.file);
      if (!enable?.value || !file || typeof file.value !== 'string') continue;
      // A path written explicitly is the admin's; only the compiled default path is judged.
      if (file.value !== compiledDefault(file.option, target)) continue;
      if (list.shippedBy.includes(target.id) || !list.also.every((name) => config.isOn(name))) continue;
      const line = lineOf(file) ?? lineOf(enable);
      report({
        line,
        ...(line ? settingSpan(line) : {}),
        option: lineOf(file) ? list.file : list.enable,
        message:
          `${list.enable}=YES reads ${list.file}, which is ${shown(String(file.value))} (${config.describeSource(file)}), ` +
          `a file no package creates (the linter cannot see the file system): if it is missing ${list.scope} ` +
          `gets ${oops(list.oops + file.value)}; create it, or set ${list.file} to the list you use`,
      });
    }
  },
};

export default missingListFile;
