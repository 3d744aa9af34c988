/**
 * How vsftpd reads the addresses in its configuration: IPv4 with glibc inet_aton (listen_address,
 * pasv_address; reference 4.2), IPv6 with vsftpd's own ipaddrparse.c (listen_address6), and what
 * kind of IPv4 address a client can reach. Each parser was checked against Debian's vsftpd 3.0.3.
 */
import { C_WHITESPACE } from './values';

const UINT32_MAX = 0xffffffff;
/** Largest value of the last part for 1, 2, 3 and 4 parts: a, a.b (24 bits), a.b.c (16 bits), a.b.c.d. */
const LAST_PART_MAX = [0xffffffffn, 0xffffffn, 0xffffn, 0xffn];

/**
 * strtoul(text, &end, 0) on a text that starts with a digit: [value, characters used]. "0x" is
 * a hex prefix only when a hex digit follows it; otherwise the leading "0" is an octal number
 * and the "x" is left over.
 */
function strtoul0(text: string): [bigint, number] {
  let base = 10;
  let i = 0;
  if (text[0] === '0') {
    if ((text[1] === 'x' || text[1] === 'X') && /[0-9a-fA-F]/.test(text[2] ?? '')) {
      base = 16;
      i = 2;
    } else {
      base = 8;
    }
  }
  const digit = base === 16 ? /[0-9a-fA-F]/ : base === 8 ? /[0-7]/ : /[0-9]/;
  let value = 0n;
  while (i < text.length && digit.test(text[i])) {
    value = value * BigInt(base) + BigInt(parseInt(text[i], 16));
    i++;
  }
  return [value, i];
}

/**
 * An IPv4 address as glibc inet_aton() reads it, as a 32-bit number, or undefined where
 * inet_aton fails (vsftpd: "500 OOPS: invalid pasv_address", "bad listen_address"). Accepts
 * 1 to 4 dot-separated parts, each decimal, octal (leading 0) or hex (0x); the last part fills
 * the remaining bytes ("127.1" is 127.0.0.1); anything after a blank is ignored
 * ("1.2.3.4 junk" is 1.2.3.4). A trailing dot, a part over 255, a value over 32 bits, or a
 * "0x" without a hex digit after it ("0x.1.2.3") fails.
 */
export function parseInetAton(text: string): number | undefined {
  const parts: number[] = [];
  let rest = text;
  let last: bigint;
  for (;;) {
    if (!/^[0-9]/.test(rest)) return undefined;
    const [value, used] = strtoul0(rest);
    if (value > BigInt(UINT32_MAX)) return undefined;
    last = value;
    rest = rest.slice(used);
    if (rest[0] !== '.') break;
    if (parts.length > 2 || value > 0xffn) return undefined;
    parts.push(Number(value));
    rest = rest.slice(1);
  }
  if (rest !== '' && !C_WHITESPACE.includes(rest[0])) return undefined;
  if (last > LAST_PART_MAX[parts.length]) return undefined;
  let address = 0;
  parts.forEach((part, n) => (address += part * 2 ** (24 - 8 * n)));
  return address + Number(last);
}

/** Dotted quad of a 32-bit address. */
export function formatIPv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/**
 * What kind of address it is, for whether a client elsewhere can connect to it:
 * - unspecified: 0.0.0.0/8 ("this network"); nobody can connect to it
 * - loopback: 127.0.0.0/8, the client's own machine
 * - link-local: 169.254.0.0/16, only the same network segment, never through a router
 * - multicast / reserved / broadcast: 224.0.0.0/4, 240.0.0.0/4, 255.255.255.255; no TCP
 * - private: RFC 1918 (10/8, 172.16/12, 192.168/16) and carrier-grade NAT (100.64.0.0/10)
 * - public: anything else
 */
export type AddressKind = 'unspecified' | 'loopback' | 'link-local' | 'multicast' | 'reserved' | 'broadcast' | 'private' | 'public';

export function classifyIPv4(address: number): AddressKind {
  const [a, b] = [Math.floor(address / 2 ** 24), Math.floor(address / 2 ** 16) % 256];
  if (address === UINT32_MAX) return 'broadcast';
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  return 'public';
}

/** Words for the kinds in messages. */
export const ADDRESS_KIND_WORDS: Readonly<Record<AddressKind, string>> = {
  unspecified: 'the "this host" address 0.0.0.0/8',
  loopback: 'a loopback address',
  'link-local': 'a link-local address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
  broadcast: 'the broadcast address',
  private: 'a private (RFC 1918 or carrier-grade NAT) address',
  public: 'a public address',
};

/**
 * vsftpd's own IPv6 parser (ipaddrparse.c vsf_sysutil_parse_ipv6), used for listen_address6:
 * hex groups of at most 4 digits split on ":", one "::", dotted quads allowed as groups, at most
 * 16 bytes. It is lenient (fewer than 8 groups without "::" pass); this says only whether vsftpd
 * stops with "bad listen_address6". Debian's binary ignores everything from the first "%" (a
 * zone such as "%eth0"), observed by running it; the upstream source has no such step.
 */
export function vsftpdParsesIpv6(address: string, ignoresZone: boolean): boolean {
  const text = ignoresZone && address.includes('%') ? address.slice(0, address.indexOf('%')) : address;
  const at = text.indexOf('::');
  const halves = at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + 2)];
  let bytes = 0;
  for (const half of halves) {
    if (half === '') continue;
    const groups = half.split(':');
    // A trailing ":" leaves an empty last piece, which vsftpd never looks at.
    if (groups[groups.length - 1] === '') groups.pop();
    for (const group of groups) {
      if (group === '') return false;
      if (group.includes('.')) {
        if (!/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.test(group)) return false;
        if (group.split('.').some((n) => Number(n) > 255)) return false;
        bytes += 4;
      } else {
        if (!/^[0-9a-fA-F]+$/.test(group) || parseInt(group, 16) > 0xffff) return false;
        bytes += 2;
      }
    }
  }
  return bytes <= 16;
}

/**
 * Whether vsftpd's IPv4 listener can start with this listen_address: unset (every address) or a
 * numeric IPv4 address inet_aton accepts. Fixes that switch the IPv4 listener on check it, so they
 * never trade one start-up error for "500 OOPS: bad listen_address".
 */
export function usableListenAddress(value: string | number | boolean | null | undefined): boolean {
  return typeof value !== 'string' || parseInetAton(value) !== undefined;
}
