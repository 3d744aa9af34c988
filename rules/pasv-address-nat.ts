import type { Rule } from '../src/engine/rule';
import { classifyIPv4, parseInetAton } from '../src/schema/addresses';

/** listen_address6 values that keep the server on this machine: nothing to forward. */
const IPV6_LOOPBACK = /^(::1|::ffff:127\.[0-9.]+)$/i;

const pasvAddressNat: Rule = {
  id: 'VSF207',
  name: 'pasv-address-nat',
  category: 'data-connection',
  severity: 'info',
  fixable: 'none',
  // Nothing in a config shows whether a NAT router sits in front of the server, so by default it
  // would fire on almost every server (9 of 10 real-world configs): a reminder, not a finding.
  enabledByDefault: false,
  summary: 'No pasv_address on a server that may sit behind NAT: 227 replies would carry its private address.',
  sources: ['vsftpd.conf(5): pasv_address', 'vsftpd 3.0.3 postlogin.c handle_pasv'],
  docs: {
    what:
      'Off by default (enable it for servers behind NAT): no configuration shows whether a NAT ' +
      'router sits in front of the server, so it would fire on nearly every server; ' +
      '`vsftpd-lint probe` sees the 227 address clients really get. A reminder, shown when passive mode is on, pasv_address is not set and the server listens ' +
      'on a private address or on all addresses (no listen_address, an IPv6 listener, or inetd ' +
      'mode). Not shown for a loopback or public listen_address.',
    why:
      'Without pasv_address the 227 reply carries the address the client reached the control ' +
      'connection at, as the server sees it. Behind a NAT router that forwards the public address ' +
      "to the server, that is the server's private address: clients outside get an address they " +
      'cannot reach and time out, unless the router runs an FTP helper that rewrites the reply ' +
      "(not possible for FTPS). Modern curl and Python's ftplib ignore the 227 address and hide the " +
      'problem; other clients do not.',
    prevents: '"227 Entering Passive Mode (10,200,3,2,...)" sent to a client on the Internet, then a client timeout',
    example: { bad: 'listen_address=10.0.0.5', good: 'listen_address=10.0.0.5\npasv_address=203.0.113.7' },
    fix:
      'By hand, only if the server is behind NAT: set pasv_address to the public IPv4 address ' +
      '(or pasv_addr_resolve=YES with a host name), forward the passive range to the server, and ' +
      'with listen_ipv6=YES switch to listen=YES, listen_ipv6=NO (see pasv-address-ipv6).',
  },
  check({ config, report }) {
    if (!config.isOn('pasv_enable')) return;
    const pasvAddress = config.get('pasv_address');
    if (!pasvAddress || pasvAddress.value !== null) return;
    const ipv6 = config.isOn('listen_ipv6');
    let where = 'the address the client connected to';
    if (config.isStandalone() && !ipv6) {
      const listen = config.get('listen_address');
      if (listen && typeof listen.value === 'string') {
        const address = parseInetAton(listen.value);
        if (address === undefined || classifyIPv4(address) !== 'private') return;
        where = `the private ${config.describe(listen)}`;
      }
    } else if (ipv6) {
      const listen6 = config.get('listen_address6');
      if (listen6 && typeof listen6.value === 'string' && IPV6_LOOPBACK.test(listen6.value)) return;
    }
    report({
      option: 'pasv_address',
      message:
        `pasv_address is not set, so 227 replies carry ${where}: if this server sits behind NAT, set ` +
        'pasv_address to its public IPv4 address' +
        (ipv6 ? ' (with listen=YES and listen_ipv6=NO: an IPv6 listener cannot advertise it)' : '') +
        ', or clients outside get an address they cannot reach',
    });
  },
};

export default pasvAddressNat;
