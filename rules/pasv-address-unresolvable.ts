import { lineOf, Rule, valueSpan } from '../src/engine/rule';
import { parseInetAton } from '../src/schema/addresses';
import { oops, quote } from '../src/engine/text';

/** Labels that template files use for "fill in your address here". */
const PLACEHOLDER =
  /^(change[-_]?me|replace[-_]?me|placeholder|your[-_a-z0-9]*|server[-_]?ip|public[-_]?ip|ip[-_]?addr(ess)?|external[-_]?ip)$/i;

/** Why a pasv_address cannot be a name getaddrinfo() resolves, or undefined if it might be. */
function unresolvable(name: string): string | undefined {
  const odd = [...new Set(name.match(/[^A-Za-z0-9._:%-]/g) ?? [])];
  if (odd.length) return `it contains ${odd.map((c) => quote(c)).join(', ')}`;
  // gethostbyname() looks up IPv4 only: vsftpd 3.0.3 stops with "cannot resolve host:::1".
  if (name.includes(':')) return 'it is an IPv6 address, and the look-up is IPv4 only';
  if (parseInetAton(name) !== undefined) return undefined; // numeric (0x and octal forms included)
  if (/^[0-9.]*[xX][0-9xX.]*$/.test(name)) return 'it is a placeholder';
  if (name.split('.').some((label) => PLACEHOLDER.test(label))) return 'it is a placeholder';
  const labels = name.replace(/\.$/, '').split('.');
  if (labels.some((l) => l === '')) return 'it has an empty label ("..", or a leading dot)';
  if (labels.some((l) => l.length > 63)) return 'a label is longer than 63 characters';
  if (/^[0-9]+$/.test(labels[labels.length - 1]) && parseInetAton(name) === undefined) {
    return 'it is neither an IPv4 address nor a host name (a name cannot end in a number)';
  }
  return undefined;
}

const pasvAddressUnresolvable: Rule = {
  id: 'VSF317',
  name: 'pasv-address-unresolvable',
  category: 'startup',
  severity: 'warning',
  fixable: 'none',
  summary: 'pasv_addr_resolve=YES with a pasv_address that is no host name stops vsftpd at start-up.',
  sources: ['vsftpd.conf(5): pasv_addr_resolve, pasv_address', 'main.c (resolved once at start-up)'],
  docs: {
    what:
      'pasv_addr_resolve=YES while pasv_address cannot be a resolvable name: a template ' +
      'placeholder ("[SERVER IP]", "<public ip>", "x.x.x.x", "${IP}"), text with blanks, or a ' +
      'dotted number that is not an IPv4 address ("300.1.2.3").',
    why:
      'vsftpd resolves pasv_address once, right after reading the configuration and before ' +
      'anything else; if that fails it stops. The linter cannot do DNS look-ups, so a plausible ' +
      'host name is not checked, and the finding is a warning.',
    prevents: '500 OOPS: cannot resolve host:NAME',
    example: {
      bad: 'pasv_addr_resolve=YES\npasv_address=[SERVER IP]',
      good: 'pasv_addr_resolve=YES\npasv_address=ftp.example.com',
    },
    fix: "Write the server's public host name (or a numeric IPv4 address). No automatic fix: only you know the address.",
  },
  check({ config, report }) {
    const resolve = config.flag('pasv_addr_resolve');
    const address = config.get('pasv_address');
    const line = lineOf(address);
    if (!resolve?.value || !address || !line || typeof address.value !== 'string') return;
    const why = unresolvable(address.value);
    if (!why) return;
    report({
      line,
      ...valueSpan(line),
      option: 'pasv_address',
      message:
        `pasv_address ${quote(address.value)} cannot be resolved (${why}): with ${config.describe(resolve)} ` +
        `vsftpd stops at start-up with ${oops(`cannot resolve host:${address.value}`)}; write the ` +
        "server's public host name or IPv4 address",
    });
  },
};

export default pasvAddressUnresolvable;
