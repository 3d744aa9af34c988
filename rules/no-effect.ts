import type { EffectiveConfig } from '../src/engine/effective-config';
import { lineOf, Rule } from '../src/engine/rule';
import { hasAnonymousSessions, virtualUsersAsAnonymous } from '../src/engine/sessions';
import { andList } from '../src/engine/text';
import { compiledDefault } from '../src/schema/targets';

/** Options that only act when other options allow it. */
interface Dependency {
  readonly options: readonly string[];
  /** What they need, as the message says it. */
  readonly needs: string;
  /** The options that decide, shown with their values and where they come from. */
  readonly deciders: readonly string[];
  /** Whether the options take effect in this configuration. */
  readonly active: (config: EffectiveConfig) => boolean;
  /**
   * The deciders are read before login, so a per-user file in user_config_dir cannot change
   * them. Other rows are skipped when user_config_dir is set.
   */
  readonly beforeLogin?: boolean;
}

const yes = (name: string) => (config: EffectiveConfig) => config.isOn(name);

/** Checked in order; an option is reported for the first dependency it lacks. */
const DEPENDENCIES: readonly Dependency[] = [
  {
    options: [
      'anon_root',
      'no_anon_password',
      'deny_email_enable',
      'secure_email_list_enable',
      'allow_anon_ssl',
      'force_anon_logins_ssl',
      'ftp_username',
    ],
    needs: 'anonymous_enable=YES',
    deciders: ['anonymous_enable'],
    active: yes('anonymous_enable'),
    beforeLogin: true,
  },
  {
    options: [
      'anon_upload_enable',
      'anon_mkdir_write_enable',
      'anon_other_write_enable',
      'anon_world_readable_only',
      'anon_umask',
      'anon_max_rate',
      'force_anon_data_ssl',
      'chown_uploads',
    ],
    needs: 'anonymous_enable=YES, or virtual users with anonymous privileges (guest_enable=YES, virtual_use_local_privs=NO)',
    deciders: ['anonymous_enable', 'guest_enable', 'virtual_use_local_privs'],
    active: hasAnonymousSessions,
  },
  {
    options: [
      'anon_upload_enable',
      'anon_mkdir_write_enable',
      'anon_other_write_enable',
      'chmod_enable',
      'local_umask',
      'anon_umask',
      'file_open_mode',
      'chown_uploads',
      'delete_failed_uploads',
    ],
    needs: 'write_enable=YES',
    deciders: ['write_enable'],
    active: yes('write_enable'),
  },
  {
    options: [
      'local_root',
      'local_umask',
      'local_max_rate',
      'chroot_local_user',
      'chroot_list_enable',
      'passwd_chroot_enable',
      'user_sub_token',
      'guest_enable',
    ],
    needs: 'local_enable=YES',
    deciders: ['local_enable'],
    active: yes('local_enable'),
    beforeLogin: true,
  },
  {
    options: ['guest_username', 'virtual_use_local_privs'],
    needs: 'guest_enable=YES',
    deciders: ['guest_enable'],
    active: yes('guest_enable'),
  },
  {
    options: ['chroot_list_file'],
    needs: 'chroot_list_enable=YES',
    deciders: ['chroot_list_enable'],
    active: yes('chroot_list_enable'),
  },
  {
    options: ['passwd_chroot_enable', 'allow_writeable_chroot'],
    needs: 'chrooted local users (chroot_local_user=YES or chroot_list_enable=YES, or virtual users with anonymous privileges)',
    deciders: ['chroot_local_user', 'chroot_list_enable'],
    active: (config) => config.isOn('chroot_local_user') || config.isOn('chroot_list_enable') || virtualUsersAsAnonymous(config),
  },
  {
    options: ['userlist_file', 'userlist_deny', 'userlist_log'],
    needs: 'userlist_enable=YES',
    deciders: ['userlist_enable'],
    active: yes('userlist_enable'),
    beforeLogin: true,
  },
  {
    options: ['banned_email_file'],
    needs: 'deny_email_enable=YES',
    deciders: ['deny_email_enable'],
    active: yes('deny_email_enable'),
    beforeLogin: true,
  },
  {
    options: ['email_password_file'],
    needs: 'secure_email_list_enable=YES',
    deciders: ['secure_email_list_enable'],
    active: yes('secure_email_list_enable'),
    beforeLogin: true,
  },
  {
    options: ['chown_username', 'chown_upload_mode'],
    needs: 'chown_uploads=YES',
    deciders: ['chown_uploads'],
    active: yes('chown_uploads'),
  },
  {
    options: ['xferlog_file'],
    needs: 'dual_log_enable=YES, or xferlog_enable=YES with xferlog_std_format=YES',
    deciders: ['xferlog_enable', 'xferlog_std_format', 'dual_log_enable'],
    active: (config) => config.isOn('dual_log_enable') || (config.isOn('xferlog_enable') && config.isOn('xferlog_std_format')),
    beforeLogin: true,
  },
  {
    options: ['xferlog_std_format'],
    needs: 'xferlog_enable=YES and dual_log_enable=NO',
    deciders: ['xferlog_enable', 'dual_log_enable'],
    active: (config) => config.isOn('xferlog_enable') && !config.isOn('dual_log_enable'),
    beforeLogin: true,
  },
  {
    options: ['vsftpd_log_file'],
    needs: 'xferlog_enable=YES with xferlog_std_format=NO, or dual_log_enable=YES, and syslog_enable=NO',
    deciders: ['xferlog_enable', 'xferlog_std_format', 'dual_log_enable', 'syslog_enable'],
    active: (config) =>
      ((config.isOn('xferlog_enable') && !config.isOn('xferlog_std_format')) || config.isOn('dual_log_enable')) &&
      !config.isOn('syslog_enable'),
    beforeLogin: true,
  },
  {
    options: ['pasv_min_port', 'pasv_max_port', 'pasv_address', 'pasv_promiscuous'],
    needs: 'pasv_enable=YES (pasv_enable=NO refuses PASV and EPSV)',
    deciders: ['pasv_enable'],
    active: yes('pasv_enable'),
  },
  {
    options: ['pasv_addr_resolve'],
    needs: 'pasv_address to be set',
    deciders: ['pasv_address'],
    active: (config) => typeof config.get('pasv_address')?.value === 'string',
    beforeLogin: true,
  },
  {
    options: ['ftp_data_port'],
    needs: 'connect_from_port_20=YES',
    deciders: ['connect_from_port_20'],
    active: yes('connect_from_port_20'),
  },
  {
    // With one listener running, the other one's address is listen-address-ignored's business.
    options: ['listen_port', 'listen_address', 'listen_address6', 'max_clients', 'max_per_ip', 'background'],
    needs: 'standalone mode (listen=YES or listen_ipv6=YES); under inetd or systemd socket activation they are ignored',
    deciders: ['listen', 'listen_ipv6'],
    active: (config) => config.isStandalone(),
    beforeLogin: true,
  },
  {
    options: ['message_file'],
    needs: 'dirmessage_enable=YES',
    deciders: ['dirmessage_enable'],
    active: yes('dirmessage_enable'),
  },
  {
    options: ['text_userdb_names'],
    needs: 'hide_ids=NO (hide_ids=YES shows every owner as ftp)',
    deciders: ['hide_ids'],
    active: (config) => !config.isOn('hide_ids'),
  },
  {
    options: ['ptrace_sandbox'],
    needs: 'one_process_model=YES',
    deciders: ['one_process_model'],
    active: yes('one_process_model'),
    beforeLogin: true,
  },
];

const noEffect: Rule = {
  id: 'VSF503',
  name: 'no-effect',
  category: 'hygiene',
  severity: 'warning',
  fixable: 'none',
  summary: 'An option is set, but another option switches off the feature it configures.',
  sources: ['vsftpd.conf(5)', 'vsftpd logging.c, twoprocess.c, postlogin.c, standalone.c'],
  docs: {
    what:
      'A line that changes an option from its compiled default although the feature it ' +
      'belongs to is off, e.g. anon_upload_enable=YES with anonymous_enable=NO or ' +
      'write_enable=NO, pasv_min_port with pasv_enable=NO, chroot_list_file without ' +
      'chroot_list_enable=YES, userlist_file without userlist_enable=YES, xferlog_file without ' +
      'xferlog_std_format/dual_log_enable, listen_port or listen_address without a standalone ' +
      'listener. Lines that merely repeat the default are left alone. TLS options with ' +
      'ssl_enable=NO are reported by ssl-options-without-ssl, and an address for the listener ' +
      'that is not running by listen-address-ignored. Virtual users ' +
      '(guest_enable=YES, virtual_use_local_privs=NO) get the anonymous permissions, so the ' +
      'anon_* permission options count for them. When user_config_dir is set, only ' +
      'dependencies decided before login are checked, since per-user files may turn the others ' +
      'on. A switch set to YES that does nothing is a warning; a dead path, number or NO is info.',
    why:
      'The line suggests a feature is configured when vsftpd ignores it: the firewall is ' +
      'opened for a PASV range that is never used, an audit believes uploads are logged to a ' +
      'file that is never written, or a later change of the other option turns on settings ' +
      'nobody has looked at in years.',
    prevents: 'settings that look active but are ignored',
    example: {
      bad: 'anonymous_enable=NO\nanon_upload_enable=YES\npasv_enable=NO\npasv_min_port=40000',
      good: 'anonymous_enable=NO\npasv_enable=NO',
    },
    fix:
      'No automatic fix: either the line is stale (delete it) or the feature was meant to be ' +
      'on (enable the option it needs). Only you know which.',
  },
  check({ target, config, report }) {
    const perUserFiles = typeof config.get('user_config_dir')?.value === 'string';
    const reported = new Set<string>();
    for (const dependency of DEPENDENCIES) {
      if (perUserFiles && !dependency.beforeLogin) continue;
      if (dependency.active(config)) continue;
      // Described only when reported: most inactive dependencies have no option set.
      const deciders = () =>
        dependency.deciders.flatMap((name) => {
          const value = config.get(name);
          return value ? [config.describe(value)] : [];
        });
      for (const name of dependency.options) {
        const value = config.get(name);
        const line = lineOf(value);
        if (!value || !line || reported.has(name)) continue;
        if (value.value === compiledDefault(value.option, target)) continue;
        reported.add(name);
        report({
          line,
          column: line.nameColumn,
          option: name,
          // A switch turned on that does nothing is likely a mistake; a dead path or number is clutter.
          severity: value.value === true ? 'warning' : 'info',
          message:
            `${config.describe(value)} has no effect: it needs ${dependency.needs}, but ` +
            `${andList(deciders())}; delete the line or enable what it needs`,
        });
      }
    }
  },
};

export default noEffect;
