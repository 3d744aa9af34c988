import { testRule } from '../support/rule-tester';

testRule('port-promiscuous-port-20', {
  valid: [
    'connect_from_port_20=YES\n',
    'port_promiscuous=YES\n',
    'port_promiscuous=YES\nconnect_from_port_20=NO\n',
    // an unprivileged port binds fine from the session process (run on Debian 3.0.3)
    'port_promiscuous=YES\nconnect_from_port_20=YES\nftp_data_port=2020\n',
    'port_promiscuous=YES\nconnect_from_port_20=YES\nport_enable=NO\n',
  ],
  invalid: [
    {
      code: 'connect_from_port_20=YES\nport_promiscuous=YES\n',
      line: 1,
      column: 22,
      option: 'connect_from_port_20',
      message:
        'connect_from_port_20=YES with port_promiscuous=YES (line 2): the unprivileged session cannot bind the privileged source port ftp_data_port=20 (the compiled default of Debian vsftpd 3.0.3), so every active-mode transfer dies with "500 OOPS: vsf_sysutil_bind"',
      output: 'connect_from_port_20=NO\nport_promiscuous=YES\n',
    },
    {
      code: 'port_promiscuous=YES\nconnect_from_port_20=YES\nftp_data_port=21\n',
      line: 2,
      column: 22,
      message: 'ftp_data_port=21 (line 3)',
      output: 'port_promiscuous=YES\nconnect_from_port_20=NO\nftp_data_port=21\n',
    },
  ],
});
