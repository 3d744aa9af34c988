import { testRule } from '../support/rule-tester';

testRule('seccomp-sandbox-disabled', {
  valid: ['', { code: '', target: 'upstream-3.0.3' }, 'seccomp_sandbox=YES\n'],
  invalid: [
    {
      code: 'seccomp_sandbox=NO\n',
      target: 'upstream-3.0.3',
      line: 1,
      column: 17,
      option: 'seccomp_sandbox',
      message:
        'turns off the seccomp syscall filter that upstream vsftpd 3.0.3 applies to sessions by default; keep it only if sessions die with YES',
      output: null,
    },
    {
      code: 'seccomp_sandbox=NO\n',
      line: 1,
      column: 17,
      message: 'keeps the seccomp syscall filter off, as Debian vsftpd 3.0.3 does by default',
      output: null,
    },
  ],
});
