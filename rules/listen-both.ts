import { usableListenAddress } from '../src/schema/addresses';
import { fixWith, lineOf, Rule, settingSpan, setValue } from '../src/engine/rule';
import { oops } from '../src/engine/text';

const listenBoth: Rule = {
  id: 'VSF301',
  name: 'listen-both',
  category: 'startup',
  severity: 'error',
  fixable: 'unsafe',
  summary: 'listen=YES and listen_ipv6=YES together stop vsftpd at start-up.',
  sources: ['vsftpd.conf(5): listen, listen_ipv6 ("mutually exclusive")', 'standalone.c vsf_standalone_main'],
  docs: {
    what: 'Both standalone listeners switched on: listen=YES (IPv4) and listen_ipv6=YES (IPv6).',
    why:
      'One vsftpd process runs one listener. With both options on, vsftpd stops before binding ' +
      "any socket. A common way to get there: Debian's shipped file has listen=NO and " +
      'listen_ipv6=YES, and only listen is flipped to YES. An IPv6 listener on "::" already ' +
      'accepts IPv4 clients (as v4-mapped addresses) on Linux.',
    prevents: '500 OOPS: run two copies of vsftpd for IPv4 and IPv6',
    example: { bad: 'listen=YES\nlisten_ipv6=YES', good: 'listen=YES\nlisten_ipv6=NO' },
    fix:
      'Unsafe: listen_ipv6 is set to NO, leaving the IPv4 listener; the server no longer ' +
      'accepts IPv6 clients. Set listen=NO instead to keep the dual-stack IPv6 listener. No fix is offered while listen_address is not an IPv4 address vsftpd can parse.',
  },
  check({ document, config, report }) {
    const listen = config.flag('listen');
    const ipv6 = config.flag('listen_ipv6');
    if (!listen?.value || !ipv6?.value) return;
    const line = lineOf(ipv6) ?? lineOf(listen);
    report({
      line,
      ...(line ? settingSpan(line) : {}),
      option: 'listen_ipv6',
      message:
        `${config.describePair(listen, ipv6)} cannot both be on: vsftpd stops at ` +
        `start-up with ${oops('run two copies of vsftpd for IPv4 and IPv6')}; write ` +
        'listen_ipv6=NO for an IPv4 listener, or listen=NO to keep the IPv6 one (it also accepts IPv4)',
      fix: usableListenAddress(config.get('listen_address')?.value) ? fixWith('unsafe', setValue(document, ipv6, 'NO')) : undefined,
    });
  },
};

export default listenBoth;
