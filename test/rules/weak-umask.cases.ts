import { testRule } from '../support/rule-tester';

testRule('weak-umask', {
  valid: [
    'local_enable=YES\nwrite_enable=YES\nlocal_umask=022\n',
    'local_enable=YES\nwrite_enable=YES\n', // compiled default 077
    'local_enable=YES\nlocal_umask=000\n', // write_enable=NO: nothing is created
    'write_enable=YES\nanon_umask=000\n', // anonymous users cannot upload
    'local_enable=YES\nwrite_enable=YES\nlocal_umask=22\n', // decimal 22 = 026: not writable by others
    'write_enable=YES\nfile_open_mode=0777\n', // nobody can upload
  ],
  invalid: [
    {
      code: 'local_enable=YES\nwrite_enable=YES\nlocal_umask=000\n',
      line: 3,
      column: 13,
      option: 'local_umask',
      message: "local_umask=000 (line 3) leaves local users' uploads and new directories world-writable; use local_umask=022",
      output: 'local_enable=YES\nwrite_enable=YES\nlocal_umask=022\n',
    },
    {
      code: 'local_enable=YES\nwrite_enable=YES\nlocal_umask=002\n',
      line: 3,
      column: 13,
      severity: 'info',
      message: 'group-writable',
      output: 'local_enable=YES\nwrite_enable=YES\nlocal_umask=022\n',
    },
    {
      code: 'local_enable=YES\nwrite_enable=YES\nlocal_umask=2\n',
      line: 3,
      column: 13,
      severity: 'info',
      message: 'local_umask=2 (line 3, read as 002) leaves',
      output: 'local_enable=YES\nwrite_enable=YES\nlocal_umask=022\n',
    },
    {
      code: 'write_enable=YES\nanon_upload_enable=YES\nanon_umask=0\n',
      line: 3,
      column: 12,
      message: 'leaves anonymous uploads and new directories world-writable',
      output: 'write_enable=YES\nanon_upload_enable=YES\nanon_umask=022\n',
    },
    {
      code: 'local_enable=YES\nwrite_enable=YES\nfile_open_mode=0777\n',
      line: 3,
      column: 16,
      option: 'file_open_mode',
      message: 'file_open_mode=0777 (line 3) creates uploaded files with execute permission',
      output: 'local_enable=YES\nwrite_enable=YES\nfile_open_mode=0666\n',
    },
  ],
});
