import { testRule } from '../support/rule-tester';

testRule('ssl-options-without-ssl', {
  valid: [
    'ssl_enable=YES\nrsa_cert_file=/etc/ssl/certs/ftp.pem\nforce_local_logins_ssl=YES\nssl_tlsv1=NO\n',
    // Debian's shipped file: certificate paths set in advance, TLS off
    'ssl_enable=NO\nrsa_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem\nrsa_private_key_file=/etc/ssl/private/ssl-cert-snakeoil.key\n',
    'anonymous_enable=NO\n',
    'ssl_sslv3=NO\nssl_tlsv1=YES\n', // repeat the defaults: dead but harmless
    { code: 'ssl_tlsv1_2=YES\n', target: 'fedora' },
  ],
  invalid: [
    {
      // vsftpd stops at the bad bool first; the finding is about the file once that is fixed
      code: 'ssl_enable=NO\nforce_local_logins_ssl=YES\nlisten=YES \n',
      line: 2,
      column: 1,
      severity: 'warning',
      message:
        'force_local_logins_ssl has no effect while ssl_enable=NO (line 1): vsftpd offers no TLS, so logins and data still travel in clear text; set ssl_enable=YES with a certificate, or delete the line (once line 3 is fixed)',
    },
    {
      code: 'ssl_enable=NO\nforce_local_logins_ssl=YES\n',
      line: 2,
      column: 1,
      option: 'force_local_logins_ssl',
      severity: 'warning',
      message:
        'force_local_logins_ssl has no effect while ssl_enable=NO (line 1): vsftpd offers no TLS, so logins and data still travel in clear text',
      output: null,
    },
    {
      code: 'ssl_tlsv1=NO\n',
      line: 1,
      column: 1,
      severity: 'info',
      message: 'ssl_enable=NO (the compiled default of Debian vsftpd 3.0.3): vsftpd offers no TLS; set ssl_enable=YES',
    },
    { code: 'force_local_data_ssl=NO\n', line: 1, column: 1, severity: 'info', message: 'has no effect' },
    { code: 'ssl_ciphers=HIGH\n', line: 1, column: 1, severity: 'info', option: 'ssl_ciphers', message: 'has no effect' },
    { code: 'ssl_tlsv1_2=NO\n', target: 'fedora', line: 1, column: 1, severity: 'info', message: 'has no effect' },
  ],
});
