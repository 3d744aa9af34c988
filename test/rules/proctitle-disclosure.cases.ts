import { testRule } from '../support/rule-tester';

testRule('proctitle-disclosure', {
  valid: ['', 'setproctitle_enable=NO\n'],
  invalid: [
    {
      code: 'setproctitle_enable=YES\n',
      line: 1,
      column: 21,
      option: 'setproctitle_enable',
      message: "each session's client address, user name and current command with ps",
      output: 'setproctitle_enable=NO\n',
    },
  ],
});
