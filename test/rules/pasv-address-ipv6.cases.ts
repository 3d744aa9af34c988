import { testRule } from '../support/rule-tester';

testRule('pasv-address-ipv6', {
  valid: [
    'listen=YES\npasv_address=203.0.113.7\n',
    'listen_ipv6=YES\n',
    'listen_ipv6=YES\npasv_address=203.0.113.7\npasv_address=\n',
    'listen_ipv6=YES\npasv_enable=NO\npasv_address=203.0.113.7\n',
  ],
  invalid: [
    {
      // Debian's shipped layout with pasv_address added
      code: 'listen=NO\nlisten_ipv6=YES\npasv_address=203.0.113.7\n',
      line: 2,
      column: 13,
      option: 'listen_ipv6',
      message:
        'listen_ipv6=YES with pasv_address=203.0.113.7 (line 3): on an IPv6 listener vsftpd cannot put pasv_address in the reply and sends "227 Entering Passive Mode (0,0,0,0,p1,p2)."',
      output: 'listen=YES\nlisten_ipv6=NO\npasv_address=203.0.113.7\n',
    },
    {
      code: 'listen_ipv6=YES\npasv_address=203.0.113.7\n',
      line: 1,
      column: 13,
      message: 'use listen=YES and listen_ipv6=NO',
      output: 'listen_ipv6=NO\npasv_address=203.0.113.7\nlisten=YES\n',
    },
    {
      // both listeners: vsftpd refuses to start (a startup rule); the fix leaves one
      code: 'listen=YES\nlisten_ipv6=YES\npasv_address=203.0.113.7\n',
      target: 'upstream-3.0.5',
      line: 2,
      column: 13,
      message: '0,0,0,0',
      output: 'listen=YES\nlisten_ipv6=NO\npasv_address=203.0.113.7\n',
    },
  ],
});
