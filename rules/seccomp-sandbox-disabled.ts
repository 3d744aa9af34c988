import { at, Rule } from '../src/engine/rule';
import { compiledDefault } from '../src/schema/targets';

const seccompSandboxDisabled: Rule = {
  id: 'VSF418',
  name: 'seccomp-sandbox-disabled',
  category: 'security',
  severity: 'info',
  fixable: 'none',
  enabledByDefault: false,
  summary: 'seccomp_sandbox=NO turns off (or keeps off) the seccomp syscall filter for sessions.',
  sources: ['vsftpd-reference 2.1 (compiled defaults), 3.3 and 3.4 (YES kills sessions on Debian 12)'],
  docs: {
    what:
      'An explicit seccomp_sandbox=NO line. On upstream 3.0.2, 3.0.3, 3.0.5 and openSUSE it ' +
      'turns off a filter that is on by default; Debian and Fedora/RHEL compile in NO, so there ' +
      'the line restates the default and the finding only records that the hardening is off.',
    why:
      'The sandbox limits the system calls a session process may make, so a bug in the FTP ' +
      'code is harder to turn into a compromise. It is also a common workaround: with newer ' +
      'kernels and C libraries the filter misses system calls vsftpd makes, and the session is ' +
      'killed (on Debian 12, YES ends every session at its first SIZE, LIST or RETR, the client ' +
      'sees the connection close or "500 OOPS: child died"). Keep NO only where YES breaks ' +
      'sessions. That other side is reported by seccomp-sandbox (startup), which recommends NO ' +
      'wherever YES is in effect; this rule is off by default so the two do not contradict ' +
      'each other on every upstream config: enable it where hardening takes precedence.',
    prevents: 'losing the seccomp hardening without knowing it',
    example: { bad: 'seccomp_sandbox=NO', good: '# transfers tested with the sandbox on\nseccomp_sandbox=YES' },
    fix:
      'No automatic fix: removing the line turns the sandbox back on, which kills sessions on ' +
      'systems where the filter is out of date. Test a transfer with seccomp_sandbox=YES first.',
  },
  check({ target, config, report }) {
    const sandbox = config.get('seccomp_sandbox');
    if (sandbox?.value !== false || !sandbox.source) return;
    const byDefault = compiledDefault(sandbox.option, target) === true;
    report({
      ...at(sandbox),
      message: byDefault
        ? `${config.describe(sandbox)} turns off the seccomp syscall filter that ${target.label} ` +
          'applies to sessions by default; keep it only if sessions die with YES (as on Debian 12, ' +
          'where the session closes at its first LIST or RETR)'
        : `${config.describe(sandbox)} keeps the seccomp syscall filter off, as ${target.label} ` +
          'does by default: needed where YES kills sessions (Debian 12 closes the session at its ' +
          'first LIST or RETR); where YES works, it adds a layer of hardening',
    });
  },
};

export default seccompSandboxDisabled;
