import { testRule } from '../support/rule-tester';

testRule('inetd-mode', {
  valid: [
    'listen=YES\n',
    'listen_ipv6=YES\n',
    'listen=NO\nlisten_ipv6=YES\n',
    { code: 'anonymous_enable=NO\nlocal_enable=YES\n', target: 'upstream' },
    { code: '# nothing\n', target: 'fedora' },
    '# a trailing blank: vsftpd stops while parsing\nlisten=YES \nanonymous_enable=NO\n',
  ],
  invalid: [
    { code: 'listen_address=YES\nlisten_ipv6=NO\n', line: 2, column: 1, message: 'not configured for standalone', output: null },
    {
      code: 'anonymous_enable=NO\nlocal_enable=YES\n',
      line: 1,
      column: 1,
      option: 'listen',
      message: 'listen=NO and listen_ipv6=NO (the compiled defaults of Debian vsftpd 3.0.3)',
      output: 'anonymous_enable=NO\nlocal_enable=YES\nlisten=YES\n',
    },
    {
      code: 'local_enable=YES\nlisten=NO\n',
      line: 2,
      column: 1,
      message: '"500 OOPS: vsftpd: not configured for standalone, must be started from inetd"',
      output: 'local_enable=YES\nlisten=YES\n',
    },
    {
      code: 'listen=NO\nlisten_ipv6=NO\n',
      target: 'upstream',
      line: 1,
      column: 1,
      message: 'listen=NO (line 1) and listen_ipv6=NO (line 2)',
      output: 'listen=YES\nlisten_ipv6=NO\n',
    },
    {
      code: 'listen_ipv6=NO',
      line: 1,
      column: 1,
      message: 'write listen=YES',
      output: 'listen_ipv6=NO\nlisten=YES\n',
    },
    // Only listen_address6: the IPv6 listener is meant (listen=YES would leave the address ignored).
    {
      code: 'listen=NO\nlisten_ipv6=NO\nlisten_address6=2001:db8::1\n',
      line: 1,
      column: 1,
      message: 'write listen_ipv6=YES for a standalone server on listen_address6',
      output: 'listen=NO\nlisten_ipv6=YES\nlisten_address6=2001:db8::1\n',
    },
    { code: 'listen=NO\nlisten_address6=2001:db8::zz\n', line: 1, column: 1, message: 'listen_ipv6=YES', output: null },
    // Both addresses: which listener is meant is unclear.
    {
      code: 'listen=NO\nlisten_address=192.0.2.10\nlisten_address6=2001:db8::1\n',
      line: 1,
      column: 1,
      message: 'listen_address and listen_address6 are both set: write listen=YES for a standalone server on the first, or listen_ipv6=YES',
      output: null,
    },
  ],
});
