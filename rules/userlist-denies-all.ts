import { lineOf, Rule, settingSpan } from '../src/engine/rule';

const userlistDeniesAll: Rule = {
  id: 'VSF306',
  name: 'userlist-denies-all',
  category: 'startup',
  severity: 'error',
  fixable: 'none',
  summary: 'userlist_deny=NO with local_enable=NO refuses every login, anonymous included.',
  sources: ['vsftpd.conf(5): userlist_enable, userlist_deny', 'twoprocess.c, prelogin.c handle_user_command'],
  docs: {
    what: 'userlist_enable=YES with userlist_deny=NO (only users in userlist_file may log in) on a ' + 'server with local_enable=NO.',
    why:
      'vsftpd reads userlist_file only when local_enable=YES. Otherwise the list counts as ' +
      'empty, and with userlist_deny=NO nobody is on it: every USER command, "anonymous" and ' +
      '"ftp" included, is refused right away.',
    prevents: '530 Permission denied. (after every USER)',
    example: {
      bad: 'anonymous_enable=YES\nlocal_enable=NO\nuserlist_enable=YES\nuserlist_deny=NO',
      good: 'anonymous_enable=YES\nlocal_enable=NO\nuserlist_enable=NO',
    },
    fix: 'For an anonymous-only server remove userlist_deny=NO (or userlist_enable=YES); to allow listed system users set local_enable=YES. No automatic fix: the intent is unclear.',
  },
  check({ config, report }) {
    const enable = config.flag('userlist_enable');
    const deny = config.flag('userlist_deny');
    const local = config.flag('local_enable');
    if (!enable?.value || !deny || deny.value || !local || local.value) return;
    if (!config.isOn('anonymous_enable')) return; // no-login-possible reports that server
    const line = lineOf(deny) ?? lineOf(enable);
    report({
      line,
      ...(line ? settingSpan(line) : {}),
      option: lineOf(deny) ? 'userlist_deny' : 'userlist_enable',
      message:
        `${config.describe(deny)} lets only users listed in userlist_file log in, but with ` +
        `${config.describe(local)} vsftpd never reads the list: every login, anonymous included, ` +
        'gets "530 Permission denied."; remove userlist_deny=NO for an anonymous-only server',
    });
  },
};

export default userlistDeniesAll;
