import { testRule } from '../support/rule-tester';

testRule('no-effect', {
  valid: [
    'anonymous_enable=NO\nanon_upload_enable=NO\n', // only restates the default
    'anonymous_enable=YES\nwrite_enable=YES\nanon_upload_enable=YES\n',
    // Virtual users get the anonymous permissions.
    'anonymous_enable=NO\nlocal_enable=YES\nguest_enable=YES\nwrite_enable=YES\nanon_upload_enable=YES\n',
    // A per-user file may set write_enable=YES.
    'user_config_dir=/etc/vsftpd/users\nlocal_enable=YES\nlocal_umask=022\n',
    // TLS options without ssl_enable and listener addresses are left to other rules.
    'ssl_enable=NO\nrsa_cert_file=/etc/ssl/certs/ftp.pem\nforce_local_logins_ssl=NO\n',
    'listen=YES\nlisten_address=192.0.2.1\n',
    'listen=NO\nlisten_ipv6=YES\nlisten_address=192.0.2.1\n',
    'xferlog_enable=YES\nxferlog_std_format=YES\nxferlog_file=/var/log/xfer.log\n',
    'dual_log_enable=YES\nxferlog_file=/var/log/xfer.log\n',
  ],
  invalid: [
    {
      code: 'anonymous_enable=NO\nanon_upload_enable=YES\n',
      line: 2,
      column: 1,
      option: 'anon_upload_enable',
      severity: 'warning',
      message:
        'anon_upload_enable=YES (line 2) has no effect: it needs anonymous_enable=YES, or virtual users with ' +
        'anonymous privileges (guest_enable=YES, virtual_use_local_privs=NO), but anonymous_enable=NO (line 1)',
    },
    {
      code: 'anonymous_enable=YES\nanon_mkdir_write_enable=YES\n',
      line: 2,
      column: 1,
      severity: 'warning',
      message: 'it needs write_enable=YES, but write_enable=NO (the compiled default of Debian vsftpd 3.0.3)',
    },
    {
      code: 'pasv_enable=NO\npasv_min_port=40000\n',
      line: 2,
      column: 1,
      severity: 'info',
      message: 'pasv_min_port=40000 (line 2) has no effect: it needs pasv_enable=YES',
      output: null,
    },
    { code: 'chroot_list_file=/etc/vsftpd/chroot_list\n', line: 1, column: 1, severity: 'info', message: 'needs chroot_list_enable=YES' },
    { code: 'local_enable=YES\nuserlist_deny=NO\n', line: 2, column: 1, severity: 'info', message: 'needs userlist_enable=YES' },
    {
      code: 'xferlog_enable=YES\nxferlog_file=/var/log/xfer.log\n',
      line: 2,
      column: 1,
      severity: 'info',
      message:
        'but xferlog_enable=YES (line 1), xferlog_std_format=NO (the compiled default of Debian vsftpd 3.0.3) and dual_log_enable=NO',
    },
    {
      code: 'listen_address=192.0.2.1\n',
      line: 1,
      column: 1,
      severity: 'info',
      message: 'needs standalone mode (listen=YES or listen_ipv6=YES)',
    },
    { code: '  local_enable=YES\n  local_umask=022\n', line: 2, column: 3, severity: 'info', message: 'needs write_enable=YES' },
    {
      code: 'user_config_dir=/etc/vsftpd/users\nanonymous_enable=NO\nno_anon_password=YES\n',
      line: 3,
      column: 1,
      severity: 'warning',
      message: 'needs anonymous_enable=YES',
    },
    {
      code: 'pasv_addr_resolve=YES\n',
      line: 1,
      column: 1,
      severity: 'warning',
      message: 'needs pasv_address to be set, but pasv_address unset',
    },
  ],
});
