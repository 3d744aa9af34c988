import { appendLines, fixWith, lineOf, Rule, settingSpan, setValue } from '../src/engine/rule';
import type { TextEdit } from '../src/engine/finding';
import { oops, shown } from '../src/engine/text';
import { compiledDefault } from '../src/schema/targets';

/** Debian's shipped vsftpd.conf points at the snakeoil pair of package ssl-cert. */
const DEBIAN_CERT = '/etc/ssl/certs/ssl-cert-snakeoil.pem';
const DEBIAN_KEY = '/etc/ssl/private/ssl-cert-snakeoil.key';

const sslWithoutCert: Rule = {
  id: 'VSF311',
  name: 'ssl-without-cert',
  category: 'startup',
  severity: 'warning',
  fixable: 'unsafe',
  summary: 'ssl_enable=YES with no usable certificate: vsftpd does not start, or TLS always fails.',
  sources: ['vsftpd.conf(5): ssl_enable, rsa_cert_file, rsa_private_key_file', 'ssl.c ssl_init'],
  docs: {
    what:
      'ssl_enable=YES while rsa_cert_file is its compiled default /usr/share/ssl/certs/vsftpd.pem ' +
      '(a path no current distribution has: /usr/share/ssl does not exist on Debian), or while ' +
      'rsa_cert_file and dsa_cert_file are both unset.',
    why:
      'With the default path vsftpd stops at start-up because the certificate does not load. ' +
      'The linter cannot see the file system, so this is a warning. With both certificate ' +
      'options unset (e.g. "rsa_cert_file=") vsftpd starts and advertises AUTH TLS, but every ' +
      'TLS handshake fails; with force_local_logins_ssl=YES (the default) no local user can ' +
      'log in at all. That case is an error.',
    prevents:
      '500 OOPS: SSL: cannot load RSA certificate; or "234 Proceed with negotiation." followed ' + 'by a TLS handshake_failure alert',
    example: {
      bad: 'ssl_enable=YES',
      good: `ssl_enable=YES\nrsa_cert_file=${DEBIAN_CERT}\nrsa_private_key_file=${DEBIAN_KEY}`,
    },
    fix:
      "Unsafe, Debian only: writes the snakeoil certificate and key of Debian's shipped file " +
      '(package ssl-cert creates them); a self-signed certificate makes clients warn. Elsewhere ' +
      'point rsa_cert_file (and rsa_private_key_file) at your certificate.',
  },
  check({ document, target, config, report }) {
    const ssl = config.flag('ssl_enable');
    const rsa = config.get('rsa_cert_file');
    const dsa = config.get('dsa_cert_file');
    if (!ssl?.value || !rsa) return;
    const defaultPath = compiledDefault(rsa.option, target);
    if (rsa.value !== null && rsa.value === defaultPath) {
      const line = lineOf(rsa);
      const needsKey = config.get('rsa_private_key_file')?.value === null;
      const edits: (TextEdit | undefined)[] = line
        ? [setValue(document, rsa, DEBIAN_CERT), ...(needsKey ? [appendLines(document, [`rsa_private_key_file=${DEBIAN_KEY}`])] : [])]
        : [appendLines(document, [`rsa_cert_file=${DEBIAN_CERT}`, ...(needsKey ? [`rsa_private_key_file=${DEBIAN_KEY}`] : [])])];
      report({
        line,
        ...(line ? settingSpan(line) : {}),
        option: 'rsa_cert_file',
        message:
          `${config.describe(ssl)} but rsa_cert_file is ${shown(String(rsa.value))} (${config.describeSource(rsa)}), a ` +
          `file no current distribution has (the linter cannot see the file system): vsftpd stops at ` +
          `start-up with ${oops('SSL: cannot load RSA certificate')}; set rsa_cert_file and ` +
          `rsa_private_key_file to your certificate${target.id === 'debian-3.0.3' ? ` (e.g. ${DEBIAN_CERT} from package ssl-cert)` : ''}`,
        fix: target.id === 'debian-3.0.3' ? fixWith('unsafe', ...edits) : undefined,
      });
      return;
    }
    if (rsa.value === null && (!dsa || dsa.value === null)) {
      const line = lineOf(rsa) ?? lineOf(dsa) ?? lineOf(ssl);
      report({
        line,
        ...(line ? settingSpan(line) : {}),
        option: 'rsa_cert_file',
        severity: 'error',
        message:
          `${config.describe(ssl)} but no certificate is set (rsa_cert_file and dsa_cert_file are unset): ` +
          'vsftpd advertises AUTH TLS and every TLS handshake fails, so clients that require TLS, and ' +
          'with force_local_logins_ssl=YES every local user, cannot log in; set rsa_cert_file to your certificate',
      });
    }
  },
};

export default sslWithoutCert;
