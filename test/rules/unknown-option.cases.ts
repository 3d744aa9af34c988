import { testRule } from '../support/rule-tester';

testRule('unknown-option', {
  valid: [
    'listen=YES\n',
    'ftpd_banner=hi\n',
    'utf8_filesystem=YES\n',
    'listen = YES\n',
    // Comments in another syntax are foreign-comment's: never a "did you mean" that uncomments them.
    '// write_enable=YES\n',
    '; allow_writeable_chroot=YES\n',
    '-- anonymous_enable=YES\n',
    '  //local_enable=YES\n',
  ],
  invalid: [
    {
      code: 'pasv_enabled=YES\n',
      line: 1,
      column: 1,
      message: "did you mean 'pasv_enable'?",
      option: 'pasv_enabled',
      output: 'pasv_enable=YES\n',
    },
    { code: 'listen_port=1\nListen=YES\n', line: 2, column: 1, message: "did you mean 'listen'?", output: 'listen_port=1\nlisten=YES\n' },
    { code: 'anonymous-enable=NO\n', line: 1, column: 1, message: "'anonymous-enable' is not an option", output: 'anonymous_enable=NO\n' },
    { code: '=YES\n', line: 1, column: 1, message: 'no option name', option: '' },
    { code: 'ssl_tlsv1_2=YES\n', line: 1, column: 1, message: 'exists only in: rhel7, fedora', output: null },
    // No fix, safe or unsafe, that grants more than vsftpd grants without the line.
    {
      code: 'write_enabel=YES\n',
      line: 1,
      column: 1,
      message: "did you mean 'write_enable'? (not fixed automatically: it turns on write access)",
      output: null,
    },
    { code: 'Write_Enable=YES\n', line: 1, column: 1, message: 'it turns on write access', output: null },
    {
      code: 'chroot_local_usr=NO\nchroot_local_user=YES\n',
      line: 1,
      column: 1,
      message: 'it turns off chroot for local users',
      output: null,
    },
    { code: 'Local_Umask=000\n', line: 1, column: 1, message: 'it leaves bits 077 unmasked', output: null },
    { code: 'write_enabel=NO\n', line: 1, column: 1, message: "did you mean 'write_enable'?", output: 'write_enable=NO\n' },
    {
      code: 'Chroot_local_user=YES\n',
      line: 1,
      column: 1,
      message: "did you mean 'chroot_local_user'?",
      output: 'chroot_local_user=YES\n',
    },
    { code: 'anon_umsk=077\n', line: 1, column: 1, message: "did you mean 'anon_umask'?", output: 'anon_umask=077\n' },
    // Text with characters no option name has is commented-out text, not a typo: no suggestion.
    { code: 'REM write_enable=NO\n', line: 1, column: 1, message: "'REM write_enable' is not an option", output: null },
    {
      code: '! chroot_local_user=YES\n',
      line: 1,
      column: 1,
      message: 'unrecognised variable in config file: ! chroot_local_user"',
      output: null,
    },
    { code: 'utf8_filesystem=YES\n', line: 1, column: 1, message: 'not an option of upstream vsftpd 3.0.5', target: 'upstream-3.0.5' },
  ],
});
