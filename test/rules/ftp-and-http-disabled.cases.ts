import { testRule } from '../support/rule-tester';

testRule('ftp-and-http-disabled', {
  valid: ['ftp_enable=YES\n', 'http_enable=NO\n', 'ftp_enable=NO\nhttp_enable=YES\n'],
  invalid: [
    {
      code: 'anonymous_enable=YES\nftp_enable=NO\n',
      line: 2,
      column: 1,
      option: 'ftp_enable',
      message:
        'ftp_enable=NO (line 2) and http_enable=NO (the compiled default of Debian vsftpd 3.0.3): every connection gets "500 OOPS: vsftpd: both FTP and HTTP disabled!"',
      output: 'anonymous_enable=YES\nftp_enable=YES\n',
    },
    {
      code: 'ftp_enable=NO\nhttp_enable=NO',
      line: 1,
      column: 1,
      message: 'write ftp_enable=YES',
      output: 'ftp_enable=YES\nhttp_enable=NO',
    },
  ],
});
