import { lineOf, Rule, settingSpan } from '../src/engine/rule';
import { oops } from '../src/engine/text';

const noLoginPossible: Rule = {
  id: 'VSF305',
  name: 'no-login-possible',
  category: 'startup',
  severity: 'error',
  fixable: 'none',
  summary: 'local_enable=NO and anonymous_enable=NO: vsftpd refuses every connection.',
  sources: ['vsftpd.conf(5): local_enable, anonymous_enable', 'main.c do_sanity_checks'],
  docs: {
    what: 'Both kinds of login switched off: local_enable=NO and anonymous_enable=NO.',
    why:
      'vsftpd checks this for every new session, before the greeting: each client gets the ' +
      'OOPS instead of "220". Debian\'s compiled default is local_enable=NO, so a file that ' +
      "only says anonymous_enable=NO is enough (Debian's shipped file also sets local_enable=YES).",
    prevents: '500 OOPS: vsftpd: both local and anonymous access disabled!',
    example: { bad: 'anonymous_enable=NO', good: 'anonymous_enable=NO\nlocal_enable=YES' },
    fix: 'Set local_enable=YES for system (PAM) users or anonymous_enable=YES for anonymous FTP; which one is a policy decision, so there is no automatic fix.',
  },
  check({ config, report }) {
    const local = config.flag('local_enable');
    const anonymous = config.flag('anonymous_enable');
    if (!local || !anonymous || local.value || anonymous.value) return;
    const line = lineOf(local) ?? lineOf(anonymous);
    report({
      line,
      ...(line ? settingSpan(line) : {}),
      option: lineOf(local) || !line ? 'local_enable' : 'anonymous_enable',
      message:
        `${config.describePair(local, anonymous)} leave no way to log in: every ` +
        `connection gets ${oops('vsftpd: both local and anonymous access disabled!')}; write ` +
        'local_enable=YES for system users or anonymous_enable=YES for anonymous FTP',
    });
  },
};

export default noLoginPossible;
