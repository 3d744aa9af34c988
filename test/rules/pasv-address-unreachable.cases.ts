import { testRule } from '../support/rule-tester';

testRule('pasv-address-unreachable', {
  valid: [
    '',
    'pasv_address=203.0.113.7\n',
    'listen=YES\nlisten_address=127.0.0.1\npasv_address=127.0.0.1\n', // the address itself: works
    'listen=YES\nlisten_address=10.0.0.5\npasv_address=203.0.113.7\n', // the NAT case pasv_address is for
    'listen=YES\nlisten_address=192.168.1.2\npasv_address=10.0.0.5\n',
    'listen_ipv6=YES\npasv_address=127.0.0.9\n', // 227 says 0,0,0,0 anyway: pasv-address-ipv6
    'pasv_enable=NO\npasv_address=0.0.0.0\n',
    'pasv_address=localhost\npasv_addr_resolve=YES\n',
    'pasv_address=ftp.example.com\n', // pasv-address-invalid
  ],
  invalid: [
    {
      code: 'listen=YES\nlisten_address=127.0.0.1\npasv_address=127.0.0.9\n',
      line: 3,
      column: 14,
      severity: 'error',
      option: 'pasv_address',
      message:
        'pasv_address=127.0.0.9 is a loopback address: every "227 Entering Passive Mode (127,0,0,9,...)" tells each client to connect to its own machine, while the data connection waits on listen_address=127.0.0.1 (line 2)',
      output: 'listen=YES\nlisten_address=127.0.0.1\n',
    },
    {
      code: 'pasv_address=127.1\n',
      line: 1,
      column: 14,
      severity: 'error',
      message:
        '(127,0,0,1,...)" tells each client to connect to its own machine, while the data connection waits on the address the client connected to',
      output: '',
    },
    {
      code: 'pasv_address=0.0.0.0\n',
      line: 1,
      column: 14,
      severity: 'error',
      message: 'where no TCP connection can go',
      output: '',
    },
    {
      code: 'pasv_address=127.0.0.1\n# moved\npasv_address=169.254.10.1\n',
      line: 3,
      column: 14,
      severity: 'error',
      message: 'is a link-local address',
      output: '# moved\n', // every occurrence goes, or the first would win again
    },
    {
      code: 'listen=YES\nlisten_address=203.0.113.7\npasv_address=192.168.1.10\n',
      line: 3,
      column: 14,
      severity: 'warning',
      message: 'is a private (RFC 1918 or carrier-grade NAT) address but vsftpd listens on the public listen_address=203.0.113.7 (line 2)',
      output: 'listen=YES\nlisten_address=203.0.113.7\n',
    },
  ],
});
