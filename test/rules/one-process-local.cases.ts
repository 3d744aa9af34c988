import { testRule } from '../support/rule-tester';

testRule('one-process-local', {
  valid: [
    'one_process_model=YES\n', // Debian: local_enable=NO by default
    'local_enable=YES\none_process_model=NO\n',
    'local_enable=YES\nrun_as_launching_user=YES\n', // forces the model only after the check
  ],
  invalid: [
    {
      code: 'local_enable=YES\none_process_model=YES\n',
      line: 2,
      column: 1,
      option: 'one_process_model',
      message: `"500 OOPS: vsftpd: security: 'one_process_model' is anonymous only"`,
      output: 'local_enable=YES\none_process_model=NO\n',
    },
    {
      code: 'one_process_model=yes\nlocal_enable=1\n',
      line: 1,
      column: 1,
      message: 'local_enable=YES (line 2)',
      output: 'one_process_model=NO\nlocal_enable=1\n',
    },
  ],
});
