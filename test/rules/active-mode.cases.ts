import { testRule } from '../support/rule-tester';

testRule('active-mode', {
  valid: ['port_enable=NO\n', 'pasv_enable=NO\n'],
  invalid: [
    {
      code: '',
      line: 1,
      column: 1,
      severity: 'info',
      option: 'port_enable',
      message:
        'port_enable=YES (the compiled default of Debian vsftpd 3.0.3): active-mode transfers fail for clients behind NAT or a firewall ("200 PORT command successful. Consider using PASV." then "425 Failed to establish connection.")',
      output: 'port_enable=NO\n',
    },
    {
      code: 'port_enable=YES\n',
      line: 1,
      column: 13,
      message: 'if every client uses passive mode, write port_enable=NO',
      output: 'port_enable=NO\n',
    },
    {
      code: 'run_as_launching_user=YES\nconnect_from_port_20=YES\n',
      line: 1,
      column: 1,
      message: 'connect_from_port_20=YES is ignored under run_as_launching_user=YES (binding port 20 needs root)',
    },
  ],
});
