import { testRule } from '../support/rule-tester';

testRule('pasv-address-invalid', {
  valid: [
    '',
    'pasv_address=203.0.113.7\n',
    'pasv_address=127.1\n', // inet_aton shorthand, accepted by vsftpd
    'pasv_address=0x7f.1\n',
    'pasv_address=1.2.3.4 behind the router\n', // inet_aton stops at the blank
    'pasv_address=ftp.example.com\npasv_addr_resolve=YES\n',
    'pasv_enable=NO\npasv_address=ftp.example.com\n',
    'pasv_address=ftp.example.com\npasv_address=\n', // unset again
    'pasv_address= 203.0.113.7 \n', // Debian trims string values
  ],
  invalid: [
    {
      code: 'pasv_address=ftp.example.com\n',
      line: 1,
      column: 14,
      option: 'pasv_address',
      message:
        'pasv_address=\'ftp.example.com\' is not a numeric IPv4 address: the first PASV of every session dies with "500 OOPS: invalid pasv_address"; a host name needs pasv_addr_resolve=YES',
      output: 'pasv_address=ftp.example.com\npasv_addr_resolve=YES\n',
    },
    {
      code: 'pasv_addr_resolve=NO\npasv_address=ftp.example.com\n',
      line: 2,
      column: 14,
      message: 'a host name needs pasv_addr_resolve=YES',
      output: 'pasv_addr_resolve=YES\npasv_address=ftp.example.com\n',
    },
    {
      code: 'pasv_address=2001:db8::21\n',
      line: 1,
      column: 14,
      message: 'the 227 reply carries IPv4 only',
      output: null,
    },
    {
      code: 'pasv_address=10.0.0.256\n',
      line: 1,
      column: 14,
      message: 'write the numeric IPv4 address clients should connect to',
      output: null,
    },
    {
      // a template leftover, not a host name: no pasv_addr_resolve fix
      code: 'pasv_address=PASV_ADDRESS\n',
      line: 1,
      column: 14,
      message: 'write the numeric IPv4 address',
      output: null,
    },
    {
      code: 'pasv_address=[SERVER IP]\n',
      line: 1,
      column: 14,
      message: "pasv_address='[SERVER IP]' is not a numeric IPv4 address",
      output: null,
    },
    {
      code: 'pasv_address= 203.0.113.7\n',
      target: 'upstream-3.0.5', // upstream keeps the blank, and inet_aton wants a digit first
      line: 1,
      column: 14,
      message: "pasv_address=' 203.0.113.7'",
    },
  ],
});
