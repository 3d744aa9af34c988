import { testRule } from '../support/rule-tester';

testRule('hide-ids', {
  valid: ['hide_ids=YES\n', 'hide_ids=NO\nhide_ids=YES\n'],
  invalid: [
    {
      code: '',
      line: 1,
      column: 1,
      option: 'hide_ids',
      message: 'hide_ids=NO (the compiled default of Debian vsftpd 3.0.3): directory listings show the numeric uid and gid',
      output: 'hide_ids=YES\n',
    },
    {
      code: 'hide_ids=NO\ntext_userdb_names=YES\n',
      line: 1,
      column: 10,
      message: 'the owning account and group names',
      output: 'hide_ids=YES\ntext_userdb_names=YES\n',
    },
  ],
});
