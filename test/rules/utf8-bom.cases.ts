import { testRule } from '../support/rule-tester';

testRule('utf8-bom', {
  valid: ['listen=YES\n', 'ftpd_banner=\uFEFF\n'],
  invalid: [
    {
      code: '\uFEFFanonymous_enable=NO\n',
      line: 1,
      column: 1,
      message: 'unrecognised variable in config file: <BOM>anonymous_enable',
      option: '\uFEFFanonymous_enable',
      output: 'anonymous_enable=NO\n',
    },
    { code: '\uFEFF# comment\n', line: 1, column: 1, message: 'missing value in config file for: <BOM># comment', output: '# comment\n' },
  ],
});
