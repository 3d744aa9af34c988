import { testRule } from '../support/rule-tester';

testRule('default-value', {
  valid: [
    'listen_port=2121\n',
    'anonymous_enable=YES\n', // the man page says NO: worth writing out
    'listen=NO\n',
    'seccomp_sandbox=NO\n', // the default differs between builds
    'listen_port=21\nlisten_port=2121\n',
  ],
  invalid: [
    {
      code: 'listen_port=21\n',
      line: 1,
      column: 1,
      option: 'listen_port',
      message: 'listen_port=21 is the compiled default of Debian vsftpd 3.0.3; the line can go',
      output: '',
    },
    {
      code: 'local_umask=63\nwrite_enable=YES\n',
      line: 1,
      column: 1,
      message: 'local_umask=63 (read as 077) is the compiled default',
      output: 'write_enable=YES\n',
    },
    { code: 'anon_umask=0077\n', line: 1, column: 1, message: 'anon_umask=077 is the compiled default', output: '' },
    { code: 'banner_file=\n', line: 1, column: 1, message: 'banner_file unset is the compiled default', output: '' },
    // Deleting the last of two lines would let the first one win: no fix.
    { code: 'pasv_enable=NO\npasv_enable=YES\n', line: 2, column: 1, message: 'pasv_enable=YES', output: null },
  ],
});
