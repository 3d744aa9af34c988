import { testRule } from '../support/rule-tester';

testRule('octal-integer', {
  valid: ['local_umask=022\n', 'anon_umask=0\n', 'local_umask=7\n', 'pasv_min_port=40000\n', 'max_clients=0\n'],
  invalid: [
    { code: 'pasv_min_port=040000\n', line: 1, column: 15, message: 'octal: 16384', output: 'pasv_min_port=40000\n' },
    { code: 'local_umask=22\n', line: 1, column: 13, message: 'decimal 22 (octal 026)', output: 'local_umask=022\n' },
    { code: 'file_open_mode=666\n', line: 1, column: 16, message: 'not octal 0666', output: 'file_open_mode=0666\n' },
    { code: 'listen_port=08\n', line: 1, column: 13, message: 'octal: 0', output: 'listen_port=8\n' },
    { code: 'local_umask=0089\n', line: 1, column: 13, message: '8/9 are not octal digits' },
  ],
});
