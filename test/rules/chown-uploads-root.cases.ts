import { testRule } from '../support/rule-tester';

testRule('chown-uploads-root', {
  valid: ['chown_uploads=YES\nchown_username=ftpupload\n', 'chown_username=root\n', 'chown_uploads=NO\n'],
  invalid: [
    {
      code: 'anon_upload_enable=YES\nchown_uploads=YES\n',
      line: 2,
      column: 15,
      option: 'chown_username',
      message: 'chown_uploads=YES (line 2) with chown_username=root (the compiled default of Debian vsftpd 3.0.3)',
      output: null,
    },
    {
      code: 'chown_uploads=YES\nchown_username=root\n',
      line: 2,
      column: 16,
      option: 'chown_username',
      message: 'every anonymous upload becomes a root-owned file',
    },
    { code: 'chown_uploads=YES\nchown_username= root \n', line: 2, column: 16, message: 'root-owned' },
  ],
});
