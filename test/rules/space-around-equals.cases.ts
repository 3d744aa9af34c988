import { testRule } from '../support/rule-tester';

testRule('space-around-equals', {
  valid: ['listen=YES\n', 'listen_port= 21\n', 'fooo = YES\n'],
  invalid: [
    {
      code: 'listen = YES\n',
      line: 1,
      column: 7,
      message: 'unrecognised variable in config file: listen ',
      option: 'listen ',
      output: 'listen=YES\n',
    },
    { code: 'listen= YES\n', line: 1, column: 7, message: 'bad bool value', output: 'listen=YES\n' },
    { code: 'ftpd_banner\t=hello\n', line: 1, column: 12, message: "write 'ftpd_banner=hello'", output: 'ftpd_banner=hello\n' },
  ],
});
