import { testRule } from '../support/rule-tester';

testRule('crlf-line-endings', {
  valid: ['listen=YES\n', 'listen=YES\rx\n'],
  invalid: [
    {
      code: 'listen_port=21\r\naccept_timeout=\r\n',
      line: 1,
      column: 15,
      message: 'lines 1-2 end with CRLF',
      severity: 'warning',
      output: 'listen_port=21\naccept_timeout=0\n',
    },
    { code: '# a\r\nlisten_port=21\r\n\r\n', line: 1, column: 4, message: 'lines 1-3 end with CRLF', output: '# a\nlisten_port=21\n\n' },
    {
      // one finding for the file, listing the lines; a boolean line is also bad-bool-value's error
      code: '# a\nlisten=YES\r\nftpd_banner=hi\r\n#\nmax_clients=5\r\n',
      line: 2,
      column: 11,
      message: 'lines 2-3 and 5 end with CRLF',
      severity: 'warning',
      fixed: '# a\nlisten=YES\nftpd_banner=hi\n#\nmax_clients=5\n',
    },
    { code: 'max_clients=5\r\n', line: 1, column: 14, message: 'line 1 ends with CRLF', fixed: 'max_clients=5\n' },
  ],
});
