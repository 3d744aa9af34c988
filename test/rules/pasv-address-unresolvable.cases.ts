import { testRule } from '../support/rule-tester';

testRule('pasv-address-unresolvable', {
  valid: [
    'pasv_addr_resolve=YES\npasv_address=ftp.example.com\n',
    'pasv_addr_resolve=YES\npasv_address=203.0.113.7\n',
    'pasv_addr_resolve=YES\npasv_address=myhost.dyndns.org.\n',
    'pasv_address=[SERVER IP]\n', // not resolved (data-connection rules judge it)
    'pasv_addr_resolve=YES\n',
    'pasv_addr_resolve=YES\npasv_address=my-ftp-server\n', // may be a container name: not judged
  ],
  invalid: [
    { code: 'pasv_addr_resolve=YES\npasv_address=::1\n', line: 2, column: 14, message: 'IPv4 only', option: 'pasv_address' },
    {
      code: 'pasv_addr_resolve=YES\npasv_address=[SERVER IP]\n',
      line: 2,
      column: 14,
      option: 'pasv_address',
      message: `pasv_address '[SERVER IP]' cannot be resolved (it contains '[', ' ', ']'): with pasv_addr_resolve=YES (line 1) vsftpd stops at start-up with "500 OOPS: cannot resolve host:[SERVER IP]"`,
      output: null,
    },
    { code: 'pasv_addr_resolve=YES\npasv_address=x.x.x.x\n', line: 2, column: 14, message: 'it is a placeholder' },
    { code: 'pasv_addr_resolve=YES\npasv_address=192.168.x.x\n', line: 2, column: 14, message: 'it is a placeholder' },
    { code: 'pasv_addr_resolve=YES\npasv_address=changeme\n', line: 2, column: 14, message: 'it is a placeholder' },
    { code: 'pasv_addr_resolve=YES\npasv_address=ftp.yourdomain.com\n', line: 2, column: 14, message: 'it is a placeholder' },
    { code: 'pasv_addr_resolve=YES\npasv_address=YOUR_PUBLIC_IP\n', line: 2, column: 14, message: 'it is a placeholder' },
    { code: 'pasv_addr_resolve=YES\npasv_address=<your public ip>\n', line: 2, column: 14, message: "contains '<'" },
    { code: 'pasv_addr_resolve=YES\npasv_address=${PASV_ADDRESS}\n', line: 2, column: 14, message: "contains '$'" },
    { code: 'pasv_addr_resolve=YES\npasv_address=300.1.2.3\n', line: 2, column: 14, message: 'neither an IPv4 address nor a host name' },
    { code: 'pasv_addr_resolve=YES\npasv_address=ftp..example.com\n', line: 2, column: 14, message: 'empty label' },
  ],
});
