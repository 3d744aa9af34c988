import { at, fixWith, Rule, setValue } from '../src/engine/rule';
import { parseInetAton } from '../src/schema/addresses';
import { oops, quote } from '../src/engine/text';

/**
 * A dotted name ending in an alphabetic label, such as ftp.example.com: something DNS may know.
 * Single words ("none", "PASV_ADDRESS") are template leftovers more often than host names.
 */
const HOST_NAME = /^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\.?$/;

const pasvAddressInvalid: Rule = {
  id: 'VSF205',
  name: 'pasv-address-invalid',
  category: 'data-connection',
  severity: 'error',
  fixable: 'unsafe',
  summary: 'A pasv_address that is not a numeric IPv4 address kills the session at the first PASV.',
  sources: ['vsftpd.conf(5): pasv_address, pasv_addr_resolve', 'vsftpd 3.0.3 postlogin.c handle_pasv'],
  docs: {
    what:
      'pasv_address is not an IPv4 address as inet_aton() reads it (a host name, an IPv6 address, ' +
      'a typo such as 10.0.0.256) while pasv_addr_resolve=NO. inet_aton accepts more than dotted quads: "127.1", "0x7f.1" and ' +
      '"2130706433" are all 127.0.0.1 and are not reported.',
    why:
      'vsftpd starts normally and accepts logins; it parses pasv_address only when a client sends ' +
      'PASV, and then ends the session. EPSV does not use the address, so modern clients that try ' +
      'EPSV first hide the problem until one falls back to PASV. (With pasv_addr_resolve=YES the ' +
      'name is resolved once at start-up instead: see the startup rule pasv-address-unresolvable.)',
    prevents: '"500 OOPS: invalid pasv_address" in reply to PASV; the session ends',
    example: { bad: 'pasv_address=ftp.example.com', good: 'pasv_address=ftp.example.com\npasv_addr_resolve=YES' },
    fix:
      'Unsafe, for a dotted host name only: pasv_addr_resolve=YES is set, so that vsftpd resolves the ' +
      'name once at start-up (and refuses to start if it cannot). Anything else needs the right ' +
      'IPv4 address written by hand, or pasv_address removed.',
  },
  check({ document, config, report }) {
    const option = config.get('pasv_address');
    if (!option || typeof option.value !== 'string' || !option.source) return;
    const resolve = config.get('pasv_addr_resolve');
    const value = option.value;
    // With pasv_addr_resolve=YES the name is resolved at start-up: startup rule pasv-address-unresolvable.
    if (resolve?.value === true) return;
    if (!config.isOn('pasv_enable') || parseInetAton(value) !== undefined) return;
    const hostName = HOST_NAME.test(value);
    const hint = value.includes(':')
      ? "the 227 reply carries IPv4 only: write the server's public IPv4 address"
      : hostName
        ? 'a host name needs pasv_addr_resolve=YES'
        : 'write the numeric IPv4 address clients should connect to';
    report({
      ...at(option),
      message:
        `pasv_address=${quote(value)} is not a numeric IPv4 address: the first PASV of every session ` +
        `dies with ${oops('invalid pasv_address')}; ${hint}`,
      fix: hostName && resolve ? fixWith('unsafe', setValue(document, resolve, 'YES')) : undefined,
    });
  },
};

export default pasvAddressInvalid;
