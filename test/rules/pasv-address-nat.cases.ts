import { testRule } from '../support/rule-tester';

testRule('pasv-address-nat', {
  valid: [
    'pasv_address=203.0.113.7\n',
    'pasv_enable=NO\n',
    'listen=YES\nlisten_address=127.0.0.1\n',
    'listen=YES\nlisten_address=203.0.113.7\n',
    'listen_ipv6=YES\nlisten_address6=::1\n',
  ],
  invalid: [
    {
      code: '',
      line: 1,
      column: 1,
      severity: 'info',
      option: 'pasv_address',
      message: 'pasv_address is not set, so 227 replies carry the address the client connected to: if this server sits behind NAT',
      output: null,
    },
    {
      code: 'listen=YES\nlisten_address=10.0.0.5\n',
      line: 1,
      column: 1,
      message: 'carry the private listen_address=10.0.0.5 (line 2)',
    },
    {
      code: 'listen=NO\nlisten_ipv6=YES\n',
      line: 1,
      column: 1,
      message: '(with listen=YES and listen_ipv6=NO: an IPv6 listener cannot advertise it)',
    },
  ],
});
