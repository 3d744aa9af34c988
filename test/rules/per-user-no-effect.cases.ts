import { testRule } from '../support/rule-tester';

testRule('per-user-no-effect', {
  valid: [
    // Options the session reads after login take effect per user.
    'local_root=/srv/ftp/alice\nwrite_enable=YES\nlocal_umask=027\ncmds_allowed=PASV,RETR,LIST\n',
    'guest_enable=YES\nguest_username=web\nvirtual_use_local_privs=YES\nallow_writeable_chroot=YES\n',
    'pasv_min_port=40000\npasv_max_port=40100\nidle_session_timeout=600\nforce_local_data_ssl=YES\n',
    // In a server config these are ordinary settings.
    { code: 'listen=YES\nchroot_local_user=YES\n', perUser: false },
  ],
  invalid: [
    {
      code: 'local_root=/srv/ftp/alice\nchroot_local_user=YES\n',
      line: 2,
      column: 1,
      option: 'chroot_local_user',
      message:
        'chroot_local_user has no effect in a per-user file: twoprocess.c decides whether to chroot the user ' +
        "(process_login_req) before it reads the per-user file; the server config's value applies",
      output: null,
    },
    { code: 'listen_port=2121', line: 1, column: 1, option: 'listen_port', message: 'the listener reads it', output: null },
    { code: 'xferlog_enable=NO', line: 1, column: 1, message: 'neither starts nor stops logging', output: null },
    { code: 'ssl_enable=NO', line: 1, column: 1, message: 'TLS is set up when vsftpd starts', output: null },
    { code: 'userlist_deny=NO', line: 1, column: 1, message: 'the pre-login process checks it', output: null },
    { code: 'banner_file=', line: 1, column: 1, option: 'banner_file', message: 'read when the connection starts', output: null },
    {
      code: 'write_enable=YES\nanonymous_enable=NO\nuser_config_dir=/etc/vsftpd/users\n',
      findings: [
        { line: 2, column: 1, option: 'anonymous_enable', message: 'the pre-login process checks it' },
        { line: 3, column: 1, option: 'user_config_dir', message: 'the per-user file is found through it' },
      ],
    },
    // Fedora/RHEL-only TLS switches are read with the TLS context too.
    { code: 'ssl_tlsv1_2=YES', target: 'fedora', line: 1, column: 1, message: 'ssl.c ssl_init', output: null },
  ],
});
