import { testRule } from '../support/rule-tester';

testRule('listen-both', {
  valid: [
    'listen=YES\nlisten_ipv6=NO\n',
    'listen=NO\nlisten_ipv6=YES\n',
    'listen_ipv6=YES\n', // Debian: listen is NO by default
    { code: 'listen=NO\nlisten_ipv6=YES\n', target: 'upstream' },
    '',
  ],
  invalid: [
    { code: 'listen=YES\nlisten_ipv6=YES\nlisten_address=YES\n', line: 2, column: 1, message: 'run two copies', output: null },
    {
      code: 'listen=YES\nlisten_ipv6=YES\n',
      line: 2,
      column: 1,
      option: 'listen_ipv6',
      message: '"500 OOPS: run two copies of vsftpd for IPv4 and IPv6"',
      output: 'listen=YES\nlisten_ipv6=NO\n',
    },
    {
      code: '# Debian layout with listen flipped\nlisten_ipv6=YES\nanonymous_enable=NO\nlisten=YES',
      line: 2,
      column: 1,
      message: 'listen=YES (line 4) and listen_ipv6=YES (line 2)',
      output: '# Debian layout with listen flipped\nlisten_ipv6=NO\nanonymous_enable=NO\nlisten=YES',
    },
    {
      code: 'listen_ipv6=YES\n',
      target: 'upstream',
      line: 1,
      column: 1,
      message: 'listen=YES (the compiled default of upstream vsftpd 3.0.5)',
      output: 'listen_ipv6=NO\n',
    },
    {
      code: 'listen=1\nlisten_ipv6=true\n',
      line: 2,
      column: 1,
      message: 'cannot both be on',
      output: 'listen=1\nlisten_ipv6=NO\n',
    },
  ],
});
