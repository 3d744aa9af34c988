import { usableListenAddress } from '../src/schema/addresses';
import type { TextEdit } from '../src/engine/finding';
import { at, fixWith, Rule, setValue } from '../src/engine/rule';

const pasvAddressIpv6: Rule = {
  id: 'VSF208',
  name: 'pasv-address-ipv6',
  category: 'data-connection',
  severity: 'error',
  fixable: 'unsafe',
  summary: 'pasv_address with listen_ipv6=YES makes every 227 reply say 0,0,0,0.',
  sources: ['vsftpd.conf(5): pasv_address, listen_ipv6', 'vsftpd 3.0.3 postlogin.c handle_pasv'],
  docs: {
    what:
      "pasv_address is set while vsftpd runs an IPv6 listener (listen_ipv6=YES, as in Debian's " +
      'shipped /etc/vsftpd.conf). The IPv6 listener also serves IPv4 clients, as v4-mapped ' +
      'addresses.',
    why:
      'On an IPv6 control connection vsftpd looks for an IPv4 address inside the IPv6 one it ' +
      'would advertise. pasv_address is stored as a plain IPv4 address, so it finds none and ' +
      'writes 0,0,0,0: every PASV client is told to connect to 0.0.0.0. EPSV clients are not ' +
      'affected (229 has no address), which makes the failure look client-specific.',
    prevents: '"227 Entering Passive Mode (0,0,0,0,p1,p2)." in reply to every PASV',
    example: {
      bad: 'listen=NO\nlisten_ipv6=YES\npasv_address=203.0.113.7',
      good: 'listen=YES\nlisten_ipv6=NO\npasv_address=203.0.113.7',
    },
    fix:
      'Unsafe: switches to the IPv4 listener (listen=YES, listen_ipv6=NO), the only layout where ' +
      'pasv_address works. The server then no longer accepts IPv6 clients, and listen_address6 no ' +
      'longer applies (set listen_address to bind one IPv4 address). For IPv6 as well, run a ' +
      'second vsftpd with listen_ipv6=YES and no pasv_address. No fix is offered while listen_address is not an IPv4 address vsftpd can parse.',
  },
  check({ document, config, report }) {
    const ipv6 = config.get('listen_ipv6');
    const pasvAddress = config.get('pasv_address');
    if (!ipv6 || ipv6.value !== true || !ipv6.source || !pasvAddress || typeof pasvAddress.value !== 'string') return;
    if (!config.isOn('pasv_enable')) return;
    const edits: (TextEdit | undefined)[] = [setValue(document, ipv6, 'NO')];
    const listen = config.get('listen');
    if (listen && listen.value !== true) edits.push(setValue(document, listen, 'YES'));
    report({
      ...at(ipv6),
      message:
        `listen_ipv6=YES with ${config.describe(pasvAddress)}: on an IPv6 listener vsftpd ` +
        'cannot put pasv_address in the reply and sends "227 Entering Passive Mode (0,0,0,0,p1,p2)." ' +
        'to every PASV; use listen=YES and listen_ipv6=NO',
      fix: usableListenAddress(config.get('listen_address')?.value) ? fixWith('unsafe', ...edits) : undefined,
    });
  },
};

export default pasvAddressIpv6;
