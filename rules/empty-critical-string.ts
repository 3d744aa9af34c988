import { deleteLine, fixWith, lineOf, Rule, settingSpan } from '../src/engine/rule';
import { quote } from '../src/engine/text';
import { compiledDefault } from '../src/schema/targets';

interface Critical {
  readonly option: string;
  /** Boolean options that must all be YES for the unset value to matter; none = always. */
  readonly when: readonly string[];
  /** Who is hit. */
  readonly scope: 'every connection' | 'every local login';
  /** What vsftpd sends, exactly. */
  readonly reply: string;
}

/**
 * String options whose compiled default vsftpd needs: unset ("NAME=" or NAME alone), they make
 * vsftpd fail each session (main.c session_init, twoprocess.c, secutil.c, all ✔run on Debian).
 */
const CRITICAL: readonly Critical[] = [
  {
    option: 'secure_chroot_dir',
    when: [],
    scope: 'every connection',
    reply: "500 OOPS: vsftpd: not found: directory given in 'secure_chroot_dir':(null)",
  },
  { option: 'nopriv_user', when: [], scope: 'every connection', reply: '500 OOPS: cannot locate user entry:' },
  { option: 'pam_service_name', when: ['local_enable'], scope: 'every local login', reply: '530 Login incorrect.' },
  {
    option: 'ftp_username',
    when: ['anonymous_enable'],
    scope: 'every connection',
    reply: "500 OOPS: vsftpd: cannot locate user specified in 'ftp_username':(null)",
  },
  {
    option: 'guest_username',
    when: ['guest_enable'],
    scope: 'every connection',
    reply: "500 OOPS: vsftpd: cannot locate user specified in 'guest_username':(null)",
  },
  {
    option: 'chown_username',
    when: ['chown_uploads'],
    scope: 'every connection',
    reply: "500 OOPS: vsftpd: cannot locate user specified in 'chown_username':(null)",
  },
  {
    option: 'userlist_file',
    when: ['userlist_enable', 'local_enable'],
    scope: 'every connection',
    reply: '500 OOPS: cannot read user list file:(null)',
  },
  {
    option: 'chroot_list_file',
    when: ['chroot_list_enable', 'local_enable'],
    scope: 'every local login',
    reply: '500 OOPS: could not read chroot() list file:(null)',
  },
  {
    option: 'banned_email_file',
    when: ['deny_email_enable'],
    scope: 'every connection',
    reply: '500 OOPS: cannot read anon e-mail list file:(null)',
  },
  {
    option: 'email_password_file',
    when: ['secure_email_list_enable'],
    scope: 'every connection',
    reply: '500 OOPS: cannot read email passwords file:(null)',
  },
];

/**
 * The options this rule explains when a line unsets them; empty-string-value (VSF115) should
 * leave them to this rule.
 */
export const CRITICAL_STRING_OPTIONS: readonly string[] = CRITICAL.map((c) => c.option);

const emptyCriticalString: Rule = {
  id: 'VSF315',
  name: 'empty-critical-string',
  category: 'startup',
  severity: 'error',
  fixable: 'unsafe',
  summary: '"secure_chroot_dir=", "nopriv_user=", "pam_service_name=" and similar unset a value vsftpd needs.',
  sources: ['vsftpd.conf(5): secure_chroot_dir, nopriv_user, pam_service_name, ftp_username, ...', 'reference 1.5 "Unset matters", 3.3'],
  docs: {
    what:
      'A line that unsets (empty value, or no "=") a string option vsftpd cannot do without: ' +
      'secure_chroot_dir and nopriv_user always; pam_service_name, chroot_list_file with local ' +
      'logins; ftp_username with anonymous_enable; guest_username with guest_enable; ' +
      'chown_username with chown_uploads; userlist_file, banned_email_file, email_password_file ' +
      'when their list is switched on.',
    why:
      'An empty value does not restore the default: it leaves the option without any value, ' +
      'and vsftpd then looks up a user or opens a file named (null). Each session fails. Where ' +
      'the switch that uses the option is off the line is harmless for now (a warning).',
    prevents:
      "500 OOPS: vsftpd: not found: directory given in 'secure_chroot_dir':(null); " +
      '500 OOPS: cannot locate user entry:; 530 Login incorrect. (pam_service_name=)',
    example: { bad: 'secure_chroot_dir=\npam_service_name=', good: '# (no line: /var/run/vsftpd/empty and vsftpd are the defaults)' },
    fix:
      'Unsafe: the line is deleted, so the option takes its compiled default (or the value of an ' +
      'earlier line) again. Write a value instead if the default is not what you want.',
  },
  check({ target, config, report }) {
    for (const critical of CRITICAL) {
      const value = config.get(critical.option);
      const line = lineOf(value);
      if (!value || !line || value.value !== null) continue;
      const lost = compiledDefault(value.option, target);
      if (lost === null) continue;
      const off = critical.when.filter((name) => !config.isOn(name));
      const written = line.hasEquals ? quote(`${line.name}=`) : `${quote(line.name)} without "="`;
      const effect = `${critical.scope} gets "${critical.reply}"`;
      report({
        line,
        ...settingSpan(line),
        option: critical.option,
        severity: off.length ? 'warning' : 'error',
        message:
          `${written} unsets the option and drops its default ${quote(String(lost))}: ` +
          (off.length ? `harmless while ${off.map((n) => `${n}=NO`).join(' and ')}, but then ${effect}` : effect) +
          '; delete the line or write a value',
        fix: fixWith('unsafe', deleteLine(line)),
      });
    }
  },
};

export default emptyCriticalString;
