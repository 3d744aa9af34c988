import { testRule } from '../support/rule-tester';

testRule('file-too-large', {
  valid: ['listen=YES\n', '#'.repeat(99_999) + '\n' + '# more comments\n'],
  invalid: [
    {
      code: '#'.repeat(99_999) + '\nanonymous_enable=NO\nlisten=YES\n',
      line: 2,
      column: 1,
      message: '2 setting line(s) after byte 100000 are never read (anonymous_enable, listen)',
    },
    {
      code: '#'.repeat(99_987) + '\nlisten_port=2121\n',
      line: 2,
      column: 13,
      message: "line 2 is cut at byte 100000: vsftpd reads it as 'listen_port='",
    },
  ],
});
