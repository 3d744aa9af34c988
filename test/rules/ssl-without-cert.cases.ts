import { testRule } from '../support/rule-tester';

testRule('ssl-without-cert', {
  valid: [
    'ssl_enable=YES\nrsa_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem\nrsa_private_key_file=/etc/ssl/private/ssl-cert-snakeoil.key\n',
    'ssl_enable=NO\n',
    '# no TLS\n',
    'ssl_enable=NO\nrsa_cert_file=\n',
    'ssl_enable=YES\nrsa_cert_file=/etc/vsftpd/vsftpd.pem\n',
  ],
  invalid: [
    {
      code: 'ssl_enable=YES\n',
      line: 1,
      column: 1,
      option: 'rsa_cert_file',
      message:
        'rsa_cert_file is /usr/share/ssl/certs/vsftpd.pem (the compiled default of Debian vsftpd 3.0.3), a file no current distribution has (the linter cannot see the file system): vsftpd stops at start-up with "500 OOPS: SSL: cannot load RSA certificate"',
      output:
        'ssl_enable=YES\nrsa_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem\nrsa_private_key_file=/etc/ssl/private/ssl-cert-snakeoil.key\n',
    },
    {
      code: 'ssl_enable=YES\nrsa_private_key_file=/etc/ssl/private/ftp.key',
      line: 1,
      column: 1,
      message: 'cannot load RSA certificate',
      output: 'ssl_enable=YES\nrsa_private_key_file=/etc/ssl/private/ftp.key\nrsa_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem\n',
    },
    {
      code: 'rsa_cert_file=/usr/share/ssl/certs/vsftpd.pem\nssl_enable=YES\n',
      line: 1,
      column: 1,
      message: '(line 1)',
      output:
        'rsa_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem\nssl_enable=YES\nrsa_private_key_file=/etc/ssl/private/ssl-cert-snakeoil.key\n',
    },
    { code: 'ssl_enable=YES\n', target: 'fedora', line: 1, column: 1, message: 'cannot load RSA certificate', output: null },
    {
      code: 'ssl_enable=YES\nrsa_cert_file=\n',
      line: 2,
      column: 1,
      severity: 'error',
      message:
        'no certificate is set (rsa_cert_file and dsa_cert_file are unset): vsftpd advertises AUTH TLS and every TLS handshake fails',
      output: null,
    },
    {
      code: 'ssl_enable=YES\ndsa_cert_file=/etc/ssl/dsa.pem\n',
      line: 1,
      column: 1,
      message: 'cannot load RSA certificate',
    },
  ],
});
