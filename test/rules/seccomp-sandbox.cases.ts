import { testRule } from '../support/rule-tester';

testRule('seccomp-sandbox', {
  valid: ['seccomp_sandbox=NO\n', '# Debian default is NO\n', { code: '# Fedora default is NO\n', target: 'fedora' }],
  invalid: [
    {
      code: 'seccomp_sandbox=YES\n',
      line: 1,
      column: 1,
      option: 'seccomp_sandbox',
      severity: 'warning',
      message: "seccomp_sandbox=YES (line 1): Debian 12's vsftpd kills the session (SIGSYS) at its first file operation",
      output: 'seccomp_sandbox=NO\n',
    },
    {
      code: 'listen=YES\n',
      target: 'upstream-3.0.3',
      line: 1,
      column: 1,
      severity: 'info',
      message: 'seccomp_sandbox=YES (the compiled default of upstream vsftpd 3.0.3)',
      output: 'listen=YES\nseccomp_sandbox=NO\n',
    },
  ],
});
