import { shownSetting } from '../src/engine/effective-config';
import type { EffectiveConfig, EffectiveValue } from '../src/engine/effective-config';
import { at, deleteSettings, fixWith, Rule } from '../src/engine/rule';
import { ADDRESS_KIND_WORDS, classifyIPv4, formatIPv4, parseInetAton } from '../src/schema/addresses';

/**
 * The listen_address vsftpd binds, parsed, when its IPv4 listener is the one in use
 * (listen=YES, listen_ipv6=NO); undefined otherwise or when unset or unparsable.
 */
function ipv4ListenAddress(config: EffectiveConfig): { readonly option: EffectiveValue; readonly address: number } | undefined {
  if (!config.isOn('listen') || config.isOn('listen_ipv6')) return undefined;
  const option = config.get('listen_address');
  if (!option || typeof option.value !== 'string') return undefined;
  const address = parseInetAton(option.value);
  return address === undefined ? undefined : { option, address };
}

const pasvAddressUnreachable: Rule = {
  id: 'VSF206',
  name: 'pasv-address-unreachable',
  category: 'data-connection',
  severity: 'error',
  fixable: 'unsafe',
  summary: 'A pasv_address clients cannot connect to (loopback, link-local, 0.0.0.0, or private behind a public listener).',
  sources: ['vsftpd.conf(5): pasv_address', 'vsftpd 3.0.3 postlogin.c handle_pasv, privops.c vsf_privop_pasv_listen'],
  docs: {
    what:
      'pasv_address, the address vsftpd puts in every 227 reply, is one that clients cannot connect ' +
      'to: 0.0.0.0/8, a loopback address (127/8) or a link-local one (169.254/16) other than the ' +
      'listen_address itself, a multicast, reserved or broadcast address (errors); or a private ' +
      'address (10/8, 172.16/12, 192.168/16, 100.64/10) while vsftpd listens on a public ' +
      'listen_address (a warning: graded per finding).',
    why:
      'vsftpd always listens for the passive data connection on the address the client reached ' +
      'the control connection at; pasv_address only changes what the 227 reply advertises, for a ' +
      'server behind NAT whose router forwards that public address to it. A client that follows ' +
      'the 227 reply to any other address finds nothing there: the transfer fails with "connection ' +
      'refused" or a timeout, and vsftpd answers "425 Failed to establish connection." after ' +
      "accept_timeout. curl (--ftp-skip-pasv-ip, default since 7.74) and Python's ftplib ignore the " +
      'address and hide the problem; lftp, FileZilla in some modes, browsers and scripts do not.',
    prevents:
      '227 Entering Passive Mode (127,0,0,9,...) followed by "Connection refused" on the data ' +
      'connection, or a client timeout and "425 Failed to establish connection."',
    example: {
      bad: 'listen_address=127.0.0.1\npasv_address=127.0.0.9',
      good: 'listen_address=127.0.0.1',
    },
    fix:
      'Unsafe: removes every pasv_address line, so that 227 replies carry the address the client ' +
      'connected to, which is right for every client that reaches the server directly. A server ' +
      'behind NAT needs pasv_address set to its public address instead.',
  },
  check({ config, report }) {
    const option = config.get('pasv_address');
    if (!option || typeof option.value !== 'string' || !option.source || !config.isOn('pasv_enable')) return;
    // With an IPv6 listener the address never reaches a 227 reply (pasv-address-ipv6).
    if (config.isOn('listen_ipv6')) return;
    const address = parseInetAton(option.value);
    if (address === undefined) return; // pasv-address-invalid, or a host name resolved at start-up
    const kind = classifyIPv4(address);
    const listen = ipv4ListenAddress(config);
    const fix = fixWith('unsafe', ...deleteSettings(config, 'pasv_address'));
    const shown = shownSetting(option);
    const dotted = formatIPv4(address);

    const unusable = kind === 'unspecified' || kind === 'multicast' || kind === 'reserved' || kind === 'broadcast';
    const localOnly = (kind === 'loopback' || kind === 'link-local') && listen?.address !== address;
    if (unusable || localOnly) {
      const where = localOnly
        ? kind === 'loopback'
          ? 'tells each client to connect to its own machine'
          : 'tells clients to connect to an address valid on one network segment only'
        : 'tells clients to connect where no TCP connection can go';
      const listener = listen
        ? `while the data connection waits on ${config.describe(listen.option)}`
        : 'while the data connection waits on the address the client connected to';
      report({
        ...at(option),
        severity: 'error',
        message:
          `${shown} is ${ADDRESS_KIND_WORDS[kind]}: every "227 Entering Passive Mode (${dotted.replace(/\./g, ',')},...)" ` +
          `${where}, ${listener}, so passive transfers fail; remove pasv_address, or set the public address clients reach`,
        fix,
      });
      return;
    }
    if (kind === 'private' && listen && classifyIPv4(listen.address) === 'public') {
      report({
        ...at(option),
        severity: 'warning',
        message:
          `${shown} is ${ADDRESS_KIND_WORDS[kind]} but vsftpd listens on the public ` +
          `${config.describe(listen.option)}: 227 replies send clients ` +
          `to an address they cannot reach; remove pasv_address so that vsftpd advertises ${formatIPv4(listen.address)}`,
        fix,
      });
    }
  },
};

export default pasvAddressUnreachable;
