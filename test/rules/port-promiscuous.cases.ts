import { testRule } from '../support/rule-tester';

testRule('port-promiscuous', {
  valid: ['', 'port_promiscuous=NO\n'],
  invalid: [
    {
      code: 'port_promiscuous=YES\n',
      line: 1,
      column: 18,
      option: 'port_promiscuous',
      message: 'to any host and port (FTP bounce) and turns off isolate_network',
      output: 'port_promiscuous=NO\n',
    },
    {
      code: 'port_enable=NO\nport_promiscuous=YES\n',
      line: 2,
      column: 18,
      message: 'has no use with port_enable=NO but still turns off isolate_network',
      output: 'port_enable=NO\nport_promiscuous=NO\n',
    },
  ],
});
