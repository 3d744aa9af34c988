import { usableListenAddress } from '../src/schema/addresses';
import { fixWith, lineOf, Rule, settingSpan, setValue } from '../src/engine/rule';
import { oops } from '../src/engine/text';

const inetdMode: Rule = {
  id: 'VSF302',
  name: 'inetd-mode',
  category: 'startup',
  severity: 'info',
  fixable: 'unsafe',
  summary: 'Neither listen nor listen_ipv6 is YES: vsftpd runs only from inetd or a socket unit.',
  sources: ['vsftpd.conf(5): listen, listen_ipv6', 'main.c do_sanity_checks'],
  docs: {
    what:
      'A configuration in which neither standalone listener is on, so vsftpd expects inetd, ' +
      'xinetd or a systemd socket unit to hand it each connection on standard input.',
    why:
      'Started on its own (for example by Debian\'s vsftpd.service, which runs ' +
      '/usr/sbin/vsftpd directly) vsftpd then stops at once. The compiled default decides what ' +
      'a file without listen lines does: Debian\'s build has listen=NO, so such a file is in ' +
      'inetd mode there, while upstream, Fedora/RHEL and openSUSE default to listen=YES.',
    prevents: '500 OOPS: vsftpd: not configured for standalone, must be started from inetd',
    example: { bad: 'anonymous_enable=NO\nlocal_enable=YES', good: 'listen=YES\nanonymous_enable=NO\nlocal_enable=YES' },
    fix:
      'Unsafe: listen=YES is written (the existing listen line is changed, or one is ' +
      'appended), which makes vsftpd a standalone IPv4 server on listen_port. Keep inetd mode ' +
      'if inetd or a socket unit really starts vsftpd. No fix is offered while listen_address is ' +
      'not an IPv4 address vsftpd can parse (the listener would then stop with "bad listen_address").',
  },
  check({ document, config, report }) {
    const listen = config.flag('listen');
    const ipv6 = config.flag('listen_ipv6');
    if (!listen || !ipv6 || listen.value || ipv6.value) return;
    const line = lineOf(listen) ?? lineOf(ipv6);
    report({
      line,
      ...(line ? settingSpan(line) : {}),
      option: 'listen',
      message:
        `${config.describePair(listen, ipv6)}: vsftpd runs only from inetd or a ` +
        'socket unit; started directly (e.g. by vsftpd.service) it stops with ' +
        `${oops('vsftpd: not configured for standalone, must be started from inetd')}; ` +
        'write listen=YES for a standalone server',
      fix: usableListenAddress(config.get('listen_address')?.value) ? fixWith('unsafe', setValue(document, listen, 'YES')) : undefined,
    });
  },
};

export default inetdMode;
