import { testRule } from '../support/rule-tester';

testRule('unlimited-limits', {
  valid: [
    '',
    'max_clients=0\nmax_per_ip=0\n', // inetd mode (Debian's default): the listener limits do not apply
    'listen=YES\nmax_clients=100\nmax_per_ip=5\n',
    'delay_failed_login=0\n', // no local logins, no passwords to guess
  ],
  invalid: [
    {
      code: 'listen=YES\nmax_clients=0\n',
      line: 2,
      column: 13,
      option: 'max_clients',
      message:
        'max_clients=0 (line 2) means no limit: any number of concurrent sessions, each a process; set a limit (the compiled default is 2000)',
      output: 'listen=YES\nmax_clients=2000\n',
    },
    {
      code: 'listen_ipv6=YES\nmax_per_ip=0\n',
      line: 2,
      column: 12,
      message: 'one address any number of sessions',
      output: 'listen_ipv6=YES\nmax_per_ip=50\n',
    },
    {
      code: 'idle_session_timeout=0\n',
      line: 1,
      column: 22,
      message: 'idle sessions stay open for ever',
      output: 'idle_session_timeout=300\n',
    },
    { code: 'data_connection_timeout=00\n', line: 1, column: 25, message: 'stalled transfers', output: 'data_connection_timeout=300\n' },
    {
      code: 'local_enable=YES\ndelay_failed_login=0\n',
      line: 2,
      column: 20,
      message: 'speeds up password guessing',
      output: 'local_enable=YES\ndelay_failed_login=1\n',
    },
  ],
});
