import { testRule } from '../support/rule-tester';

testRule('listen-address-ignored', {
  valid: [
    'listen=YES\nlisten_address=192.0.2.10\n',
    'listen=NO\nlisten_ipv6=YES\nlisten_address6=::1\n',
    'listen=NO\nlisten_ipv6=YES\n',
    'listen_address=192.0.2.10\n', // inetd mode: inetd-mode tells about it
    'listen=YES\nlisten_ipv6=YES\nlisten_address6=::1\n',
  ],
  invalid: [
    {
      code: 'listen=NO\nlisten_ipv6=YES\nlisten_address=192.0.2.10\n',
      line: 3,
      column: 1,
      option: 'listen_address',
      message: 'listen_address is ignored: with listen_ipv6=YES (line 2) vsftpd runs only the IPv6 listener and binds every address',
      output: null,
    },
    {
      code: 'listen=YES\nlisten_address6=2001:db8::1\nlisten_address=192.0.2.1\n',
      line: 2,
      column: 1,
      option: 'listen_address6',
      message: 'binds listen_address=192.0.2.1',
    },
    {
      code: 'listen_ipv6=YES\nlisten_address6=::1\nlisten_address=192.0.2.10\n',
      line: 3,
      column: 1,
      message: 'binds listen_address6=::1',
    },
  ],
});
