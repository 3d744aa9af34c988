import { testRule } from '../support/rule-tester';

testRule('isolation-disabled', {
  valid: ['', 'isolate=YES\nisolate_network=YES\n', 'port_promiscuous=YES\nisolate_network=NO\n'],
  invalid: [
    {
      code: 'isolate=NO\n',
      line: 1,
      column: 9,
      option: 'isolate',
      message: "sessions share the host's PID and IPC namespaces",
      output: 'isolate=YES\n',
    },
    {
      code: 'isolate_network=NO\n',
      line: 1,
      column: 17,
      option: 'isolate_network',
      message: 'set isolate_network=YES unless logins are too slow with it',
      output: 'isolate_network=YES\n',
    },
  ],
});
