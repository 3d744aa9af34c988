import { testRule } from '../support/rule-tester';

testRule('tcp-wrappers-unsupported', {
  valid: [
    'tcp_wrappers=YES\n', // Debian has libwrap
    { code: 'tcp_wrappers=NO\n', target: 'fedora' },
    { code: '# nothing\n', target: 'rhel' },
    // RHEL/CentOS 7's vsftpd 3.0.2 is built with libwrap.
    { code: 'tcp_wrappers=YES\n', target: 'rhel7' },
    { code: 'tcp_wrappers=YES\n', target: 'centos7' },
  ],
  invalid: [
    {
      code: 'listen=YES\ntcp_wrappers=YES\n',
      target: 'fedora',
      line: 2,
      column: 1,
      option: 'tcp_wrappers',
      message:
        'Fedora/RHEL 8-9 vsftpd 3.0.x is built without libwrap: every connection gets "500 OOPS: tcp_wrappers is set to YES ' +
        'but no tcp wrapper support compiled in". Move the hosts.allow/hosts.deny rules to the firewall or pam_access, ' +
        'then write tcp_wrappers=NO (no fix: turning it off alone would let those clients in); for RHEL/CentOS 7 use --target rhel7',
      // No fix may drop the hosts.allow filtering.
      output: null,
      fixed: 'listen=YES\ntcp_wrappers=YES\n',
    },
    { code: 'tcp_wrappers=YES\n', target: 'rhel9', line: 1, column: 1, message: 'built without libwrap', output: null },
    { code: 'tcp_wrappers=YES\n', target: 'centos', line: 1, column: 1, message: 'built without libwrap', output: null },
  ],
});
