import { testRule } from '../support/rule-tester';

testRule('pasv-promiscuous', {
  valid: ['', 'pasv_promiscuous=NO\n', 'pasv_enable=NO\npasv_promiscuous=YES\n'],
  invalid: [
    {
      code: 'pasv_promiscuous=YES\n',
      line: 1,
      column: 18,
      option: 'pasv_promiscuous',
      message: 'any host that reaches the port first gets the transfer',
      output: 'pasv_promiscuous=NO\n',
    },
    {
      code: 'pasv_promiscuous=NO\npasv_promiscuous=1\n',
      line: 2,
      column: 18,
      message: 'write pasv_promiscuous=NO',
      output: 'pasv_promiscuous=NO\npasv_promiscuous=NO\n',
    },
  ],
});
