import { testRule } from '../support/rule-tester';

testRule('invalid-integer', {
  valid: [
    'pasv_max_port=70000\n', // pasv-range-invalid's business: vsftpd ignores the bound
    'listen_port=2121\n',
    'listen_port=2121\r\n',
    'max_clients=0\n',
    'local_umask=022\n',
    'listen_port=2121 # ftp\n', // the number before the comment is plain: inline-comment's business
  ],
  invalid: [
    { code: 'listen_port=70000 # ftp\n', line: 1, column: 13, message: 'cut to 16 bits: vsftpd silently uses 4464' },
    { code: 'max_clients=50 users # per host\n', line: 1, column: 13, message: 'not a plain number: vsftpd silently uses 50' },
    { code: 'max_clients=abc\n', line: 1, column: 13, message: 'silently uses 0' },
    { code: 'max_clients=-1\n', line: 1, column: 13, message: 'silently uses 4294967295' },
    { code: 'max_clients=4294967296\n', line: 1, column: 13, message: 'wraps around: vsftpd silently uses 0' },
    { code: 'listen_port=67657\n', line: 1, column: 13, message: 'cut to 16 bits: vsftpd silently uses 2121' },
  ],
});
