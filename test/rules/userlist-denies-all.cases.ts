import { testRule } from '../support/rule-tester';

testRule('userlist-denies-all', {
  valid: [
    'local_enable=YES\nuserlist_enable=YES\nuserlist_deny=NO\n',
    'userlist_enable=YES\n', // deny list (the default): nobody is on it
    'userlist_deny=NO\n', // userlist_enable is off
    'anonymous_enable=NO\nuserlist_enable=YES\nuserlist_deny=NO\n', // no-login-possible reports this one
  ],
  invalid: [
    {
      code: 'anonymous_enable=YES\nuserlist_enable=YES\nuserlist_deny=NO\n',
      line: 3,
      column: 1,
      option: 'userlist_deny',
      message: 'every login, anonymous included, gets "530 Permission denied."',
      output: null,
    },
    {
      code: 'userlist_deny=NO\nlocal_enable=NO\nuserlist_enable=YES\n',
      target: 'upstream',
      line: 1,
      column: 1,
      message: 'local_enable=NO (line 2) vsftpd never reads the list',
    },
  ],
});
