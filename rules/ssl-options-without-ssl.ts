import { lineOf, Rule, settingSpan } from '../src/engine/rule';
import { compiledDefault } from '../src/schema/targets';

/** Options that do something only when ssl_enable=YES (ssl.c, prelogin.c, postlogin.c, ftpdataio.c). */
const TLS_ONLY = [
  'force_local_logins_ssl',
  'force_local_data_ssl',
  'force_anon_logins_ssl',
  'force_anon_data_ssl',
  'implicit_ssl',
  'require_cert',
  'validate_cert',
  'allow_anon_ssl',
  'ssl_request_cert',
  'require_ssl_reuse',
  'ssl_sslv2',
  'ssl_sslv3',
  'ssl_tlsv1',
  'ssl_tlsv1_1',
  'ssl_tlsv1_2',
  'ssl_tlsv1_3',
  'strict_ssl_read_eof',
  'strict_ssl_write_shutdown',
  'debug_ssl',
  'ssl_ciphers',
  'ca_certs_file',
  'ssl_sni_hostname',
];

/** Settings that, written as YES, ask for protection the server then does not give. */
const DEMANDS = new Set([
  'force_local_logins_ssl',
  'force_local_data_ssl',
  'force_anon_logins_ssl',
  'force_anon_data_ssl',
  'implicit_ssl',
  'require_cert',
  'validate_cert',
]);

const sslOptionsWithoutSsl: Rule = {
  id: 'VSF312',
  name: 'ssl-options-without-ssl',
  category: 'startup',
  severity: 'warning',
  fixable: 'none',
  summary: 'TLS options written while ssl_enable=NO have no effect: nothing is encrypted.',
  sources: ['vsftpd.conf(5): ssl_enable ("the other SSL related options" apply only with it)', 'SSG ftp_*; section 5 of the reference'],
  docs: {
    what:
      'A TLS option (force_local_logins_ssl, force_local_data_ssl, implicit_ssl, ssl_tlsv1, ' +
      'ssl_ciphers, require_cert, ...) set by a line while ssl_enable is effectively NO. The ' +
      "certificate and key paths are not reported: Debian's shipped file sets them in advance.",
    why:
      'Without ssl_enable=YES vsftpd does not offer AUTH TLS at all and ignores every other TLS ' +
      'option. A line like force_local_logins_ssl=YES reads as "passwords are protected" while ' +
      'they travel in clear text: that is a warning. Other TLS lines that change a default are ' +
      'merely dead (info); lines that repeat the default are not reported.',
    prevents: 'passwords and files sent in clear text although the file seems to require TLS',
    example: {
      bad: 'ssl_enable=NO\nforce_local_logins_ssl=YES\nforce_local_data_ssl=YES',
      good: 'ssl_enable=YES\nrsa_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem\nrsa_private_key_file=/etc/ssl/private/ssl-cert-snakeoil.key\nforce_local_logins_ssl=YES\nforce_local_data_ssl=YES',
    },
    fix: 'Set ssl_enable=YES with a certificate (rsa_cert_file), or delete the TLS lines. No automatic fix: enabling TLS needs a certificate the linter cannot provide.',
  },
  check({ target, config, report }) {
    const ssl = config.flag('ssl_enable');
    if (!ssl || ssl.value) return;
    for (const name of TLS_ONLY) {
      const value = config.get(name);
      const line = lineOf(value);
      if (!value || !line || value.value === null) continue;
      const demand = DEMANDS.has(name) && value.value === true;
      // A dead line that repeats the default changes nothing either way: not worth a finding.
      if (!demand && value.value === compiledDefault(value.option, target)) continue;
      report({
        line,
        ...settingSpan(line),
        option: name,
        severity: demand ? 'warning' : 'info',
        message:
          `${name} has no effect while ${config.describe(ssl)}: vsftpd offers no TLS` +
          (demand ? ', so logins and data still travel in clear text' : '') +
          '; set ssl_enable=YES with a certificate, or delete the line',
      });
    }
  },
};

export default sslOptionsWithoutSsl;
