import { lineOf, Rule, settingSpan } from '../src/engine/rule';
import { shown } from '../src/engine/text';

const listenAddressIgnored: Rule = {
  id: 'VSF304',
  name: 'listen-address-ignored',
  category: 'startup',
  severity: 'warning',
  fixable: 'none',
  summary: 'listen_address is ignored by the IPv6 listener (and listen_address6 by the IPv4 one).',
  sources: ['vsftpd.conf(5): listen_address, listen_address6', 'standalone.c vsf_standalone_main'],
  docs: {
    what:
      'listen_address set while only the IPv6 listener runs (listen=NO, listen_ipv6=YES, the ' +
      "layout of Debian's shipped file), or listen_address6 set while only the IPv4 listener runs.",
    why:
      'Each listener reads only its own address option. The other one is silently ignored, so ' +
      'the server binds every address ("::" also accepts IPv4 on Linux) instead of the one ' +
      'written: reachable on interfaces it was meant to stay off.',
    prevents: 'vsftpd listening on all interfaces although listen_address names one',
    example: {
      bad: 'listen=NO\nlisten_ipv6=YES\nlisten_address=192.0.2.10',
      good: 'listen=YES\nlisten_ipv6=NO\nlisten_address=192.0.2.10',
    },
    fix:
      'Switch to the listener the address belongs to (listen=YES and listen_ipv6=NO for an IPv4 ' +
      'address), or write the address in the other option; no automatic fix, since that changes ' +
      'which clients can connect.',
  },
  check({ config, report }) {
    const listen = config.flag('listen');
    const ipv6 = config.flag('listen_ipv6');
    if (!listen || !ipv6 || listen.value === ipv6.value) return;
    const [ignored, running, used] = listen.value
      ? (['listen_address6', listen, 'listen_address'] as const)
      : (['listen_address', ipv6, 'listen_address6'] as const);
    const address = config.get(ignored);
    const line = lineOf(address);
    if (!address || !line || address.value === null) return;
    const bound = config.get(used);
    const where = bound && typeof bound.value === 'string' ? `${used}=${shown(bound.value)}` : `every address (${used} is unset)`;
    report({
      line,
      ...settingSpan(line),
      option: ignored,
      message:
        `${ignored} is ignored: with ${config.describe(running)} vsftpd runs only the ` +
        `${listen.value ? 'IPv4' : 'IPv6'} listener and binds ${where}; ` +
        (listen.value
          ? 'write the address in listen_address, or set listen=NO and listen_ipv6=YES'
          : 'set listen=YES and listen_ipv6=NO to listen on this IPv4 address only'),
    });
  },
};

export default listenAddressIgnored;
