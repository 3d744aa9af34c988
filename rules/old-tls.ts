import { at, fixWith, Rule, setValue } from '../src/engine/rule';
import type { Target } from '../src/schema/targets';

/** The protocol switches vsftpd has, with the protocol each one allows and what is wrong with it. */
const PROTOCOLS: readonly (readonly [option: string, protocol: string, flaw: string])[] = [
  ['ssl_sslv2', 'SSLv2', 'prohibited by RFC 6176'],
  ['ssl_sslv3', 'SSLv3', 'broken by POODLE and prohibited by RFC 7568'],
  ['ssl_tlsv1', 'TLS 1.0', 'deprecated by RFC 8996'],
  ['ssl_tlsv1_1', 'TLS 1.1', 'deprecated by RFC 8996'],
];

/**
 * In 3.0.2/3.0.3 and the trees built from it (Debian, openSUSE), ssl_tlsv1 also decides whether
 * FEAT advertises "AUTH TLS" (features.c); Fedora's tree and 3.0.5 reworked the protocol switches.
 */
function tlsv1AlsoControlsFeat(target: Target): boolean {
  return !target.options.has('ssl_tlsv1_2') && target.id !== 'upstream-3.0.5';
}

const oldTls: Rule = {
  id: 'VSF406',
  name: 'old-tls',
  category: 'security',
  severity: 'warning',
  fixable: 'unsafe',
  summary: 'TLS is on and still accepts SSLv2, SSLv3, TLS 1.0 or TLS 1.1.',
  sources: [
    'vsftpd.conf(5): ssl_sslv2, ssl_sslv3, ssl_tlsv1',
    'vsftpd-reference 2.1 (ssl_tlsv1 defaults to YES in 3.0.2/3.0.3/Debian; ssl_tlsv1_1 is Fedora/RHEL only)',
    'RFC 6176, RFC 7568, RFC 8996',
  ],
  docs: {
    what:
      'ssl_enable=YES and one of ssl_sslv2, ssl_sslv3, ssl_tlsv1 or (Fedora/RHEL) ssl_tlsv1_1 is ' +
      'effectively YES. ssl_tlsv1 is YES by the compiled default of upstream 3.0.2/3.0.3, ' +
      'Debian and openSUSE, so a file that never mentions it allows TLS 1.0 there.',
    why:
      'These protocol versions are broken or deprecated (RFC 8996); a client or attacker can ' +
      'negotiate down to them. In 3.0.2/3.0.3/Debian ssl_tlsv1=NO also removes "AUTH TLS" ' +
      'from the FEAT reply (TLS 1.1 and 1.2 stay available, there is no switch for them), so ' +
      'clients that only start TLS when FEAT offers it may stop doing so: pair it with ' +
      'force_local_logins_ssl=YES so such clients are refused instead of falling back to clear text.',
    prevents: 'TLS sessions negotiated with SSLv3 or TLS 1.0',
    example: { bad: 'ssl_enable=YES\nssl_sslv3=YES', good: 'ssl_enable=YES\nssl_sslv3=NO\nssl_tlsv1=NO' },
    fix:
      'Unsafe (old clients can no longer connect over TLS): the switch is set to NO, or ' +
      'ssl_tlsv1=NO is appended where the compiled default allows TLS 1.0.',
  },
  check({ document, target, config, report }) {
    const ssl = config.get('ssl_enable');
    if (ssl?.value !== true) return;
    for (const [name, protocol, flaw] of PROTOCOLS) {
      const option = config.get(name);
      if (option?.value !== true) continue;
      const feat =
        name === 'ssl_tlsv1' && tlsv1AlsoControlsFeat(target) ? ` (in ${target.label} that also drops "AUTH TLS" from the FEAT reply)` : '';
      report({
        ...at(option),
        message:
          `${config.describe(option)} lets TLS clients negotiate ${protocol}, ${flaw}; ` +
          `${option.source ? 'set' : 'add'} ${name}=NO${feat}`,
        fix: fixWith('unsafe', setValue(document, option, 'NO')),
      });
    }
  },
};

export default oldTls;
