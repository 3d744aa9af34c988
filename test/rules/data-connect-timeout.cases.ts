import { testRule } from '../support/rule-tester';

testRule('data-connect-timeout', {
  valid: [
    '',
    'accept_timeout=60\nconnect_timeout=60\n',
    'accept_timeout=600\n',
    'pasv_enable=NO\naccept_timeout=0\n',
    'port_enable=NO\nconnect_timeout=0\n',
  ],
  invalid: [
    {
      code: 'accept_timeout=0\n',
      line: 1,
      column: 16,
      severity: 'warning',
      option: 'accept_timeout',
      message: 'accept_timeout=0: vsftpd waits forever for the client to connect to the passive port',
      output: 'accept_timeout=60\n',
    },
    {
      code: 'accept_timeout=3600\n',
      line: 1,
      column: 16,
      severity: 'info',
      message: 'holds its session and a port of the passive range for 3600 s',
      output: 'accept_timeout=60\n',
    },
    {
      code: 'connect_timeout=0\r\n',
      line: 1,
      column: 17,
      severity: 'info',
      option: 'connect_timeout',
      message: 'an active-mode connect waits until the kernel gives up',
      output: 'connect_timeout=60\r\n',
    },
  ],
});
