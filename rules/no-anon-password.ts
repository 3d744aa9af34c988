import { at, fixWith, Rule, setValue } from '../src/engine/rule';

const noAnonPassword: Rule = {
  id: 'VSF404',
  name: 'no-anon-password',
  category: 'security',
  severity: 'info',
  fixable: 'unsafe',
  summary: 'Anonymous users are not asked for a password (e-mail address).',
  sources: ['vsftpd.conf(5): no_anon_password, deny_email_enable, secure_email_list_enable'],
  docs: {
    what: 'no_anon_password=YES while anonymous logins are enabled.',
    why:
      'vsftpd then logs anonymous users in right after USER, without the PASS step. The ' +
      'anonymous "password" is weak by nature, but it is what deny_email_enable and ' +
      'secure_email_list_enable check and what the logs record; without it both checks are ' +
      'skipped and the log shows no address.',
    prevents: 'USER anonymous answered "230 Login successful." with no PASS',
    example: { bad: 'anonymous_enable=YES\nno_anon_password=YES', good: 'anonymous_enable=YES\nno_anon_password=NO' },
    fix:
      'Unsafe (clients that send no password stop getting in): the value is set to NO, so ' +
      'vsftpd asks for the usual "331 Please specify the password.".',
  },
  check({ document, config, report }) {
    const anonymous = config.get('anonymous_enable');
    const noPassword = config.get('no_anon_password');
    if (anonymous?.value !== true || noPassword?.value !== true) return;
    const checks = ['deny_email_enable', 'secure_email_list_enable'].filter((name) => config.isOn(name));
    const skipped = checks.length ? ` (so ${checks.join(' and ')} can never reject anyone)` : '';
    report({
      ...at(noPassword),
      message:
        `${config.describe(noPassword)}: anonymous users (${config.describe(anonymous)}) are ` +
        `logged in without the PASS step${skipped}; set no_anon_password=NO`,
      fix: fixWith('unsafe', setValue(document, noPassword, 'NO')),
    });
  },
};

export default noAnonPassword;
