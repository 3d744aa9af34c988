/**
 * What the comment and octal rules claim about vsftpd, checked against Debian's real vsftpd 3.0.3
 * (/usr/sbin/vsftpd):
 *
 *  - foreign-comment: vsftpd refuses a "//", "/*", ";" or "--" line, at that line (the first error it
 *    prints names the same text as the linter's first syntax error, not a later refused line),
 *    and reads past it once the safe fix has made it a "#" comment, without the setting;
 *  - inline-comment: vsftpd accepts "rsa_cert_file=PATH # comment" and opens the whole text as the
 *    certificate's file name, and loads PATH once the fix has moved the comment; ftpd_banner
 *    shows the "#" text in its greeting;
 *  - octal-integer: the umask vsftpd applies to a directory an anonymous user creates (MKD) is the
 *    value the linter says it reads, for decimal text ("63" is 077), octal text and text with a
 *    comment after it, and the safe fix leaves that umask unchanged.
 *
 * The parse-time checks need the binary; the MKD checks also need root (vsftpd chroots). Both fail,
 * never skip, when what they need is missing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fix, lint } from '../src';
import type { Finding } from '../src';
import { ControlChannel } from '../src/probe/connection';
import { readUint } from '../src/schema/values';
import { freePort, makeWorkDir, stopAllServers, vsftpdConfig, vsftpdUnavailable, Vsftpd } from './support/ftp-server';
import { isParseRejection } from './support/syntax-verdict';
import { runVsftpd, vsftpdAvailable, VSFTPD_PATH } from './support/vsftpd';

const TARGET = 'debian-3.0.3';
const STEP_MS = 5000;

jest.setTimeout(45000);

function requireVsftpd(): void {
  if (!vsftpdAvailable()) throw new Error(`${VSFTPD_PATH} is missing: run ./scripts/test.sh, which installs it`);
}

const fatal = (text: string): Finding[] => lint(text, { target: TARGET }).filter(isParseRejection);

describe('foreign-comment: vsftpd refuses the line, and loads the fixed file without the setting', () => {
  beforeAll(requireVsftpd);

  test.each([
    ['// write_enable=YES', '// write_enable'],
    ['//allow_writeable_chroot=YES', '//allow_writeable_chroot'],
    ['; anon_upload_enable=YES', '; anon_upload_enable'],
    ['; passive range opened in the firewall', '; passive range opened in the firewall'],
    ['-- anonymous_enable=YES', '-- anonymous_enable'],
    ['------------', '------------'],
    ['/* write_enable=YES */', '/* write_enable'],
    ['  // write_enable=YES', '// write_enable'],
  ])('%j', (commentLine, name) => {
    // A later fatal line: vsftpd stops at the first refused line, and so does the linter.
    const text = `listen=NO\nanonymous_enable=NO\n${commentLine}\nlisten=maybe\n`;
    const vsftpd = runVsftpd(text);
    expect(vsftpd).toMatchObject({ kind: 'parse-error', name });
    const [first] = fatal(text);
    expect(first).toMatchObject({ line: 3, name: 'foreign-comment', option: name, fixable: 'safe' });
    expect(lint(text, { target: TARGET }).filter((f) => f.name === 'unknown-option' || f.name === 'missing-equals')).toEqual([]);

    for (const unsafe of [false, true]) {
      const { output } = fix(text, { target: TARGET, unsafe });
      expect(output.split('\n')[2]).toMatch(/^#/);
      // vsftpd now reads past the fixed line and stops at the next refused one, which has no fix.
      expect(runVsftpd(output)).toMatchObject({ kind: 'parse-error', name: 'listen' });
      expect(runVsftpd(output.replace('listen=maybe', 'listen=NO')).kind).toBe('parsed');
      expect(output).not.toMatch(/^(write_enable|allow_writeable_chroot|anon_upload_enable)=/m);
      expect(output).toMatch(/^anonymous_enable=NO$/m);
    }
  });
});

describe('inline-comment: vsftpd opens the whole text as the certificate file', () => {
  let dir: string;
  let cert: string;
  let key: string;
  beforeAll(() => {
    requireVsftpd();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-cert-'));
    cert = path.join(dir, 'cert.pem');
    key = path.join(dir, 'key.pem');
    const openssl = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=vsftpd-lint'],
      { encoding: 'utf8' },
    );
    if (openssl.status !== 0) throw new Error(`openssl could not make a certificate: ${openssl.stderr}`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the comment is part of the file name; after the fix vsftpd opens the named file', () => {
    const text = `ssl_enable=YES\nrsa_cert_file=${cert} # the host certificate\nrsa_private_key_file=${key}\n`;
    const [finding] = lint(text, { target: TARGET }).filter((f) => f.name === 'inline-comment');
    expect(finding).toMatchObject({ line: 2, severity: 'warning', fixable: 'unsafe' });
    expect(finding.message).toContain(`'${cert} # the host certificate', comment included`);
    expect(fatal(text)).toEqual([]);

    // vsftpd parses the file, then cannot load a certificate named "cert.pem # the host
    // certificate"; once a file of that name exists, it loads it and gets past TLS set-up.
    const loaded = { kind: 'parsed', message: 'vsftpd: not configured for standalone, must be started from inetd' };
    expect(runVsftpd(text)).toEqual({ kind: 'parsed', message: 'SSL: cannot load RSA certificate' });
    const wholeText = `${cert} # the host certificate`;
    fs.copyFileSync(cert, wholeText);
    try {
      expect(runVsftpd(text)).toEqual(loaded);
    } finally {
      fs.rmSync(wholeText);
    }

    const { output } = fix(text, { target: TARGET, unsafe: true });
    expect(output).toContain(`# the host certificate\nrsa_cert_file=${cert}\n`);
    expect(runVsftpd(output)).toEqual(loaded);
  });
});

/**
 * Starts an anonymous vsftpd with an upload area (upload/, writable by all) and `extra` lines,
 * logs in, and returns what `session` returns; the greeting is passed to it.
 */
async function withAnonymousSession<T>(
  extra: readonly string[],
  session: (control: ControlChannel, greeting: string, upload: string) => Promise<T>,
): Promise<T> {
  const { dir, root } = makeWorkDir('vsftpd-lint-umask-');
  try {
    const upload = path.join(root, 'upload');
    fs.mkdirSync(upload);
    fs.chmodSync(upload, 0o777);
    const port = await freePort();
    const config = vsftpdConfig({ address: '127.0.0.1', port, root, extra }).replace('write_enable=NO\n', '');
    await Vsftpd.start({ dir, name: 'session', config, port });
    const control = await ControlChannel.open(
      '127.0.0.1',
      port,
      STEP_MS,
      () => undefined,
      (t) => t,
    );
    try {
      const greeting = await control.read(STEP_MS);
      expect(greeting.code).toBe(220);
      expect((await control.command('USER anonymous', STEP_MS)).code).toBe(331);
      expect((await control.command('PASS lint@example.com', STEP_MS)).code).toBe(230);
      return await session(control, greeting.text, upload);
    } finally {
      control.close();
    }
  } finally {
    await stopAllServers();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The permission bits of a directory an anonymous user creates with `umaskLine` in the config. */
function mkdirMode(umaskLine: string): Promise<number> {
  return withAnonymousSession(['write_enable=YES', 'anon_mkdir_write_enable=YES', umaskLine], async (control, _, upload) => {
    expect((await control.command('MKD /upload/made', STEP_MS)).code).toBe(257);
    return fs.statSync(path.join(upload, 'made')).mode & 0o7777;
  });
}

test('inline-comment: ftpd_banner shows the "#" text in the greeting, as the info finding says', async () => {
  const why = vsftpdUnavailable();
  if (why) throw new Error(why);
  const line = 'ftpd_banner=Welcome to FTP server #2';
  const [finding] = lint(`${line}\n`, { target: TARGET }).filter((f) => f.name === 'inline-comment');
  expect(finding).toMatchObject({ severity: 'info', fixable: 'none' });
  expect(finding.message).toContain("ftpd_banner shows 'Welcome to FTP server #2'");
  expect(await withAnonymousSession([line], (_, greeting) => Promise.resolve(greeting))).toBe('220 Welcome to FTP server #2');
});

describe('octal-integer: the umask vsftpd applies is the one the linter reads, and the safe fix keeps it', () => {
  beforeAll(() => {
    const why = vsftpdUnavailable();
    if (why) throw new Error(why);
  });
  afterEach(stopAllServers);

  test.each([
    // text, the octal value the linter says vsftpd reads, whether the fix is safe (else none)
    ['63', 0o077, 'safe'],
    ['22', 0o026, 'safe'],
    ['18', 0o022, 'safe'],
    ['300', 0o454, 'none'],
    ['77', 0o115, 'none'],
    ['022', 0o022, undefined],
    ['022 # umask', 0o022, undefined],
    ['18 # from the template', 0o022, 'safe'], // atoi reads the digits before the comment
  ] as const)('anon_umask=%s', async (value, reading, fixable) => {
    const line = `anon_umask=${value}`;
    expect(readUint(value)).toBe(reading);
    const finding = lint(`${line}\n`, { target: TARGET }).find((f) => f.name === 'octal-integer');
    expect(finding?.fixable).toBe(fixable);
    const observed = await mkdirMode(line);
    expect(observed).toBe(0o777 & ~reading);
    if (fixable === 'safe') {
      const { output } = fix(`${line}\n`, { target: TARGET });
      const fixedLine = output.split('\n').find((l) => l.startsWith('anon_umask='))!;
      expect(fixedLine).toBe(`anon_umask=0${reading.toString(8).padStart(2, '0')}`);
      expect(await mkdirMode(fixedLine)).toBe(observed);
    }
  });
});
