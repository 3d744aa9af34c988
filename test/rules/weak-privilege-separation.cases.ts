import { testRule } from '../support/rule-tester';

testRule('weak-privilege-separation', {
  valid: ['', 'one_process_model=NO\nrun_as_launching_user=NO\n', 'local_enable=YES\none_process_model=YES\n'],
  invalid: [
    {
      code: 'one_process_model=YES\n',
      line: 1,
      column: 19,
      option: 'one_process_model',
      message: '"a less pure security model"',
      output: null,
    },
    {
      code: 'run_as_launching_user=YES\n',
      line: 1,
      column: 23,
      option: 'run_as_launching_user',
      message: 'cannot chroot() anyone (the man page\'s "MASSIVE WARNING")',
      output: null,
    },
  ],
});
