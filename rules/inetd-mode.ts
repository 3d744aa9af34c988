import { usableListenAddress, vsftpdParsesIpv6 } from '../src/schema/addresses';
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
      "Started on its own (for example by Debian's vsftpd.service, which runs " +
      '/usr/sbin/vsftpd directly) vsftpd then stops at once. The compiled default decides what ' +
      "a file without listen lines does: Debian's build has listen=NO, so such a file is in " +
      'inetd mode there, while upstream, Fedora/RHEL and openSUSE default to listen=YES.',
    prevents: '500 OOPS: vsftpd: not configured for standalone, must be started from inetd',
    example: { bad: 'anonymous_enable=NO\nlocal_enable=YES', good: 'listen=YES\nanonymous_enable=NO\nlocal_enable=YES' },
    fix:
      'Unsafe: listen=YES is written (the existing listen line is changed, or one is ' +
      'appended), which makes vsftpd a standalone IPv4 server on listen_port. Keep inetd mode ' +
      'if inetd or a socket unit really starts vsftpd. No fix is offered while listen_address is ' +
      'not an IPv4 address vsftpd can parse (the listener would then stop with "bad listen_address"). ' +
      'When only listen_address6 is set, the IPv6 listener is the one meant: listen_ipv6=YES is ' +
      'written instead (if vsftpd can parse the address). With both addresses set, which ' +
      'listener is meant is unclear: no fix, and the message names both.',
  },
  check({ document, target, config, report }) {
    const listen = config.flag('listen');
    const ipv6 = config.flag('listen_ipv6');
    if (!listen || !ipv6 || listen.value || ipv6.value) return;
    const line = lineOf(listen) ?? lineOf(ipv6);
    const address = config.get('listen_address')?.value;
    const address6 = config.get('listen_address6')?.value;
    const hasAddress6 = typeof address6 === 'string';
    // Each listener reads only its own address: switching on the other one leaves it ignored.
    const [advice, edit] = !hasAddress6
      ? ['write listen=YES for a standalone server', usableListenAddress(address) ? setValue(document, listen, 'YES') : undefined]
      : typeof address !== 'string'
        ? [
            'write listen_ipv6=YES for a standalone server on listen_address6',
            vsftpdParsesIpv6(address6, target.id === 'debian-3.0.3') ? setValue(document, ipv6, 'YES') : undefined,
          ]
        : [
            'listen_address and listen_address6 are both set: write listen=YES for a standalone server on the first, or listen_ipv6=YES for one on the second',
            undefined,
          ];
    report({
      line,
      ...(line ? settingSpan(line) : {}),
      option: 'listen',
      message:
        `${config.describePair(listen, ipv6)}: vsftpd runs only from inetd or a ` +
        'socket unit; started directly (e.g. by vsftpd.service) it stops with ' +
        `${oops('vsftpd: not configured for standalone, must be started from inetd')}; ${advice}`,
      fix: fixWith('unsafe', edit),
    });
  },
};

export default inetdMode;
