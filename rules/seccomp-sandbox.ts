import { fixWith, lineOf, Rule, settingSpan, setValue } from '../src/engine/rule';

const seccompSandbox: Rule = {
  id: 'VSF314',
  name: 'seccomp-sandbox',
  category: 'startup',
  severity: 'warning',
  fixable: 'unsafe',
  summary: 'seccomp_sandbox=YES kills vsftpd 3.0.x sessions on current glibc (confirmed on Debian 12).',
  sources: ['seccompsandbox.c (the option is undocumented in the 3.0.2/Debian man page)', 'reference 3.4 (run on Debian 12)'],
  docs: {
    what:
      'seccomp_sandbox=YES in effect: written in the file, or the compiled default of upstream ' +
      'vsftpd and openSUSE (Debian and Fedora/RHEL compile it as NO).',
    why:
      'The seccomp filter of vsftpd 3.0.x allows a fixed list of system calls; current glibc ' +
      'uses others (newfstatat), so the kernel kills the session with SIGSYS at its first file ' +
      "operation (SIZE, LIST, RETR). Confirmed with Debian 12's vsftpd 3.0.3 (a warning there); " +
      'for other builds it depends on the C library they run with (info).',
    prevents: 'the control connection closed without a reply, or "500 OOPS: child died", at the first LIST/RETR/SIZE',
    example: { bad: 'seccomp_sandbox=YES', good: 'seccomp_sandbox=NO' },
    fix:
      'Unsafe: seccomp_sandbox is set to NO (the line is changed or one is appended), giving up ' +
      'that layer of hardening; the privilege separation and chroot stay.',
  },
  check({ document, target, config, report }) {
    const sandbox = config.flag('seccomp_sandbox');
    if (!sandbox?.value) return;
    const line = lineOf(sandbox);
    const confirmed = target.id === 'debian-3.0.3';
    report({
      line,
      ...(line ? settingSpan(line) : {}),
      option: 'seccomp_sandbox',
      severity: confirmed ? 'warning' : 'info',
      message:
        `${config.describe(sandbox)}: ` +
        (confirmed
          ? "Debian 12's vsftpd kills the session (SIGSYS) at its first file operation (LIST, RETR, SIZE)"
          : "vsftpd 3.0.x's seccomp filter predates system calls current glibc makes (newfstatat): " +
            'on such systems (e.g. Debian 12) sessions are killed at their first file operation') +
        '; write seccomp_sandbox=NO',
      fix: fixWith('unsafe', setValue(document, sandbox, 'NO')),
    });
  },
};

export default seccompSandbox;
