import { testRule } from '../support/rule-tester';

testRule('bad-listen-address', {
  valid: [
    'listen=YES\nlisten_address=192.0.2.10\n',
    'listen=YES\nlisten_address=127.1\n', // inet_aton short form
    'listen=YES\nlisten_address=0x7f000001\n',
    'listen=YES\nlisten_address=0x7f.1\n',
    'listen=YES\nlisten_address=4294967295\n',
    'listen=YES\nlisten_address=010.0.0.8\n', // octal part: 8.0.0.8, accepted
    { code: 'listen_address=192.0.2.10 \n', target: 'upstream' }, // inet_aton stops at a blank
    'listen=NO\nlisten_ipv6=YES\nlisten_address6=::\n',
    'listen=NO\nlisten_ipv6=YES\nlisten_address6=fe80:0:0:0:0:0:0:1\n',
    'listen=NO\nlisten_ipv6=YES\nlisten_address6=192.0.2.1\n', // parsed (then bind fails: not a syntax matter)
    'listen=NO\nlisten_ipv6=YES\nlisten_address=localhost\n', // ignored: the IPv6 listener runs
    'listen=NO\nlisten_ipv6=YES\nlisten_address6=::1\n',
    'listen=NO\nlisten_ipv6=YES\nlisten_address6=fe80::1%eth0\n', // Debian's build ignores the zone
    'listen=NO\nlisten_ipv6=YES\nlisten_address6=2001:db8::10\n',
    'listen=NO\nlisten_ipv6=YES\nlisten_address6=::ffff:192.0.2.1\n',
    'listen_address=localhost\n', // Debian: inetd mode, no listener
    'listen=YES\nlisten_ipv6=YES\nlisten_address=localhost\n', // listen-both stops vsftpd first
  ],
  invalid: [
    {
      code: 'listen=YES\nlisten_address=localhost\n',
      line: 2,
      column: 16,
      option: 'listen_address',
      message: '"500 OOPS: bad listen_address: localhost"',
      output: null,
    },
    { code: 'listen=YES\nlisten_address=192.168.1.256\n', line: 2, column: 16, message: 'bad listen_address: 192.168.1.256' },
    { code: 'listen=YES\nlisten_address=192.168.01.09\n', line: 2, column: 16, message: 'not an IPv4 address' },
    { code: 'listen_address=ftp.example.com\n', target: 'upstream', line: 1, column: 16, message: 'with listen=YES' },
    {
      code: 'listen=NO\nlisten_ipv6=YES\nlisten_address6=[::1]\n',
      line: 3,
      column: 17,
      option: 'listen_address6',
      message: '"500 OOPS: bad listen_address6: [::1]"',
    },
    {
      code: 'listen=NO\nlisten_ipv6=YES\nlisten_address6=fe80::1%eth0\n',
      target: 'upstream-3.0.3',
      line: 3,
      column: 17,
      message: 'bad listen_address6',
    },
    { code: 'listen=NO\nlisten_ipv6=YES\nlisten_address6=::g%lo\n', line: 3, column: 17, message: 'bad listen_address6: ::g%lo' },
    { code: 'listen=NO\nlisten_ipv6=YES\nlisten_address6=1:2:3:4:5:6:7:8:9\n', line: 3, column: 17, message: 'bad listen_address6' },
    { code: 'listen=NO\nlisten_ipv6=YES\nlisten_address6=12345::1\n', line: 3, column: 17, message: 'bad listen_address6' },
    { code: 'listen=NO\nlisten_ipv6=YES\nlisten_address6=::1::2\n', line: 3, column: 17, message: 'bad listen_address6' },
    { code: 'listen=NO\nlisten_ipv6=YES\nlisten_address6=:1\n', line: 3, column: 17, message: 'bad listen_address6' },
    { code: 'listen=YES\nlisten_address=256.1\n', line: 2, column: 16, message: 'bad listen_address: 256.1' },
    { code: 'listen=YES\nlisten_address=1.16777216\n', line: 2, column: 16, message: 'bad listen_address' },
    { code: 'listen=YES\nlisten_address=4294967296\n', line: 2, column: 16, message: 'bad listen_address' },
    { code: 'listen=YES\nlisten_address=1.2.3.4.5\n', line: 2, column: 16, message: 'bad listen_address' },
    { code: 'listen=YES\nlisten_address=0x\n', line: 2, column: 16, message: 'bad listen_address' },
    { code: 'listen_address= 192.0.2.10\n', target: 'upstream', line: 1, column: 16, message: "' 192.0.2.10' is not an IPv4 address" },
  ],
});
