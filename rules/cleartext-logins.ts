import { at, fixWith, lineOf, Rule, setValue } from '../src/engine/rule';
import { virtualUsersAsAnonymous } from '../src/engine/sessions';

/** The settings that let local users skip TLS although ssl_enable=YES, and what then travels in clear. */
const FORCE_OPTIONS: readonly (readonly [name: string, exposed: string, refusal: string])[] = [
  ['force_local_logins_ssl', 'user names and passwords', '530 Non-anonymous sessions must use encryption.'],
  ['force_local_data_ssl', 'file contents and directory listings', '522 Data connections must be encrypted.'],
];

const cleartextLogins: Rule = {
  id: 'VSF405',
  name: 'cleartext-logins',
  category: 'security',
  severity: 'warning',
  fixable: 'unsafe',
  summary: 'Local users log in (or transfer) without TLS: passwords travel in clear text.',
  sources: [
    'vsftpd.conf(5): local_enable, ssl_enable, force_local_logins_ssl, force_local_data_ssl, force_anon_data_ssl',
    'SSG: ftp_restrict_to_anon',
  ],
  docs: {
    what:
      'local_enable=YES with ssl_enable=NO (the compiled default), or with ssl_enable=YES but ' +
      'force_local_logins_ssl=NO or force_local_data_ssl=NO; and virtual users with anonymous ' +
      'privileges (guest_enable=YES, virtual_use_local_privs=NO) with force_anon_data_ssl=NO, ' +
      'because after login vsftpd treats them as anonymous and force_local_data_ssl does not apply.',
    why:
      'Plain FTP sends USER and PASS, and every file, unencrypted: anyone on the path reads the ' +
      "system account's password. The SCAP Security Guide (ftp_restrict_to_anon) asks for " +
      'local_enable=NO where local logins are not needed; where they are, use FTPS ' +
      '(ssl_enable=YES with a certificate) or SFTP from OpenSSH instead. With ssl_enable=YES, ' +
      'force_local_*_ssl=NO lets a client simply not ask for TLS. Scanners match these settings ' +
      'with their own regular expressions; vsftpd-lint reads them as vsftpd does (last line ' +
      'wins, compiled defaults of the target build).',
    prevents: 'local passwords and files sent in clear text',
    example: {
      bad: 'local_enable=YES\nssl_enable=NO',
      good: 'local_enable=YES\nssl_enable=YES\nrsa_cert_file=/etc/ssl/certs/ftp.pem\n' + 'rsa_private_key_file=/etc/ssl/private/ftp.key',
    },
    fix:
      'Turning TLS on needs a certificate, so no fix is offered for ssl_enable=NO. For ' +
      'force_local_logins_ssl/force_local_data_ssl=NO the fix sets YES; it is unsafe because ' +
      'clients that do not use TLS are then refused ("530 Non-anonymous sessions must use ' +
      'encryption." / "522 Data connections must be encrypted."); the same goes for ' +
      'force_anon_data_ssl, which is not offered while anonymous logins are enabled.',
  },
  check({ document, config, report }) {
    const local = config.get('local_enable');
    const ssl = config.get('ssl_enable');
    if (local?.value !== true || !ssl) return;
    if (ssl.value === false) {
      // Point at the line to change: ssl_enable if it is written, else the local_enable line.
      const where = lineOf(ssl) ? at(ssl) : { ...at(local), option: 'ssl_enable' };
      report({
        ...where,
        message:
          `${config.describe(ssl)} with ${config.describe(local)}: local users' passwords and ` +
          'files cross the network in clear text; enable FTPS (ssl_enable=YES with ' +
          'rsa_cert_file/rsa_private_key_file), use SFTP, or set local_enable=NO',
      });
      return;
    }
    for (const [name, exposed, refusal] of FORCE_OPTIONS) {
      const force = config.get(name);
      if (force?.value !== false) continue;
      report({
        ...at(force),
        message:
          `${config.describe(force)}: with ${config.describe(ssl)} a client that does not ask ` +
          `for TLS still sends ${exposed} in clear text; set ${name}=YES (such clients then get ` +
          `"${refusal}")`,
        fix: fixWith('unsafe', setValue(document, force, 'YES')),
      });
    }
    // Virtual users with anonymous privileges count as anonymous once logged in (postlogin.c
    // data_transfer_checks_ok), so force_local_data_ssl does not cover their transfers.
    const anonData = config.get('force_anon_data_ssl');
    if (!virtualUsersAsAnonymous(config) || anonData?.value !== false) return;
    const anonymous = config.isOn('anonymous_enable');
    report({
      ...at(anonData),
      message:
        `${config.describe(anonData)}: virtual users (guest_enable=YES, virtual_use_local_privs=NO) ` +
        'transfer as anonymous sessions, so force_local_data_ssl does not apply and their files ' +
        'may cross the network in clear text; set force_anon_data_ssl=YES' +
        (anonymous ? ' (and allow_anon_ssl=YES, or anonymous transfers fail with "522 Data connections must be encrypted.")' : ''),
      fix: anonymous ? undefined : fixWith('unsafe', setValue(document, anonData, 'YES')),
    });
  },
};

export default cleartextLogins;
