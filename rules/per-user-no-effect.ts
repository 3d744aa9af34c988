import { Rule, settingSpan } from '../src/engine/rule';
import { PER_USER_SOURCE } from '../src/schema/options';

const perUserNoEffect: Rule = {
  id: 'VSF507',
  name: 'per-user-no-effect',
  category: 'hygiene',
  severity: 'warning',
  fixable: 'none',
  perUser: 'only',
  summary: "A per-user config file sets an option that vsftpd reads before login: the server's value applies.",
  sources: [
    `${PER_USER_SOURCE}: the file is read after login, into the same tunables`,
    'main.c, standalone.c, prelogin.c, privops.c, ssl.c, logging.c: where each listed option is read',
  ],
  docs: {
    what:
      'In a per-user file (one file per user in user_config_dir; lint it with --per-user or an ' +
      'override with "perUser": true), a setting of an option that vsftpd has already used by ' +
      'the time it reads the file: the listener and connection options, the greeting, the ' +
      'login checks (userlist, anonymous and local logins, TLS on the control connection), the ' +
      'chroot decision (chroot_local_user, chroot_list_enable, chroot_list_file), the TLS ' +
      'context and the log files. The message says where vsftpd reads the option.',
    why:
      'vsftpd reads user_config_dir/USERNAME after the login succeeded, just before it starts ' +
      "the user's session (twoprocess.c). Everything decided earlier keeps the value of the " +
      'server config, so the line only misleads: chroot_local_user=YES here does not chroot the ' +
      'user, and xferlog_enable=NO does not stop the transfer log.',
    prevents: 'a per-user setting that looks in force but is ignored (for example a chroot that never happens)',
    example: { bad: 'local_root=/srv/ftp/alice\nchroot_local_user=YES', good: 'local_root=/srv/ftp/alice' },
    fix:
      'None: the line does not do what it says, and what the author wanted belongs in the main ' +
      'config (for a chroot of some users only: chroot_list_enable with chroot_list_file ' +
      'there). Delete the line once that is done.',
  },
  check({ settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'set' && outcome.kind !== 'unset') continue;
      const why = outcome.option.noEffectPerUser;
      if (!why) continue;
      report({
        line,
        ...settingSpan(line),
        option: outcome.option.name,
        message:
          `${outcome.option.name} has no effect in a per-user file: ${why}; the server config's value ` +
          'applies. Set it in the main config instead',
      });
    }
  },
};

export default perUserNoEffect;
