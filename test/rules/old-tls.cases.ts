import { testRule } from '../support/rule-tester';

testRule('old-tls', {
  valid: [
    'ssl_enable=NO\nssl_sslv3=YES\n',
    'ssl_enable=YES\nssl_tlsv1=NO\n',
    { code: 'ssl_enable=YES\n', target: 'upstream-3.0.5' },
    { code: 'ssl_enable=YES\n', target: 'fedora' },
  ],
  invalid: [
    {
      code: 'ssl_enable=YES\n',
      line: 1,
      column: 1,
      option: 'ssl_tlsv1',
      message:
        'ssl_tlsv1=YES (the compiled default of Debian vsftpd 3.0.3) lets TLS clients negotiate TLS 1.0, ' +
        'deprecated by RFC 8996; add ssl_tlsv1=NO (in Debian vsftpd 3.0.3 that also drops "AUTH TLS" from the FEAT reply)',
      output: 'ssl_enable=YES\nssl_tlsv1=NO\n',
    },
    {
      code: 'ssl_enable=YES\nssl_sslv3=YES\nssl_tlsv1=NO\n',
      line: 2,
      column: 11,
      option: 'ssl_sslv3',
      message: 'negotiate SSLv3, broken by POODLE',
      output: 'ssl_enable=YES\nssl_sslv3=NO\nssl_tlsv1=NO\n',
    },
    {
      code: 'ssl_enable=YES\nssl_tlsv1_1=YES\n',
      target: 'fedora',
      line: 2,
      column: 13,
      message: 'negotiate TLS 1.1',
      output: 'ssl_enable=YES\nssl_tlsv1_1=NO\n',
    },
    {
      code: 'ssl_enable=YES\nssl_tlsv1=YES\n',
      target: 'upstream-3.0.5',
      line: 2,
      column: 11,
      message: 'set ssl_tlsv1=NO',
      output: 'ssl_enable=YES\nssl_tlsv1=NO\n',
    },
  ],
});
