/**
 * Checks the helper that runs the real vsftpd (test/support/vsftpd.ts) on lines whose outcome
 * the reference confirms (sections 0, 1.7, 3.1), so that a differential-test failure can be
 * trusted to be about the linter, not the harness. Needs /usr/sbin/vsftpd: fails, never skips.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { classify, runVsftpd, VsftpdResult, vsftpdAvailable, VSFTPD_PATH } from './support/vsftpd';

const NOT_CONFIGURED = 'vsftpd: not configured for standalone, must be started from inetd';

function requireVsftpd(): void {
  if (!vsftpdAvailable()) {
    throw new Error(
      `${VSFTPD_PATH} is missing: these tests run Debian's real vsftpd and are never skipped. ` +
        "Install it (apt-get install -y vsftpd, as the CI set-up does) and run the README's test command.",
    );
  }
}

describe('classify (what vsftpd wrote to fd 0)', () => {
  test('strips exactly the final "\\r\\n", keeping blanks and "\\r" that belong to the name', () => {
    expect(classify('500 OOPS: missing value in config file for: a \r\r\n')).toEqual({
      kind: 'parse-error',
      prefix: 'missing value in config file for: ',
      message: 'missing value in config file for: a \r',
      name: 'a \r',
    });
    expect(classify('500 OOPS: unrecognised variable in config file: \r\n')).toMatchObject({
      kind: 'parse-error',
      name: '',
    });
  });

  test('anything else is a clean parse', () => {
    expect(classify(`500 OOPS: ${NOT_CONFIGURED}\r\n`)).toEqual({ kind: 'parsed', message: NOT_CONFIGURED });
    expect(classify('500 OOPS: cannot resolve host:x\r\n')).toEqual({ kind: 'parsed', message: 'cannot resolve host:x' });
    expect(classify('')).toEqual({ kind: 'parsed', message: '' });
  });
});

describe(`runVsftpd against ${VSFTPD_PATH}`, () => {
  beforeEach(requireVsftpd);

  const cases: [string, string, VsftpdResult | { kind: 'crash' }][] = [
    [
      'a trailing blank on a boolean',
      'listen=YES \n',
      {
        kind: 'parse-error',
        prefix: 'bad bool value in config file for: ',
        message: 'bad bool value in config file for: listen',
        name: 'listen',
      },
    ],
    [
      'blanks around "=" (name keeps the space)',
      'listen = YES\n',
      {
        kind: 'parse-error',
        prefix: 'unrecognised variable in config file: ',
        message: 'unrecognised variable in config file: listen ',
        name: 'listen ',
      },
    ],
    [
      'a CRLF boolean',
      'anonymous_enable=YES\r\n',
      {
        kind: 'parse-error',
        prefix: 'bad bool value in config file for: ',
        message: 'bad bool value in config file for: anonymous_enable',
        name: 'anonymous_enable',
      },
    ],
    [
      'a string name without "=" in a CRLF file (name keeps the "\\r")',
      'ftpd_banner\r\n',
      {
        kind: 'parse-error',
        prefix: 'missing value in config file for: ',
        message: 'missing value in config file for: ftpd_banner\r',
        name: 'ftpd_banner\r',
      },
    ],
    [
      '"=" alone (empty name)',
      '=\n',
      {
        kind: 'parse-error',
        prefix: 'missing value in config file for: ',
        message: 'missing value in config file for: ',
        name: '',
      },
    ],
    [
      'an indented comment',
      '  # c\n',
      {
        kind: 'parse-error',
        prefix: 'missing value in config file for: ',
        message: 'missing value in config file for: # c',
        name: '# c',
      },
    ],
    [
      'a BOM before the first name',
      '\uFEFFanonymous_enable=YES\n',
      {
        kind: 'parse-error',
        prefix: 'unrecognised variable in config file: ',
        message: 'unrecognised variable in config file: \uFEFFanonymous_enable',
        name: '\uFEFFanonymous_enable',
      },
    ],
    ['a whitespace-only string value (Debian SIGSEGV)', 'ftpd_banner= \n', { kind: 'crash' }],
    ['a CRLF string value left blank (Debian SIGSEGV)', 'secure_chroot_dir=\r\n', { kind: 'crash' }],
    ['an empty file', '', { kind: 'parsed', message: NOT_CONFIGURED }],
    [
      'odd but accepted lines',
      '\tanonymous_enable=yes\n\r\n# c\nlisten_port=08\r\nftpd_banner=\nftpd_banner=\0 \n',
      {
        kind: 'parsed',
        message: NOT_CONFIGURED,
      },
    ],
    [
      'a post-parse start-up failure still counts as parsed',
      'ssl_enable=YES\nrsa_cert_file=/nonexistent/cert\n',
      {
        kind: 'parsed',
        message: 'SSL: cannot load RSA certificate',
      },
    ],
  ];

  test.each(cases)('%s: %j', (_label, config, expected) => {
    const result = runVsftpd(config);
    if (expected.kind === 'crash') expect(result).toEqual({ kind: 'crash', signal: 'SIGSEGV' });
    else expect(result).toEqual(expected);
  });

  test('latin1 encoding: bytes that are not UTF-8 come back one character per byte', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xff]), Buffer.from('listen=YES\n')]);
    expect(runVsftpd(bytes, { encoding: 'latin1' })).toMatchObject({
      kind: 'parse-error',
      name: '\xEF\xBB\xBF\xFFlisten',
    });
  });

  test('logging options create no log file (vsftpd stops before any session)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-logs-'));
    try {
      const config = [
        'xferlog_enable=YES',
        'dual_log_enable=YES',
        'log_ftp_protocol=YES',
        `xferlog_file=${dir}/xferlog`,
        `vsftpd_log_file=${dir}/vsftpd.log`,
        '',
      ].join('\n');
      expect(runVsftpd(config)).toEqual({ kind: 'parsed', message: NOT_CONFIGURED });
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
