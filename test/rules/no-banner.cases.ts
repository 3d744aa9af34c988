import { testRule } from '../support/rule-tester';

const BANNER = 'ftpd_banner=Authorized users only. All activity may be monitored and reported.\n';

testRule('no-banner', {
  valid: ['ftpd_banner=Welcome to the archive.\n', 'banner_file=/etc/issue.net\n'],
  invalid: [
    {
      code: '',
      line: 1,
      column: 1,
      option: 'ftpd_banner',
      message: 'every client is greeted with "220 (vsFTPd 3.0.3)"',
      output: BANNER,
    },
    {
      code: 'listen=YES\nftpd_banner=\n',
      line: 1,
      column: 1,
      message: 'neither ftpd_banner nor banner_file is set',
      output: `listen=YES\nftpd_banner=\n${BANNER}`,
    },
    // Past vsftpd's 100,000-byte read limit an appended line would never be read: no fix.
    { code: `#${'x'.repeat(100_000)}\n`, line: 1, column: 1, message: 'neither ftpd_banner nor banner_file', output: null },
    { code: 'listen=YES', target: 'upstream-3.0.5', line: 1, column: 1, message: '"220 (vsFTPd 3.0.5)"', output: `listen=YES\n${BANNER}` },
  ],
});
