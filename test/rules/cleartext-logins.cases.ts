import { testRule } from '../support/rule-tester';

testRule('cleartext-logins', {
  valid: [
    '',
    'local_enable=NO\n',
    'anonymous_enable=YES\nssl_enable=NO\n',
    'local_enable=YES\nssl_enable=YES\n',
    'local_enable=YES\nssl_enable=YES\nforce_local_logins_ssl=YES\nforce_local_data_ssl=YES\n',
    'anonymous_enable=NO\nlocal_enable=YES\nguest_enable=YES\nssl_enable=YES\nforce_anon_data_ssl=YES\n',
  ],
  invalid: [
    {
      code: 'local_enable=YES\n',
      line: 1,
      column: 14,
      option: 'ssl_enable',
      message:
        'ssl_enable=NO (the compiled default of Debian vsftpd 3.0.3) with local_enable=YES (line 1): ' +
        "local users' passwords and files cross the network in clear text",
      output: null,
    },
    {
      code: 'local_enable=YES\nssl_enable=NO\n',
      line: 2,
      column: 12,
      option: 'ssl_enable',
      message: 'enable FTPS',
      output: null,
    },
    {
      code: 'local_enable=YES\nssl_enable=YES\nforce_local_logins_ssl=NO\n',
      line: 3,
      column: 24,
      option: 'force_local_logins_ssl',
      message: 'still sends user names and passwords in clear text',
      output: 'local_enable=YES\nssl_enable=YES\nforce_local_logins_ssl=YES\n',
    },
    {
      code: 'local_enable=YES\nssl_enable=YES\nforce_local_data_ssl=NO\n',
      line: 3,
      column: 22,
      message: '"522 Data connections must be encrypted."',
      output: 'local_enable=YES\nssl_enable=YES\nforce_local_data_ssl=YES\n',
    },
    {
      code: 'anonymous_enable=NO\nlocal_enable=YES\nguest_enable=YES\nssl_enable=YES\n',
      line: 1,
      column: 1,
      option: 'force_anon_data_ssl',
      message: 'virtual users (guest_enable=YES, virtual_use_local_privs=NO) transfer as anonymous sessions',
      output: 'anonymous_enable=NO\nlocal_enable=YES\nguest_enable=YES\nssl_enable=YES\nforce_anon_data_ssl=YES\n',
    },
    {
      code: 'local_enable=YES\nguest_enable=YES\nssl_enable=YES\n',
      line: 1,
      column: 1,
      message: 'and allow_anon_ssl=YES',
      output: null,
    },
  ],
});
