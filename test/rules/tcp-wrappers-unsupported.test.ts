import { testRule } from '../support/rule-tester';

testRule('tcp-wrappers-unsupported', {
  valid: [
    'tcp_wrappers=YES\n', // Debian has libwrap
    { code: 'tcp_wrappers=NO\n', target: 'fedora' },
    { code: '# nothing\n', target: 'rhel' },
  ],
  invalid: [
    {
      code: 'listen=YES\ntcp_wrappers=YES\n',
      target: 'fedora',
      line: 2,
      column: 1,
      option: 'tcp_wrappers',
      message: 'Fedora/RHEL vsftpd 3.0.x is built without libwrap: every connection gets "500 OOPS: tcp_wrappers is set to YES but no tcp wrapper support compiled in"',
      output: 'listen=YES\ntcp_wrappers=NO\n',
    },
  ],
});
