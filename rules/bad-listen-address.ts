import { lineOf, Rule, valueSpan } from '../src/engine/rule';
import { parseInetAton, vsftpdParsesIpv6 } from '../src/schema/addresses';
import { oops, quote } from '../src/engine/text';

const badListenAddress: Rule = {
  id: 'VSF303',
  name: 'bad-listen-address',
  category: 'startup',
  severity: 'error',
  fixable: 'none',
  summary: 'A listen_address (listen_address6) vsftpd cannot parse stops it at start-up.',
  sources: ['vsftpd.conf(5): listen_address, listen_address6', 'standalone.c, ipaddrparse.c'],
  docs: {
    what:
      'The address of the listener that is on: listen_address with listen=YES when it is not a ' +
      'numeric IPv4 address (glibc inet_aton syntax), or listen_address6 with listen_ipv6=YES ' +
      "when vsftpd's own IPv6 parser rejects it (brackets, a host name; a %zone outside Debian).",
    why:
      'vsftpd never resolves host names for the listener: "localhost" or "ftp.example.com" is ' +
      'refused, and so is any surrounding text. The check runs after the configuration is read, ' +
      'before anything listens, so the server does not start.',
    prevents: '500 OOPS: bad listen_address: X / 500 OOPS: bad listen_address6: X',
    example: { bad: 'listen=YES\nlisten_address=localhost', good: 'listen=YES\nlisten_address=127.0.0.1' },
    fix: 'Write the numeric address of a local interface (e.g. 192.0.2.10, or ::1 for IPv6), or delete the line to listen on every address.',
  },
  check({ target, config, report }) {
    const listen = config.flag('listen');
    const ipv6 = config.flag('listen_ipv6');
    if (!listen || !ipv6 || (listen.value && ipv6.value)) return; // listen-both stops vsftpd first
    const name = listen.value ? 'listen_address' : ipv6.value ? 'listen_address6' : undefined;
    if (!name) return;
    const address = config.get(name);
    const line = lineOf(address);
    if (!address || !line || typeof address.value !== 'string') return;
    const text = address.value;
    const ok = name === 'listen_address' ? parseInetAton(text) !== undefined : vsftpdParsesIpv6(text, target.id === 'debian-3.0.3');
    if (ok) return;
    const wanted =
      name === 'listen_address' ? 'a numeric IPv4 address such as 192.0.2.10' : 'a literal IPv6 address without brackets, such as ::1';
    report({
      line,
      ...valueSpan(line),
      option: name,
      message:
        `${quote(text)} is not ${name === 'listen_address' ? 'an IPv4 address' : 'an IPv6 address'} vsftpd can parse ` +
        `(host names are not resolved): with ${listen.value ? 'listen' : 'listen_ipv6'}=YES vsftpd stops at start-up with ` +
        `${oops(`bad ${name}: ${text}`)}; write ${wanted}`,
    });
  },
};

export default badListenAddress;
