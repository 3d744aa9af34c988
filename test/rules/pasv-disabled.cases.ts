import { testRule } from '../support/rule-tester';

testRule('pasv-disabled', {
  valid: ['', 'pasv_enable=YES\n', 'pasv_enable=NO\npasv_enable=YES\n', 'pasv_enable=true\nport_enable=NO\n'],
  invalid: [
    {
      code: 'listen=YES\npasv_address=vsftpd\npasv_enable=NO\n',
      line: 3,
      column: 13,
      message: '550',
      option: 'pasv_enable',
      severity: 'warning',
      output: null,
    },
    {
      code: 'pasv_enable=NO\n',
      line: 1,
      column: 13,
      severity: 'warning',
      option: 'pasv_enable',
      message: 'PASV and EPSV get "550 Permission denied."',
      output: 'pasv_enable=YES\n',
    },
    {
      code: 'pasv_enable=no\nport_enable=NO\n',
      line: 1,
      column: 13,
      severity: 'error',
      message: 'pasv_enable=NO with port_enable=NO (line 2): no data connection is possible',
      output: 'pasv_enable=YES\nport_enable=NO\n',
    },
    {
      code: 'pasv_enable=YES\n# later edit\npasv_enable=0\n',
      line: 3,
      column: 13,
      severity: 'warning',
      message: 'only active mode is left',
      output: 'pasv_enable=YES\n# later edit\npasv_enable=YES\n',
    },
    {
      code: 'listen=YES\npasv_enable=FALSE',
      target: 'upstream-3.0.5',
      line: 2,
      column: 13,
      severity: 'warning',
      message: 'write pasv_enable=YES',
      output: 'listen=YES\npasv_enable=YES',
    },
  ],
});
