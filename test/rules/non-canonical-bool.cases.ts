import { testRule } from '../support/rule-tester';

testRule('non-canonical-bool', {
  valid: ['listen=YES\n', 'listen=NO\n', 'listen=maybe\n', 'listen_port=1\n', 'ftpd_banner=yes\n'],
  invalid: [
    {
      code: 'listen=yes\n',
      line: 1,
      column: 8,
      option: 'listen',
      message: "'yes' means YES to vsftpd, but tools and readers expect YES or NO; write listen=YES",
      output: 'listen=YES\n',
    },
    { code: 'anonymous_enable=0\n', line: 1, column: 18, message: "'0' means NO", output: 'anonymous_enable=NO\n' },
    { code: 'local_enable=True\n', line: 1, column: 14, message: "'True' means YES", output: 'local_enable=YES\n' },
  ],
});
