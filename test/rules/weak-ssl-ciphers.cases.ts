import { testRule } from '../support/rule-tester';

testRule('weak-ssl-ciphers', {
  valid: [
    'ssl_enable=YES\n',
    'ssl_enable=NO\nssl_ciphers=ALL\n',
    'ssl_enable=YES\nssl_ciphers=HIGH:!aNULL:!MD5:!3DES\n',
    'ssl_enable=YES\nssl_ciphers=ALL:!aNULL:!eNULL:!EXP:!LOW:!DES:!3DES:!RC4\n',
    'ssl_enable=YES\nssl_ciphers=!aNULL:ADH-AES256-SHA\n',
    'ssl_enable=YES\nssl_ciphers=ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256\n',
    { code: 'ssl_enable=YES\n', target: 'fedora' },
  ],
  invalid: [
    {
      code: 'ssl_enable=YES\nssl_ciphers=ALL\n',
      line: 2,
      column: 13,
      option: 'ssl_ciphers',
      message: "export-grade, LOW-strength, single-DES, 3DES (Sweet32) and RC4 (RFC 7465) suites (via 'ALL')",
      output: null,
    },
    {
      code: 'ssl_enable=YES\n',
      target: 'upstream-3.0.2',
      line: 1,
      column: 1,
      message:
        'ssl_ciphers=AES128-SHA:DES-CBC3-SHA (the compiled default of upstream vsftpd 3.0.2) allows ' +
        "3DES (Sweet32) suites (via 'DES-CBC3-SHA')",
    },
    {
      code: 'ssl_enable=YES\nssl_ciphers=HIGH\n',
      line: 2,
      column: 13,
      severity: 'info',
      message: "anonymous (aNULL, no certificate) suites (via 'HIGH')",
    },
    {
      code: 'ssl_enable=YES\nssl_ciphers=ECDHE-RSA-AES128-SHA:RC4-SHA:!aNULL\n',
      line: 2,
      column: 13,
      severity: 'warning',
      message: "RC4 (RFC 7465) suites (via 'RC4-SHA')",
    },
    {
      code: 'ssl_enable=YES\nssl_ciphers=ALL:!aNULL:-RC4:RC4-SHA:!EXP:!LOW:!DES:!3DES\n',
      line: 2,
      column: 13,
      message: "allows RC4 (RFC 7465) suites (via 'RC4-SHA')",
    },
  ],
});
