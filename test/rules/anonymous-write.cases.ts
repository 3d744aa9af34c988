import { testRule } from '../support/rule-tester';

testRule('anonymous-write', {
  valid: [
    'anonymous_enable=NO\nwrite_enable=YES\nanon_upload_enable=YES\n',
    'anonymous_enable=YES\nanon_upload_enable=YES\n',
    'anonymous_enable=YES\nwrite_enable=YES\n',
    'anonymous_enable=YES\nwrite_enable=YES\nanon_upload_enable=YES\nanon_upload_enable=NO\n',
  ],
  invalid: [
    {
      code: 'write_enable=YES\nanon_upload_enable=YES\n',
      line: 2,
      column: 20,
      option: 'anon_upload_enable',
      message:
        'anon_upload_enable=YES (line 2) with write_enable=YES (line 1) and anonymous_enable=YES ' +
        '(the compiled default of Debian vsftpd 3.0.3) lets anyone upload files without a password',
      output: 'write_enable=YES\nanon_upload_enable=NO\n',
    },
    {
      code: 'anonymous_enable=YES\nwrite_enable=YES\nanon_mkdir_write_enable=YES\n',
      line: 3,
      column: 25,
      message: 'lets anyone create directories',
      output: 'anonymous_enable=YES\nwrite_enable=YES\nanon_mkdir_write_enable=NO\n',
    },
    {
      code: 'anonymous_enable=YES\nwrite_enable=YES\nanon_other_write_enable=1\n',
      line: 3,
      column: 25,
      message: 'delete, rename and append to files',
      output: 'anonymous_enable=YES\nwrite_enable=YES\nanon_other_write_enable=NO\n',
    },
  ],
});
